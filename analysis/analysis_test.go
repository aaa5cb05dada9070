package analysis

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

func analyze(src string) *File { return Analyze([]byte(src), Options{Filename: "t.py"}) }

// at finds the position of the n-th (0-based) occurrence of needle.
func at(t *testing.T, src, needle string, n int) ast.Pos {
	t.Helper()
	off := -1
	for i := 0; i <= n; i++ {
		j := strings.Index(src[off+1:], needle)
		if j < 0 {
			t.Fatalf("%q not found %d times", needle, n+1)
		}
		off += 1 + j
	}
	line := strings.Count(src[:off], "\n") + 1
	col := off - (strings.LastIndex(src[:off], "\n") + 1)
	return ast.Pos{Line: line, Col: col}
}

func TestSelection(t *testing.T) {
	src := []byte("def f():\n    x = 1\n\n    if x:\n        print(x)\n    x\n")
	for _, tc := range []struct {
		first, last int
		code        string
		echo        bool
	}{
		{2, 2, "x = 1\n", false},
		{6, 6, "x\n", true},
		{4, 5, "if x:\n    print(x)\n", false},
		{2, 6, "x = 1\n\nif x:\n    print(x)\nx\n", false},
		{5, 5, "print(x)\n", true},
		{0, 99, "def f():\n    x = 1\n\n    if x:\n        print(x)\n    x\n", false},
		{3, 3, "\n", false},
	} {
		code, echo := Selection(src, tc.first, tc.last)
		if string(code) != tc.code || echo != tc.echo {
			t.Errorf("lines %d-%d: %q echo=%v, want %q echo=%v", tc.first, tc.last, code, echo, tc.code, tc.echo)
		}
	}
	// Tabs and spaces that do not agree keep what they share.
	code, _ := Selection([]byte("\tif a:\n\t  b\n"), 1, 2)
	if string(code) != "if a:\n  b\n" {
		t.Errorf("tabs: %q", code)
	}
	code, _ = Selection([]byte("  a\n\tb\n"), 1, 2)
	if string(code) != "  a\n\tb\n" {
		t.Errorf("mixed indentation: %q", code)
	}
}

func TestSelectionRange(t *testing.T) {
	src := []byte("print(factorial(5))\nif x:\n    y = f(a, b)\n")
	for _, tc := range []struct {
		r     Range
		code  string
		echo  bool
		first int
	}{
		{Range{ast.Pos{Line: 1, Col: 6}, ast.Pos{Line: 1, Col: 18}}, "factorial(5)\n", true, 1},
		{Range{ast.Pos{Line: 1, Col: 18}, ast.Pos{Line: 1, Col: 6}}, "factorial(5)\n", true, 1},
		{Range{ast.Pos{Line: 1, Col: 0}, ast.Pos{Line: 1, Col: 19}}, "print(factorial(5))\n", true, 1},
		{Range{ast.Pos{Line: 1, Col: 3}, ast.Pos{Line: 1, Col: 9}}, "print(factorial(5))\n", true, 1}, // not an expression
		{Range{ast.Pos{Line: 3, Col: 8}, ast.Pos{Line: 3, Col: 15}}, "f(a, b)\n", true, 3},
		{Range{ast.Pos{Line: 3, Col: 4}, ast.Pos{Line: 3, Col: 15}}, "y = f(a, b)\n", false, 3},
		{Range{ast.Pos{Line: 2, Col: 0}, ast.Pos{Line: 4, Col: 0}}, "if x:\n    y = f(a, b)\n", false, 2},
		{Range{ast.Pos{Line: 2, Col: 2}, ast.Pos{Line: 2, Col: 2}}, "if x:\n", false, 2},
	} {
		code, echo, first := SelectionRange(src, tc.r)
		if string(code) != tc.code || echo != tc.echo || first != tc.first {
			t.Errorf("%v: %q %v %d, want %q %v %d", tc.r, code, echo, first, tc.code, tc.echo, tc.first)
		}
	}
}

// runnerFunc is a Runner made of a function (a test double).
type runnerFunc func(ctx context.Context, req RunRequest, out func(stream, text string)) RunResult

func (f runnerFunc) Run(ctx context.Context, req RunRequest, out func(stream, text string)) RunResult {
	return f(ctx, req, out)
}

func TestExecute(t *testing.T) {
	if _, err := Execute(context.Background(), nil, RunRequest{}, nil); !errors.Is(err, ErrNoRunner) {
		t.Errorf("no runner: %v", err)
	}
	chatty := runnerFunc(func(ctx context.Context, req RunRequest, out func(string, string)) RunResult {
		for i := 0; ; i++ {
			if ctx.Err() != nil {
				return RunResult{}
			}
			out("stdout", fmt.Sprintf("line %d\n", i))
			if i == 9 {
				out("stderr", "done\n")
				return RunResult{ExitCode: 3}
			}
		}
	})
	var streamed strings.Builder
	res, err := Execute(context.Background(), chatty, RunRequest{}, func(s, text string) { streamed.WriteString(s + ":" + text) })
	if err != nil || res.ExitCode != 3 || !strings.HasPrefix(res.Stdout, "line 0\n") || res.Stderr != "done\n" || res.TimedOut || res.Cancelled {
		t.Errorf("a run: %+v %v", res, err)
	}
	if !strings.Contains(streamed.String(), "stdout:line 9\n") || !strings.HasSuffix(streamed.String(), "stderr:done\n") {
		t.Errorf("streamed %q", streamed.String())
	}
	// The output limit stops the run.
	res, _ = Execute(context.Background(), chatty, RunRequest{MaxOutputBytes: 20}, nil)
	if len(res.Stdout) != 20 || !res.OutputLimited || !res.Cancelled || !strings.Contains(res.Stderr, "maxOutputBytes") {
		t.Errorf("output limit: %+v", res)
	}
	forever := runnerFunc(func(ctx context.Context, req RunRequest, out func(string, string)) RunResult {
		<-ctx.Done()
		return RunResult{}
	})
	start := time.Now()
	res, _ = Execute(context.Background(), forever, RunRequest{Timeout: 50 * time.Millisecond}, nil)
	if !res.TimedOut || res.Cancelled || time.Since(start) > 5*time.Second {
		t.Errorf("timeout: %+v", res)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	res, _ = Execute(ctx, forever, RunRequest{Timeout: time.Hour}, nil)
	if res.TimedOut || !res.Cancelled {
		t.Errorf("cancellation: %+v", res)
	}
}

func TestExceptionDiagnostic(t *testing.T) {
	src := []byte("x = 1\n\n    y = f(x)  \n")
	exc := &RunException{Type: "NameError", Message: "name 'f' is not defined", Frames: []Frame{
		{Filename: "other.py", Line: 9, Name: "g"},
		{Filename: "t.py", Line: 3, Name: "<module>"},
		{Filename: "lib.py", Line: 1, Name: "h"},
	}}
	d, ok := ExceptionDiagnostic(src, "t.py", exc)
	if !ok || d.Range != (Range{ast.Pos{Line: 3, Col: 4}, ast.Pos{Line: 3, Col: 12}}) || d.Message != "NameError: name 'f' is not defined" || d.Code != "NameError" {
		t.Errorf("%+v %v", d, ok)
	}
	if _, ok := ExceptionDiagnostic(src, "elsewhere.py", exc); ok {
		t.Errorf("a diagnostic for an exception raised elsewhere")
	}
}

func TestRename(t *testing.T) {
	src := "import os.path\nimport sys\n\ndef f(a):\n    b = a\n    def g():\n        return b + c\n    return g\n\nc = f(1)\nprint(len(c))\n"
	file := analyze(src)
	edits, err := file.Rename(at(t, src, "b", 0), "total")
	if err != nil || len(edits) != 2 {
		t.Fatalf("rename of a cell: %v %v", edits, err)
	}
	for _, e := range edits {
		if e.NewText != "total" || e.Range.End.Col-e.Range.Start.Col != 1 {
			t.Errorf("edit %+v", e)
		}
	}
	edits, err = file.Rename(at(t, src, "sys", 0), "system")
	if err != nil || len(edits) != 1 || edits[0].NewText != " as system" {
		t.Errorf("rename of an import: %+v %v", edits, err)
	}
	for _, tc := range []struct {
		needle string
		n      int
		name   string
		why    string
	}{
		{"b", 0, "class", "keyword"},
		{"b", 0, "1x", "not a Python identifier"},
		{"b", 0, "a b", "not a Python identifier"},
		{"b", 0, "", "not a Python identifier"},
		{"b", 0, "c", "already used"},    // would capture the global c read in g
		{"a):", 0, "g", "already used"},  // g is bound in f
		{"len", 0, "size", "builtin"},    // not bound in this file
		{"os", 0, "o", "another module"}, // import os.path
		{"c", 1, "f", "already used"},
		{"1)", 0, "x", "no name"},
		{"b", 0, "__debug__", "cannot be assigned"},
	} {
		_, err := file.Rename(at(t, src, tc.needle, tc.n), tc.name)
		var re *RenameError
		if !errors.As(err, &re) || !strings.Contains(re.Msg, tc.why) {
			t.Errorf("rename of %s to %q: %v, want a refusal saying %q", tc.needle, tc.name, err, tc.why)
		}
	}
	if r, name, err := file.PrepareRename(at(t, src, "a", 1)); err != nil || name != "a" || r.Start != at(t, src, "a", 1) {
		t.Errorf("prepareRename: %v %q %v", r, name, err)
	}
	// A keyword-like soft keyword is a fine name.
	if _, err := file.Rename(at(t, src, "b", 0), "match"); err != nil {
		t.Errorf("rename to a soft keyword: %v", err)
	}
	// Non-ASCII names are normalised as Python reads them.
	if edits, err := file.Rename(at(t, src, "b", 0), "ﬁle"); err != nil || edits[0].NewText != "ﬁle" {
		t.Errorf("rename to a non-NFKC name: %+v %v", edits, err)
	}
}

func TestReferencesAndHighlights(t *testing.T) {
	src := "x = 1\n\ndef f():\n    global x\n    x = 2\n    return x\n\ndef g(x):\n    return x\n"
	file := analyze(src)
	refs := file.References(at(t, src, "x", 0), true)
	if len(refs) != 4 {
		t.Errorf("references of the global x: %v", refs)
	}
	if refs := file.References(at(t, src, "x", 0), false); len(refs) != 2 { // global x, return x
		t.Errorf("references without declarations: %v", refs)
	}
	if refs := file.References(at(t, src, "x", 5), true); len(refs) != 2 {
		t.Errorf("references of g's x: %v", refs)
	}
	var kinds []HighlightKind
	for _, h := range file.Highlights(at(t, src, "x", 2)) {
		kinds = append(kinds, h.Kind)
	}
	if fmt.Sprint(kinds) != fmt.Sprint([]HighlightKind{HighlightWrite, HighlightText, HighlightWrite, HighlightRead}) {
		t.Errorf("highlights %v", kinds)
	}
	if defs := file.Definition(at(t, src, "x", 3)); len(defs) != 2 {
		t.Errorf("definitions of x: %v", defs)
	}
	if defs := file.Definition(ast.Pos{Line: 2, Col: 0}); defs != nil {
		t.Errorf("definitions on an empty line: %v", defs)
	}
}

func TestDocumentSymbols(t *testing.T) {
	src := "import os\nMAX = 3\nx, y = 1, 2\n\n@dec\nclass A(B):\n    z: int = 1\n    def m(self, a, /, b=1, *c, d, **e):\n        inner = 1\n    async def n(self): pass\n\nif True:\n    def cond(): pass\ntype T = int\n"
	var got []string
	var walk func([]Symbol, string)
	walk = func(syms []Symbol, indent string) {
		for _, s := range syms {
			got = append(got, fmt.Sprintf("%s%s %d %q %d:%d", indent, s.Name, s.Kind, s.Detail, s.Range.Start.Line, s.SelectionRange.Start.Col))
			walk(s.Children, indent+"  ")
		}
	}
	walk(analyze(src).DocumentSymbols(), "")
	want := []string{
		`MAX 14 "" 2:0`,
		`x 13 "" 3:0`,
		`y 13 "" 3:3`,
		`A 5 "class A" 5:6`,
		`  z 8 "" 7:4`,
		`  m 6 "def m(self, a, /, b=…, *c, d, **e)" 8:8`,
		`    inner 13 "" 9:8`,
		`  n 6 "async def n(self)" 10:14`,
		`cond 12 "def cond()" 13:8`,
		`T 13 "type alias" 14:5`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("symbols:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCodeLensesAndInlayHints(t *testing.T) {
	src := "def f(a):\n    return a\n\nclass K:\n    def m(self):\n        pass\n"
	file := analyze(src)
	var lenses []string
	for _, l := range file.CodeLenses() {
		lenses = append(lenses, fmt.Sprintf("%s@%d:%d", l.Title, l.Target.Line, l.Target.Col))
	}
	if fmt.Sprint(lenses) != "[▶ Run@1:0 bytecode@1:4 bytecode@4:6 bytecode@5:8]" {
		t.Errorf("lenses %v", lenses)
	}
	var hints []string
	for _, h := range file.InlayHints(Range{ast.Pos{Line: 1}, ast.Pos{Line: 7}}) {
		hints = append(hints, fmt.Sprintf("%d:%d %s", h.Pos.Line, h.Pos.Col, h.Label))
	}
	if fmt.Sprint(hints) != "[1:5 STORE_NAME 2:12 LOAD_FAST 4:7 STORE_NAME 5:9 STORE_NAME]" {
		t.Errorf("hints %v", hints)
	}
	if h := analyze("x = (\n").InlayHints(Range{ast.Pos{Line: 1}, ast.Pos{Line: 2}}); h != nil {
		t.Errorf("hints without bytecode: %v", h)
	}
}

func TestHoverWithoutBytecode(t *testing.T) {
	src := "def f(a):\n    return a +\n"
	h := analyze(src).Hover(at(t, src, "a", 0))
	if h == nil || h.Kind != symtab.KindLocal || !strings.Contains(h.Markdown(), "syntax error at line 2") {
		t.Errorf("hover in a broken buffer: %+v", h)
	}
	if h := analyze("x = 1\n\n# comment\n").Hover(ast.Pos{Line: 3, Col: 3}); h != nil {
		t.Errorf("hover on a comment: %+v", h)
	}
	if _, err := analyze(src).Bytecode(ast.Pos{Line: 1, Col: 0}); err == nil {
		t.Errorf("bytecode of a broken buffer")
	}
}

func TestUnboundReads(t *testing.T) {
	src := `def a():
    print(v)
    v = 1

def b(flag):
    if flag:
        w = 1
    return w

def c():
    z = 1
    del z
    del z

def d(items):
    for i in items:
        pass
    return i

def e():
    try:
        r = 1
    except Exception:
        pass
    return r

def f():
    q = 1
    return q
`
	var got []string
	for _, d := range analyze(src).Diagnostics() {
		got = append(got, fmt.Sprintf("%d:%d %s", d.Range.Start.Line, d.Range.Start.Col, d.Code))
	}
	want := "[2:10 UnboundLocalError 8:11 possibly-unbound 13:8 UnboundLocalError 18:11 possibly-unbound 25:11 possibly-unbound]"
	if fmt.Sprint(got) != want {
		t.Errorf("diagnostics %v\nwant %s", got, want)
	}
}
