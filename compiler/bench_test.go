package compiler

import (
	"testing"

	"github.com/peephole-lsp/peephole/bench/corpus"
	"github.com/peephole-lsp/peephole/parser"
)

// BenchmarkCompileStdlib parses and compiles every file of the oracle's
// standard library (bench/compile compares this with CPython's compile()).
func BenchmarkCompileStdlib(b *testing.B) {
	py, why := corpus.Python()
	if py == "" {
		b.Skip(why)
	}
	dir, why := corpus.StdlibDir(py)
	if dir == "" {
		b.Skip(why)
	}
	files, err := corpus.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	_, size := corpus.Totals(files)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			pr := parser.Parse(f.Src, parser.Options{Filename: f.Path, IsFile: true})
			if pr.Err != nil || pr.Fatal != "" {
				continue
			}
			Compile(pr.Tree, Options{Filename: f.Path, Source: f.Src, IsFile: true})
		}
	}
}
