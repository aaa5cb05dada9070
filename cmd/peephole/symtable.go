package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/symtab"
)

// runSymtable is `peephole symtable`, which behaves like `python3.13 -m
// symtable`: every argument is a file to read ("-" or none: stdin), so
// that, as in CPython, "-h" is a file name.
func runSymtable(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		args = []string{"-"}
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	for _, name := range args {
		var src []byte
		var err error
		isFile := true
		if name == "-" {
			name, isFile = "<stdin>", false
			src, err = io.ReadAll(stdin)
		} else {
			src, err = os.ReadFile(name)
		}
		if err != nil {
			w.Flush()
			fmt.Fprintln(stderr, osErrorMessage(err, name))
			return 1
		}
		res := parser.Parse(src, parser.Options{Filename: name, IsFile: isFile})
		if res.Err != nil || res.Fatal != "" {
			w.Flush()
			if res.Err != nil {
				fmt.Fprint(stderr, res.Err.Format())
			} else {
				fmt.Fprintln(stderr, res.Fatal)
			}
			return 1
		}
		m, serr := symtab.Build(res.Tree, symtab.Options{Filename: name, Source: src, IsFile: isFile})
		if serr != nil {
			w.Flush()
			fmt.Fprint(stderr, serr.Format())
			return 1
		}
		m.Print(w, name)
	}
	return 0
}
