package compiler

// The flowgraph is tested differentially: testdata/flowgraph/driver.py
// asks CPython 3.13 for the codegen output of module units (and of
// variants of them that use fast locals and cells), for what
// _testinternalcapi.optimize_cfg makes of each, and for the code objects
// that assemble_code_object and compile() build from them; the Go passes
// must produce the same instructions, locations, constants, exception
// handlers, stack depths and localsplus counts.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// fgCode is what the driver reports about a code object.
type fgCode struct {
	// Instrs are [opcode, arg, target, line, end_line, col, end_col,
	// handler, depth, lasti], without EXTENDED_ARG; target and handler
	// are instruction indices or -1.
	Instrs      [][]int           `json:"instrs"`
	Stacksize   int               `json:"stacksize"`
	Nlocalsplus int               `json:"nlocalsplus"`
	Consts      []json.RawMessage `json:"consts"`
}

// fgUnit is one line of the driver's output.
type fgUnit struct {
	Name    string            `json:"name"`
	Variant string            `json:"variant"`
	In      [][]int           `json:"in"`
	Consts  []json.RawMessage `json:"consts"`
	Nlocals int               `json:"nlocals"`
	Meta    struct {
		Varnames []string `json:"varnames"`
		Cellvars []string `json:"cellvars"`
		Freevars []string `json:"freevars"`
	} `json:"meta"`
	Code          *fgCode           `json:"code"`
	Flags         int               `json:"flags"`
	Firstlineno   int               `json:"firstlineno"`
	Opt           [][]int           `json:"opt"`
	OptConsts     []json.RawMessage `json:"opt_consts"`
	Asm           *fgCode           `json:"asm"`
	Compiled      *fgCode           `json:"compiled"`
	CodegenError  string            `json:"codegen_error"`
	OptError      string            `json:"opt_error"`
	AsmError      string            `json:"asm_error"`
	CompiledError string            `json:"compiled_error"`
}

// fgRequest is what the driver reads.
type fgRequest struct {
	Encoder  string      `json:"encoder"`
	Variants []string    `json:"variants"`
	Sources  [][2]string `json:"sources"`
	Raw      [][2]any    `json:"raw,omitempty"`
	Codes    [][2]string `json:"codes,omitempty"`
	// Bodies asks for the bodies of the functions and classes of each
	// source as modules too, at most BodyLimit per source.
	Bodies    bool `json:"bodies"`
	BodyLimit int  `json:"body_limit,omitempty"`
}

var fgVariants = []string{"fast0", "fast14", "fast60", "deref"}

// runFlowgraphDriver runs the driver on req and calls f with each unit as
// it arrives.
func runFlowgraphDriver(t *testing.T, req fgRequest, f func(*fgUnit)) {
	t.Helper()
	py := oracle.Require(t)
	req.Encoder = pyConstEncoder
	in, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, filepath.Join("testdata", "flowgraph", "driver.py"))
	cmd.Env = oracle.Env()
	cmd.Stdin = strings.NewReader(string(in))
	var stderr strings.Builder
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
			var u fgUnit
			if jerr := json.Unmarshal(line, &u); jerr != nil {
				t.Fatalf("driver output: %v", jerr)
			}
			f(&u)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("driver: %v\n%s", err, stderr.String())
	}
}

func decodeConsts(t *testing.T, raw []json.RawMessage) []Const {
	t.Helper()
	out := make([]Const, len(raw))
	for i, r := range raw {
		c, err := decodeOracleConst(r)
		if err != nil {
			t.Fatalf("constant %s: %v", r, err)
		}
		out[i] = c
	}
	return out
}

// constText identifies a constant for comparisons: its key, or a code
// object's names and line.
func constText(c Const) string {
	if code, ok := c.(*Code); ok {
		return fmt.Sprintf("<code %s %s %d>", code.Name, code.QualName, code.FirstLineno)
	}
	return constKey(c)
}

func seqFromRows(rows [][]int) *Seq {
	s := &Seq{}
	for _, r := range rows {
		s.Instrs = append(s.Instrs, Instr{Op: Opcode(r[0]), Arg: r[1], Loc: Loc{r[2], r[3], r[4], r[5]}, Except: NoHandler})
	}
	return s
}

func fmtRow(r []int) string {
	return fmt.Sprintf("%s %d (%d,%d,%d,%d)", Opcode(r[0]), r[1], r[2], r[3], r[4], r[5])
}

func fmtInstr(in Instr) string {
	return fmt.Sprintf("%s %d %v", in.Op, in.Arg, in.Loc)
}

// diffSeq compares a sequence with the oracle's rows ([opcode, arg, line,
// end_line, col, end_col]) and describes the first difference.
func diffSeq(got *Seq, want [][]int) string {
	n := min(len(got.Instrs), len(want))
	for i := 0; i < n; i++ {
		g, w := got.Instrs[i], want[i]
		if int(g.Op) != w[0] || g.Arg != w[1] || g.Loc != (Loc{w[2], w[3], w[4], w[5]}) {
			return fmt.Sprintf("instruction %d: got %s, oracle %s%s", i, fmtInstr(g), fmtRow(w), contextOf(got, want, i))
		}
	}
	if len(got.Instrs) != len(want) {
		return fmt.Sprintf("got %d instructions, oracle %d%s", len(got.Instrs), len(want), contextOf(got, want, n))
	}
	return ""
}

func contextOf(got *Seq, want [][]int, at int) string {
	var b strings.Builder
	lo := max(0, at-6)
	b.WriteString("\n   go:")
	for i := lo; i < min(len(got.Instrs), at+4); i++ {
		fmt.Fprintf(&b, "\n    %3d %s", i, fmtInstr(got.Instrs[i]))
	}
	b.WriteString("\n   oracle:")
	for i := lo; i < min(len(want), at+4); i++ {
		fmt.Fprintf(&b, "\n    %3d %s", i, fmtRow(want[i]))
	}
	return b.String()
}

func diffConsts(got []Const, want []Const) string {
	if len(got) != len(want) {
		return fmt.Sprintf("got %d constants, oracle %d", len(got), len(want))
	}
	for i := range got {
		if constText(got[i]) != constText(want[i]) {
			return fmt.Sprintf("constant %d: got %s, oracle %s", i, constText(got[i]), constText(want[i]))
		}
	}
	return ""
}

// finalOp is the opcode the assembler makes of a pseudo jump.
func finalOp(in Instr, i int) Opcode {
	switch in.Op {
	case JUMP:
		if in.Arg > i {
			return JUMP_FORWARD
		}
		return JUMP_BACKWARD
	case JUMP_NO_INTERRUPT:
		if in.Arg > i {
			return JUMP_FORWARD
		}
		return JUMP_BACKWARD_NO_INTERRUPT
	}
	return in.Op
}

// diffCode compares the flowgraph's final sequence with a code object's
// instructions, handlers, stack size and localsplus count.
func diffCode(seq *Seq, depth, nlocalsplus int, want *fgCode) string {
	if depth != want.Stacksize {
		return fmt.Sprintf("stack depth %d, oracle %d", depth, want.Stacksize)
	}
	if nlocalsplus != want.Nlocalsplus {
		return fmt.Sprintf("nlocalsplus %d, oracle %d", nlocalsplus, want.Nlocalsplus)
	}
	rows := make([][]int, len(want.Instrs))
	for i, w := range want.Instrs {
		rows[i] = []int{w[0], w[1], w[3], w[4], w[5], w[6]}
		if w[2] >= 0 {
			rows[i][1] = w[2]
		}
	}
	n := min(len(seq.Instrs), len(want.Instrs))
	for i := 0; i < n; i++ {
		g, w := seq.Instrs[i], want.Instrs[i]
		op := finalOp(g, i)
		bad := int(op) != w[0] || g.Loc != (Loc{w[3], w[4], w[5], w[6]})
		if op.HasJump() {
			bad = bad || g.Arg != w[2]
		} else if op.HasArg() {
			bad = bad || g.Arg != w[1]
		}
		if bad {
			return fmt.Sprintf("instruction %d: got %s %s, oracle %s%s", i, op, fmtInstr(g), fmtRow(rows[i]), contextOf(seq, rows, i))
		}
		h := g.Except
		lasti := 0
		if h.PreserveLasti {
			lasti = 1
		}
		if h.Label < 0 {
			if w[7] >= 0 {
				return fmt.Sprintf("instruction %d (%s): no handler, oracle %d [%d]", i, op, w[7], w[8])
			}
		} else if h.Label != w[7] || h.StartDepth-1-lasti != w[8] || lasti != w[9] {
			return fmt.Sprintf("instruction %d (%s): handler %d [%d] lasti=%d, oracle %d [%d] lasti=%d",
				i, op, h.Label, h.StartDepth-1-lasti, lasti, w[7], w[8], w[9])
		}
	}
	if len(seq.Instrs) != len(want.Instrs) {
		return fmt.Sprintf("got %d instructions, oracle %d%s", len(seq.Instrs), len(want.Instrs), contextOf(seq, rows, n))
	}
	return ""
}

func nameTableOf(names []string) nameTable {
	var t nameTable
	for _, n := range names {
		t.add(n)
	}
	return t
}

// fgStats counts what a test compared.
type fgStats struct {
	units, optOK, asm, asmOK, compiled, compiledOK int
	failures                                       map[string]int
}

func (s *fgStats) fail(stage string) {
	if s.failures == nil {
		s.failures = map[string]int{}
	}
	s.failures[stage]++
}

func (s *fgStats) String() string {
	var fs []string
	for k, v := range s.failures {
		fs = append(fs, fmt.Sprintf("%s %d", k, v))
	}
	sort.Strings(fs)
	return fmt.Sprintf("%d units: optimize_cfg %d/%d exact; assemble %d/%d; compile %d/%d; failures: %v",
		s.units, s.optOK, s.units, s.asmOK, s.asm, s.compiledOK, s.compiled, fs)
}

// checkUnit runs the Go flowgraph on one unit and compares every stage the
// oracle reported. It returns a description of each divergence.
func checkUnit(t *testing.T, u *fgUnit, st *fgStats) []string {
	if u.CodegenError != "" {
		return nil
	}
	st.units++
	var problems []string
	report := func(stage, msg string) {
		st.fail(stage)
		problems = append(problems, fmt.Sprintf("%s [%s] %s: %s", u.Name, u.Variant, stage, msg))
	}
	consts := decodeConsts(t, u.Consts)

	// optimize_cfg: the Go passes with an isolated constant cache.
	g, err := buildCFG(seqFromRows(u.In))
	if err != nil {
		report("build", err.Error())
		return problems
	}
	g.isolatedConsts = map[string]int{}
	optConsts := append([]Const(nil), consts...)
	err = g.optimizeCodeUnit(&optConsts, u.Nlocals, 0, 1)
	switch {
	case u.OptError != "":
		if err == nil {
			report("optimize", "no error, oracle: "+u.OptError)
		} else {
			st.optOK++
		}
		return problems
	case err != nil:
		report("optimize", "error "+err.Error())
		return problems
	}
	if d := diffSeq(g.toSeq(), u.Opt); d != "" {
		report("optimize", d)
	} else if d := diffConsts(optConsts, decodeConsts(t, u.OptConsts)); d != "" {
		report("optimize-consts", d)
	} else {
		st.optOK++
	}

	meta := &unitMeta{
		VarNames:    nameTableOf(u.Meta.Varnames),
		CellVars:    nameTableOf(u.Meta.Cellvars),
		FreeVars:    nameTableOf(u.Meta.Freevars),
		FirstLineno: 1,
	}
	// assemble_code_object, from the oracle's optimized sequence.
	if u.Asm != nil || u.AsmError != "" {
		st.asm++
		g2, err := buildCFG(seqFromRows(u.Opt))
		if err == nil {
			err = g2.jumpLabelsToTargets()
		}
		var seq *Seq
		var depth, nlp int
		if err == nil {
			seq, depth, nlp, err = g2.optimizedToSeq(meta, 0)
		}
		switch {
		case u.AsmError != "":
			if err == nil {
				report("assemble", "no error, oracle: "+u.AsmError)
			} else {
				st.asmOK++
			}
		case err != nil:
			report("assemble", "error "+err.Error())
		default:
			if d := diffCode(seq, depth, nlp, u.Asm); d != "" {
				report("assemble", d)
			} else {
				st.asmOK++
			}
		}
	}
	// compile(): the whole Go flowgraph from the codegen output, with the
	// compiler's constant merging.
	if u.Compiled != nil {
		st.compiled++
		g3, err := buildCFG(seqFromRows(u.In))
		if err != nil {
			report("compile", err.Error())
			return problems
		}
		cc := append([]Const(nil), consts...)
		var seq *Seq
		var depth, nlp int
		err = g3.optimizeCodeUnit(&cc, u.Nlocals, 0, 1)
		if err == nil {
			seq, depth, nlp, err = g3.optimizedToSeq(meta, 0)
		}
		if err != nil {
			report("compile", "error "+err.Error())
		} else if d := diffCode(seq, depth, nlp, u.Compiled); d != "" {
			report("compile", d)
		} else if d := diffConsts(cc, decodeConsts(t, u.Compiled.Consts)); d != "" {
			report("compile-consts", d)
		} else {
			st.compiledOK++
		}
	}
	return problems
}

// caseSources returns the focused sources: the cases of the brief, the
// flowgraph's own test data and the Python blocks of the seed articles.
func caseSources(t *testing.T) [][2]string {
	var out [][2]string
	add := func(pattern string) {
		files, _ := filepath.Glob(pattern)
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, [2]string{f, string(b)})
		}
	}
	add("/work/shared/cpython313/cases/*.py")
	add(filepath.Join("testdata", "flowgraph", "*.py"))
	add(filepath.Join("..", "examples", "*.py"))
	fence := regexp.MustCompile("(?s)```python\n(.*?)```")
	seeds, _ := filepath.Glob("/work/shared/seeds/*.txt")
	sort.Strings(seeds)
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for i, m := range fence.FindAllStringSubmatch(string(b), -1) {
			out = append(out, [2]string{fmt.Sprintf("%s#%d", f, i), m[1]})
		}
	}
	out = append(out, [2]string{"big.py", bigSource()})
	// driver.py is not a case
	kept := out[:0]
	for _, s := range out {
		if !strings.HasSuffix(s[0], "driver.py") {
			kept = append(kept, s)
		}
	}
	return kept
}

// bigSource is a module with more than 256 constants and names and jumps
// long enough to need EXTENDED_ARG, forward and backward.
func bigSource() string {
	var b strings.Builder
	b.WriteString("x = f()\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "if x == %d:\n    y%d = %d.5\nelse:\n    z = 'k%d'\n", i, i, i, i)
	}
	b.WriteString("while x:\n")
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&b, "    if x > %d: x = x - y%d\n", i, i)
	}
	b.WriteString("    try:\n        g(x)\n    except E:\n        continue\n")
	return b.String()
}

func TestFlowgraphOracleCases(t *testing.T) {
	oracle.Require(t)
	var st fgStats
	req := fgRequest{Variants: fgVariants, Sources: caseSources(t), Raw: rawCases(), Bodies: true}
	runFlowgraphDriver(t, req, func(u *fgUnit) {
		for _, p := range checkUnit(t, u, &st) {
			t.Error(p)
		}
	})
	t.Log(st.String())
	if st.units < 100 {
		t.Errorf("only %d units compared", st.units)
	}
}

// TestFlowgraphOracleStdlib compares the module units of a deterministic
// sample of the standard library (every file with
// PEEPHOLE_FLOWGRAPH_STDLIB=all), with every variant and with function
// bodies compiled as modules.
func TestFlowgraphOracleStdlib(t *testing.T) {
	oracle.Require(t)
	root := oracle.Stdlib(t)
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "site-packages" || d.Name() == "__pycache__") {
			return filepath.SkipDir
		}
		if strings.HasSuffix(p, ".py") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	step, bodies := 48, 12
	if os.Getenv("PEEPHOLE_FLOWGRAPH_STDLIB") == "all" {
		step, bodies = 1, 0
	}
	var st fgStats
	const batch = 64
	var sample []string
	for i := 0; i < len(files); i += step {
		sample = append(sample, files[i])
	}
	shown := 0
	for lo := 0; lo < len(sample); lo += batch {
		var srcs [][2]string
		for _, f := range sample[lo:min(lo+batch, len(sample))] {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			srcs = append(srcs, [2]string{f, string(b)})
		}
		runFlowgraphDriver(t, fgRequest{Variants: fgVariants, Sources: srcs, Bodies: true, BodyLimit: bodies}, func(u *fgUnit) {
			for _, p := range checkUnit(t, u, &st) {
				if shown < 20 {
					t.Error(p)
				}
				shown++
			}
		})
	}
	t.Logf("%d of %d stdlib files: %s", len(sample), len(files), st.String())
	if shown > 0 {
		t.Errorf("%d divergences", shown)
	}
}

// TestFlowgraphPrefixOracle checks prepare_localsplus on the code objects
// compile() makes: each one's instructions from its RESUME on, with the
// DEREF arguments turned back into codegen's numbering, must get back the
// prefix (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR; POP_TOP) and the
// localsplus slots CPython gave them.
func TestFlowgraphPrefixOracle(t *testing.T) {
	oracle.Require(t)
	var codes [][2]string
	for _, s := range caseSources(t) {
		if !strings.HasPrefix(s[0], "/work/shared/seeds") && s[0] != "big.py" {
			codes = append(codes, s)
		}
	}
	n := 0
	runFlowgraphDriver(t, fgRequest{Codes: codes}, func(u *fgUnit) {
		if u.Variant != "code" {
			return
		}
		n++
		if d := checkPrefix(u); d != "" {
			t.Errorf("%s: %s", u.Name, d)
		}
	})
	t.Logf("%d code objects", n)
	if n < 50 {
		t.Errorf("only %d code objects", n)
	}
}

func checkPrefix(u *fgUnit) string {
	want := u.Code.Instrs
	r := -1
	for i, w := range want {
		if Opcode(w[0]) == RESUME {
			r = i
			break
		}
	}
	if r < 0 {
		return "no RESUME"
	}
	meta := &unitMeta{
		VarNames:    nameTableOf(u.Meta.Varnames),
		CellVars:    nameTableOf(u.Meta.Cellvars),
		FreeVars:    nameTableOf(u.Meta.Freevars),
		FirstLineno: u.Firstlineno,
	}
	// slot → codegen number: cells that are parameters keep the
	// parameter's slot, the others follow the locals, then the frees.
	nlocals := meta.VarNames.len()
	codegen := map[int]int{}
	next := nlocals
	for i, name := range meta.CellVars.names {
		if v := meta.VarNames.lookup(name); v >= 0 {
			codegen[v] = i
		} else {
			codegen[next] = i
			next++
		}
	}
	for i := range meta.FreeVars.names {
		codegen[next] = meta.CellVars.len() + i
		next++
	}
	seq := &Seq{}
	for _, w := range want[r:] {
		op, arg := Opcode(w[0]), w[1]
		if w[2] >= 0 {
			arg = w[2] - r
		}
		switch op {
		case LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_FROM_DICT_OR_DEREF, MAKE_CELL:
			arg = codegen[arg] // (MAKE_CELL in the body: an inlined comprehension's cell)
		}
		seq.Add(op, arg, Loc{w[3], w[4], w[5], w[6]})
	}
	g, err := buildCFG(seq)
	if err != nil {
		return err.Error()
	}
	nlp, err := g.prepareLocalsplus(meta, CodeFlags(u.Flags))
	if err != nil {
		return err.Error()
	}
	if nlp != u.Code.Nlocalsplus {
		return fmt.Sprintf("nlocalsplus %d, oracle %d", nlp, u.Code.Nlocalsplus)
	}
	got := g.toSeq()
	rows := make([][]int, len(want))
	for i, w := range want {
		rows[i] = []int{w[0], w[1], w[3], w[4], w[5], w[6]}
		if w[2] >= 0 {
			rows[i][1] = w[2] - r
		}
	}
	// The prefix moves every instruction; compare jump targets relative
	// to the body.
	for i := range got.Instrs {
		if got.Instrs[i].HasTarget() {
			got.Instrs[i].Arg -= r
		}
	}
	return diffSeq(got, rows)
}

// rawCases are hand-built sequences for shapes module code cannot have
// (yields, SEND loops) and small graphs aimed at one rule each. Each is
// [name, {"instrs": [[opname, arg, line, end_line, col, end_col]...],
// "consts": [python expressions], "names": [...], "varnames": [...]}],
// with jump targets as instruction indices.
func rawCases() [][2]any {
	type spec = map[string]any
	i := func(op string, arg int, loc ...int) []any {
		l := []int{-1, -1, -1, -1}
		copy(l, loc)
		return []any{op, arg, l[0], l[1], l[2], l[3]}
	}
	at := func(line int) []int { return []int{line, line, 0, 1} }
	var out [][2]any
	// A line-less block that checks the eval breaker (CALL, CALL_KW,
	// CALL_FUNCTION_EX, RESUME do; BINARY_OP does not), reached by a jump
	// and a fallthrough, is duplicated for the jump.
	for _, op := range []string{"CALL", "CALL_KW", "CALL_FUNCTION_EX", "RESUME", "BINARY_OP"} {
		out = append(out, [2]any{"evalbreak-" + op, spec{"consts": []string{"None"}, "names": []string{"a", "b", "c"}, "instrs": [][]any{
			i("RESUME", 0, 1, 1, 0, 0),
			i("LOAD_NAME", 0, at(2)...),
			i("POP_JUMP_IF_FALSE", 6, at(2)...),
			i("LOAD_NAME", 1, at(3)...),
			i("POP_JUMP_IF_TRUE", 10, at(3)...),
			i("NOP", 0, at(4)...),
			i("LOAD_NAME", 2), // 6
			i("PUSH_NULL", 0),
			i(op, 0),
			i("POP_TOP", 0),
			i("LOAD_CONST", 0, at(5)...), // 10
			i("RETURN_VALUE", 0, at(5)...),
		}}})
	}
	return append(out, [][2]any{
		// An await: CLEANUP_THROW falls through into the warm END_SEND,
		// so push_cold_blocks_to_end gives it an explicit jump.
		{"send", spec{"consts": []string{"None"}, "names": []string{"x"}, "instrs": [][]any{
			i("RESUME", 0, 1, 1, 0, 0),
			i("LOAD_NAME", 0, at(2)...),
			i("GET_AWAITABLE", 0, at(2)...),
			i("LOAD_CONST", 0, at(2)...),
			i("SEND", 11, at(2)...), // 4
			i("SETUP_FINALLY", 10, at(2)...),
			i("YIELD_VALUE", 1, at(2)...),
			i("POP_BLOCK", 0),
			i("RESUME", 3, at(2)...),
			i("JUMP_NO_INTERRUPT", 4, at(2)...),
			i("CLEANUP_THROW", 0, at(2)...), // 10
			i("END_SEND", 0, at(2)...),      // 11
			i("POP_TOP", 0),
			i("LOAD_CONST", 0),
			i("RETURN_VALUE", 0),
		}}},
		// A yield inside one handler gets RESUME 5, inside two RESUME 1.
		{"yield-depth", spec{"consts": []string{"None", "1"}, "instrs": [][]any{
			i("RESUME", 0, 1, 1, 0, 0),
			i("SETUP_CLEANUP", 17, at(1)...),
			i("LOAD_CONST", 1, at(2)...),
			i("YIELD_VALUE", 0, at(2)...),
			i("RESUME", 1, at(2)...),
			i("POP_TOP", 0, at(2)...),
			i("SETUP_FINALLY", 13, at(3)...),
			i("LOAD_CONST", 1, at(4)...),
			i("YIELD_VALUE", 0, at(4)...),
			i("RESUME", 1, at(4)...),
			i("POP_TOP", 0, at(4)...),
			i("POP_BLOCK", 0),
			i("JUMP", 14, at(4)...),
			i("RERAISE", 0, at(5)...), // 13
			i("POP_BLOCK", 0),         // 14
			i("LOAD_CONST", 0),
			i("RETURN_VALUE", 0),
			i("CALL_INTRINSIC_1", 3), // 17
			i("RERAISE", 1),
		}}},
		// The same with a line-less JUMP reached by FOR_ITER, which is
		// never threaded.
		{"evalbreak-jump", spec{"consts": []string{"None"}, "names": []string{"a", "b"}, "instrs": [][]any{
			i("RESUME", 0, 1, 1, 0, 0),
			i("LOAD_NAME", 0, at(2)...),
			i("GET_ITER", 0, at(2)...),
			i("FOR_ITER", 8, at(2)...), // 3
			i("STORE_NAME", 1, at(3)...),
			i("LOAD_NAME", 1, at(4)...),
			i("POP_TOP", 0, at(4)...),
			i("NOP", 0, at(5)...),
			i("JUMP", 3), // 8
			i("LOAD_CONST", 0),
			i("RETURN_VALUE", 0),
		}}},
		// A JUMP replaced by a line-less block that ends in
		// JUMP_NO_INTERRUPT keeps its eval-breaker check.
		{"inline-jump", spec{"consts": []string{"None"}, "names": []string{"a", "b", "c", "d"}, "instrs": [][]any{
			i("RESUME", 0, 1, 1, 0, 0),
			i("LOAD_NAME", 0, at(2)...),
			i("POP_JUMP_IF_FALSE", 8, at(2)...),
			i("NOP", 0, at(3)...),
			i("JUMP", 5, at(3)...),
			i("LOAD_NAME", 1), // 5
			i("POP_TOP", 0),
			i("JUMP_NO_INTERRUPT", 10),
			i("LOAD_NAME", 3, at(6)...), // 8
			i("RETURN_VALUE", 0, at(6)...),
			i("LOAD_NAME", 2, at(4)...), // 10
			i("POP_TOP", 0, at(4)...),
			i("LOAD_NAME", 2, at(4)...),
			i("POP_TOP", 0, at(4)...),
			i("LOAD_CONST", 0, at(4)...),
			i("RETURN_VALUE", 0, at(4)...),
		}}},
		// LOAD_FAST pairs fuse when one of the two has no line; "IS_OP;
		// UNARY_NOT" stays; a NOP before a block that starts with a
		// line-less NOP and then its line goes; LOAD_CONST and POP_TOP
		// pair across a fallthrough but not into a jump target.
		{"small-rules", spec{"consts": []string{"None", "1"}, "names": []string{"a", "b"}, "varnames": []string{"x", "y"}, "instrs": [][]any{
			i("RESUME", 0, 1, 1, 0, 0),
			i("LOAD_NAME", 0, at(2)...),
			i("STORE_FAST", 0, at(2)...),
			i("LOAD_NAME", 0, at(2)...),
			i("STORE_FAST", 1, at(2)...),
			i("LOAD_NAME", 0, at(2)...),
			i("POP_JUMP_IF_FALSE", 10, at(2)...),
			i("LOAD_NAME", 1, at(3)...),
			i("POP_JUMP_IF_TRUE", 16, at(3)...),
			i("NOP", 0, at(4)...),
			i("LOAD_FAST", 0), // 10: two predecessors, so no line
			i("LOAD_FAST", 1, at(4)...),
			i("IS_OP", 0, at(4)...),
			i("UNARY_NOT", 0, at(4)...),
			i("POP_TOP", 0, at(4)...),
			i("NOP", 0, at(5)...),
			i("NOP", 0), // 16
			i("LOAD_NAME", 1, at(5)...),
			i("POP_TOP", 0, at(5)...),
			i("LOAD_CONST", 1, at(6)...),
			i("POP_TOP", 0, at(7)...), // 20
			i("LOAD_NAME", 0, at(7)...),
			i("POP_JUMP_IF_TRUE", 20, at(7)...),
			i("LOAD_CONST", 0),
			i("RETURN_VALUE", 0),
		}}},
		// Jumps to jumps, NO_INTERRUPT ones included.
		{"thread", spec{"consts": []string{"None", "True"}, "names": []string{"a", "b"}, "instrs": [][]any{
			i("RESUME", 0, 1, 1, 0, 0),
			i("LOAD_NAME", 0, at(2)...),
			i("TO_BOOL", 0, at(2)...),
			i("POP_JUMP_IF_FALSE", 7, at(2)...),
			i("LOAD_NAME", 1, at(3)...),
			i("POP_TOP", 0, at(3)...),
			i("JUMP_NO_INTERRUPT", 9, at(3)...),
			i("JUMP", 11, at(4)...), // 7
			i("NOP", 0, at(5)...),
			i("JUMP_NO_INTERRUPT", 7, at(6)...), // 9
			i("NOP", 0, at(7)...),
			i("LOAD_NAME", 1, at(8)...), // 11
			i("POP_JUMP_IF_TRUE", 1, at(8)...),
			i("LOAD_CONST", 0),
			i("RETURN_VALUE", 0),
		}}},
	}...)
}
