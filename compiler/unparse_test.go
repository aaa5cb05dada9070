package compiler

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// The tests hold unparseExpr against CPython's own unparser. The oracle gets
// the same sources peephole's parser reads; it parses them with ast.parse,
// takes every annotation (of an assignment, a parameter, a return) and
// compiles each one as the annotation of a module-level `_aN: ...` under
// `from __future__ import annotations`, then reads the string that
// __annotations__ holds. A yield, await or walrus is rejected at the top of
// an annotation by the symbol table, before the unparser runs; such an
// annotation is compiled as the body of `lambda: ...` instead, whose text is
// "lambda: " followed by the body unparsed at the same level. Annotations
// are matched between the two sides by their source range.

// unparseOracleScript is run by the oracle. argv[1] is "src" (stdin holds a
// JSON list of sources), "files" (a JSON list of paths) or "built" (a JSON
// list of Python expressions that build ast nodes). It prints one JSON object
// per line: {"i": source index, "parse": error} when a source does not parse,
// else one {"i", "pos": [line, col, end line, end col], "ok", "s" (hex of the
// UTF-8, surrogates passed through) or "err"} per annotation.
const unparseOracleScript = `
import ast, json, sys, warnings, __future__
warnings.simplefilter("ignore")
FLAG = __future__.annotations.compiler_flag

def annotations_of(tree):
    out = []
    for n in ast.walk(tree):
        if isinstance(n, ast.AnnAssign):
            out.append(n.annotation)
        elif isinstance(n, ast.arg):
            if n.annotation is not None:
                out.append(n.annotation)
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if n.returns is not None:
                out.append(n.returns)
    return out

def unparse_all(nodes):
    body = [ast.AnnAssign(target=ast.Name(id="_a%d" % i, ctx=ast.Store()),
                          annotation=n, simple=1) for i, n in enumerate(nodes)]
    mod = ast.fix_missing_locations(ast.Module(body=body, type_ignores=[]))
    ns = {}
    exec(compile(mod, "<unparse>", "exec", flags=FLAG, dont_inherit=True), ns)
    ann = ns["__annotations__"]
    return [ann["_a%d" % i] for i in range(len(nodes))]

def err(e):
    return "%s: %s" % (type(e).__name__, e)

def unparse_one(node):
    try:
        return True, unparse_all([node])[0]
    except SyntaxError:
        pass
    except Exception as e:
        return False, err(e)
    lam = ast.Lambda(args=ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[],
                                        kw_defaults=[], kwarg=None, defaults=[]), body=node)
    ast.copy_location(lam, node)
    try:
        s = unparse_all([lam])[0]
    except Exception as e:
        return False, err(e)
    assert s.startswith("lambda: "), s
    return True, s[len("lambda: "):]

def emit(i, node, ok, s):
    rec = {"i": i, "pos": [node.lineno, node.col_offset, node.end_lineno, node.end_col_offset], "ok": ok}
    if ok:
        rec["s"] = s.encode("utf-8", "surrogatepass").hex()
    else:
        rec["err"] = s
    print(json.dumps(rec))

def main():
    mode = sys.argv[1]
    items = json.load(sys.stdin)
    for i, item in enumerate(items):
        if mode == "built":
            node = eval(item, vars(ast))
            node.lineno, node.col_offset, node.end_lineno, node.end_col_offset = 1, 0, 1, 0
            ast.fix_missing_locations(node)
            ok, s = unparse_one(node)
            emit(i, node, ok, s)
            continue
        try:
            if mode == "files":
                with open(item, "rb") as f:
                    src = f.read()
            else:
                src = item
            tree = ast.parse(src)
        except (SyntaxError, ValueError, MemoryError, RecursionError) as e:
            print(json.dumps({"i": i, "parse": err(e)}))
            continue
        nodes = annotations_of(tree)
        try:
            texts = unparse_all(nodes)
            for n, s in zip(nodes, texts):
                emit(i, n, True, s)
        except Exception:
            for n in nodes:
                ok, s = unparse_one(n)
                emit(i, n, ok, s)

main()
`

// oracleAnn is what the oracle says about one annotation.
type oracleAnn struct {
	I     int    `json:"i"`
	Parse string `json:"parse"`
	Pos   [4]int `json:"pos"`
	OK    bool   `json:"ok"`
	S     string `json:"s"`
	Err   string `json:"err"`
}

// runUnparseOracle runs unparseOracleScript over items in mode.
func runUnparseOracle(t *testing.T, mode string, items []string) []oracleAnn {
	t.Helper()
	in, err := json.Marshal(items)
	if err != nil {
		t.Fatal(err)
	}
	r := oracle.Run(t, in, "-c", unparseOracleScript, mode)
	if r.ExitCode != 0 {
		t.Fatalf("oracle failed (status %d):\n%s", r.ExitCode, r.Stderr)
	}
	var out []oracleAnn
	for _, line := range strings.Split(strings.TrimSpace(string(r.Stdout)), "\n") {
		if line == "" {
			continue
		}
		var a oracleAnn
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("bad oracle line %q: %v", line, err)
		}
		out = append(out, a)
	}
	return out
}

// annotationsOf returns the annotations of a tree, keyed by source range.
func annotationsOf(tree ast.Node) map[[4]int]ast.Expr {
	out := map[[4]int]ast.Expr{}
	add := func(e ast.Expr) {
		if e != nil {
			l := e.Range()
			out[[4]int{l.Lineno, l.ColOffset, l.EndLineno, l.EndColOffset}] = e
		}
	}
	ast.Inspect(tree, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AnnAssign:
			add(n.Annotation)
		case *ast.Arg:
			add(n.Annotation)
		case *ast.FunctionDef:
			add(n.Returns)
		case *ast.AsyncFunctionDef:
			add(n.Returns)
		}
		return true
	})
	return out
}

// unparseStats counts the outcome of a comparison.
type unparseStats struct {
	sources, parsed, annotations, matched, oracleRejects int
	// parseGaps counts sources that CPython rejects and peephole parses.
	parseGaps int
}

func (s unparseStats) String() string {
	return fmt.Sprintf("%d sources (%d parsed), %d annotations: %d match the oracle, %d rejected by CPython before unparsing; %d sources that only peephole parses",
		s.sources, s.parsed, s.annotations, s.matched, s.oracleRejects, s.parseGaps)
}

// goUnparseText is what unparseExpr gives, as the oracle would print it: the
// text, or the Python exception.
func goUnparseText(e ast.Expr) (string, bool) {
	s, err := unparseExpr(e)
	if err != nil {
		var dl *pyconst.DigitLimitError
		if errors.As(err, &dl) {
			return "ValueError: " + err.Error(), false
		}
		return err.Error(), false
	}
	return string(s), true
}

// compareUnparse parses each source (read from the file when files is set)
// with peephole's parser, unparses its annotations and compares them with
// the oracle's.
func compareUnparse(t *testing.T, names, items []string, files bool) unparseStats {
	t.Helper()
	mode := "src"
	if files {
		mode = "files"
	}
	want := runUnparseOracle(t, mode, items)
	byItem := make([][]oracleAnn, len(items))
	parseErr := make([]string, len(items))
	for _, a := range want {
		if a.Parse != "" {
			parseErr[a.I] = a.Parse
		} else {
			byItem[a.I] = append(byItem[a.I], a)
		}
	}
	st := unparseStats{sources: len(items)}
	failures := 0
	fail := func(format string, args ...any) {
		failures++
		if failures <= 40 {
			t.Errorf(format, args...)
		}
	}
	for i, item := range items {
		src := []byte(item)
		if files {
			b, err := os.ReadFile(item)
			if err != nil {
				t.Fatal(err)
			}
			src = b
		}
		res := parser.Parse(src, parser.Options{Filename: names[i], IsFile: files})
		if parseErr[i] != "" {
			if res.Tree != nil {
				// A gap of the parser, not of the unparser: counted and
				// shown, not failed here.
				st.parseGaps++
				t.Logf("%s: peephole parses a source CPython rejects (%s)", names[i], parseErr[i])
			}
			continue
		}
		if res.Tree == nil {
			fail("%s: peephole rejects a source CPython parses: %v %s", names[i], res.Err, res.Fatal)
			continue
		}
		st.parsed++
		got := annotationsOf(res.Tree)
		if len(got) != len(byItem[i]) {
			fail("%s: %d annotations, the oracle found %d", names[i], len(got), len(byItem[i]))
		}
		for _, w := range byItem[i] {
			st.annotations++
			e, ok := got[w.Pos]
			if !ok {
				fail("%s: no annotation at %v", names[i], w.Pos)
				continue
			}
			text, ok := goUnparseText(e)
			if !w.OK {
				if strings.HasPrefix(w.Err, "SyntaxError") {
					// The symbol table rejected it before the unparser ran.
					st.oracleRejects++
					continue
				}
				if ok || text != w.Err {
					fail("%s at %v: oracle raises %s, got %q (ok=%v)", names[i], w.Pos, w.Err, clip(text), ok)
					continue
				}
				st.matched++
				continue
			}
			wantText, err := hex.DecodeString(w.S)
			if err != nil {
				t.Fatal(err)
			}
			if !ok || text != string(wantText) {
				fail("%s at %v:\n  source: %s\n  oracle: %s\n  got:    %s (ok=%v)",
					names[i], w.Pos, clip(snippet(src, w.Pos)), clip(string(wantText)), clip(text), ok)
				continue
			}
			st.matched++
		}
	}
	if failures > 40 {
		t.Errorf("... and %d more failures", failures-40)
	}
	return st
}

// clip shortens s for a failure message.
func clip(s string) string {
	if len(s) > 300 {
		return s[:150] + " … " + s[len(s)-150:]
	}
	return s
}

// snippet returns the source text of a range (single-line ranges only;
// otherwise the first line from the start).
func snippet(src []byte, pos [4]int) string {
	lines := strings.Split(string(src), "\n")
	if pos[0] < 1 || pos[0] > len(lines) {
		return "?"
	}
	line := lines[pos[0]-1]
	end := len(line)
	if pos[2] == pos[0] && pos[3] <= len(line) {
		end = pos[3]
	}
	if pos[1] > end {
		return line
	}
	return line[pos[1]:end]
}

// annSources wraps each annotation text as `x: TEXT` under the future import.
func annSources(prefix string, texts []string) (names, srcs []string) {
	for i, x := range texts {
		names = append(names, fmt.Sprintf("%s#%d", prefix, i))
		srcs = append(srcs, "from __future__ import annotations\nx: "+x+"\n")
	}
	return names, srcs
}

// unparseHandCases exercise each branch of ast_unparse.c. A case holding a
// newline or starting with "def " or "async def " is a whole source.
var unparseHandCases = []string{
	// Names and constants.
	"Name", "ñame", "ℌ", "ﬁle", "None", "True", "False", "...", "Ellipsis",
	"0", "1", "7", "1_000_000", "0xFF", "0o17", "0b101", "2**64", "123456789012345678901234567890",
	"0x" + strings.Repeat("f", 3600), "0x" + strings.Repeat("f", 3500),
	"1.0", "1.5", "0.1", "1e16", "1e15", "1e-5", "1e-4", "123456789012345678.0", "1e400", "1e-400",
	"1_0.5e3", "0.0", ".5", "5.", "1e308", "1.7976931348623157e308",
	"1j", "0j", "2.5j", "1e400j", "1e16j", "1e-5j", "1_0J",
	"-1", "-1.0", "-1e400", "-1j", "-0.0", "+1", "~1",
	"'s'", `"s"`, `'it''s'`, `"it's"`, `'say "hi"'`, `'both \' and "'`, `'\\'`, `'\n\t\r\x00\x7f'`,
	`'\x80\xa0\xad'`, `'é'`, `'\u200b'`, `'\ud800'`, `'\udfff\ud800'`, `'\U0001F600'`, `'\U000e0001'`, `'\u2028'`,
	`'\N{BULLET}'`, `u'u'`, `U'u'`, `u'a' 'b'`, `'a' u'b'`, `r'\d'`, `'''tri
ple'''`, `"a" "b" 'c'`, `''`, `""`,
	`b''`, `b'a'`, `b"it's"`, `b'\x00\xff'`, `b'\\'`, `b'both \' and "'`, `rb'\d'`, `b'a' b'b'`,
	// Operators and precedence.
	"a + b", "a - b - c", "a - (b - c)", "a * b * (c * d)", "a / b", "a // b", "a % b", "a @ b", "a << b", "a >> b",
	"a | b", "a ^ b", "a & b", "a ** b", "a ** b ** c", "(a ** b) ** c", "(a ** b) ** c ** d",
	"a | b ^ c & d << e + f * g ** h", "((((a | b) ^ c) & d) << e) + f", "(a + b) * c", "a * (b + c)",
	"-a ** b", "(-a) ** b", "a ** -b", "-(a ** b)", "(-1) ** 2", "-1 ** 2", "~a ** ~b", "+a * -b", "not -a", "-(not a)",
	"not a", "not not a", "not a == b", "(not a) == b", "a + (not b)", "not (a and b)",
	"a and b", "a and b and c", "a or b", "a or b or c", "a and b or c", "a and (b or c)", "(a or b) and c",
	"a or (b or c)", "(a and b) and c", "a and not b",
	"a < b", "a <= b", "a > b", "a >= b", "a == b", "a != b", "a is b", "a is not b", "a in b", "a not in b",
	"a < b < c", "(a < b) < c", "a < (b < c)", "a < b + c", "(a < b) + c", "a < (b or c)",
	"a if b else c", "a if b else c if d else e", "(a if b else c) if d else e", "a if (b if c else d) else e",
	"(a or b) if c else d", "lambda: a if b else c", "(lambda: a) if b else c", "a if b else lambda: c",
	// Lambdas.
	"lambda: 0", "lambda x: x", "lambda x, y: x", "lambda x=1: x", "lambda x, y=1: x", "lambda *a: a", "lambda **k: k",
	"lambda *, k: k", "lambda *, k=1: k", "lambda *a, k, j=2, **kw: a", "lambda x, /: x", "lambda x=1, /: x",
	"lambda x, /, y: x", "lambda x, /, y=1, *, z=3: x", "lambda x=1, y=2, z=3, /, w=4, *, l, l2, **kwargs: x",
	"lambda x: lambda y: x + y", "lambda x=(lambda: 1): x", "lambda x=(1, 2): x", "lambda: (1, 2)", "lambda: (yield)",
	"lambda: 1 if 2 else 3",
	// Displays and comprehensions.
	"()", "(1,)", "(1, 2)", "((1, 2),)", "(*a,)", "(*a, *b)", "[]", "[1]", "[1, 2]", "[*a]", "[(1, 2)]", "[[1]]",
	"{1}", "{1, 2}", "{*a}", "{*a, 1}", "{}", "{1: 2}", "{1: 2, 3: 4}", "{**a}", "{**a, 1: 2, **b}", "{**(a or b)}",
	"{**(a | b)}", "{**a | b}", "{(1, 2): (3, 4)}", "{lambda: 1: 2}", "{1: lambda: 2}", "{(a if b else c): d}",
	"[x for x in y]", "[x for x, y in z]", "[x for (x, y) in z]", "[x for x in y if a]", "[x for x in y if a if b]",
	"[x for x in y for y in z]", "[x async for x in y]", "[x for x in (y if a else b)]", "[x for x in (lambda: y)]",
	"[x for x in y if (a if b else c)]", "[x for x in y if lambda: z]", "[x for x in y if (lambda: z)]",
	"[(x, y) for x in y]", "[x for x in (a, b)]", "[x for x in a or b]", "[x for x in *a, b]",
	"{x for x in y}", "{x: y for x, y in z}", "{(x, y): (a, b) for x in y}", "(x for x in y)", "((x, y) for x in y)",
	"[(yield) for x in y]",
	// Calls, attributes, subscripts, starred.
	"f()", "f(a)", "f(a, b)", "f(*a)", "f(**a)", "f(a=1)", "f(a, *b, c=1, **d)", "f(*a, *b, **c, **d)",
	"f(x for x in y)", "f((x for x in y))", "f((x for x in y), z)", "f(a, (x for x in y))", "f(k=(x for x in y))",
	"f(a)(b)", "f(a)[b]", "f(a).b", "(a + b)()", "(a + b).c", "(a + b)[c]", "(lambda: 1)()", "f(lambda: 1)",
	"f(a if b else c)", "f(*(a or b))", "f(*a or b)", "f(**a or b)", "f(*a + b)", "f((a, b))", "f(k=(a, b))",
	"a.b", "a.b.c", "1 .real", "(1).real", "1.5.real", "1j.imag", "'s'.join", "b's'.x", "True.x", "None.x",
	"(-1).real", "(1, 2).count", "[1].x", "...", "(...).x",
	"a[b]", "a[b][c]", "a[b, c]", "a[(b, c)]", "a[()]", "a[(b,)]", "a[b,]", "a[:]", "a[::]", "a[1:]", "a[:2]",
	"a[::3]", "a[1:2:3]", "a[1:2, 3:4]", "a[1:2, ...]", "a[:, None]", "a[*b]", "a[*b, c]", "a[b, *c]",
	"a[b if c else d]", "a[lambda: 1]", "a[lambda: (1, 2)]", "a[x for x in y]", "a[(x for x in y)]", "a[b:=1]",
	"a[(b:=1)]", "a[1:(b:=2)]", "a[f'{x}']", "dict[str, int]", "Callable[[int], str]", "Callable[..., int]",
	"tuple[int, ...]", "list[int] | None", "int | str | None", "Literal['a', \"b\"]", "Annotated[int, 'x']",
	"'Forward'", "'List[int]'", "typing.Optional[typing.List[int]]",
	// Async and generators (written through a lambda by the oracle).
	"(yield)", "(yield a)", "(yield a, b)", "(yield (a, b))", "(yield from a)", "(yield from (a, b))",
	"(yield lambda: 1)", "(yield a if b else c)", "await a", "await a.b", "await a()", "await a[b]", "await (a + b)",
	"(await a) + b", "-(await a)", "(await a) ** b", "a ** (await b)", "(await a).b", "await (await a)",
	"await (lambda: 1)", "not (await a)", "await (a, b)",
	"(a := 1)", "(a := (b := 1))", "(a := (1, 2))", "(a := lambda: 1)", "(a := b if c else d)",
	"(a := b) + c", "[a := 1, b]", "[(a := 1)]", "{(a := 1)}", "f(a := 1)", "f(x=(a := 1))", "(a := b).c",
	"((a := b), c)", "(a := -b)", "(a := b + c)", "(a := not b)", "(a := await b)", "(a := (yield))",
	// F-strings.
	"f''", "f'a'", "f'{a}'", "f'{a!r}'", "f'{a!s}'", "f'{a!a}'", "f'{a:>10}'", "f'{a!r:>10}'", "f'{a:}'", "f'{a!r:}'",
	"f'{a:{b}}'", "f'{a:{b}.{c}f}'", "f'{a:{b:{c}}}'", "f'{a:{b!r}}'", "f'{a=}'", "f'{a = }'", "f'{a=!s}'",
	"f'{a=:>10}'", "f'{a=!r:>{w}}'", "f'{{'", "f'}}'", "f'{{a}}'", "f'{{{a}}}'", "f'a{b}c{d}e'", "f'{a}{b}'",
	"f'{ {1: 2}}'", "f'{ {1}}'", "f'{ {a for a in b}}'", "f'{(lambda: 1)}'", "f'{(a if b else c)}'", "f'{a, b}'",
	"f'{(a, b)}'", "f'{*a,}'", "f'{(yield)}'", "f'{await a}'", "f'{(a := 1)}'", "f'{a[b]}'", "f'{a.b}'",
	`f"{'a'}"`, `f'{"a"}'`, `f"{'a' 'b'}"`, `f'{"\'"}'`, `f"{'\"'}"`, `f'{"a" if b else "c"}'`, `f'''{'''a'''}'''`,
	`f'{f"{a}"}'`, `f'{f"{f'{a}'}"}'`, `f"it's {a}"`, `f'say "{a}"'`, `f'both \' and " {a}'`, `f'\n{a}\t'`,
	`f'\x00{a}'`, `f'é{a}'`, `f'\ud800{a}'`, `f'{a}' 'b'`, `'a' f'{b}'`, `f'{a}' f'{b}'`, `u'a' f'{b}'`,
	`f'{a:\n}'`, `f'{a:{"x"}}'`, `f'{a!r:{b!s:{c}}}'`, `rf'\d{a}'`, `fr'{a}\n'`, `f'{b"x"}'`, `f'{1e400}'`,
	`f'{...}'`, `f'{a:%Y-%m-%d}'`, `f'{a:{b}{c}}'`, `f'{a:a{b}c}'`, `f'{a:{{}}'`, `f'{"{"}'`, `f'{"}"}'`,
	`f'{a!r}{b!s}'`, `f"""{a}
{b}"""`, "f'{a:=1}'", "f'{(a:=1)}'", "f'{a:=^10}'", "f'{lambda x: x}'", "f'{(lambda x: x)}'",
	// Whole sources: parameter and return annotations.
	"def f(a: int, *args: *Ts, b: 'x' = 1, **kw: dict[str, int]) -> None: pass",
	"def f(*args: *tuple[int, ...]): pass",
	"async def f(a: (await b)) -> (yield): pass",
	"def f() -> lambda: 1: pass",
	"class C:\n    x: int\n    y: 'C' = 1\n    def m(self, a: C) -> C: ...\n",
	"x: int = 1\ny.z: str\nw[0]: bytes = b''\n(v): float\n",
}

// TestUnparseHandCases checks each hand-written case against the oracle.
func TestUnparseHandCases(t *testing.T) {
	var names, srcs []string
	for i, c := range unparseHandCases {
		names = append(names, fmt.Sprintf("hand#%d %q", i, c))
		if strings.Contains(c, "\n") || strings.HasPrefix(c, "def ") || strings.HasPrefix(c, "async def ") || strings.HasPrefix(c, "class ") {
			srcs = append(srcs, "from __future__ import annotations\n"+c+"\n")
		} else {
			srcs = append(srcs, "from __future__ import annotations\nx: "+c+"\n")
		}
	}
	st := compareUnparse(t, names, srcs, false)
	t.Logf("hand cases: %v", st)
	if st.annotations < len(unparseHandCases)*9/10 {
		t.Errorf("only %d annotations compared for %d cases", st.annotations, len(unparseHandCases))
	}
}

// TestUnparseFutureTestCases takes the expressions that CPython's own test
// of this unparser (test_future_stmt/test_future.py, read from the oracle's
// standard library at test time) checks, and compares them.
func TestUnparseFutureTestCases(t *testing.T) {
	root := oracle.Stdlib(t)
	path := filepath.Join(root, "test", "test_future_stmt", "test_future.py")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no %s in the oracle's stdlib", path)
	}
	// The string argument of every eq(...) call in the file.
	r := oracle.Run(t, nil, "-c", `
import ast, json, sys
tree = ast.parse(open(sys.argv[1], "rb").read())
out = []
for n in ast.walk(tree):
    if (isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "eq"
            and n.args and isinstance(n.args[0], ast.Constant) and isinstance(n.args[0].value, str)):
        out.append(n.args[0].value)
print(json.dumps(out))
`, path)
	if r.ExitCode != 0 {
		t.Fatalf("oracle: %s", r.Stderr)
	}
	var texts []string
	if err := json.Unmarshal(r.Stdout, &texts); err != nil {
		t.Fatal(err)
	}
	if len(texts) < 100 {
		t.Fatalf("found only %d eq(...) cases in %s", len(texts), path)
	}
	names, srcs := annSources("test_future", texts)
	st := compareUnparse(t, names, srcs, false)
	t.Logf("test_future.py cases: %v", st)
}

// TestUnparseStdlib compares every annotation in a sample of the oracle's
// standard library (every file with PEEPHOLE_UNPARSE_STDLIB=1).
func TestUnparseStdlib(t *testing.T) {
	root := oracle.Stdlib(t)
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && (d.Name() == "site-packages" || d.Name() == "__pycache__") {
			return filepath.SkipDir
		}
		if err == nil && strings.HasSuffix(p, ".py") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatal("no stdlib files")
	}
	var sample []string
	if os.Getenv("PEEPHOLE_UNPARSE_STDLIB") == "1" {
		sample = files
	} else {
		// Every 12th file, and the files that hold most annotations.
		rich := map[string]bool{
			"typing.py": true, "dataclasses.py": true, "test/test_typing.py": true,
			"test/test_type_annotations.py": true, "test/test_grammar.py": true,
			"test/test_dataclasses/__init__.py": true, "importlib/metadata/__init__.py": true,
			"test/typinganndata/ann_module.py": true, "test/typinganndata/ann_module695.py": true,
			"test/test_future_stmt/test_future.py": true, "test/test_inspect/inspect_stringized_annotations.py": true,
		}
		step := 12
		if testing.Short() {
			step = 48
		}
		for i, f := range files {
			rel, _ := filepath.Rel(root, f)
			if i%step == 0 || rich[filepath.ToSlash(rel)] {
				sample = append(sample, f)
			}
		}
	}
	st := compareUnparse(t, sample, sample, true)
	t.Logf("stdlib: %v", st)
}

// TestUnparseGenerated compares a generated corpus of annotations, built
// to reach every node kind, every operator pair and the odd constants
// (20,000 of them with PEEPHOLE_UNPARSE_GENERATED=N, N thousand).
func TestUnparseGenerated(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 600
	}
	if v := os.Getenv("PEEPHOLE_UNPARSE_GENERATED"); v != "" {
		var k int
		fmt.Sscan(v, &k)
		if k > 0 {
			n = k * 1000
		}
	}
	g := &unparseGen{r: rand.New(rand.NewPCG(313, 1))}
	texts := make([]string, n)
	for i := range texts {
		texts[i] = g.expr(1 + i%5)
	}
	names, srcs := annSources("gen", texts)
	// Keep each oracle run to a moderate size.
	var total unparseStats
	const chunk = 5000
	for lo := 0; lo < len(srcs); lo += chunk {
		hi := min(lo+chunk, len(srcs))
		st := compareUnparse(t, names[lo:hi], srcs[lo:hi], false)
		total.sources += st.sources
		total.parsed += st.parsed
		total.annotations += st.annotations
		total.matched += st.matched
		total.oracleRejects += st.oracleRejects
		total.parseGaps += st.parseGaps
	}
	t.Logf("generated: %v", total)
	if total.parsed < n/2 {
		t.Errorf("only %d of %d generated sources parse: the generator needs work", total.parsed, n)
	}

	// The corpus must reach every expression node, operator, conversion
	// and constant type.
	seen := map[string]int{}
	for _, src := range srcs {
		res := parser.Parse([]byte(src), parser.Options{})
		if res.Tree == nil {
			continue
		}
		for _, e := range annotationsOf(res.Tree) {
			ast.Inspect(e, func(n ast.Node) bool {
				k := strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast.")
				seen[k]++
				switch n := n.(type) {
				case *ast.BinOp:
					seen["BinOp:"+n.Op.String()]++
				case *ast.UnaryOp:
					seen["UnaryOp:"+n.Op.String()]++
				case *ast.BoolOp:
					seen["BoolOp:"+n.Op.String()]++
				case *ast.Compare:
					for _, op := range n.Ops {
						seen["Compare:"+op.String()]++
					}
				case *ast.FormattedValue:
					seen[fmt.Sprintf("FormattedValue:%d", n.Conversion)]++
					if n.FormatSpec != nil {
						seen["FormattedValue:spec"]++
					}
				case *ast.Constant:
					seen["Constant:"+n.Value.TypeName()]++
					if n.Kind == "u" {
						seen["Constant:u"]++
					}
				case *ast.Comprehension:
					seen[fmt.Sprintf("Comprehension:async=%d", n.IsAsync)]++
				case *ast.Arguments:
					if len(n.Posonlyargs) > 0 {
						seen["Arguments:posonly"]++
					}
					if n.Vararg != nil {
						seen["Arguments:vararg"]++
					}
					if len(n.Kwonlyargs) > 0 {
						seen["Arguments:kwonly"]++
					}
					if n.Kwarg != nil {
						seen["Arguments:kwarg"]++
					}
				}
				return true
			})
		}
	}
	want := []string{"BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "ListComp",
		"SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom", "Compare", "Call", "FormattedValue",
		"JoinedStr", "Constant", "Attribute", "Subscript", "Starred", "Name", "List", "Tuple", "Slice", "Keyword",
		"FormattedValue:-1", "FormattedValue:114", "FormattedValue:115", "FormattedValue:97", "FormattedValue:spec",
		"Constant:int", "Constant:float", "Constant:complex", "Constant:str", "Constant:bytes", "Constant:bool",
		"Constant:NoneType", "Constant:ellipsis", "Constant:u", "Comprehension:async=0", "Comprehension:async=1",
		"Arguments:posonly", "Arguments:vararg", "Arguments:kwonly", "Arguments:kwarg", "BoolOp:And", "BoolOp:Or"}
	for op := ast.Add; op <= ast.FloorDiv; op++ {
		want = append(want, "BinOp:"+op.String())
	}
	for op := ast.Invert; op <= ast.USub; op++ {
		want = append(want, "UnaryOp:"+op.String())
	}
	for op := ast.Eq; op <= ast.NotIn; op++ {
		want = append(want, "Compare:"+op.String())
	}
	for _, k := range want {
		if seen[k] == 0 {
			t.Errorf("the generated corpus has no %s", k)
		}
	}
}

// unparseGen generates the text of Python expressions, deterministically from
// its random source. It writes parentheses at random around operands so
// that the parser builds trees of every shape; some texts are not valid
// Python, and both parsers must reject those.
type unparseGen struct {
	r *rand.Rand
}

func (g *unparseGen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

var genNames = []string{"a", "b", "c", "x", "y", "T", "int", "str", "List", "Optional", "ñ", "ℌ", "ﬁ", "_", "__x"}

var genConsts = []string{
	"0", "1", "42", "10**3", "0xFF", "1_000", "2**64", "123456789012345678901234567890",
	"1.0", "0.5", "1e16", "1e-7", "1e400", "1e-400", "3.14159", "1e22", "9007199254740993.0",
	"1j", "0j", "2.5j", "1e400j", "1e-5j",
	"None", "True", "False", "...",
	"'s'", `"d"`, `'it\'s'`, `"a\"b"`, `'a"b\'c'`, `'\n'`, `'\x00'`, `'\\'`, `'é'`, `'\u200b'`, `'\ud800'`,
	`'\U0001F600'`, `'{'`, `'}'`, `'{}'`, `u'u'`, `'a' 'b'`, `r'\d'`, `''`,
	`b''`, `b'x'`, `b"'"`, `b'\xff'`, `b'\'"'`,
}

var unparseBinOps = []string{"+", "-", "*", "/", "//", "%", "@", "**", "<<", ">>", "|", "^", "&"}
var genCmpOps = []string{"<", "<=", ">", ">=", "==", "!=", "is", "is not", "in", "not in"}

// sub writes an operand: an expression, sometimes in parentheses.
func (g *unparseGen) sub(d int) string {
	s := g.expr(d)
	if g.r.IntN(3) == 0 {
		return "(" + s + ")"
	}
	return s
}

// expr writes an expression of nesting depth at most d.
func (g *unparseGen) expr(d int) string {
	if d <= 0 {
		switch g.r.IntN(3) {
		case 0:
			return g.pick(genConsts...)
		default:
			return g.pick(genNames...)
		}
	}
	d--
	switch g.r.IntN(24) {
	case 0, 1, 2:
		return g.sub(d) + " " + g.pick(unparseBinOps...) + " " + g.sub(d)
	case 3:
		return g.pick("-", "+", "~", "not ") + g.sub(d)
	case 4:
		op := g.pick(" and ", " or ")
		s := g.sub(d) + op + g.sub(d)
		if g.r.IntN(2) == 0 {
			s += g.pick(" and ", " or ") + g.sub(d)
		}
		return s
	case 5:
		s := g.sub(d)
		for k := 1 + g.r.IntN(3); k > 0; k-- {
			s += " " + g.pick(genCmpOps...) + " " + g.sub(d)
		}
		return s
	case 6:
		return g.sub(d) + " if " + g.sub(d) + " else " + g.sub(d)
	case 7:
		return "lambda" + g.params(d) + ": " + g.sub(d)
	case 8:
		return "(" + g.pick(genNames...) + " := " + g.sub(d) + ")"
	case 9:
		switch g.r.IntN(4) {
		case 0:
			return "(yield)"
		case 1:
			return "(yield " + g.exprList(d) + ")"
		case 2:
			return "(yield from " + g.sub(d) + ")"
		default:
			return "await " + g.primary(d)
		}
	case 10:
		return g.primary(d) + "(" + g.callArgs(d) + ")"
	case 11:
		if g.r.IntN(3) == 0 {
			return g.pick("1", "(1)", "1.5", "1j", "'s'", "(-1)", "True", "None") + "." + g.pick("real", "x")
		}
		return g.primary(d) + "." + g.pick(genNames...)
	case 12, 13:
		return g.primary(d) + "[" + g.subscript(d) + "]"
	case 14:
		return "[" + g.elements(d) + "]"
	case 15:
		switch g.r.IntN(3) {
		case 0:
			return "()"
		case 1:
			return "(" + g.sub(d) + ",)"
		}
		return "(" + g.elements(d) + ")"
	case 16:
		if g.r.IntN(2) == 0 {
			return "{" + g.elements(d) + "}"
		}
		return "{" + g.dictItems(d) + "}"
	case 17:
		elt := g.sub(d)
		gens := g.comprehension(d)
		switch g.r.IntN(4) {
		case 0:
			return "[" + elt + gens + "]"
		case 1:
			return "{" + elt + gens + "}"
		case 2:
			return "{" + elt + ": " + g.sub(d) + gens + "}"
		}
		return "(" + elt + gens + ")"
	case 18, 19:
		return g.fstring(d)
	case 20:
		return g.pick(genConsts...)
	case 21:
		return g.pick("-", "+", "~") + g.pick(genConsts...) + g.pick("", " ** "+g.sub(d), " ** -"+g.pick(genConsts...))
	case 22:
		// Implicit concatenation.
		return g.pick(`'a'`, `"b"`, `u'c'`, g.fstring(d)) + " " + g.pick(`'d'`, `f'{x}'`, g.fstring(d), `"{"`)
	}
	return g.pick(genNames...)
}

// primary writes an expression that may stand before ( [ or .
func (g *unparseGen) primary(d int) string {
	switch g.r.IntN(6) {
	case 0:
		return "(" + g.expr(d) + ")"
	case 1:
		return g.pick(genNames...) + "." + g.pick(genNames...)
	case 2:
		return g.pick(genNames...) + "(" + g.callArgs(d) + ")"
	case 3:
		return g.pick(genNames...) + "[" + g.subscript(d) + "]"
	}
	return g.pick(genNames...)
}

func (g *unparseGen) exprList(d int) string {
	s := g.sub(d)
	for k := g.r.IntN(3); k > 0; k-- {
		s += ", " + g.sub(d)
	}
	return s
}

// elements writes the items of a list, tuple or set display.
func (g *unparseGen) elements(d int) string {
	var parts []string
	for k := 1 + g.r.IntN(3); k > 0; k-- {
		if g.r.IntN(4) == 0 {
			parts = append(parts, "*"+g.sub(d))
		} else {
			parts = append(parts, g.sub(d))
		}
	}
	return strings.Join(parts, ", ")
}

func (g *unparseGen) dictItems(d int) string {
	var parts []string
	for k := g.r.IntN(3); k > 0; k-- {
		if g.r.IntN(4) == 0 {
			parts = append(parts, "**"+g.sub(d))
		} else {
			parts = append(parts, g.sub(d)+": "+g.sub(d))
		}
	}
	return strings.Join(parts, ", ")
}

func (g *unparseGen) callArgs(d int) string {
	if g.r.IntN(6) == 0 {
		return g.sub(d) + g.comprehension(d)
	}
	var parts []string
	for k := g.r.IntN(4); k > 0; k-- {
		switch g.r.IntN(5) {
		case 0:
			parts = append(parts, "*"+g.sub(d))
		case 1:
			parts = append(parts, "**"+g.sub(d))
		case 2:
			parts = append(parts, g.pick(genNames...)+"="+g.sub(d))
		default:
			parts = append(parts, g.sub(d))
		}
	}
	return strings.Join(parts, ", ")
}

func (g *unparseGen) slice(d int) string {
	opt := func() string {
		if g.r.IntN(2) == 0 {
			return ""
		}
		return g.sub(d)
	}
	s := opt() + ":" + opt()
	if g.r.IntN(2) == 0 {
		s += ":" + opt()
	}
	return s
}

func (g *unparseGen) subscript(d int) string {
	var parts []string
	for k := 1 + g.r.IntN(3); k > 0; k-- {
		switch g.r.IntN(5) {
		case 0:
			parts = append(parts, g.slice(d))
		case 1:
			parts = append(parts, "*"+g.sub(d))
		default:
			parts = append(parts, g.sub(d))
		}
	}
	s := strings.Join(parts, ", ")
	if len(parts) == 1 && g.r.IntN(4) == 0 {
		s += ","
	}
	return s
}

func (g *unparseGen) comprehension(d int) string {
	var s string
	for k := 1 + g.r.IntN(2); k > 0; k-- {
		s += g.pick(" for ", " async for ") + g.pick("x", "x, y", "(x, y)", "[x, y]", "x.a", "x[0]", "*x, y") +
			" in " + g.sub(d)
		for j := g.r.IntN(3); j > 0; j-- {
			s += " if " + g.sub(d)
		}
	}
	return s
}

// params writes a lambda's parameter list, starting with the space that
// follows "lambda" when there are parameters.
func (g *unparseGen) params(d int) string {
	var parts []string
	def := false
	next := 0
	name := func() string { next++; return fmt.Sprintf("p%d", next) }
	for k := g.r.IntN(3); k > 0; k-- {
		if def || g.r.IntN(3) == 0 {
			def = true
			parts = append(parts, name()+"="+g.sub(d))
		} else {
			parts = append(parts, name())
		}
	}
	if len(parts) > 0 && g.r.IntN(4) == 0 {
		parts = append(parts, "/")
	}
	switch g.r.IntN(4) {
	case 0:
		parts = append(parts, "*"+name())
	case 1:
		parts = append(parts, "*")
	}
	if len(parts) > 0 && parts[len(parts)-1] == "*" || g.r.IntN(3) == 0 && len(parts) > 0 && strings.HasPrefix(parts[len(parts)-1], "*") {
		for k := 1 + g.r.IntN(2); k > 0; k-- {
			if g.r.IntN(2) == 0 {
				parts = append(parts, name()+"="+g.sub(d))
			} else {
				parts = append(parts, name())
			}
		}
	}
	if g.r.IntN(4) == 0 {
		parts = append(parts, "**"+name())
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, ", ")
}

// fstring writes an f-string with literal parts and replacement fields.
func (g *unparseGen) fstring(d int) string {
	quote := g.pick("'", `"`, "'''", `"""`)
	raw := g.r.IntN(6) == 0
	prefix := g.pick("f", "F")
	if raw {
		prefix = g.pick("rf", "fR", "Rf")
	}
	var b strings.Builder
	b.WriteString(prefix + quote)
	for k := g.r.IntN(4); k > 0; k-- {
		if g.r.IntN(2) == 0 {
			b.WriteString(g.fliteral(quote, raw))
			continue
		}
		b.WriteString(g.field(d, quote, raw, 2))
	}
	b.WriteString(quote)
	return b.String()
}

func (g *unparseGen) fliteral(quote string, raw bool) string {
	other := `"`
	if quote[0] == '"' {
		other = "'"
	}
	lits := []string{"a", " ", "{{", "}}", "é", "x y", other, "ok" + other + "ok", "\\" + quote[:1], "😀"}
	if !raw {
		lits = append(lits, `\n`, `\t`, `\x00`, `\\`, `\u2028`, `\N{BULLET}`, `\ud800`)
	} else {
		lits = append(lits, `\d`, `\n`)
	}
	if len(quote) == 3 {
		lits = append(lits, "\n", quote[:1])
	}
	return g.pick(lits...)
}

// field writes a replacement field; depth bounds the nesting of fields in
// format specs.
func (g *unparseGen) field(d int, quote string, raw bool, depth int) string {
	e := g.expr(d)
	if g.r.IntN(3) == 0 {
		e = "(" + e + ")"
	}
	if strings.HasPrefix(e, "{") {
		e = " " + e
	}
	s := "{" + e
	if g.r.IntN(6) == 0 {
		s += g.pick("=", " = ", "= ")
	}
	if g.r.IntN(4) == 0 {
		s += g.pick("!r", "!s", "!a")
	}
	if g.r.IntN(3) == 0 {
		s += ":"
		for k := g.r.IntN(3); k > 0; k-- {
			if depth > 0 && g.r.IntN(2) == 0 {
				s += g.field(max(d-1, 0), quote, raw, depth-1)
			} else {
				s += g.pick(">10", "x", ".2f", "%Y", " ", "<", "=^8", "é", "\\n")
			}
		}
	}
	return s + "}"
}

// TestUnparseBuilt compares trees that only a hand-built AST holds (the
// parser never makes them) but that CPython still unparses: tuple and
// frozenset constants, NaN, complex numbers with a real part, replacement
// fields outside an f-string, nested JoinedStr, annotations on lambda
// parameters, and the error paths.
func TestUnparseBuilt(t *testing.T) {
	name := func(id string) ast.Expr { return &ast.Name{ID: id, Ctx: ast.Load} }
	cnst := func(v pyconst.Value) ast.Expr { return &ast.Constant{Value: v} }
	inf, nan := math.Inf(1), math.NaN()
	cases := []struct {
		py   string
		tree ast.Expr
	}{
		{"Constant(value=(1, 1e400, 'a', (2,), (1e400,), None, b'x', ..., 1j, ()))",
			cnst(pyconst.Tuple{pyconst.IntFromInt64(1), pyconst.Float(inf), pyconst.Str("a"),
				pyconst.Tuple{pyconst.IntFromInt64(2)}, pyconst.Tuple{pyconst.Float(inf)}, pyconst.None,
				pyconst.Bytes("x"), pyconst.Ellipsis, pyconst.Complex{Imag: 1}, pyconst.Tuple{}})},
		{"Constant(value=(1,))", cnst(pyconst.Tuple{pyconst.IntFromInt64(1)})},
		{"Constant(value=())", cnst(pyconst.Tuple{})},
		{"Constant(value=frozenset({1}))", cnst(pyconst.NewFrozenSet([]pyconst.Value{pyconst.IntFromInt64(1)}))},
		{"Constant(value=float('nan'))", cnst(pyconst.Float(nan))},
		{"Constant(value=-float('inf'))", cnst(pyconst.Float(-inf))},
		{"Constant(value=complex(1e400, -1e400))", cnst(pyconst.Complex{Real: inf, Imag: -inf})},
		{"Constant(value=complex(float('nan'), 1e400))", cnst(pyconst.Complex{Real: nan, Imag: inf})},
		{"Constant(value=complex(-0.0, 1))", cnst(pyconst.Complex{Real: math.Copysign(0, -1), Imag: 1})},
		{"Constant(value=-5)", cnst(pyconst.IntFromInt64(-5))},
		{"Attribute(value=Constant(value=-5), attr='real', ctx=Load())",
			&ast.Attribute{Value: cnst(pyconst.IntFromInt64(-5)), Attr: "real", Ctx: ast.Load}},
		{"Attribute(value=Constant(value=True), attr='real', ctx=Load())",
			&ast.Attribute{Value: cnst(pyconst.True), Attr: "real", Ctx: ast.Load}},
		{"Constant(value='s', kind='u')", &ast.Constant{Value: pyconst.Str("s"), Kind: "u"}},
		{"Constant(value=1, kind='u')", &ast.Constant{Value: pyconst.IntFromInt64(1), Kind: "u"}},
		{"FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)",
			&ast.FormattedValue{Value: name("x"), Conversion: 'r'}},
		{"FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='{}')]))",
			&ast.FormattedValue{Value: name("x"), Conversion: -1, FormatSpec: &ast.JoinedStr{Values: []ast.Expr{cnst(pyconst.Str("{}"))}}}},
		{"JoinedStr(values=[Constant(value='a'), JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)])])",
			&ast.JoinedStr{Values: []ast.Expr{cnst(pyconst.Str("a")), &ast.JoinedStr{Values: []ast.Expr{
				&ast.FormattedValue{Value: name("x"), Conversion: -1}}}}}},
		{"JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=Constant(value='>{'))])",
			&ast.JoinedStr{Values: []ast.Expr{&ast.FormattedValue{Value: name("x"), Conversion: -1, FormatSpec: cnst(pyconst.Str(">{"))}}}},
		{"JoinedStr(values=[Constant(value=b'x')])", &ast.JoinedStr{Values: []ast.Expr{cnst(pyconst.Bytes("x"))}}},
		{"JoinedStr(values=[Name(id='x', ctx=Load())])", &ast.JoinedStr{Values: []ast.Expr{name("x")}}},
		{"FormattedValue(value=Name(id='x', ctx=Load()), conversion=0)",
			&ast.FormattedValue{Value: name("x"), Conversion: 0}},
		{"FormattedValue(value=Name(id='x', ctx=Load()), conversion=120)",
			&ast.FormattedValue{Value: name("x"), Conversion: 'x'}},
		{"Slice(lower=Name(id='a', ctx=Load()), upper=None, step=Name(id='c', ctx=Load()))",
			&ast.Slice{Lower: name("a"), Step: name("c")}},
		{"Slice()", &ast.Slice{}},
		{"Starred(value=Name(id='a', ctx=Load()), ctx=Load())", &ast.Starred{Value: name("a"), Ctx: ast.Load}},
		{"Tuple(elts=[Starred(value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=Name(id='b', ctx=Load())), ctx=Load())], ctx=Load())",
			&ast.Tuple{Elts: []ast.Expr{&ast.Starred{Value: &ast.BinOp{Left: name("a"), Op: ast.BitOr, Right: name("b")}, Ctx: ast.Load}}, Ctx: ast.Load}},
		{"Starred(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt()], comparators=[Name(id='b', ctx=Load())]), ctx=Load())",
			&ast.Starred{Value: &ast.Compare{Left: name("a"), Ops: []ast.CmpOp{ast.Lt}, Comparators: []ast.Expr{name("b")}}, Ctx: ast.Load}},
		{"Lambda(args=arguments(posonlyargs=[], args=[arg(arg='a', annotation=Name(id='int', ctx=Load()))], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id='a', ctx=Load()))",
			&ast.Lambda{Args: &ast.Arguments{Args: []*ast.Arg{{Arg: "a", Annotation: name("int")}}}, Body: name("a")}},
		{"Dict(keys=[None, Name(id='k', ctx=Load())], values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())])",
			&ast.Dict{Keys: []ast.Expr{nil, name("k")}, Values: []ast.Expr{name("a"), name("b")}}},
		{"Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[])",
			&ast.Call{Func: name("f"), Args: []ast.Expr{&ast.GeneratorExp{Elt: name("x"), Generators: []*ast.Comprehension{{Target: name("x"), Iter: name("y")}}}}}},
		{"Name(id='not an identifier', ctx=Load())", name("not an identifier")},
	}
	var pys []string
	for _, c := range cases {
		pys = append(pys, c.py)
	}
	want := runUnparseOracle(t, "built", pys)
	if len(want) != len(cases) {
		t.Fatalf("oracle gave %d results for %d cases", len(want), len(cases))
	}
	matched := 0
	for _, w := range want {
		c := cases[w.I]
		got, ok := goUnparseText(c.tree)
		if !w.OK {
			if ok || got != w.Err {
				t.Errorf("%s: oracle raises %s, got %q (ok=%v)", c.py, w.Err, got, ok)
			} else {
				matched++
			}
			continue
		}
		wantText, _ := hex.DecodeString(w.S)
		if !ok || got != string(wantText) {
			t.Errorf("%s:\n  oracle: %s\n  got:    %s (ok=%v)", c.py, wantText, got, ok)
			continue
		}
		matched++
	}
	t.Logf("hand-built trees: %d of %d match the oracle", matched, len(cases))
}

// TestUnparseNoPanic feeds trees that are not valid expressions: each must
// give an error, never a panic.
func TestUnparseNoPanic(t *testing.T) {
	var nilName *ast.Name
	var nilGen *ast.GeneratorExp
	bad := []ast.Expr{
		nil,
		nilName,
		&ast.BadExpr{},
		&ast.BinOp{Left: &ast.Name{ID: "a"}, Op: 0, Right: &ast.Name{ID: "b"}},
		&ast.BinOp{Left: &ast.Name{ID: "a"}, Op: 99, Right: &ast.Name{ID: "b"}},
		&ast.BinOp{Op: ast.Add},
		&ast.UnaryOp{Op: 0, Operand: &ast.Name{ID: "a"}},
		&ast.Compare{Left: &ast.Name{ID: "a"}, Comparators: []ast.Expr{&ast.Name{ID: "b"}}},
		&ast.Compare{Left: &ast.Name{ID: "a"}, Ops: []ast.CmpOp{99}, Comparators: []ast.Expr{&ast.Name{ID: "b"}}},
		&ast.Lambda{Body: &ast.Name{ID: "a"}},
		&ast.Lambda{Args: &ast.Arguments{Args: []*ast.Arg{nil}}, Body: &ast.Name{ID: "a"}},
		&ast.Lambda{Args: &ast.Arguments{}},
		&ast.Constant{},
		&ast.Constant{Value: pyconst.Tuple{nil}},
		&ast.Call{Func: &ast.Name{ID: "f"}, Keywords: []*ast.Keyword{nil}},
		&ast.Call{Func: &ast.Name{ID: "f"}, Args: []ast.Expr{nilGen}},
		&ast.ListComp{Elt: &ast.Name{ID: "x"}, Generators: []*ast.Comprehension{nil}},
		&ast.ListComp{Elt: &ast.Name{ID: "x"}, Generators: []*ast.Comprehension{{}}},
		&ast.JoinedStr{Values: []ast.Expr{nil}},
		&ast.JoinedStr{Values: []ast.Expr{&ast.Constant{Value: pyconst.IntFromInt64(1)}}},
		&ast.FormattedValue{Value: &ast.Name{ID: "x"}, Conversion: 'q'},
		&ast.FormattedValue{},
		&ast.Subscript{Value: &ast.Name{ID: "a"}},
		&ast.Attribute{Attr: "x"},
		&ast.Dict{Keys: []ast.Expr{&ast.Name{ID: "k"}}, Values: []ast.Expr{nil}},
		&ast.Tuple{Elts: []ast.Expr{&ast.BadExpr{}}},
	}
	for i, e := range bad {
		if s, err := unparseExpr(e); err == nil {
			t.Errorf("case %d: no error, got %q", i, s)
		}
	}
	// A dict with more keys than values is only odd, not an error.
	if s, err := unparseExpr(&ast.Dict{Keys: []ast.Expr{&ast.Name{ID: "k"}, &ast.Name{ID: "j"}},
		Values: []ast.Expr{&ast.Name{ID: "v"}}}); err != nil || s != "{k: v}" {
		t.Errorf("dict: %q, %v", s, err)
	}
}

// TestUnparseDeep checks that very deep trees, built by hand or by the
// parser, neither overflow the stack nor lose their text.
func TestUnparseDeep(t *testing.T) {
	// A hand-built chain deeper than the printer follows gives an error.
	var e ast.Expr = &ast.Name{ID: "a"}
	for i := 0; i < maxUnparseDepth+10; i++ {
		e = &ast.UnaryOp{Op: ast.USub, Operand: e}
	}
	if _, err := unparseExpr(e); err == nil {
		t.Errorf("a tree %d deep unparsed without error", maxUnparseDepth+10)
	}
	// The same inside an f-string's replacement field.
	var f ast.Expr = &ast.Name{ID: "a"}
	for i := 0; i < maxUnparseDepth/2; i++ {
		f = &ast.JoinedStr{Values: []ast.Expr{&ast.FormattedValue{Value: f, Conversion: -1}}}
	}
	if _, err := unparseExpr(f); err == nil {
		t.Errorf("nested f-strings %d deep unparsed without error", maxUnparseDepth/2)
	}
	// Long chains from the parser, as deep as CPython accepts, compared
	// with the oracle compiling the source itself (the ast module's own
	// conversion has a lower limit).
	var texts []string
	for _, n := range []int{500, 2000, 5000} {
		texts = append(texts, "a"+strings.Repeat(" + a", n), strings.Repeat("a.", n)+"b",
			"a"+strings.Repeat("[b]", n), strings.Repeat("-", n)+"a", "a"+strings.Repeat(" ** a", n))
	}
	_, srcs := annSources("deep", texts)
	in, _ := json.Marshal(srcs)
	r := oracle.Run(t, in, "-c", `
import json, sys
for src in json.load(sys.stdin):
    ns = {}
    try:
        exec(compile(src, "<deep>", "exec", dont_inherit=True), ns)
        print(json.dumps({"ok": True, "s": ns["__annotations__"]["x"]}))
    except BaseException as e:
        print(json.dumps({"ok": False, "err": "%s: %s" % (type(e).__name__, e)}))
`)
	if r.ExitCode != 0 {
		t.Fatalf("oracle: %s", r.Stderr)
	}
	lines := strings.Split(strings.TrimSpace(string(r.Stdout)), "\n")
	if len(lines) != len(srcs) {
		t.Fatalf("oracle gave %d results for %d sources", len(lines), len(srcs))
	}
	compared := 0
	for i, line := range lines {
		var w struct {
			OK     bool
			S, Err string
		}
		if err := json.Unmarshal([]byte(line), &w); err != nil {
			t.Fatal(err)
		}
		res := parser.Parse([]byte(srcs[i]), parser.Options{})
		if !w.OK || res.Tree == nil {
			if w.OK {
				t.Errorf("deep#%d: peephole's parser rejects it: %v %s", i, res.Err, res.Fatal)
			}
			continue
		}
		var ann ast.Expr
		for _, e := range annotationsOf(res.Tree) {
			ann = e
		}
		got, err := unparseExpr(ann)
		if err != nil || string(got) != w.S {
			t.Errorf("deep#%d:\n  oracle: %s\n  got:    %s (%v)", i, clip(w.S), clip(string(got)), err)
			continue
		}
		compared++
	}
	t.Logf("deep: %d of %d sources compared equal (the others CPython rejects)", compared, len(srcs))
}
