// Command parse measures, in one run and side by side, CPython 3.13's
// ast.parse and peephole's parser.Parse on the same bytes: every .py file of
// the oracle's standard library (DESIGN §10). Run it from the repository root:
//
//	go run ./bench/parse [-rounds N] [-python PATH] [-stdlib DIR] [-v]
//
// CPython calls ast.parse(bytes, path); peephole calls
// parser.Parse(bytes, Options{Filename: path, Mode: ModeExec}). Files that
// raise a SyntaxError count as parsed. bench/harness runs the rounds and
// prints the report; see bench/README.md.
package main

import (
	"github.com/peephole-lsp/peephole/bench/corpus"
	"github.com/peephole-lsp/peephole/bench/harness"
	"github.com/peephole-lsp/peephole/parser"
)

var sink parser.Result

func main() {
	harness.Main(harness.Spec{
		Name:    "parse",
		Title:   "parse benchmark: CPython ast.parse vs peephole parser.Parse, same bytes, one run",
		PySetup: "from ast import parse",
		PyCall:  "parse(b, p)",
		PyName:  "ast.parse",
		Go: func(f corpus.File) bool {
			r := parser.Parse(f.Src, parser.Options{Filename: f.Path, Mode: parser.ModeExec})
			sink = r
			return r.Err != nil || r.Fatal != ""
		},
	})
}
