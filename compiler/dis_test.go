package compiler

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/internal/pyconst"
)

var addrRE = regexp.MustCompile(`at 0x[0-9a-fA-F]+`)

// maskAddrs replaces the addresses in code-object reprs.
func maskAddrs(s string) string { return addrRE.ReplaceAllString(s, "at 0xADDR") }

// disFlags are the option sets the tests run: plain, -C and -O.
var disFlags = []struct {
	name string
	opts DisOptions
}{
	{"", DisOptions{}},
	{"-C", DisOptions{ShowCaches: true}},
	{"-O", DisOptions{ShowOffsets: true}},
}

// oracleDisScript prints, for each [source, pyc] on stdin, [source, {flag:
// text}] with what `python3.13 -m dis FLAG source` prints: dis.dis of
// compile(source bytes, path, "exec"), exactly as dis.main does. With
// "loaded" as its argument it disassembles marshal.loads of the .pyc body
// instead.
const oracleDisScript = `
import dis, io, json, marshal, sys
loaded = sys.argv[1:] == ["loaded"]
for src, pyc in json.load(sys.stdin):
    if loaded:
        with open(pyc, "rb") as f:
            code = marshal.loads(f.read()[16:])
    else:
        with open(src, "rb") as f:
            code = compile(f.read(), src, "exec")
    out = {}
    for flag, kw in (("", {}), ("-C", {"show_caches": True}), ("-O", {"show_offsets": True})):
        b = io.StringIO()
        dis.dis(code, file=b, **kw)
        out[flag] = b.getvalue()
    print(json.dumps([src, out]))
`

// disStats counts the outcome of comparing Dis with the oracle.
type disStats struct {
	files, listings, same int
	// sameAsLoaded counts listings that differ from the source's but are
	// what the oracle prints for the code object loaded from the same .pyc
	// (frozenset constants re-inserted by marshal.loads iterate in another
	// order than the compiler's).
	sameAsLoaded int
	failures     []string
}

// compareDis holds Dis of each .pyc against the oracle's dis of its source
// (and, where they differ, of the oracle's own load of the .pyc).
func compareDis(t *testing.T, files []stdlibPyc) disStats {
	t.Helper()
	var st disStats
	byPath := map[string]string{}
	var jobs [][2]string
	for _, f := range files {
		byPath[f.Src] = f.Pyc
		jobs = append(jobs, [2]string{f.Src, f.Pyc})
	}
	ours := func(src, flag string) (string, error) {
		co, _, err := readPycFile(t, byPath[src])
		if err != nil {
			return "", err
		}
		var opts DisOptions
		for _, f := range disFlags {
			if f.name == flag {
				opts = f.opts
			}
		}
		var b bytes.Buffer
		if err := Dis(&b, co, opts); err != nil {
			return "", err
		}
		return b.String(), nil
	}
	type miss struct{ src, flag, got, want string }
	var misses []miss
	check := func(raw json.RawMessage, record func(src, flag, got, want string)) {
		var row struct {
			Src  string
			Outs map[string]string
		}
		var pair []json.RawMessage
		if err := json.Unmarshal(raw, &pair); err != nil || len(pair) != 2 {
			t.Fatalf("bad oracle row %.200s", raw)
		}
		json.Unmarshal(pair[0], &row.Src)
		json.Unmarshal(pair[1], &row.Outs)
		for _, f := range disFlags {
			got, err := ours(row.Src, f.name)
			if err != nil {
				got = "error: " + err.Error()
			}
			record(row.Src, f.name, maskAddrs(got), maskAddrs(row.Outs[f.name]))
		}
	}
	streamOracle(t, oracleDisScript, jobs, func(raw json.RawMessage) {
		st.files++
		check(raw, func(src, flag, got, want string) {
			st.listings++
			if got == want {
				st.same++
			} else {
				misses = append(misses, miss{src, flag, got, want})
			}
		})
	})
	if len(misses) == 0 {
		return st
	}
	// Ask the oracle about its own load of the .pyc files that differed.
	var again [][2]string
	seen := map[string]bool{}
	for _, m := range misses {
		if !seen[m.src] {
			seen[m.src] = true
			again = append(again, [2]string{m.src, byPath[m.src]})
		}
	}
	loaded := map[[2]string]string{}
	streamOracleArgs(t, oracleDisScript, []string{"loaded"}, again, func(raw json.RawMessage) {
		check(raw, func(src, flag, got, want string) { loaded[[2]string{src, flag}] = want })
	})
	for _, m := range misses {
		if loaded[[2]string{m.src, m.flag}] == m.got {
			st.sameAsLoaded++
			continue
		}
		st.failures = append(st.failures, fmt.Sprintf("%s %s:\n%s", m.src, m.flag, disFirstDiff(m.got, m.want)))
	}
	return st
}

// disFirstDiff shows the first line where got and want differ.
func disFirstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n  got  %q\n  want %q", i+1, gl, wl)
		}
	}
	return "(no difference)"
}

// TestDisStdlib holds Dis of .pyc files of the standard library, loaded by
// ReadPyc, against `python3.13 -m dis` of their sources, with -C and -O
// too. The default is a sample; PEEPHOLE_STDLIB_ALL=1 sweeps every file.
func TestDisStdlib(t *testing.T) {
	files, skipped := stdlibSample(t, 40)
	st := compareDis(t, files)
	t.Logf("dis: %d files (%d more do not compile), %d listings (3 option sets each): %d identical to -m dis of the source, %d identical to the oracle's dis of the loaded .pyc, %d different",
		st.files, skipped, st.listings, st.same, st.sameAsLoaded, len(st.failures))
	for i, f := range st.failures {
		if i == 10 {
			t.Errorf("… and %d more", len(st.failures)-10)
			break
		}
		t.Error(f)
	}
}

// disSnippets are small programs for the corners of the listing: no line
// numbers at all, "--" lines, EXTENDED_ARG, long jumps, line numbers of 4
// and 5 digits, every argument kind, nested code objects.
var disSnippets = map[string]string{
	"empty.py":     "",
	"docstring.py": `"""Only a docstring."""` + "\n",
	"kinds.py": `
import os.path as p
from . import x
from .. m import *
a, *b = c = d[1:2] = e.f = g
del a, e.f, d[0]
def f(a, /, b=1, *c, d, e=2, **f) -> int:
    global gg
    gg = a < b <= c == d != e > f >= a
    if a is b or a is not b and a in b and a not in b: return not a
    x = [i for i in c if i]
    y = {k: v for k, v in f.items()}
    z = (i async for i in c)
    w = f"{a!r:>{b}} {c!s} {d!a} {e=}"
    nonlocal_user = lambda: x + y
    a += 1; a -= 1; a *= 2; a @= b; a /= 2; a //= 2; a %= 2; a **= 2; a <<= 1; a >>= 1; a &= 1; a |= 1; a ^= 1
    return -a + ~b * +c
class C(B, metaclass=M):
    x: int = 1
    def m(self):
        super().m()
        return super().attr, __class__
async def co(a):
    async with a as b:
        async for c in b:
            await c
    try:
        pass
    except* ValueError as e:
        raise e from None
    finally:
        print(a)
def gen():
    yield 1
    x = yield from gen()
    return x
match p:
    case [1, 2, *rest]: pass
    case {"k": v, **kw}: pass
    case Point(x=0, y=yy) if yy > 0: pass
    case "a" | "b" | None: pass
    case _: pass
type Alias[T: int, *Ts, **P] = list[T]
def dflt[T = str, U: (int, str) = int](): pass
def generic[T](x: T) -> T: return x
with open(p) as f, open(p) as g: print(f, g, sep="", end="")
try:
    1 / 0
except (ZeroDivisionError, TypeError):
    pass
else:
    pass
assert x, "message"
print(*a, **b)
s = {1, 2, 3}; fs = 1 in {1, 2, 3}; t = (1, 2, 3); l = [1, 2, 3]
big = 10**100; neg = -1.5e300; cx = 2j; by = b"\x00\xff"; el = ...
`,
}

// bigSnippets builds programs that need EXTENDED_ARG, long jumps and wide
// line numbers.
func bigSnippets() map[string]string {
	m := map[string]string{}
	var b strings.Builder
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "x%d = %d.5\n", i, i)
	}
	b.WriteString("if x1:\n")
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&b, "    y = x%d\n", i%300)
	}
	b.WriteString("else:\n    y = 0\n")
	m["extended.py"] = b.String()
	m["lines1000.py"] = strings.Repeat("\n", 1200) + "def f():\n    return g\nf()\n"
	m["lines10000.py"] = strings.Repeat("\n", 10500) + "try:\n    a\nexcept E:\n    b\n"
	// A module whose every line is a blank and whose code has no line
	// ("--" lines and the 4-wide column).
	m["generator.py"] = "def g():\n    for i in range(3):\n        yield i\n    return 5\n"
	return m
}

// TestDisSnippets holds Dis against the oracle on programs written for the
// corners of the listing.
func TestDisSnippets(t *testing.T) {
	oracle.Require(t)
	dir := t.TempDir()
	srcs := map[string]string{}
	for k, v := range disSnippets {
		srcs[k] = v
	}
	for k, v := range bigSnippets() {
		srcs[k] = v
	}
	var jobs [][2]string
	for name, src := range srcs {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, [2]string{p, p + "c"})
	}
	const compileScript = `
import json, py_compile, sys
for src, pyc in json.load(sys.stdin):
    py_compile.compile(src, cfile=pyc, dfile=src, doraise=True)
print(json.dumps("ok"))
`
	streamOracle(t, compileScript, jobs, func(json.RawMessage) {})
	var files []stdlibPyc
	for _, j := range jobs {
		files = append(files, stdlibPyc{j[0], j[1]})
	}
	st := compareDis(t, files)
	t.Logf("dis snippets: %d listings, %d identical", st.listings, st.same+st.sameAsLoaded)
	for _, f := range st.failures {
		t.Error(f)
	}
}

// TestDisMatchesCLI checks the harness: dis.dis of compile() in one
// process prints what `python3.13 -m dis` prints for the file.
func TestDisMatchesCLI(t *testing.T) {
	root := oracle.Stdlib(t)
	for _, name := range []string{"bisect.py", "colorsys.py"} {
		src := filepath.Join(root, name)
		for _, f := range disFlags {
			args := []string{"-m", "dis"}
			if f.name != "" {
				args = append(args, f.name)
			}
			cli := oracle.Run(t, nil, append(args, src)...)
			if cli.ExitCode != 0 {
				t.Fatalf("-m dis %s: %s", src, cli.Stderr)
			}
			var inproc string
			streamOracle(t, oracleDisScript, [][2]string{{src, ""}}, func(raw json.RawMessage) {
				var pair []json.RawMessage
				json.Unmarshal(raw, &pair)
				var outs map[string]string
				json.Unmarshal(pair[1], &outs)
				inproc = outs[f.name]
			})
			if maskAddrs(inproc) != maskAddrs(string(cli.Stdout)) {
				t.Errorf("%s %s: in-process dis differs from -m dis:\n%s", name, f.name,
					disFirstDiff(maskAddrs(inproc), maskAddrs(string(cli.Stdout))))
			}
		}
	}
}

// TestCacheFormatsMatchOracle checks cacheFormats against
// opcode._cache_format.
func TestCacheFormatsMatchOracle(t *testing.T) {
	r := oracle.Run(t, nil, "-c", `
import json, opcode
print(json.dumps({k: list(v.items()) for k, v in opcode._cache_format.items()}))`)
	if r.ExitCode != 0 {
		t.Fatalf("oracle: %s", r.Stderr)
	}
	var want map[string][][2]any
	if err := json.Unmarshal(r.Stdout, &want); err != nil {
		t.Fatal(err)
	}
	if len(want) != len(cacheFormats) {
		t.Errorf("%d opcodes with a cache format, oracle %d", len(cacheFormats), len(want))
	}
	for op, fields := range cacheFormats {
		w := want[op.String()]
		var got, exp []string
		total := 0
		for _, f := range fields {
			got = append(got, fmt.Sprintf("%s:%d", f.Name, f.Size))
			total += f.Size
		}
		for _, f := range w {
			exp = append(exp, fmt.Sprintf("%s:%v", f[0], f[1]))
		}
		if strings.Join(got, ",") != strings.Join(exp, ",") {
			t.Errorf("%s: cache format %v, oracle %v", op, got, exp)
		}
		if total != op.CacheEntries() {
			t.Errorf("%s: cache fields cover %d units, the opcode has %d", op, total, op.CacheEntries())
		}
	}
}

// argValJSON encodes an Instruction's ArgVal as the oracle script below
// encodes dis's argval.
func argValJSON(in *Instruction) []any {
	if !in.HasArg {
		return []any{"none"}
	}
	if in.Op.HasConst() {
		s, _ := constRepr(in.ArgVal)
		return []any{"const", maskAddrs(s)}
	}
	switch v := in.ArgVal.(type) {
	case nil:
		return []any{"none"}
	case [2]string:
		return []any{"pair", []any{v[0], v[1]}}
	case string:
		if in.Op == CONVERT_VALUE {
			return []any{"conv", v}
		}
		return []any{"str", v}
	case int:
		return []any{"int", v}
	}
	return []any{fmt.Sprintf("%T", in.ArgVal)}
}

// TestInstructionsStdlib holds Instructions against the instructions of
// dis.Bytecode (every field: offsets, opcode, arguments resolved, line
// starts and numbers, labels, positions, cache layout, jump targets) and
// the jump targets of dis.get_instructions, for every code object of a
// sample of the standard library (all of it under PEEPHOLE_STDLIB_ALL=1).
func TestInstructionsStdlib(t *testing.T) {
	files, _ := stdlibSample(t, 40)
	byPath := map[string]string{}
	var jobs [][2]string
	for _, f := range files {
		byPath[f.Src] = f.Pyc
		jobs = append(jobs, [2]string{f.Src, f.Pyc})
	}
	script := pyWalkCode + `
import dis, json, marshal, re, sys
def _n(x): return -1 if x is None else x
def av(i):
    v = i.argval
    if i.arg is None: return ["none"]
    if i.opcode in dis.hasconst: return ["const", re.sub(r"at 0x[0-9a-fA-F]+", "at 0xADDR", repr(v))]
    if v is None: return ["none"]
    if isinstance(v, tuple): return ["pair", list(v)]
    if callable(v): return ["conv", v.__name__]
    if isinstance(v, str): return ["str", v]
    return ["int", v]
for src, pyc in json.load(sys.stdin):
    with open(pyc, "rb") as f:
        top = marshal.loads(f.read()[16:])
    codes = []
    for co in walk(top):
        targets = {i.offset for i in dis.get_instructions(co) if i.is_jump_target}
        codes.append([[i.offset, i.start_offset, i.opcode, i.opname, _n(i.arg), av(i), i.argrepr,
                       i.starts_line, _n(i.line_number), i.label or 0, [_n(x) for x in i.positions],
                       [[n, s] for n, s, _ in (i.cache_info or [])], i.offset in targets, _n(i.jump_target)]
                      for i in dis.Bytecode(co)])
    print(json.dumps([src, codes]))
`
	nfiles, ncodes, ninstrs, bad := 0, 0, 0, 0
	streamOracle(t, script, jobs, func(raw json.RawMessage) {
		var pair []json.RawMessage
		if err := json.Unmarshal(raw, &pair); err != nil || len(pair) != 2 {
			t.Fatalf("bad oracle row %.100s", raw)
		}
		var src string
		var codes [][]json.RawMessage
		json.Unmarshal(pair[0], &src)
		if err := json.Unmarshal(pair[1], &codes); err != nil {
			t.Fatal(err)
		}
		co, _, err := readPycFile(t, byPath[src])
		if err != nil {
			t.Fatal(err)
		}
		nfiles++
		k := 0
		walkCode(co, func(c *Code) {
			if k >= len(codes) {
				t.Errorf("%s: more code objects than the oracle's", src)
				return
			}
			want := codes[k]
			k++
			ncodes++
			ins := c.Instructions()
			if len(ins) != len(want) {
				t.Errorf("%s %s: %d instructions, oracle %d", src, c.QualName, len(ins), len(want))
				bad++
				return
			}
			for j := range ins {
				in := &ins[j]
				ninstrs++
				arg := -1
				if in.HasArg {
					arg = in.Arg
				}
				var caches []any
				for _, ce := range in.Caches {
					caches = append(caches, []any{ce.Name, ce.Size})
				}
				if caches == nil {
					caches = []any{}
				}
				got := []any{in.Offset, in.StartOffset, int(in.Op), in.Opname(), arg, argValJSON(in), in.ArgRepr,
					in.StartsLine, in.Line, in.Label, []any{in.Pos.Line, in.Pos.EndLine, in.Pos.Col, in.Pos.EndCol},
					caches, in.IsJumpTarget(), in.JumpTarget}
				if g, w := maskAddrs(canonJSON(t, got)), maskAddrs(canonJSON(t, want[j])); g != w {
					bad++
					if bad <= 5 {
						t.Errorf("%s %s instruction %d:\n got  %s\n want %s", src, c.QualName, j, g, w)
					}
				}
			}
		})
	})
	t.Logf("instructions: %d files, %d code objects, %d instructions compared, %d differ", nfiles, ncodes, ninstrs, bad)
}

// TestDisMalformed checks Dis and Instructions on code objects dis itself
// cannot print: they must not panic, Dis must report the error, and
// Instructions must still describe every instruction.
func TestDisMalformed(t *testing.T) {
	huge := pyconst.IntFromBig(new(big.Int).Exp(big.NewInt(10), big.NewInt(5000), nil))
	cases := map[string]*Code{
		"huge int":           {Code: []byte{byte(LOAD_CONST), 0, byte(RETURN_VALUE), 0}, Consts: []Const{huge}},
		"const out of range": {Code: []byte{byte(LOAD_CONST), 3, byte(RETURN_VALUE), 0}},
		"name out of range":  {Code: []byte{byte(LOAD_NAME), 3, byte(RETURN_VALUE), 0}},
		"local out of range": {Code: []byte{byte(LOAD_FAST_LOAD_FAST), 0x35, byte(RETURN_VALUE), 0}},
		"bad compare":        {Code: []byte{byte(COMPARE_OP), 0xff, 0, 0, byte(RETURN_VALUE), 0}},
		"bad binary op":      {Code: []byte{byte(BINARY_OP), 99, 0, 0, byte(RETURN_VALUE), 0}},
	}
	for name, co := range cases {
		if err := Dis(io.Discard, co, DisOptions{ShowCaches: true}); err == nil {
			t.Errorf("%s: Dis gave no error", name)
		}
		ins := co.Instructions()
		if len(ins) != 2 {
			t.Errorf("%s: %d instructions", name, len(ins))
		}
	}
	ins := cases["huge int"].Instructions()
	if len(ins[0].ArgRepr) != 5001 {
		t.Errorf("huge int: argrepr of %d characters", len(ins[0].ArgRepr))
	}
}
