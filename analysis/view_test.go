package analysis

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// The tests of this file hold a View's answers against the whole
// analysis of the same text (Analyze), which the other tests hold against
// CPython: every answer a View gives must be the whole File's, and the
// View must answer most questions inside defs and classes.

// addrRe matches the Go addresses that stand for CPython's object
// addresses in a disassembly: two compilations differ only there.
var addrRe = regexp.MustCompile(`0x[0-9a-f]+`)

func noAddr(s string) string { return addrRe.ReplaceAllString(s, "0x…") }

// viewStats counts the questions a comparison asked and those the View
// answered.
type viewStats struct{ asked, answered int }

func (s *viewStats) add(o viewStats) { s.asked += o.asked; s.answered += o.answered }

// positionsOf returns the positions a comparison asks about: every name
// occurrence (its start and its end), the first and last column of every
// line, and every def, class and lambda keyword; at most limit of them
// (evenly spread), all when limit is 0.
func positionsOf(f *File, limit int) []ast.Pos {
	seen := map[ast.Pos]bool{}
	var out []ast.Pos
	add := func(p ast.Pos) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, o := range f.occurrences() {
		add(ast.Pos{Line: o.Range.Lineno, Col: o.Range.ColOffset})
		add(ast.Pos{Line: o.Range.EndLineno, Col: o.Range.EndColOffset})
	}
	lines := bytes.Split(f.Src, []byte("\n"))
	for i, l := range lines {
		t := bytes.TrimLeft(l, " \t")
		add(ast.Pos{Line: i + 1, Col: len(l) - len(t)})
		add(ast.Pos{Line: i + 1, Col: max(len(bytes.TrimRight(l, "\r")), 0)})
	}
	ast.Inspect(f.Tree, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef, *ast.Lambda:
			l := n.(ast.Located).Range()
			add(ast.Pos{Line: l.Lineno, Col: l.ColOffset})
		}
		return true
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	if limit > 0 && len(out) > limit {
		var s []ast.Pos
		for i := 0; i < limit; i++ {
			s = append(s, out[i*len(out)/limit])
		}
		out = s
	}
	return out
}

func hoverText(h *HoverInfo) string {
	if h == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%v\n%s", h.Range, noAddr(h.Markdown()))
}

func bytecodeText(bc *Bytecode, err error) string {
	switch {
	case err != nil:
		return "error: " + err.Error()
	case bc == nil:
		return "<nil>"
	}
	return noAddr(fmt.Sprintf("%+v", *bc))
}

// compareView checks every answer of v, a view of src, against the whole
// analysis of src, asking about at most limit positions (0: all).
func compareView(t *testing.T, name string, src []byte, v *View, limit int) viewStats {
	t.Helper()
	whole := Analyze(src, Options{Filename: v.opts.Filename})
	var st viewStats
	fails := 0
	fail := func(format string, args ...any) {
		t.Helper()
		if fails++; fails <= 5 {
			t.Errorf("%s: "+format, append([]any{name}, args...)...)
		}
	}
	// Diagnostics are the same for a buffer without errors (chunks.go
	// says how those of broken buffers differ).
	if len(whole.SyntaxErrors) == 0 && len(whole.SymtabErrors) == 0 && whole.CompileErr == nil {
		if got, want := fmt.Sprint(v.Diagnostics()), fmt.Sprint(whole.Diagnostics()); got != want {
			fail("diagnostics\n%s\nwant\n%s", got, want)
		}
	}
	for _, p := range positionsOf(whole, limit) {
		st.asked++
		if h, ok := v.Hover(p); ok {
			st.answered++
			if got, want := hoverText(h), hoverText(whole.Hover(p)); got != want {
				fail("hover at %v:\n%s\nwant\n%s", p, got, want)
			}
		}
		st.asked++
		if bc, ok, err := v.Bytecode(p); ok {
			st.answered++
			wbc, werr := whole.Bytecode(p)
			if got, want := bytecodeText(bc, err), bytecodeText(wbc, werr); got != want {
				fail("bytecode at %v:\n%s\nwant\n%s", p, got, want)
			}
		}
		if whole.OccurrenceAt(p) == nil {
			continue
		}
		st.asked += 4
		if d, ok := v.Definition(p); ok {
			st.answered++
			if got, want := fmt.Sprint(d), fmt.Sprint(whole.Definition(p)); got != want {
				fail("definition at %v: %s, want %s", p, got, want)
			}
		}
		for _, decl := range []bool{false, true} {
			if r, ok := v.References(p, decl); ok {
				st.answered++
				if got, want := fmt.Sprint(r), fmt.Sprint(whole.References(p, decl)); got != want {
					fail("references (%v) at %v: %s, want %s", decl, p, got, want)
				}
			}
		}
		if hl, ok := v.Highlights(p); ok {
			st.answered++
			if got, want := fmt.Sprint(hl), fmt.Sprint(whole.Highlights(p)); got != want {
				fail("highlights at %v: %s, want %s", p, got, want)
			}
		}
	}
	// Inlay hints over windows of 40 lines (at most 12, spread over the
	// buffer), and over the whole buffer.
	n := bytes.Count(src, []byte("\n")) + 1
	ranges := []Range{{ast.Pos{Line: 1}, ast.Pos{Line: n + 1}}}
	step := max(40, n/12)
	for l := 1; l <= n; l += step {
		ranges = append(ranges, Range{ast.Pos{Line: l, Col: 0}, ast.Pos{Line: l + 40, Col: 0}})
	}
	for _, r := range ranges {
		st.asked++
		if hs, ok := v.InlayHints(r); ok {
			st.answered++
			if got, want := fmt.Sprint(hs), fmt.Sprint(whole.InlayHints(r)); got != want {
				fail("inlay hints in %v:\n%s\nwant\n%s", r, got, want)
			}
		}
	}
	return st
}

// editedBench returns the benchmark module after the edits bench/lsp makes
// (a name in a method becomes undefined), and with lines inserted above.
func editedBench() map[string][]byte {
	src := benchSource()
	return map[string][]byte{
		"bench":          src,
		"bench, edited":  bytes.Replace(src, []byte("        total = 0\n"), []byte("        total = zero0\n"), 3),
		"bench, shifted": append([]byte("import re\n\n\n"), bytes.Replace(src, []byte("    count = start\n"), []byte("    count = start\n    count += 1\n"), 2)...),
		"bench, global":  append(bytes.Replace(src, []byte("def helper_3(items, key=None):\n"), []byte("def helper_3(items, key=None):\n    global sorted\n    sorted = 1\n"), 1), "\nlen = 1\n"...),
	}
}

func TestViewMatchesWholeAnalysis(t *testing.T) {
	d := NewDiagnoser()
	var total viewStats
	names := []string{"bench", "bench, edited", "bench, shifted", "bench, global"}
	srcs := editedBench()
	for _, name := range names {
		v := d.View(srcs[name], Options{Filename: "bench.py"})
		st := compareView(t, name, srcs[name], v, 150)
		t.Logf("%s: %d of %d questions answered by the view", name, st.answered, st.asked)
		if st.answered < st.asked/2 {
			t.Errorf("%s: the view answered only %d of %d questions", name, st.answered, st.asked)
		}
		total.add(st)
	}
}

// viewCases are small modules that exercise what is whole-module: names
// bound in other chunks, builtins shadowed later, module-level code that
// ends the flow, global statements, errors.
var viewCases = []struct {
	name, src string
	// answers reports whether the view should answer a hover on the
	// first `return` (all cases have one, in a function).
	answers bool
}{
	{"later binding", "def f():\n    return g + len(x)\n\ng = 1\n\ndef h():\n    global x\n    x = 2\n", true},
	{"shadowed builtin", "def f():\n    return len([])\n\nlen = print\n", true},
	{"private names", "class C:\n    def m(self):\n        return __x + self.__y\n\n__x = 1\n_C__x = 2\n", true},
	{"closures", "def outer(a):\n    def inner(b):\n        nonlocal a\n        a = b\n        return [a for _ in range(b)]\n    return inner\n\nouter(1)(2)\n", true},
	{"module raise first", "raise SystemExit\n\ndef f():\n    return 1\n", false},
	{"module raise after", "def f():\n    return 1\n\nraise SystemExit\n\ndef g():\n    return 2\n", true},
	{"while at module level", "def f():\n    return 1\n\nwhile True:\n    pass\n\ndef g():\n    return 2\n", true},
	{"assert at module level", "def f():\n    return 1\nassert 0\ndef g():\n    return 2\n", true},
	{"global at module level", "def f():\n    return x\n\nx = 1\nglobal x\n", false},
	{"syntax error elsewhere", "def f():\n    return 1\n\nx = = 1\n", false},
	{"compile error elsewhere", "def f():\n    return 1\n\ndef g():\n    nonlocal q\n", false},
	{"decorators and defaults", "@property\ndef f(a=len, *, b=[x for x in range(3)]):\n    return a + b\n\nclass K[T](list[T]):\n    def m[U](self, u: U) -> T:\n        return lambda: (u, T)\n", true},
	{"future", "from __future__ import annotations\ndef f(a: int) -> str:\n    return a\n", true},
	{"future annotations", "\"\"\"Doc.\"\"\"\n# comment\nfrom __future__ import annotations\nimport os\n\ndef f(a: os.PathLike, *, b: undefined) -> str:\n    return os.fspath(a)\n\nclass C:\n    x: int = 1\n    def m(self) -> C:\n        return self\n", true},
	{"future alias", "from __future__ import annotations as ann, division\nfrom __future__ import generator_stop\n\ndef f():\n    return ann, annotations, division\n", true},
	{"late future", "x = 1\nfrom __future__ import annotations\ndef f():\n    return 1\n", true},
	{"future named elsewhere", "from __future__ import annotations\ndef f():\n    return __future__\n", true},
	{"module-level comprehension", "def f():\n    return [y for y in z]\n\nz = [y * 2 for y in range(3)]\nw = {k: v for k, v in zip(z, z)}\n", true},
	{"async and match", "async def f(x):\n    async with x as y:\n        match y:\n            case [a, *b] if a:\n                return b\n            case {'k': c}:\n                return c\n    return await x\n", true},
	{"try and del", "def f():\n    try:\n        import os\n    except ImportError as e:\n        del e\n    finally:\n        x = 1\n    return os, x\n\nimport os.path as p\ndel p\n", true},
	{"last statement", "def f():\n    return 1\n", true},
	{"declared global elsewhere", "x = 1\ndel x\nprint(x)\nclass C:\n    print(x)\n\ndef f():\n    global x\n    return x\n", true},
	{"no final newline", "x = 1\ndef f():\n    return x", true},
	{"crlf", "import os\r\n\r\ndef f():\r\n    return os.getcwd()\r\n", true},
	{"imported elsewhere", "def f():\n    return os.getcwd() + p.join() + q.x()\n\nimport os\ntry:\n    import posixpath as p\nexcept ImportError:\n    p = None\nq = 1\n", true},
	{"super", "class A:\n    def m(self):\n        return super().m() + super(A, self).n\n\nprint(super)\n", true},
	{"super bound", "class A:\n    def m(self):\n        return super().m()\n\ndef g():\n    global super\n    super = 1\n", true},
	{"comprehension variable bound elsewhere", "x = 1\n\ny = [x for x in range(3)]\nz = [[x, w] for w in y]\n\ndef f():\n    return [x for x in y if x]\n", true},
	{"defined twice", "def f():\n    return 1\n\ndef f():\n    return 2\n\ng = lambda: f\n", true},
	{"class cell and decorators", "import functools\n\n@functools.total_ordering\nclass C(object):\n    def __eq__(self, o):\n        return __class__ is o.__class__\n    @staticmethod\n    def s(): return C\n", true},
	{"type alias and dead code", "type X = list[int]\n\nif 0:\n    def dead():\n        return 1\n\ndef f() -> X:\n    return X\n", false},
	{"module-level if and for", "import sys\nif sys.version_info > (3,):\n    def f(a):\n        return a.b(sys.c())\nelse:\n    f = None\nfor i in range(3):\n    del i\n", true},
}

func TestViewCases(t *testing.T) {
	for _, tc := range viewCases {
		d := NewDiagnoser()
		v := d.View([]byte(tc.src), Options{Filename: "case.py"})
		compareView(t, tc.name, []byte(tc.src), v, 0)
		var at ast.Pos
		for i, l := range strings.Split(tc.src, "\n") {
			if c := strings.Index(l, "return"); c >= 0 {
				at = ast.Pos{Line: i + 1, Col: c}
				break
			}
		}
		if _, ok := v.Hover(at); ok != tc.answers {
			t.Errorf("%s: the view answers a hover on the first return (%v): %v, want %v", tc.name, at, ok, tc.answers)
		}
	}
}

// TestViewOfTheStdlib holds the views of a sample of the standard library
// against the whole analysis, for the files as they are and after an edit
// that inserts a line in their middle (the chunks below move).
// PEEPHOLE_LSP_STDLIB=all checks every file, PEEPHOLE_LSP_STDLIB=N every
// Nth (Lib/test included, which the default sample leaves out).
func TestViewOfTheStdlib(t *testing.T) {
	root := oracle.Stdlib(t)
	env := os.Getenv("PEEPHOLE_LSP_STDLIB")
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && (d.Name() == "site-packages" || d.Name() == "__pycache__" || d.Name() == "test" && env == "") {
			return filepath.SkipDir
		}
		if err == nil && strings.HasSuffix(p, ".py") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	stride, limit := 60, 300
	switch {
	case env == "all":
		stride = 1
	case env != "":
		if n, err := strconv.Atoi(env); err == nil && n > 0 {
			stride = n
		}
	}
	var total viewStats
	checked := 0
	for i := 7; i < len(files); i += stride {
		src, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if len(src) > 200_000 && stride > 1 {
			continue
		}
		name, _ := filepath.Rel(root, files[i])
		d := NewDiagnoser()
		total.add(compareView(t, name, src, d.View(src, Options{Filename: name}), limit))
		// A line inserted in the middle, at a chunk's start.
		starts := splitChunks(src)
		at := starts[len(starts)/2]
		edited := append(append(append([]byte(nil), src[:at]...), "_inserted = 1\n"...), src[at:]...)
		total.add(compareView(t, name+" (edited)", edited, d.View(edited, Options{Filename: name}), limit))
		checked++
	}
	t.Logf("%d files: the views answered %d of %d questions, each as the whole analysis", checked, total.answered, total.asked)
	if checked == 0 || total.answered == 0 {
		t.Fatal("nothing checked")
	}
}

// TestViewLargeChunk: after an edit in a top-level statement that is most
// of the buffer, the view is not cheap, and it declines questions about
// that statement (the whole analysis costs as much as its chunk's).
func TestViewLargeChunk(t *testing.T) {
	var b strings.Builder
	b.WriteString("import os\n\nclass Big:\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "    def m%d(self, x):\n        return os.path.join(x, %d)\n\n", i, i)
	}
	b.WriteString("x = 1\n")
	src := []byte(b.String())
	d := NewDiagnoser()
	if v := d.View(src, Options{Filename: "big.py"}); v.Cheap() {
		t.Errorf("a view of a buffer never met is cheap")
	} else if len(v.Diagnostics()) != 0 || v.Pending() != 0 {
		t.Errorf("diagnostics %v, %d bytes pending", v.Diagnostics(), v.Pending())
	}
	inClass := ast.Pos{Line: 5, Col: 15}
	edited := bytes.Replace(src, []byte("join(x, 0)"), []byte("join(x, -1)"), 1)
	v := d.View(edited, Options{Filename: "big.py"})
	if v.Cheap() {
		t.Errorf("after an edit in the class, the view is cheap (%d of %d bytes pending)", v.Pending(), len(edited))
	}
	if _, ok := v.Hover(inClass); ok {
		t.Errorf("the view answers a hover in the class")
	}
	v = d.View(append(edited, "y = 2\n"...), Options{Filename: "big.py"})
	if !v.Cheap() {
		t.Errorf("after an edit below the class, the view is not cheap (%d of %d bytes pending)", v.Pending(), len(edited))
	}
	if _, ok := v.Hover(inClass); ok {
		t.Errorf("the view answers a hover in the class")
	}
	if _, ok := v.Hover(ast.Pos{Line: 1, Col: 7}); ok {
		t.Errorf("the view answers a hover on a module-level import")
	}
}

// TestViewConcurrent asks one view many questions at once, as the server's
// concurrent requests do (run it with -race), and checks the answers
// against the same questions asked one at a time.
func TestViewConcurrent(t *testing.T) {
	src := editedBench()["bench, shifted"]
	d := NewDiagnoser()
	d.View(benchSource(), Options{Filename: "bench.py"}).Diagnostics()
	ps := positionsOf(Analyze(src, Options{Filename: "bench.py"}), 64)
	ask := func(v *View, p ast.Pos) string {
		h, ok := v.Hover(p)
		bc, ok2, err := v.Bytecode(p)
		r, ok3 := v.References(p, true)
		hs, ok4 := v.InlayHints(Range{p, ast.Pos{Line: p.Line + 5}})
		return fmt.Sprint(hoverText(h), ok, ok2, ok3, ok4, r, hs) + bytecodeText(bc, err)
	}
	serial := d.View(src, Options{Filename: "bench.py"})
	want := make([]string, len(ps))
	for i, p := range ps {
		want[i] = ask(serial, p)
	}
	v := d.View(src, Options{Filename: "bench.py"})
	got := make([]string, len(ps))
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(ps); i += 4 {
				got[i] = ask(v, ps[i])
			}
		}()
	}
	wg.Add(1)
	go func() { defer wg.Done(); v.Diagnostics() }()
	wg.Wait()
	for i := range ps {
		if noAddr(got[i]) != noAddr(want[i]) {
			t.Errorf("at %v, asked at once:\n%s\nwant\n%s", ps[i], got[i], want[i])
		}
	}
}
