package compiler

// OptimizeAST against CPython 3.13: the oracle folds the same source with
// compile(src, name, mode, PyCF_ONLY_AST | PyCF_OPTIMIZED_AST, optimize=N)
// (which is ast.parse(src, optimize=N) for N > 0, and the tree compile()
// folds for N = 0) and dumps it with ast.dump(include_attributes=True);
// peephole parses, runs OptimizeAST and dumps with ast.Dump. The dumps are
// compared through their SHA-256 first, and in full (indented) only for
// the jobs that differ.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

const astoptScript = `
import ast, sys, json, hashlib, warnings
warnings.simplefilter("ignore")
sys.setrecursionlimit(12000)
out = []
for job in json.load(sys.stdin):
    try:
        if "path" in job:
            with open(job["path"], "rb") as f:
                src = f.read()
        else:
            src = job["src"].encode("utf-8", "surrogatepass")
        tree = compile(src, job["name"], job["mode"],
                       flags=ast.PyCF_ONLY_AST | ast.PyCF_OPTIMIZED_AST, optimize=job["opt"])
        if job.get("full"):
            d = ast.dump(tree, include_attributes=True, indent=1)
            out.append({"dump": d})
        else:
            d = ast.dump(tree, include_attributes=True)
            out.append({"hash": hashlib.sha256(d.encode("utf-8")).hexdigest()})
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError) as e:
        out.append({"err": type(e).__name__ + ": " + str(e)})
json.dump(out, sys.stdout)
`

// optJob is one source to fold at one optimization level.
type optJob struct {
	Name string `json:"name"`
	Path string `json:"path,omitempty"`
	Src  string `json:"src,omitempty"`
	Mode string `json:"mode"`
	Opt  int    `json:"opt"`
	Full bool   `json:"full,omitempty"`
}

type optAnswer struct {
	Hash string `json:"hash"`
	Dump string `json:"dump"`
	Err  string `json:"err"`
}

func runOptOracle(t *testing.T, jobs []optJob) []optAnswer {
	t.Helper()
	in, err := json.Marshal(jobs)
	if err != nil {
		t.Fatal(err)
	}
	r := oracle.Run(t, in, "-c", astoptScript)
	if r.ExitCode != 0 {
		t.Fatalf("oracle failed: %s", r.Stderr)
	}
	var out []optAnswer
	if err := json.Unmarshal(r.Stdout, &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != len(jobs) {
		t.Fatalf("oracle answered %d jobs of %d", len(out), len(jobs))
	}
	return out
}

// futureAnnotations reports whether a module starts (after its docstring)
// with `from __future__ import annotations`, as CPython's _PyFuture_FromAST
// finds it.
func futureAnnotations(mod ast.ModNode) bool {
	var body []ast.Stmt
	switch m := mod.(type) {
	case *ast.Module:
		body = m.Body
	case *ast.Interactive:
		body = m.Body
	}
	if docstringOf(body) != nil {
		body = body[1:]
	}
	for _, s := range body {
		imp, ok := s.(*ast.ImportFrom)
		if !ok || imp.Module != "__future__" {
			break
		}
		for _, a := range imp.Names {
			if a.Name == "annotations" {
				return true
			}
		}
	}
	return false
}

// peepholeFold parses, folds and dumps a job as the oracle does; ok is false
// when peephole rejects the source (a syntax or recursion error).
func peepholeFold(job optJob, indent int) (dump string, errText string) {
	src := []byte(job.Src)
	if job.Path != "" {
		var err error
		if src, err = os.ReadFile(job.Path); err != nil {
			return "", err.Error()
		}
	}
	mode, _ := parser.ParseMode(job.Mode)
	res := parser.Parse(src, parser.Options{Filename: job.Name, Mode: mode})
	if res.Err != nil {
		return "", "SyntaxError: " + res.Err.Error()
	}
	if res.Fatal != "" {
		return "", res.Fatal
	}
	if err := optimizeAST(res.Tree, job.Opt, futureAnnotations(res.Tree), testStartDepth); err != nil {
		return "", "RecursionError: " + err.Error()
	}
	d, err := ast.Dump(res.Tree, ast.DumpOptions{Indent: indent, IncludeAttributes: true})
	if err != nil {
		return "", "ValueError: " + err.Error()
	}
	return d, ""
}

// testStartDepth is the depth at which CPython's optimizer starts counting
// when the oracle script calls compile() at its top level.
const testStartDepth = 3

func sha(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// optStats counts the outcome of a comparison.
type optStats struct {
	compared, matched, bothRejected int
	// unstableSets counts the trees that differ only in the order of a
	// frozenset holding a NaN or Ellipsis: CPython hashes those by address,
	// so that order changes from run to run of CPython itself.
	unstableSets int
	// libm counts the trees that differ only in the last bits of a float or
	// complex power (see pyconst's TestArithmeticAgainstOracle): CPython
	// calls glibc's pow, exp, log, sin, cos, atan2 and hypot, which are not
	// always correctly rounded; pyconst's are.
	libm int
}

// unstableSetLine reports whether a dump line shows a frozenset whose
// order CPython does not keep from run to run.
func unstableSetLine(l string) bool {
	return strings.Contains(l, "frozenset({") && (strings.Contains(l, "nan") || strings.Contains(l, "Ellipsis"))
}

// unstableSetOrderOnly reports whether two indented dumps differ only in
// the order of such frozensets (or not at all, when the hashed dump came
// from another run of CPython, with another order).
func unstableSetOrderOnly(want, got string) bool {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	if len(w) != len(g) {
		return false
	}
	unstable := false
	for i := range w {
		if unstableSetLine(w[i]) {
			unstable = true
		}
		if w[i] != g[i] && (!unstableSetLine(w[i]) || len(w[i]) != len(g[i])) {
			return false
		}
	}
	return unstable
}

// libmOnly reports whether two indented dumps differ only in float or
// complex constants that agree to 12 significant digits, in a source that
// raises something to a power.
func libmOnly(src, want, got string) bool {
	if !strings.Contains(src, "**") {
		return false
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	if len(w) != len(g) {
		return false
	}
	diff := false
	for i := range w {
		if w[i] == g[i] {
			continue
		}
		a, ok1 := dumpedNumber(w[i])
		b, ok2 := dumpedNumber(g[i])
		if !ok1 || !ok2 || len(a) != len(b) {
			return false
		}
		scale := 0.0
		for _, x := range a {
			scale = max(scale, math.Abs(x))
		}
		for k := range a {
			if a[k] != b[k] && !(math.Abs(a[k]-b[k]) <= 1e-12*scale) {
				return false
			}
		}
		diff = true
	}
	return diff
}

// dumpedNumber reads the parts of a "value=<float or complex>," dump line.
func dumpedNumber(l string) ([]float64, bool) {
	l = strings.TrimSpace(l)
	l, ok := strings.CutPrefix(l, "value=")
	if !ok {
		return nil, false
	}
	l = strings.TrimSuffix(strings.TrimSuffix(l, ","), ")")
	l = strings.TrimPrefix(l, "(")
	parse := func(s string) (float64, bool) {
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil
	}
	if !strings.HasSuffix(l, "j") {
		f, ok := parse(l)
		return []float64{f}, ok
	}
	l = strings.TrimSuffix(l, "j")
	// Split "re+im" at the sign that starts the imaginary part.
	for i := len(l) - 1; i > 0; i-- {
		if (l[i] == '+' || l[i] == '-') && l[i-1] != 'e' {
			re, ok1 := parse(l[:i])
			im, ok2 := parse(l[i:])
			return []float64{re, im}, ok1 && ok2
		}
	}
	im, ok := parse(l)
	return []float64{0, im}, ok
}

// compareFolds runs the jobs through the oracle and peephole and reports
// every difference (up to maxReports in detail).
func compareFolds(t *testing.T, jobs []optJob, maxReports int) optStats {
	t.Helper()
	answers := runOptOracle(t, jobs)
	var st optStats
	var bad []int
	for i, job := range jobs {
		a := answers[i]
		got, gotErr := peepholeFold(job, -1)
		switch {
		case a.Err != "" || gotErr != "":
			if a.Err != "" && gotErr != "" {
				// Both reject it. A syntax error is the parser's concern;
				// a recursion error must come from the same place.
				st.bothRejected++
				if strings.HasPrefix(a.Err, "RecursionError") != strings.HasPrefix(gotErr, "RecursionError") {
					t.Errorf("%s (optimize=%d): CPython fails with %q, peephole with %q", job.Name, job.Opt, a.Err, gotErr)
				}
				continue
			}
			st.compared++
			t.Errorf("%s (optimize=%d): CPython: %q; peephole: %q", job.Name, job.Opt, orOK(a.Err), orOK(gotErr))
		default:
			st.compared++
			if sha(got) == a.Hash {
				st.matched++
				continue
			}
			bad = append(bad, i)
		}
	}
	if len(bad) == 0 {
		return st
	}
	// Fetch the full dumps of the jobs that differ, to show the difference
	// and to set aside those that CPython cannot reproduce itself.
	var full []optJob
	for _, i := range bad[:min(len(bad), 200)] {
		j := jobs[i]
		j.Full = true
		full = append(full, j)
	}
	fullAnswers := runOptOracle(t, full)
	reported := 0
	for k, job := range full {
		got, _ := peepholeFold(job, 1)
		want := fullAnswers[k].Dump
		switch {
		case unstableSetOrderOnly(want, got):
			st.unstableSets++
			continue
		case libmOnly(job.Src, want, got):
			st.libm++
			t.Logf("%s (optimize=%d): a power differs in its last bits (libm rounding)\n%s", job.Name, job.Opt, firstDiff(want, got))
			continue
		}
		if reported++; reported <= maxReports {
			t.Errorf("%s (optimize=%d): folded tree differs from CPython's\n%s", job.Name, job.Opt, firstDiff(want, got))
		}
	}
	if reported > maxReports {
		t.Errorf("… and %d more jobs differ", reported-maxReports)
	}
	if len(bad) > len(full) {
		t.Errorf("… and %d more jobs differ", len(bad)-len(full))
	}
	return st
}

func orOK(s string) string {
	if s == "" {
		return "ok"
	}
	return s
}

// firstDiff shows the lines around the first difference of two texts.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			var sb strings.Builder
			for j := max(0, i-6); j < i; j++ {
				sb.WriteString("  " + w[j] + "\n")
			}
			fmt.Fprintf(&sb, "- %.300s\n+ %.300s\n", a, b)
			return sb.String()
		}
	}
	return "(identical)"
}

// ---- hand-picked sources: one or more for every rule ----

var optCases = []string{
	// unary
	"-(1)\n~5\nnot 1\n+True\n-True\n~True\nnot ()\nnot 0.0\nnot ''\nnot None\nnot ...\n-'a'\n~1.5\n+None\n-(-(-1))\n- - - 2.5\n-0.0\n-0j\n+-0.0\n",
	"x = not (a is b); y = not (a in b); z = not (a < b); w = not (a is b is c); v = not (a == b); u = not (a is not b); t = not (a not in [1, 2])\n",
	"not (x in {1, 2})\nnot (not (a is b))\nnot (a in b) == c\n",
	// binary
	"1 + 2\n1 - 2.5\n2 * 3j\n7 / 2\n7 // 2\n-7 % 3\n2 ** 10\n1 << 5\n-9 >> 2\n6 & 3\n6 | 3\n6 ^ 3\n1 @ 2\nTrue + True\nTrue & False\nTrue | 2\n",
	"1 / 0\n1 // 0\n1 % 0\n1.0 / 0\n0.0 ** -1\n0 ** -1\n2 ** -1\n(-2) ** 0.5\n(-8) ** (1/3)\n1j ** 0.5\n2 ** 0.5\n10 ** -6\n10 ** -30\n",
	"10**20 * 10**20\n2**64\n2**65\n2**100\n9**39\n2**128\n1**128\n1**129\n(-1)**200\n0**(10**30)\n1 << 127\n1 << 128\n3 << 126\n0 << -1\n1 << -1\n1 >> -1\n1 >> 10**100\n",
	"(1, 2) * 100\n(1, 2) * 200\n(1, 2) * 128\n(1, 2) * 129\n((1, 2, 3, 4),) * 200\n((1, 2, 3, 4, 5, 6, 7, 8),) * 200\n'x' * -1\n'' * -1\n() * -1\n'a' * 5000\n'a' * 4096\n'ab' * 2048\n'ab' * 2049\nb'ab' * 2048\nb'ab' * 2049\n'' * 10**30\n3 * 'ab'\nTrue * 'ab'\n'ab' * 2.0\n",
	"'a' * 4096 + 'b' * 4096\n(1,) * 256 + (2,) * 256\n'%s' % 'a'\n'%d' % 5\nb'%s' % (b'a',)\n5 % 3.0\n-5.5 % 2\n-5.5 // 2\n1e308 * 10\n1e308 + 1e308\n1e999 - 1e999\n1e999 * 0\n10**400 * 1.0\n10**400 / 10**399\n1 / 10**400\n",
	"x = 2 ** 3 ** 2\ny = (1 + 2) * (3 + 4)\nz = 'ab' 'cd' * 2\nw = -2 ** 2\nv = (-2) ** 2\nu = 1 + x\n",
	// tuples, subscripts, iterables
	"(1, (2, 3), -4)\n()\n(1, a)\n(*a, 1)\n[1, 2]\n{1, 2}\n{1: 2}\nx[1, 2]\nx[1:2]\nx[::2]\n(a, b) = 1, 2\n",
	"'abc'[1]\n'abc'[-1]\n'abc'[3]\n'abc'[True]\n'abc'[1.0]\n(1, 2)[0]\nb'abc'[0]\n'abc'[1:]\n'é😀\\ud800'[2]\n(1, 2)[10**30]\nNone[0]\n'abc'[0] = 1\n",
	"for x in [1, 2]: pass\nfor x in {1, 2}: pass\nfor x in [a, b]: pass\nfor x in [*a, b]: pass\nfor x in {a, 1}: pass\nfor x in []: pass\nfor x in {1, 1.0, True}: pass\n",
	"[x for x in [1, 2]]\n{x for x in {3, 4} if x}\n{x: y for x, y in [(1, 2)]}\n(x for x in [a])\nasync def f():\n    [x async for x in [1, 2]]\n    async for x in [1, 2]: pass\n    async for x in {1, 2}: pass\n",
	"x in [1, 2]\nx not in {1, 2}\nx in [a]\nx < y in [1]\nx in [1] < y\nx in (1, 2)\nx in {*a}\nx == [1, 2]\nx in [[1, 2]]\nx in {(1, 2), 3}\n",
	// % formatting
	"'%s %r %a %%' % (a, b, c)\n'%5s' % (a,)\n'%-5.2s|%%' % (a,)\n'%d' % (a,)\n'%s' % a\n'%s' % (*a,)\n'%s' % (1,)\n'%s%s' % (a,)\n'%s' % (a, b)\n",
	"'%.s' % (a,)\n'%5.s' % (a,)\n'%-s' % (a,)\n'%-0s' % (a,)\n'%05s' % (a,)\n'%+s' % (a,)\n'%100s' % (a,)\n'%99s' % (a,)\n'%.99s' % (a,)\n'%.100s' % (a,)\n'%*s' % (a, b)\n",
	"'%s' % (a, 1)\n'' % (a,)\n'%' % (a,)\n'%%' % (a,)\n'é%s😀' % (a,)\n'%s\\ud800' % (a,)\nx = '%r and %a' % (f(), g[0])\n'%(k)s' % (a,)\n'%s %' % (a,)\n'%-10.5r' % (a,)\n'%#s' % (a,)\n' %s ' % (1 + a,)\n",
	// __debug__
	"__debug__\nx = __debug__\n__debug__ = 1\ndel __debug__\nif __debug__: pass\nassert __debug__\nf(__debug__)\nx.__debug__\n",
	// docstrings
	"'ab' * 2\nx = 1\n",
	"'abc'[1]\n",
	"'a'\n'b' * 2\n",
	"def f():\n    'a' 'b'\n    return 1\nclass C:\n    ('a',)[0]\nasync def g():\n    '%s' % (x,)\n",
	"def f():\n    ('doc')\ndef g():\n    -1\ndef h():\n    f'{1}'\nclass D:\n    u'a'\n",
	"if x:\n    'a' * 2\nwhile 1:\n    'a' * 2\nlambda: 'a' * 2\n",
	// positions and kinds
	"x = u'abc'[0]\ny = u'a' + 'b'\nz = (u'a',)\nw = u'a'\n",
	"x = (\n  1 +\n  2\n)\ny = [\n  1,\n  2,\n]\nfor q in [\n 1]: pass\n",
	// future annotations
	"from __future__ import annotations\ndef f[T: 1+1 = 2+2](a: 1+1 = 2+2, *b: 3+3, c: -1 = -2, **k: 4+4) -> 5+5:\n    x: 1+1 = 2+2\nlambda a=1+1: 2+2\nclass A:\n    y: (1, 2) = (3, 4)\n    z: __debug__\n",
	"'doc'\nfrom __future__ import annotations\ndef f(a: 1+1) -> -1: pass\nx: [1][0] = 1\n",
	"def f[T: 1+1 = 2+2, *Ts = 3*3, **P = 4-1](a: 1+1 = 2+2, *b: 3+3, c: -1 = -2, **k: 4+4) -> 5+5:\n    x: 1+1 = 2+2\ntype X[T: 1+1] = 1+2\nclass C[T: (1, 2)](1+1, x=2+2): pass\n",
	// every statement and expression kind
	"import a\nfrom b import c\nglobal g\ndel x[1+1]\nx[1+1] = 2+2\nx += 1+1\nx: int\nwhile 1+1:\n    break\nelse:\n    continue\nif 1+1: pass\nelif 2: pass\nwith a(1+1) as b[2+2], c: pass\nraise E(1+1) from F(2+2)\ntry:\n    pass\nexcept E[1+1] as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\ntry:\n    pass\nexcept* E[1+1]:\n    pass\nassert 1+1, 2+2\n",
	"def f(a=1+1, /, b=2+2, *c, d=3+3, **e):\n    nonlocal x\n    return 1+1\ndef g():\n    yield 1+1\n    yield\n    x = yield from [1+1]\nasync def h():\n    await (1+1)\n    async with a(1+1): pass\n",
	"(x := 1+1)\na and 1+1 or 2+2\n1+1 if 2+2 else 3+3\n{1+1: 2+2, **d}\n{1+1}\n[1+1]\nf(1+1, *[2+2], k=3+3, **{4: 4})\nf'{1+1!r:>{2+2}}'\nx.y[1+1]\nx[1+1:2+2:3+3]\n",
	"match x:\n    case 1+2j: pass\n    case -1: pass\n    case {-1-2j: 2}: pass\n    case [1, -2, (3)]: pass\n    case {1: -2}: pass\n    case -0.0: pass\n    case -1j: pass\n    case a.b if 1+1: pass\n    case C(1, y=-2) | [*_] | None | (x as y): pass\n",
	// big ints, floats, reprs
	"x = 2**127 * 2\ny = 2**64 * 2**64\nz = 2**63 * 2**65\nw = -(2**128)\nv = ~(2**200)\nu = 10**4300 + 1\nt = 0.1 + 0.2\ns = 1e16 + 1\nr = 1/3\nq = 2.5e-324 * 2\np = 1e-320 / 10\n",
	"x = 10**4299 * 9 + 1\ny = -(10**4300)\n",
}

func TestOptimizeASTCases(t *testing.T) {
	oracle.Require(t)
	var jobs []optJob
	for i, src := range optCases {
		for _, opt := range []int{0, 1, 2} {
			jobs = append(jobs, optJob{Name: fmt.Sprintf("case%d", i), Src: src, Mode: "exec", Opt: opt})
		}
	}
	for i, src := range []string{"1 + 2", "__debug__", "not (a is b)", "'%s' % (a,)", "[x for x in [1]]", "'ab' * 2"} {
		jobs = append(jobs, optJob{Name: fmt.Sprintf("eval%d", i), Src: src, Mode: "eval", Opt: 1},
			optJob{Name: fmt.Sprintf("single%d", i), Src: src + "\n", Mode: "single", Opt: 1})
	}
	jobs = append(jobs, optJob{Name: "functype", Src: "(int, 1 + 1, *__debug__) -> 2 + 2", Mode: "func_type", Opt: 1})
	st := compareFolds(t, jobs, 20)
	t.Logf("%d jobs: %d compared, %d match, %d rejected by both", len(jobs), st.compared, st.matched, st.bothRejected)
}

// ---- the standard library ----

// TestOptimizeASTStdlib folds the oracle's standard library. By default it
// takes a deterministic sample, one file in sixteen, each at one
// optimization level (1 and 2 in turn, 0 for every eighth file);
// PEEPHOLE_ASTOPT_FULL=1 takes every file at every level.
func TestOptimizeASTStdlib(t *testing.T) {
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
	full := os.Getenv("PEEPHOLE_ASTOPT_FULL") == "1"
	step := 16
	if full {
		step = 1
	}
	var jobs []optJob
	for i := 0; i < len(files); i += step {
		rel, _ := filepath.Rel(root, files[i])
		levels := []int{1 + i/step%2}
		switch {
		case full:
			levels = []int{0, 1, 2}
		case i/step%8 == 7:
			levels = []int{0}
		}
		for _, opt := range levels {
			jobs = append(jobs, optJob{Name: rel, Path: files[i], Mode: "exec", Opt: opt})
		}
	}
	st := compareFolds(t, jobs, 10)
	t.Logf("%d jobs on %d of %d stdlib files: %d compared, %d match, %d rejected by both",
		len(jobs), (len(files)+step-1)/step, len(files), st.compared, st.matched, st.bothRejected)
}

// TestOptimizeASTTestdata folds the programs of the symbol table's tests
// (parser/testdata/valid, if it appears, too).
func TestOptimizeASTTestdata(t *testing.T) {
	oracle.Require(t)
	var paths []string
	for _, pattern := range []string{"../parser/testdata/valid/*.py", "../symtab/testdata/valid/*.py"} {
		m, _ := filepath.Glob(pattern)
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		t.Skip("no test programs")
	}
	var jobs []optJob
	for _, p := range paths {
		for _, opt := range []int{0, 1} {
			jobs = append(jobs, optJob{Name: p, Path: p, Mode: "exec", Opt: opt})
		}
	}
	st := compareFolds(t, jobs, 10)
	t.Logf("%d jobs: %d compared, %d match", len(jobs), st.compared, st.matched)
}

// ---- generated expressions ----

// exprGen writes random Python sources whose constant expressions exercise
// every folding rule and every limit: constants of every type with their
// edge values, every operator, nested, in every context that folds.
type exprGen struct {
	rng *rand.Rand
}

var (
	genInts = []string{"0", "1", "2", "3", "7", "10", "255", "256", "True", "False", "0x7fffffffffffffff",
		"0x8000000000000000", "0xffffffffffffffff", "18446744073709551616", "2**127", "0x7fffffffffffffffffffffffffffffff",
		"0xffffffffffffffffffffffffffffffff", "340282366920938463463374607431768211456", "10**38", "10**39",
		"0o777", "0b1011", "1_000_000", "10**400", "64", "65", "127", "128", "129"}
	genCounts = []string{"0", "1", "2", "-1", "16", "64", "128", "129", "255", "256", "257", "512", "1024",
		"1025", "2048", "2049", "4096", "4097", "True", "10**20", "2**63", "2**64"}
	genFloats = []string{"0.0", "1.5", "0.1", "2.5", "3.0", "1e308", "1e-320", "5e-324", "1e999", "123.456",
		"1e16", "1e22", "0.5", "2.0", "1e-5", "7.0"}
	genComplex = []string{"1j", "2.5j", "0j", "1e999j", "1e-320j", "3j"}
	genStrs    = []string{"''", "'a'", "'ab'", "'é'", "'😀'", "'\\ud800'", "u'x'", "'%s'", "'%s|%%'", "'%r-%a'",
		"'%5s'", "'%-3.2r'", "'%d'", "'a%sb%sc'", "'%%%s'", "'%.0s'", "'%99a'", "'%100s'", "'abc'"}
	genBytes  = []string{"b''", "b'a'", "b'ab'", "b'\\xff\\x00'"}
	genOther  = []string{"None", "...", "a", "b", "x.y", "f()", "__debug__", "[1, 2]", "{1, 2}", "{}", "[]"}
	genBinOps = []string{"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"}
	genPowExp = []string{"0", "1", "2", "3", "-1", "-2", "0.5", "2.0", "-0.5", "10", "64", "65", "127", "128", "129", "1j", "True"}
)

func (g *exprGen) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

// atom returns a constant (or, now and then, not a constant).
func (g *exprGen) atom() string {
	switch g.rng.IntN(12) {
	case 0, 1, 2:
		return g.pick(genInts)
	case 3, 4:
		return g.pick(genFloats)
	case 5:
		return g.pick(genComplex)
	case 6, 7:
		return g.pick(genStrs)
	case 8:
		return g.pick(genBytes)
	case 9:
		return g.pick(genOther)
	case 10:
		// A tuple literal, now and then a large one.
		n := g.rng.IntN(4)
		if g.rng.IntN(6) == 0 {
			n = []int{128, 255, 256, 257, 300}[g.rng.IntN(5)]
		}
		items := make([]string, n)
		for i := range items {
			items[i] = g.pick([]string{"1", "2", "'a'", "(1, 2)", "None", "2.5"})
		}
		return tupleText(items)
	}
	return g.pick([]string{"(-1)", "(-0.0)", "(+True)", "(~0)", "(not 1)", "(-1e999)", "(1e999 - 1e999)", "(-(2**63))"})
}

func tupleText(items []string) string {
	switch len(items) {
	case 0:
		return "()"
	case 1:
		return "(" + items[0] + ",)"
	}
	return "(" + strings.Join(items, ", ") + ")"
}

// expr returns an expression of nesting depth at most d.
func (g *exprGen) expr(d int) string {
	if d <= 0 || g.rng.IntN(4) == 0 {
		return g.atom()
	}
	switch g.rng.IntN(10) {
	case 0:
		return "(" + g.pick([]string{"-", "+", "~", "not "}) + g.expr(d-1) + ")"
	case 1:
		// A repetition near the limits.
		seq := g.pick([]string{"'a'", "'ab'", "b'xy'", "(1,)", "(1, 2)", "((1, 2), 3)", "((1, 2, 3, 4),)",
			"((1, 2, 3, 4, 5, 6, 7, 8),)", "()", "''", "'é😀'"})
		if g.rng.IntN(2) == 0 {
			return "(" + seq + " * " + g.pick(genCounts) + ")"
		}
		return "(" + g.pick(genCounts) + " * " + seq + ")"
	case 2:
		base := g.expr(d - 1)
		if g.rng.IntN(2) == 0 {
			base = g.pick(append(append([]string{}, genInts...), "-2", "-1", "0.0", "1.5", "-8", "1j", "(1+1j)", "10"))
		}
		return "(" + base + " ** " + g.pick(genPowExp) + ")"
	case 3:
		return "(" + g.pick(genInts) + " << " + g.pick([]string{"0", "1", "-1", "63", "64", "100", "127", "128", "129"}) + ")"
	case 4:
		return "(" + g.expr(d-1) + ")[" + g.pick([]string{"0", "1", "-1", "2", "True", "10", "1.0", "'a'", "10**30", "x"}) + "]"
	case 5:
		items := make([]string, 1+g.rng.IntN(3))
		for i := range items {
			items[i] = g.expr(d - 1)
		}
		return tupleText(items)
	case 6:
		// % formatting with a tuple that is not all constants.
		items := make([]string, 1+g.rng.IntN(3))
		for i := range items {
			if g.rng.IntN(2) == 0 {
				items[i] = g.pick([]string{"a", "b()", "x.y", "*c"})
			} else {
				items[i] = g.expr(d - 1)
			}
		}
		return "(" + g.pick(genStrs) + " % " + tupleText(items) + ")"
	case 7:
		return "(not (" + g.pick([]string{"a", "1"}) + " " + g.pick([]string{"is", "is not", "in", "not in", "==", "<"}) +
			" " + g.iterable(d-1) + "))"
	}
	return "(" + g.expr(d-1) + " " + g.pick(genBinOps) + " " + g.expr(d-1) + ")"
}

// iterable returns a list, a set, a tuple or another expression.
func (g *exprGen) iterable(d int) string {
	items := make([]string, g.rng.IntN(4))
	for i := range items {
		items[i] = g.expr(d)
	}
	switch g.rng.IntN(5) {
	case 0, 1:
		return "[" + strings.Join(items, ", ") + "]"
	case 2:
		if len(items) == 0 {
			return "{*a}"
		}
		return "{" + strings.Join(items, ", ") + "}"
	case 3:
		return "[*a, " + strings.Join(append(items, "1"), ", ") + "]"
	}
	return g.expr(d)
}

// stmt returns a statement (with its newline) folding an expression in one
// of the contexts the optimizer treats differently.
func (g *exprGen) stmt(indent string) string {
	e := func() string { return g.expr(1 + g.rng.IntN(3)) }
	switch g.rng.IntN(13) {
	case 0, 1:
		return indent + e() + "\n"
	case 2:
		return indent + "x = " + e() + "\n"
	case 3:
		return indent + "for i in " + g.iterable(2) + ": pass\n"
	case 4:
		return indent + "y = [i for i in " + g.iterable(2) + " if " + e() + "]\n"
	case 5:
		return indent + "z = a " + g.pick([]string{"in", "not in", "<", "in"}) + " " + g.iterable(2) + "\n"
	case 6:
		return indent + "def f(p: " + e() + " = " + e() + ") -> " + e() + ":\n" + indent + "    " + e() + "\n" + indent + "    return " + e() + "\n"
	case 7:
		return indent + "class C:\n" + indent + "    " + e() + "\n" + indent + "    v: " + e() + " = " + e() + "\n"
	case 8:
		return indent + "w = f'{ " + e() + " }'\n"
	case 9:
		return indent + "async def g():\n" + indent + "    async for i in " + g.iterable(2) + ": pass\n" + indent + "    return [i async for i in " + g.iterable(2) + "]\n"
	case 10:
		return indent + "if " + e() + ":\n" + g.stmt(indent+"    ")
	case 11:
		return indent + "q = " + e() + " if " + e() + " else " + e() + "\n"
	}
	return indent + "x[" + e() + "] = " + e() + "\n"
}

// module returns a small module: maybe a future import, then statements.
func (g *exprGen) module() string {
	var sb strings.Builder
	if g.rng.IntN(5) == 0 {
		sb.WriteString("from __future__ import annotations\n")
	}
	for range 1 + g.rng.IntN(4) {
		sb.WriteString(g.stmt(""))
	}
	return sb.String()
}

// TestOptimizeASTGenerated folds generated modules at the three levels.
// PEEPHOLE_ASTOPT_FULL=1 generates ten times as many.
func TestOptimizeASTGenerated(t *testing.T) {
	oracle.Require(t)
	g := &exprGen{rng: rand.New(rand.NewPCG(2024, 313))}
	n := 1500
	if os.Getenv("PEEPHOLE_ASTOPT_FULL") == "1" {
		n = 15000
	}
	var jobs []optJob
	for i := range n {
		src := g.module()
		jobs = append(jobs, optJob{Name: fmt.Sprintf("gen%d", i), Src: src, Mode: "exec", Opt: i % 3})
	}
	st := compareFolds(t, jobs, 15)
	t.Logf("%d generated modules: %d compared, %d match, %d rejected by both, %d differ only in the order of a frozenset "+
		"holding a NaN or Ellipsis, %d only in libm rounding", n, st.compared, st.matched, st.bothRejected, st.unstableSets, st.libm)
	if st.libm > n/1000 {
		t.Errorf("%d modules differ in libm rounding, more than one in a thousand", st.libm)
	}
}

// ---- the recursion limit ----

const recursionScript = `
import ast, sys, json
def fails(src):
    try:
        compile(src, "deep", "exec", flags=ast.PyCF_ONLY_AST | ast.PyCF_OPTIMIZED_AST, optimize=1)
    except RecursionError as e:
        return "during compilation" in str(e)
    return False
out = []
for pre, item, sep, post in json.load(sys.stdin):
    lo, hi = 9000, 10100
    if not fails(pre + sep.join([item] * hi) + post):
        out.append(-1)  # the optimizer does not visit it
        continue
    while lo < hi:
        m = (lo + hi + 1) // 2
        if fails(pre + sep.join([item] * m) + post): hi = m - 1
        else: lo = m
    out.append(lo)
json.dump(out, sys.stdout)
`

// TestOptimizeASTRecursionLimit finds, for trees of several shapes, the
// deepest one that CPython's optimizer accepts, and checks that OptimizeAST
// accepts it and refuses one more level (counting from the depth at which
// the oracle's compile() starts).
func TestOptimizeASTRecursionLimit(t *testing.T) {
	oracle.Require(t)
	shapes := [][4]string{
		{"", "1", "+", "\n"},                                                     // an expression statement
		{"x = a", ".b", "", "\n"},                                                // attributes
		{"match x:\n    case a", ".b", "", ": pass\n"},                           // a value pattern
		{"match x:\n    case C(a", ".b", "", "): pass\n"},                        // a class pattern
		{"def f():\n    if x:\n        y = ", "1", "*", "\n"},                    // nested statements
		{"class C:\n    z = lambda: f(k=", "1", "-", ")\n"},                      // lambda, call, keyword
		{"x = [i for i in ", "1", "|", "]\n"},                                    // comprehension
		{"x = f'{", "1", "+", "}'\n"},                                            // f-string
		{"def f(a: ", "1", "+", ") -> 2: pass\n"},                                // annotation
		{"from __future__ import annotations\ndef f(a: ", "1", "+", "): pass\n"}, // not visited
		{"def f[T: ", "1", "+", "](): pass\n"},                                   // type parameter
		{"with ", "1", "+", ": pass\n"},                                          // with item
	}
	in, _ := json.Marshal(shapes)
	r := oracle.Run(t, in, "-c", recursionScript)
	if r.ExitCode != 0 {
		t.Fatalf("oracle failed: %s", r.Stderr)
	}
	var want []int
	if err := json.Unmarshal(r.Stdout, &want); err != nil {
		t.Fatal(err)
	}
	for i, sh := range shapes {
		src := func(n int) []byte {
			return []byte(sh[0] + strings.Repeat(sh[1]+sh[2], n-1) + sh[1] + sh[3])
		}
		fails := func(n int) bool {
			res := parser.Parse(src(n), parser.Options{Filename: "deep"})
			if res.Tree == nil {
				t.Fatalf("shape %d: peephole cannot parse a depth of %d: %v %s", i, n, res.Err, res.Fatal)
			}
			return optimizeAST(res.Tree, 1, futureAnnotations(res.Tree), testStartDepth) != nil
		}
		if want[i] < 0 {
			if fails(10100) {
				t.Errorf("shape %d %q: CPython folds a tree of 10100 items, peephole fails", i, sh[0]+sh[1]+sh[2])
			}
			continue
		}
		if n := want[i]; fails(n) || !fails(n+1) {
			t.Errorf("shape %d %q: CPython folds the tree of %d items and not that of %d; peephole folds them: %v, %v",
				i, sh[0]+sh[1]+sh[2], n, n+1, !fails(n), !fails(n+1))
		}
	}
}

// TestOptimizeASTDeep checks that a tree far deeper than any parser builds
// gives the RecursionError, without exhausting the Go stack, and that one
// just within the limit folds.
func TestOptimizeASTDeep(t *testing.T) {
	nested := func(n int) *ast.Expression {
		var e ast.Expr = &ast.Constant{Value: pyconst.IntFromInt64(1)}
		for range n {
			e = &ast.UnaryOp{Op: ast.USub, Operand: e}
		}
		return &ast.Expression{Body: e}
	}
	err := OptimizeAST(nested(1_000_000), 0, false)
	if _, ok := err.(*RecursionError); !ok {
		t.Fatalf("a million nested negations: got %v, want a RecursionError", err)
	}
	mod := nested(ASTRecursionLimit - 1) // plus the constant: exactly the limit
	if err := OptimizeAST(mod, 0, false); err != nil {
		t.Fatalf("at the limit: %v", err)
	}
	if c, ok := mod.Body.(*ast.Constant); !ok || c.Value.(pyconst.Int).Sign() != -1 {
		t.Fatalf("at the limit: got %#v, want Constant(-1)", mod.Body)
	}
	if err := OptimizeAST(nested(ASTRecursionLimit), 0, false); err == nil {
		t.Fatal("one past the limit: no error")
	}
}

// FuzzOptimizeAST checks that folding any tree the parser builds, in the
// normal and the editor mode, neither panics nor fails short of the
// recursion limit.
func FuzzOptimizeAST(f *testing.F) {
	for _, src := range optCases {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, opt := range []int{0, 1} {
			if res := parser.Parse([]byte(src), parser.Options{Filename: "fuzz"}); res.Tree != nil {
				if err := OptimizeAST(res.Tree, opt, futureAnnotations(res.Tree)); err != nil {
					t.Skip("too deep")
				}
				ast.Dump(res.Tree, ast.DumpOptions{Indent: -1})
			}
			OptimizeAST(parser.ParseEditor([]byte(src), parser.Options{Filename: "fuzz"}).Tree, opt, false)
		}
	})
}
