package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/parser"
)

// printWarnings writes SyntaxWarnings as Python's default warning
// handler does: "FILE:LINE: SyntaxWarning: message", then the source line
// (read back from the file, stripped) when there is one. Other categories
// (DeprecationWarning) are ignored by Python's default filters outside
// __main__ and are not printed.
func printWarnings(w io.Writer, filename string, src []byte, isFile bool, pw []parser.Warning, cw []compiler.Warning) {
	show := func(lineno int, category, msg string) {
		fmt.Fprintf(w, "%s:%d: %s: %s\n", filename, lineno, category, msg)
		if !isFile {
			return
		}
		if line, ok := parser.SourceLine(src, lineno, ""); ok {
			if line = strings.TrimSpace(line); line != "" {
				fmt.Fprintf(w, "  %s\n", line)
			}
		}
	}
	for _, x := range pw {
		if x.Category == "SyntaxWarning" {
			show(x.Lineno, x.Category, x.Msg)
		}
	}
	for _, x := range cw {
		show(x.Lineno, "SyntaxWarning", x.Msg)
	}
}

// printCompileError writes what CPython prints when compile() fails: the
// error block of a SyntaxError, or the last line of the traceback of a
// RecursionError.
func printCompileError(w io.Writer, err error) {
	switch e := err.(type) {
	case *parser.SyntaxError:
		fmt.Fprint(w, e.Format())
	case *compiler.RecursionError:
		fmt.Fprintf(w, "RecursionError: %s\n", e.Error())
	default:
		fmt.Fprintln(w, err)
	}
}
