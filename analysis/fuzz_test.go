package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/parser/ast"
)

// FuzzAnalyze analyses arbitrary buffers and asks every question at a few
// positions: nothing panics, and no stage of the core fails internally.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"def f(a, b):\n    c = a + b\n    return c\n",
		"class A:\n    x = [i for i in range(3)]\n    def m(self): return x\n",
		"def outer(x):\n    def inner():\n        nonlocal x\n        x += 1\n    return inner\n",
		"if x:\n    y = (\n",
		"async def f():\n    async with a as b:\n        await b\n",
		"match p:\n    case [x, *y] if x:\n        pass\n",
		"def g[T: int](a: T) -> T:\n    return a\ntype X[K] = list[K]\n",
		"try:\n    pass\nexcept* E as e:\n    del e\n",
		"lambda: (yield)\n",
		"x = 'é😀'\nprint(x)\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<12 {
			return
		}
		file := Analyze([]byte(src), Options{Filename: "fuzz.py"})
		for _, msg := range file.Internal {
			t.Fatalf("internal error on %q: %s", src, msg)
		}
		file.Diagnostics()
		file.SemanticTokens(nil)
		file.DocumentSymbols()
		file.CodeLenses()
		lines := strings.Count(src, "\n") + 1
		file.InlayHints(Range{ast.Pos{Line: 1}, ast.Pos{Line: lines + 1}})
		for l := 1; l <= min(lines, 8); l++ {
			for _, c := range []int{0, 1, 4, 9} {
				p := ast.Pos{Line: l, Col: c}
				if h := file.Hover(p); h != nil {
					h.Markdown()
				}
				file.Bytecode(p)
				file.Definition(p)
				file.References(p, true)
				file.Highlights(p)
				file.PrepareRename(p)
				file.Rename(p, "renamed")
				file.Rename(p, "class")
			}
		}
		for _, internal := range file.Internal {
			t.Fatalf("internal error on %q: %s", src, internal)
		}
	})
}

// FuzzChunks checks the incremental diagnostics on arbitrary buffers: for
// one that CPython's grammar accepts, the chunks parse alone into exactly
// the buffer's statements, and without errors the diagnostics equal those
// of the whole buffer.
func FuzzChunks(f *testing.F) {
	for _, s := range []string{
		"x = 1\ny = 2\n",
		"@d\ndef f():\n    return f'{x!r:>{w}}'\nelse_ = 1\n",
		"s = '''\n'''\nif a:\n    pass\nelse:\n    pass\n",
		"x = [\n1]\ny = \\\n2\nz = rb'\\'\n",
		"f = f\"{'a' + f'{b}'}\"\nclass C:\n    pass\n",
		"try:\n    pass\nexcept E as e:\n    del e\nfinally:\n    pass\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<12 || wholeOnly([]byte(src)) {
			return
		}
		whole, ok := dumpStatements(t, []byte(src))
		if !ok {
			// A broken buffer: CPython's error (the whole analysis's
			// first) is among the incremental diagnostics.
			full := Analyze([]byte(src), Options{Filename: "f.py"})
			diags := NewDiagnoser().Diagnostics([]byte(src), Options{Filename: "f.py"})
			if len(full.SyntaxErrors) > 0 {
				want := syntaxDiagnostic(full.SyntaxErrors[0], []byte(src))
				found := false
				for _, d := range diags {
					found = found || d == want
				}
				if !found {
					t.Fatalf("%q: the first syntax error %v is not among %v", src, want, diags)
				}
			}
			return
		}
		var pieces []string
		starts := splitChunks([]byte(src))
		line := 1
		for j, s := range starts {
			end := len(src)
			if j+1 < len(starts) {
				end = starts[j+1]
			}
			if j > 0 {
				line += countLines([]byte(src[starts[j-1]:s]))
			}
			stmts, ok := dumpStatements(t, []byte(strings.Repeat("\n", line-1)+src[s:end]))
			if !ok {
				t.Fatalf("%q: the chunk %q at line %d does not parse alone", src, src[s:end], line)
			}
			pieces = append(pieces, stmts...)
		}
		if strings.Join(pieces, "\n") != strings.Join(whole, "\n") {
			t.Fatalf("%q: chunks %q give other statements", src, chunkTexts(src))
		}
		full := Analyze([]byte(src), Options{Filename: "f.py"})
		if len(full.SyntaxErrors) > 0 || len(full.SymtabErrors) > 0 || full.CompileErr != nil {
			return
		}
		if got, want := fmt.Sprint(NewDiagnoser().Diagnostics([]byte(src), Options{Filename: "f.py"})), fmt.Sprint(full.Diagnostics()); got != want {
			t.Fatalf("%q: incremental %s, whole %s", src, got, want)
		}
	})
}

// FuzzView holds a view's answers against the whole analysis on arbitrary
// buffers (compareView): each answer it gives must be the whole File's,
// and nothing may panic.
func FuzzView(f *testing.F) {
	for _, tc := range viewCases {
		f.Add(tc.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<12 {
			return
		}
		d := NewDiagnoser()
		compareView(t, "fuzz", []byte(src), d.View([]byte(src), Options{Filename: "f.py"}), 60)
	})
}
