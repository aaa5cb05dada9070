// Command compile measures, in one run and side by side, CPython 3.13's
// compile(bytes, path, "exec") and peephole's parse, symbol table and
// compiler on the same bytes: every .py file of the oracle's standard
// library (DESIGN §10). Run it from the repository root:
//
//	go run ./bench/compile [-rounds N] [-python PATH] [-stdlib DIR] [-v]
//
// Both sides do the whole front end: parsing, AST optimization, symbol
// table, codegen, flowgraph optimization and assembly into code objects.
// Files that raise a SyntaxError count as compiled. bench/harness runs the
// rounds and prints the report; see bench/README.md.
package main

import (
	"github.com/peephole-lsp/peephole/bench/corpus"
	"github.com/peephole-lsp/peephole/bench/harness"
	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/parser"
)

var sink *compiler.Code

func main() {
	harness.Main(harness.Spec{
		Name:    "compile",
		Title:   "compile benchmark: CPython compile() vs peephole parse+symtab+compile, same bytes, one run",
		PySetup: "pass",
		PyCall:  `compile(b, p, "exec")`,
		PyName:  "compile()",
		Go: func(f corpus.File) bool {
			pr := parser.Parse(f.Src, parser.Options{Filename: f.Path, IsFile: true})
			if pr.Err != nil || pr.Fatal != "" {
				return true
			}
			res, err := compiler.Compile(pr.Tree, compiler.Options{Filename: f.Path, Source: f.Src, IsFile: true})
			sink = res.Code
			return err != nil
		},
	})
}
