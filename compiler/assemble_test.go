package compiler

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// The assembler is tested differentially: the oracle compiles a source and
// takes every code object apart again into what its assembler was given —
// one instruction per real instruction (EXTENDED_ARG and CACHE units
// dropped, the full argument kept), jump arguments turned back into the
// index of the target instruction, JUMP_FORWARD and JUMP_BACKWARD turned
// back into the pseudo JUMP and JUMP_BACKWARD_NO_INTERRUPT into
// JUMP_NO_INTERRUPT, each instruction's location from co_positions() and
// its handler from the exception table — and makeCode must build exactly
// the same code object from that.

// asmOracleLib is the Python side: record(co) takes a code object apart
// (pyConstEncoder's enc is prepended).
const asmOracleLib = `
import sys, json, marshal, struct, warnings, opcode, types, dis, itertools
warnings.simplefilter("ignore")
_EXT = opcode.opmap["EXTENDED_ARG"]
_CACHES = [opcode._inline_cache_entries.get(opcode.opname[i], 0) for i in range(256)]
_JREL = set(opcode.hasjrel)
_BACK = {opcode.opmap["JUMP_BACKWARD"], opcode.opmap["JUMP_BACKWARD_NO_INTERRUPT"]}
_JF, _JB, _JBNI = opcode.opmap["JUMP_FORWARD"], opcode.opmap["JUMP_BACKWARD"], opcode.opmap["JUMP_BACKWARD_NO_INTERRUPT"]
_JUMP, _JNI = opcode.opmap["JUMP"], opcode.opmap["JUMP_NO_INTERRUPT"]

def localspluskinds(co):
    # co_localspluskinds is not exposed in 3.13; marshal writes it.
    data = marshal.dumps(co.replace(co_consts=()))
    pos = 0
    def rd(n):
        nonlocal pos
        b = data[pos:pos+n]; pos += n; return b
    def rl(): return struct.unpack("<i", rd(4))[0]
    def obj():
        nonlocal pos
        t = chr(data[pos] & 0x7f); pos += 1
        if t in "NFT.S0": return None
        if t == "i": return rl()
        if t == "r": rl(); return None
        if t in "zZ": n = data[pos]; pos += 1; rd(n); return None
        if t in "aAut": rd(rl()); return None
        if t == "s": return rd(rl())
        if t == ")": n = data[pos]; pos += 1; [obj() for _ in range(n)]; return None
        if t in "([<>": [obj() for _ in range(rl())]; return None
        if t == "c":
            [rl() for _ in range(5)]
            return [obj() for _ in range(8)][4]
        raise ValueError("marshal type %r" % t)
    return obj()

def instructions(co):
    code = co.co_code
    n = len(code) // 2
    pos = co.co_positions()
    ins = []
    i = 0
    while i < n:
        start = i
        op, arg = code[2*i], code[2*i+1]
        while op == _EXT:
            i += 1
            op = code[2*i]; arg = (arg << 8) | code[2*i+1]
        end = i + 1 + _CACHES[op]
        ins.append((start, end, op, arg))
        i = end
    index = {s[0]: k for k, s in enumerate(ins)}
    out = []
    at = 0
    for s, e, op, arg in ins:
        if op in _JREL:
            arg = index[e - arg if op in _BACK else e + arg]
            if op in (_JF, _JB): op = _JUMP
            elif op == _JBNI: op = _JNI
        p = next(itertools.islice(pos, s - at, None))
        at = s + 1
        out.append([op, arg] + [-1 if x is None else x for x in p] + [-1, 0, 0])
    for ent in dis._parse_exception_table(co):
        h = index[ent.target // 2]
        k = index[ent.start // 2]
        while k < len(ins) and ins[k][0] < ent.end // 2:
            # the table stores start depth - 1 - lasti
            out[k][6:9] = [h, ent.depth + 1 + int(ent.lasti), int(ent.lasti)]
            k += 1
    # run-length encoded: count, then the 9 numbers of the row
    flat = []
    for row in out:
        if flat and flat[-9:] == row:
            flat[-10] += 1
        else:
            flat.append(1); flat.extend(row)
    return flat

def _big(b):
    # tables of a megabyte or more are compared by digest
    if len(b) >= 1 << 20:
        import hashlib
        return "sha256:" + hashlib.sha256(b).hexdigest()
    return b.hex()

def record(co):
    nlp = len(co.co_varnames) + len([c for c in co.co_cellvars if c not in co.co_varnames]) + len(co.co_freevars)
    return {
        "name": co.co_name, "qualname": co.co_qualname, "filename": co.co_filename,
        "firstlineno": co.co_firstlineno, "argcount": co.co_argcount,
        "posonlyargcount": co.co_posonlyargcount, "kwonlyargcount": co.co_kwonlyargcount,
        "flags": co.co_flags, "stacksize": co.co_stacksize, "nlocals": co.co_nlocals,
        "names": co.co_names, "varnames": co.co_varnames, "cellvars": co.co_cellvars,
        "freevars": co.co_freevars,
        "lpnames": [co._varname_from_oparg(i) for i in range(nlp)],
        "lpkinds": localspluskinds(co).hex(),
        "consts": [enc(c) for c in co.co_consts],
        "code": _big(co.co_code), "linetable": _big(co.co_linetable),
        "exctable": _big(co.co_exceptiontable),
        "instrs": instructions(co),
    }

def walk(co, out):
    out.append(record(co))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, out)

def emit(label, codes=None, error=None):
    sys.stdout.write(json.dumps({"label": label, "error": error, "codes": codes or []}) + "\n")
`

// asmOracleMain compiles the jobs read from stdin: {"path": p} or
// {"name": n, "src": s}; one line of output per job.
const asmOracleMain = `
for job in json.load(sys.stdin):
    label = job.get("path") or job["name"]
    try:
        src = open(job["path"], "rb").read() if "path" in job else job["src"]
        co = compile(src, label, "exec")
    except Exception as e:
        emit(label, error="%s: %s" % (type(e).__name__, e))
        continue
    out = []
    walk(co, out)
    emit(label, out)
`

// oracleCode is one code object as the oracle's record() describes it.
type oracleCode struct {
	Name            string            `json:"name"`
	QualName        string            `json:"qualname"`
	Filename        string            `json:"filename"`
	FirstLineno     int               `json:"firstlineno"`
	ArgCount        int               `json:"argcount"`
	PosOnlyArgCount int               `json:"posonlyargcount"`
	KwOnlyArgCount  int               `json:"kwonlyargcount"`
	Flags           int               `json:"flags"`
	StackSize       int               `json:"stacksize"`
	NLocals         int               `json:"nlocals"`
	Names           []string          `json:"names"`
	VarNames        []string          `json:"varnames"`
	CellVars        []string          `json:"cellvars"`
	FreeVars        []string          `json:"freevars"`
	LPNames         []string          `json:"lpnames"`
	LPKinds         string            `json:"lpkinds"`
	Consts          []json.RawMessage `json:"consts"`
	Code            string            `json:"code"`
	LineTable       string            `json:"linetable"`
	ExcTable        string            `json:"exctable"`
	Instrs          []int             `json:"instrs"`
	// CellOrder, when set, is the order of the unit's cells (u_cellvars)
	// where it differs from co_cellvars.
	CellOrder []string `json:"cellorder"`
	// Locs, when set, are the locations the instructions were given
	// (4 numbers each), where co_positions() would not return them.
	Locs []int `json:"locs"`
}

// oracleJob is one line of the oracle's output.
type oracleJob struct {
	Label string       `json:"label"`
	Error *string      `json:"error"`
	Codes []oracleCode `json:"codes"`
}

// runAsmOracle runs script under the oracle with stdin and calls f for
// each line of output as it arrives, so that the oracle and the Go side
// work at the same time.
func runAsmOracle(t *testing.T, script string, stdin []byte, f func(oracleJob)) {
	t.Helper()
	py := oracle.Require(t)
	cmd := exec.Command(py, "-c", pyConstEncoder+asmOracleLib+script)
	cmd.Env = oracle.Env()
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReaderSize(out, 1<<20)
	for {
		line, err := r.ReadBytes('\n')
		if len(line) > 0 {
			var job oracleJob
			if err := json.Unmarshal(line, &job); err != nil {
				t.Fatalf("oracle output: %v", err)
			}
			f(job)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("oracle: %v\n%s", err, stderr.Bytes())
	}
}

// namesTable returns a nameTable holding names in order.
func namesTable(names []string) nameTable {
	var t nameTable
	for _, n := range names {
		t.add(n)
	}
	return t
}

// assemblerInput turns an oracle record back into what makeCode takes.
func assemblerInput(oc *oracleCode) (*unitMeta, []Const, *Seq, error) {
	kinds, err := hex.DecodeString(oc.LPKinds)
	if err != nil {
		return nil, nil, nil, err
	}
	meta := &unitMeta{
		Name:            oc.Name,
		QualName:        oc.QualName,
		Names:           namesTable(oc.Names),
		VarNames:        namesTable(oc.VarNames),
		CellVars:        namesTable(oc.CellVars),
		FreeVars:        namesTable(oc.FreeVars),
		ArgCount:        oc.ArgCount - oc.PosOnlyArgCount,
		PosOnlyArgCount: oc.PosOnlyArgCount,
		KwOnlyArgCount:  oc.KwOnlyArgCount,
		FirstLineno:     oc.FirstLineno,
	}
	if oc.CellOrder != nil {
		meta.CellVars = namesTable(oc.CellOrder)
	}
	for i, k := range kinds {
		if k&FastHidden != 0 && i < len(oc.LPNames) {
			if meta.FastHidden == nil {
				meta.FastHidden = map[string]bool{}
			}
			meta.FastHidden[oc.LPNames[i]] = true
		}
	}
	var consts []Const
	for _, raw := range oc.Consts {
		c, err := decodeOracleConst(raw)
		if err != nil {
			return nil, nil, nil, err
		}
		consts = append(consts, c)
	}
	const width = 1 + 9
	if len(oc.Instrs)%width != 0 {
		return nil, nil, nil, fmt.Errorf("instruction list of %d numbers", len(oc.Instrs))
	}
	seq := &Seq{}
	for i := 0; i < len(oc.Instrs); i += width {
		v := oc.Instrs[i+1 : i+width]
		in := Instr{
			Op:     Opcode(v[0]),
			Arg:    v[1],
			Loc:    Loc{Line: v[2], EndLine: v[3], Col: v[4], EndCol: v[5]},
			Except: ExceptHandler{Label: v[6], StartDepth: v[7], PreserveLasti: v[8] != 0},
		}
		for n := oc.Instrs[i]; n > 0; n-- {
			seq.Instrs = append(seq.Instrs, in)
		}
	}
	if oc.Locs != nil {
		if len(oc.Locs) != 4*len(seq.Instrs) {
			return nil, nil, nil, fmt.Errorf("%d locations for %d instructions", len(oc.Locs)/4, len(seq.Instrs))
		}
		for i := range seq.Instrs {
			v := oc.Locs[4*i:]
			seq.Instrs[i].Loc = Loc{Line: v[0], EndLine: v[1], Col: v[2], EndCol: v[3]}
		}
	}
	return meta, consts, seq, nil
}

// asmFields are the fields compared, in report order.
var asmFields = []string{
	"co_code", "co_linetable", "co_exceptiontable", "co_localsplusnames", "co_localspluskinds",
	"co_nlocals", "co_flags", "co_stacksize", "co_argcount", "co_posonlyargcount",
	"co_kwonlyargcount", "co_names", "co_consts", "co_name", "co_qualname", "co_firstlineno",
	"co_filename", "co_varnames", "co_cellvars", "co_freevars",
}

// asmTally counts, per field, how many code objects match the oracle.
type asmTally struct {
	objects, errors int
	match           map[string]int
	reported        int
	// jumps records the jump arguments seen in the assembled code, as
	// {+1 forward or -1 backward, argument}.
	jumps map[[2]int]bool
}

func newAsmTally() *asmTally {
	return &asmTally{match: map[string]int{}, jumps: map[[2]int]bool{}}
}

// noteJumps records the jump arguments of code.
func (ta *asmTally) noteJumps(code []byte) {
	arg := 0
	for i := 0; i+1 < len(code); i += 2 {
		op := Opcode(code[i])
		arg = arg<<8 | int(code[i+1])
		if op == EXTENDED_ARG {
			continue
		}
		if op.HasJump() {
			dir := 1
			if isBackwardJump(op) {
				dir = -1
			}
			ta.jumps[[2]int{dir, arg}] = true
		}
		i += 2 * op.CacheEntries()
		arg = 0
	}
}

// requireJumps fails t unless jumps with each argument in dir were seen;
// dir is +1 for forward and -1 for backward jumps.
func (ta *asmTally) requireJumps(t *testing.T, dir int, args ...int) {
	t.Helper()
	for _, a := range args {
		if !ta.jumps[[2]int{dir, a}] {
			t.Errorf("no jump with argument %d in direction %+d was assembled", a, dir)
		}
	}
}

// check assembles one oracle record and compares the result field by
// field, reporting the first few differences on t.
func (ta *asmTally) check(t *testing.T, label string, oc *oracleCode) {
	t.Helper()
	ta.objects++
	fail := func(format string, args ...any) {
		ta.reported++
		if ta.reported <= 20 {
			t.Errorf("%s: %s (line %d): %s", label, oc.QualName, oc.FirstLineno, fmt.Sprintf(format, args...))
		}
	}
	meta, consts, seq, err := assemblerInput(oc)
	if err != nil {
		ta.errors++
		fail("bad oracle record: %v", err)
		return
	}
	co, err := makeCode(meta, consts, oc.StackSize, seq, len(oc.LPNames), CodeFlags(oc.Flags), oc.Filename)
	if err != nil {
		ta.errors++
		fail("makeCode: %v", err)
		return
	}
	ta.noteJumps(co.Code)
	var kinds string
	if co.LocalsPlusKinds != nil {
		kinds = hex.EncodeToString(co.LocalsPlusKinds)
	}
	constsOK := len(co.Consts) == len(consts)
	for i := 0; constsOK && i < len(consts); i++ {
		constsOK = constKey(co.Consts[i]) == constKey(consts[i])
	}
	same := func(got []byte, want string) bool {
		if h, ok := strings.CutPrefix(want, "sha256:"); ok {
			sum := sha256.Sum256(got)
			return hex.EncodeToString(sum[:]) == h
		}
		return hex.EncodeToString(got) == want
	}
	eq := func(a, b []string) bool {
		return strings.Join(a, "\x00") == strings.Join(b, "\x00") && len(a) == len(b)
	}
	results := map[string]bool{
		"co_code":            same(co.Code, oc.Code),
		"co_linetable":       same(co.LineTable, oc.LineTable),
		"co_exceptiontable":  same(co.ExceptionTable, oc.ExcTable),
		"co_localsplusnames": eq(co.LocalsPlusNames, oc.LPNames),
		"co_localspluskinds": kinds == oc.LPKinds,
		"co_nlocals":         co.NLocals() == oc.NLocals,
		"co_flags":           int(co.Flags) == oc.Flags,
		"co_stacksize":       co.StackSize == oc.StackSize,
		"co_argcount":        co.ArgCount == oc.ArgCount,
		"co_posonlyargcount": co.PosOnlyArgCount == oc.PosOnlyArgCount,
		"co_kwonlyargcount":  co.KwOnlyArgCount == oc.KwOnlyArgCount,
		"co_names":           eq(co.Names, oc.Names),
		"co_consts":          constsOK,
		"co_name":            co.Name == oc.Name,
		"co_qualname":        co.QualName == oc.QualName,
		"co_firstlineno":     co.FirstLineno == oc.FirstLineno,
		"co_filename":        co.Filename == oc.Filename,
		"co_varnames":        eq(co.VarNames(), oc.VarNames),
		"co_cellvars":        eq(co.CellVars(), oc.CellVars),
		"co_freevars":        eq(co.FreeVars(), oc.FreeVars),
	}
	for _, f := range asmFields {
		if results[f] {
			ta.match[f]++
			continue
		}
		short := func(s string) string {
			if len(s) > 400 {
				return s[:400] + "…"
			}
			return s
		}
		switch f {
		case "co_code":
			fail("co_code\n got  %s\n want %s", short(hex.EncodeToString(co.Code)), short(oc.Code))
		case "co_linetable":
			fail("co_linetable\n got  %s\n want %s", short(hex.EncodeToString(co.LineTable)), short(oc.LineTable))
		case "co_exceptiontable":
			fail("co_exceptiontable\n got  %s\n want %s", short(hex.EncodeToString(co.ExceptionTable)), short(oc.ExcTable))
		default:
			fail("%s differs", f)
		}
	}
}

// report logs the per-field figures and fails t if any field missed.
func (ta *asmTally) report(t *testing.T, what string) {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d code objects compared, %d not assembled", what, ta.objects, ta.errors)
	for _, f := range asmFields {
		fmt.Fprintf(&b, "\n  %-20s %d/%d", f, ta.match[f], ta.objects)
	}
	t.Log(b.String())
	if ta.objects == 0 {
		t.Errorf("%s: no code objects compared", what)
	}
}

// stdlibFiles returns the .py files under the oracle's standard library
// directory, sorted, and whether each lies in site-packages.
func stdlibFiles(t *testing.T) ([]string, []bool) {
	t.Helper()
	root := oracle.Stdlib(t)
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && d.Name() == "__pycache__" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".py") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	site := make([]bool, len(files))
	for i, f := range files {
		site[i] = strings.Contains(f, string(filepath.Separator)+"site-packages"+string(filepath.Separator))
	}
	return files, site
}

// TestAssembleStdlib assembles every code object CPython makes of a
// deterministic sample of its standard library (every 8th file, leaving
// out site-packages, whose contents vary between machines) and compares
// each field. With PEEPHOLE_ASSEMBLE_SWEEP=1 it takes every .py file under
// the standard library's directory instead, site-packages included.
func TestAssembleStdlib(t *testing.T) {
	all, site := stdlibFiles(t)
	files := all
	what := "every .py file under the stdlib directory"
	if os.Getenv("PEEPHOLE_ASSEMBLE_SWEEP") != "1" {
		what = "stdlib sample (every 8th file)"
		files = nil
		n := 0
		for i, f := range all {
			if site[i] {
				continue
			}
			if n%8 == 0 {
				files = append(files, f)
			}
			n++
		}
	}
	var jobs []map[string]string
	for _, f := range files {
		jobs = append(jobs, map[string]string{"path": f})
	}
	in, _ := json.Marshal(jobs)
	ta := newAsmTally()
	nfiles, skipped := 0, 0
	runAsmOracle(t, asmOracleMain, in, func(job oracleJob) {
		if job.Error != nil {
			skipped++
			return
		}
		nfiles++
		for i := range job.Codes {
			ta.check(t, job.Label, &job.Codes[i])
		}
	})
	t.Logf("%d files compiled, %d that CPython rejects skipped", nfiles, skipped)
	ta.report(t, what)
}

// asmTargetedSources returns sources built to reach the corners of the
// encodings: arguments needing EXTENDED_ARG, jumps of every size around
// the 1- and 2-prefix boundaries (so that sizes must be recomputed),
// lines far apart in both directions, wide columns, multi-line
// expressions, instructions with no location, deep and long exception
// ranges, hidden and cell locals.
func asmTargetedSources() map[string]string {
	src := map[string]string{}
	var b strings.Builder

	// 300 locals, constants and global names: one EXTENDED_ARG each.
	b.WriteString("def many():\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "    a%d = %d\n", i, i*7+1000)
	}
	b.WriteString("    return (")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "g%d, a%d, ", i, i)
	}
	b.WriteString(")\n")
	src["many.py"] = b.String()

	// 66,000 constants: LOAD_CONST with two EXTENDED_ARGs.
	b.Reset()
	for i := 0; i < 66000; i++ {
		fmt.Fprintf(&b, "x = %d\n", i)
	}
	src["consts66k.py"] = b.String()

	// Forward and backward jumps whose bodies sweep across 255/256 and
	// 65535/65536 code units, so that jumps need 0, 1 or 2 EXTENDED_ARGs
	// and a size change moves other jumps across the boundary.
	b.Reset()
	for units := 240; units <= 262; units++ {
		body := asmBody(units, "        ")
		fmt.Fprintf(&b, "def fwd%[1]d(x, y):\n    if y:\n%[2]s    return 1\n"+
			"def back%[1]d(x, y):\n    while y:\n%[2]s    return 2\n"+
			"def loop%[1]d(x, y):\n    for z in y:\n%[2]s    return 3\n"+
			"def nested%[1]d(x, y, z):\n    if y:\n        if z:\n%[3]s        x\n    return 4\n"+
			"def tried%[1]d(x, y):\n    try:\n%[2]s    except E:\n        return 5\n",
			units, body, asmBody(units, "            "))
	}
	src["jumps_small.py"] = b.String()
	b.Reset()
	for units := 65520; units <= 65540; units++ {
		fmt.Fprintf(&b, "def fwd%[1]d(x, y):\n    if y:\n%[2]s    return 1\n"+
			"def back%[1]d(x, y):\n    while y:\n%[2]s    return 2\n", units, asmBody(units, "        "))
	}
	src["jumps_big.py"] = b.String()
	// A jump to itself is backward.
	src["spin.py"] = "def spin():\n    while 1: pass\nasync def aspin(x):\n    while 1: await x\n"

	// Lines far apart, both ways, and a function starting far down.
	gap := strings.Repeat("\n", 5000)
	src["lines.py"] = "x = 1" + gap + "y = 2\n" +
		"f(\n    a,\n" + gap + "    b)\n" +
		"for i in x:" + gap + "    y\n" +
		strings.Repeat("\n", 100000) + "def far(a):\n    return (a +\n" + gap + "        a)\n" +
		"z = [\n" + strings.Repeat("    1,\n", 70) + "]\n" +
		"w = 1 if x else \\\n 2 if y else \\\n 3\n"

	// Columns around 80, 128, 64, 4096, and end columns far from starts.
	b.Reset()
	for _, col := range []int{0, 7, 8, 62, 63, 64, 65, 78, 79, 80, 81, 120, 126, 127, 128, 129, 4094, 4095, 4096, 5000, 300000} {
		fmt.Fprintf(&b, "(%sx.y)\n", strings.Repeat(" ", col))
		fmt.Fprintf(&b, "(%sx.%s)\n", strings.Repeat(" ", col), strings.Repeat("a", 14))
		fmt.Fprintf(&b, "(%sx.%s)\n", strings.Repeat(" ", col), strings.Repeat("a", 15))
		fmt.Fprintf(&b, "(%sx.%s)\n", strings.Repeat(" ", col), strings.Repeat("b", 200))
		fmt.Fprintf(&b, "if a:\n (%sx.y)\nelse:\n (%sx)\n", strings.Repeat(" ", col), strings.Repeat(" ", col))
		fmt.Fprintf(&b, "(%sx +\n  y)\n", strings.Repeat(" ", col))
	}
	src["columns.py"] = b.String()

	// No locations (COPY_FREE_VARS, MAKE_CELL, cleanup code), cells that
	// are parameters, hidden locals, generators and async code.
	src["cells.py"] = `
def outer(a, b, /, c, *args, d, **kw):
    e = 1
    def inner():
        nonlocal e
        return a, c, d, e, kw
    return inner
class C:
    xs = [q for q in range(3)]
    def m(self):
        return __class__, super().m()
ys = [p * 2 for p in range(3)]
def gen(n):
    with open(n) as f:
        yield from f
async def agen(n):
    async with n as m:
        async for x in m:
            yield x
def matcher(v):
    match v:
        case [1, *rest] if rest: return rest
        case {"k": k, **more}: return k
        case C(x=1) | C(x=2): return 0
`

	// Exception ranges of 64+ and 4096+ units, deep handlers.
	b.Reset()
	b.WriteString("def deep(f, y):\n    return f(")
	for i := 0; i < 70; i++ {
		fmt.Fprintf(&b, "a%d, ", i)
	}
	b.WriteString("[x for x in y])\n")
	b.WriteString("def longtry(x):\n    try:\n" + strings.Repeat("        x.y\n", 500) +
		"    except (A, B) as e:\n" + strings.Repeat("        x.z\n", 500) + "    finally:\n        x\n")
	b.WriteString("def star(x):\n    try:\n        x\n    except* A:\n        pass\n    except* B as e:\n        raise\n")
	src["except.py"] = b.String()
	return src
}

// asmBody returns statements, one a line, that compile to exactly units
// code units in a function whose local is x: attribute chains of 82 units,
// then "x" statements of 2 units and a "pass" of 1.
func asmBody(units int, indent string) string {
	var b strings.Builder
	const chain = "x.a.b.c.d.e.f.g.h" // LOAD_FAST, 8 LOAD_ATTR, POP_TOP
	for ; units >= 82+2; units -= 82 {
		b.WriteString(indent + chain + "\n")
	}
	for ; units >= 2; units -= 2 {
		b.WriteString(indent + "x\n")
	}
	if units == 1 {
		b.WriteString(indent + "pass\n")
	}
	return b.String()
}

// TestAssembleTargeted runs the differential check on asmTargetedSources.
func TestAssembleTargeted(t *testing.T) {
	sources := asmTargetedSources()
	var names []string
	for n := range sources {
		names = append(names, n)
	}
	sort.Strings(names)
	var jobs []map[string]string
	for _, n := range names {
		jobs = append(jobs, map[string]string{"name": n, "src": sources[n]})
	}
	in, _ := json.Marshal(jobs)
	ta := newAsmTally()
	runAsmOracle(t, asmOracleMain, in, func(job oracleJob) {
		if job.Error != nil {
			t.Errorf("%s: the oracle rejects it: %s", job.Label, *job.Error)
			return
		}
		for i := range job.Codes {
			ta.check(t, job.Label, &job.Codes[i])
		}
	})
	ta.report(t, "targeted sources")
	ta.requireJumps(t, +1, 255, 256, 65535, 65536)
	// A backward distance counts the jump itself, so a jump that needs
	// one more EXTENDED_ARG skips a distance: 256 and 65536 cannot occur.
	ta.requireJumps(t, -1, 255, 257, 65535, 65537)
	for _, a := range []int{256, 65536} {
		if ta.jumps[[2]int{-1, a}] {
			t.Errorf("a backward jump of %d was assembled", a)
		}
	}
}

// asmHandBuilt builds instruction sequences by hand and assembles them
// with _testinternalcapi.assemble_code_object (which also runs the end of
// the flowgraph: stack depth, the localsplus prefix, pseudo-ops), then
// takes the result apart like any other code object.
const asmHandBuilt = `
import _testinternalcapi
_op = opcode.opmap
def _meta(**kw):
    m = dict(name="f", qualname="f", consts={None: 0}, names={}, varnames={}, cellvars={},
             freevars={}, fasthidden={}, argcount=0, posonlyargcount=0, kwonlyargcount=0,
             firstlineno=1)
    m.update(kw)
    return m

# Jumps and an exception range that need three EXTENDED_ARGs: 1.3 million
# LOAD_ATTRs of 13 code units each.
seq = _testinternalcapi.new_instruction_sequence()
def add(name, arg=0, loc=(1, 1, 0, 1)): seq.addop(_op[name], arg, *loc)
add("RESUME")
add("SETUP_FINALLY", 3)
add("JUMP", 1)
seq.use_label(0)
for i in range(16777216 // 13 + 10):
    seq.addop(_op["LOAD_ATTR"], 0x2000000, 2, 2, 0, 1)
seq.use_label(1)
add("LOAD_FAST", 0); add("TO_BOOL"); add("POP_JUMP_IF_TRUE", 0)
add("POP_BLOCK")
add("RETURN_CONST", 0)
seq.use_label(3)
add("POP_TOP"); add("RETURN_CONST", 0)
co = _testinternalcapi.assemble_code_object("ext3.py", seq, _meta(varnames={"x": 0}, argcount=1))
emit("ext3", [record(co)])

# Cells in an order that interleaves parameters and other cells, and free
# variables: u_cellvars order is not co_cellvars order.
seq = _testinternalcapi.new_instruction_sequence()
add("RESUME")
for i in range(6):
    add("LOAD_DEREF", i); add("POP_TOP")
add("RETURN_CONST", 0)
cells = {"a": 0, "b": 1, "c": 2, "d": 3, "f": 4}
co = _testinternalcapi.assemble_code_object("cells.py", seq, _meta(
    varnames={"b": 0, "d": 1, "g": 2}, cellvars=cells, freevars={"z": 5, "e": 6}, argcount=2))
rec = record(co)
rec["cellorder"] = sorted(cells, key=cells.get)
emit("cells", [rec])

# Locations co_positions() cannot give back: lines below -1, an end line
# before the line, an end column before the column, one of the two
# columns unknown, huge values.
locs = [(-2, -2, -2, -2), (-1, 5, 3, 4), (0, 0, 0, 0), (3, 3, 10, 5), (3, 3, 130, 5),
        (3, 1, 4, 5), (4, -1, 2, 3), (4, 6, -1, -1), (4, 4, -1, 7), (4, 4, 7, -1),
        (4, 5, 7, -1), (4, -1, -1, 3), (6, -1, -1, -1), (6, 8, -1, -1), (4, 4, 79, 94), (4, 4, 79, 95), (4, 4, 0, -5), (-7, 3, 4, 5),
        (2**30, 2**30, 2**20, 2**21), (5, 5, 1, 2)]
seq = _testinternalcapi.new_instruction_sequence()
add("RESUME", 0, (1, 1, 0, 0))
for loc in locs:
    add("LOAD_FAST", 0, loc); add("POP_TOP", 0, loc)
add("RETURN_CONST", 0, (1, 1, 0, 0))
co = _testinternalcapi.assemble_code_object("locs.py", seq, _meta(varnames={"x": 0}, argcount=1))
rec = record(co)
rec["locs"] = [1, 1, 0, 0] + [v for loc in locs for v in loc + loc] + [1, 1, 0, 0]
emit("locs", [rec])
`

// TestAssembleHandBuilt runs the differential check on asmHandBuilt.
func TestAssembleHandBuilt(t *testing.T) {
	ta := newAsmTally()
	runAsmOracle(t, asmHandBuilt, nil, func(job oracleJob) {
		for i := range job.Codes {
			ta.check(t, job.Label, &job.Codes[i])
		}
	})
	ta.report(t, "hand-built sequences")
	for _, dir := range []int{+1, -1} {
		found := false
		for k := range ta.jumps {
			found = found || k[0] == dir && k[1] > 0xFFFFFF
		}
		if !found {
			t.Errorf("no jump in direction %+d needed three EXTENDED_ARGs", dir)
		}
	}
}

// TestMakeCodeErrors checks that input CPython's assembler would only
// assert on is refused with an error.
func TestMakeCodeErrors(t *testing.T) {
	loc := Loc{1, 1, 0, 1}
	plain := func(ins ...Instr) *Seq { return &Seq{Instrs: ins} }
	in := func(op Opcode, arg int) Instr { return Instr{Op: op, Arg: arg, Loc: loc, Except: NoHandler} }
	withHandler := func(i Instr, h ExceptHandler) Instr { i.Except = h; return i }
	unplaced := &Seq{}
	unplaced.Add(JUMP, int(unplaced.NewLabel()), loc)
	atEnd := &Seq{}
	l := atEnd.NewLabel()
	atEnd.Add(JUMP, int(l), loc)
	atEnd.UseLabel(l)
	meta := func() *unitMeta { return &unitMeta{Name: "f"} }
	cases := []struct {
		name string
		meta *unitMeta
		seq  *Seq
		nlp  int
	}{
		{"nil meta", nil, plain(), 0},
		{"nil seq", meta(), nil, 0},
		{"unplaced label", meta(), unplaced, 0},
		{"label at the end", meta(), atEnd, 0},
		{"pseudo-op left", meta(), plain(in(SETUP_FINALLY, 0), in(RETURN_CONST, 0)), 0},
		{"opcode out of range", meta(), plain(in(-3, 0)), 0},
		{"argument on NOP", meta(), plain(in(NOP, 1)), 0},
		{"negative argument", meta(), plain(in(LOAD_CONST, -1)), 0},
		{"huge argument", meta(), plain(in(LOAD_CONST, 1<<40)), 0},
		{"forward opcode backwards", meta(), plain(in(NOP, 0), in(POP_JUMP_IF_TRUE, 0)), 0},
		{"backward opcode forwards", meta(), plain(in(JUMP_BACKWARD, 1), in(NOP, 0)), 0},
		{"jump past the end", meta(), plain(in(JUMP_FORWARD, 5)), 0},
		{"handler past the end", meta(), plain(withHandler(in(NOP, 0), ExceptHandler{Label: 9, StartDepth: 1})), 0},
		{"handler depth 0", meta(), plain(withHandler(in(NOP, 0), ExceptHandler{Label: 0, StartDepth: 0})), 0},
		{"lasti handler depth 1", meta(), plain(withHandler(in(NOP, 0), ExceptHandler{Label: 0, StartDepth: 1, PreserveLasti: true})), 0},
		{"too few slots", &unitMeta{VarNames: namesTable([]string{"a", "b"})}, plain(), 1},
		{"too many slots", &unitMeta{VarNames: namesTable([]string{"a"})}, plain(), 2},
		{"negative slots", meta(), plain(), -1},
		{"varnames too small", &unitMeta{ArgCount: 2, VarNames: namesTable([]string{"a"})}, plain(), 1},
		{"posonly above argcount", &unitMeta{PosOnlyArgCount: 2, ArgCount: -1, VarNames: namesTable([]string{"a", "b"})}, plain(), 2},
	}
	for _, c := range cases {
		co, err := makeCode(c.meta, nil, 0, c.seq, c.nlp, 0, "x.py")
		if err == nil {
			t.Errorf("%s: no error (code %x)", c.name, co.Code)
		}
	}
	if _, err := AppendExceptTableEntry(nil, ExceptTableEntry{Start: 0, End: 1 << 30}); err == nil {
		t.Errorf("an exception table entry of 2^30 units was encoded")
	}
	if _, err := AppendExceptTableEntry(nil, ExceptTableEntry{Start: 3, End: 3}); err == nil {
		t.Errorf("an empty exception table entry was encoded")
	}
}

// TestMakeCodeLeavesSeq checks that makeCode does not change its input.
func TestMakeCodeLeavesSeq(t *testing.T) {
	s := &Seq{}
	top := s.NewLabel()
	s.UseLabel(top)
	s.Add(NOP, 0, Loc{1, 1, 0, 1})
	s.Add(JUMP, int(top), Loc{1, 1, 0, 1})
	before := append([]Instr(nil), s.Instrs...)
	if _, err := makeCode(&unitMeta{Name: "f"}, nil, 0, s, 0, 0, "x.py"); err != nil {
		t.Fatal(err)
	}
	for i := range before {
		if s.Instrs[i] != before[i] {
			t.Errorf("instruction %d changed: %v, was %v", i, s.Instrs[i], before[i])
		}
	}
	if s.LabelTarget(top) != 0 {
		t.Errorf("the label map was dropped")
	}
}

// TestMakeCodeNoPanic feeds makeCode random sequences: it may refuse them
// but must not panic.
func TestMakeCodeNoPanic(t *testing.T) {
	rng := uint64(0x9E3779B97F4A7C15)
	next := func(n int) int {
		rng ^= rng << 13
		rng ^= rng >> 7
		rng ^= rng << 17
		return int(rng % uint64(n))
	}
	args := []int{0, 1, 255, 256, 65535, 65536, 1 << 24, -1, 1 << 31, 1<<31 - 1}
	accepted := 0
	for iter := 0; iter < 20000; iter++ {
		s := &Seq{}
		n := 1 + next(16)
		var labels []Label
		for i := 0; i < 1+next(4); i++ {
			labels = append(labels, s.NewLabel())
		}
		label := func() int { return int(labels[next(len(labels))]) }
		for i := 0; i < n; i++ {
			op := Opcode(next(270))
			if next(8) != 0 {
				op = []Opcode{JUMP, JUMP_NO_INTERRUPT, JUMP, POP_JUMP_IF_FALSE, JUMP_BACKWARD, FOR_ITER, NOP, LOAD_CONST, LOAD_ATTR}[next(9)]
			}
			arg := 0
			if op.HasArg() || next(40) == 0 {
				arg = args[next(len(args))]
				if op.HasJump() && next(20) != 0 {
					arg = label()
				}
			}
			loc := Loc{next(5) - 2, next(5) - 2, next(200) - 2, next(200) - 2}
			h := NoHandler
			if next(3) == 0 {
				h = ExceptHandler{Label: label(), StartDepth: 1 + next(4), PreserveLasti: next(3) == 0}
			}
			s.Instrs = append(s.Instrs, Instr{Op: op, Arg: arg, Loc: loc, Except: h})
		}
		// Place most labels, anywhere (the end included).
		for _, l := range labels {
			if next(10) != 0 {
				s.labels[l] = next(n + 1)
			}
		}
		meta := &unitMeta{Name: "r", FirstLineno: next(3)}
		if _, err := makeCode(meta, nil, next(3), s, 0, 0, "r.py"); err == nil {
			accepted++
		}
	}
	t.Logf("%d of 20000 random sequences assembled", accepted)
}

// TestEncoders checks the exported encoders against each other: an
// instruction takes InstrSize units, and a line table does not depend on
// how a run of one location is cut into Add calls.
func TestEncoders(t *testing.T) {
	for op := Opcode(0); op < 256; op++ {
		for _, arg := range []int{0, 1, 255, 256, 65535, 65536, 1<<24 - 1, 1 << 24, 1<<31 - 1} {
			code := AppendInstr(nil, op, arg)
			if len(code) != 2*InstrSize(op, arg) {
				t.Fatalf("%s %d: %d bytes, InstrSize %d", op, arg, len(code), InstrSize(op, arg))
			}
			got := 0
			for i := 0; i < len(code); i += 2 {
				if code[i] == byte(EXTENDED_ARG) {
					got = got<<8 | int(code[i+1])
				} else {
					got = got<<8 | int(code[i+1])
					if code[i] != byte(op) {
						t.Fatalf("%s %d: opcode byte %d", op, arg, code[i])
					}
					break
				}
			}
			if got != arg {
				t.Fatalf("%s %d: encodes %d", op, arg, got)
			}
		}
	}
	locs := []Loc{{1, 1, 0, 5}, NoLoc, {300, 300, 90, 200}, {2, 9, -1, -1}, {1, 1, 0, 5}}
	whole := NewLineTableWriter(1)
	cut := NewLineTableWriter(1)
	for i, l := range locs {
		n := 3 + 5*i
		whole.Add(l, n)
		for j := 0; j < n; j++ {
			cut.Add(l, 1)
		}
		cut.Add(l, 0)
	}
	if a, b := whole.Finish(), cut.Finish(); !bytes.Equal(a, b) {
		t.Errorf("line table depends on how runs are added:\n%x\n%x", a, b)
	}
}
