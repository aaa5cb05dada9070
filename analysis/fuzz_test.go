package analysis

import (
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
