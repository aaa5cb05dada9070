// Command peephole is Python 3.13's parser, symbol table, compiler and
// virtual machine rebuilt in Go, and a language server that shows what
// CPython 3.13 does with the code under the cursor.
//
// Each subcommand behaves exactly like its CPython counterpart:
//
//	peephole ast [-m MODE] [-a] [-i N] [--no-type-comments] [FILE]   python3.13 -m ast …
//	peephole symtable [FILE ...]                                      python3.13 -m symtable …
//	peephole dis [-C] [-O] [FILE]                                     python3.13 -m dis …
//	peephole compile [-O|-OO] [-o OUT.pyc] FILE                       py_compile (a .pyc python3.13 runs)
//	peephole run [-c CODE | FILE | FILE.pyc] [ARGS]                  python3.13 FILE …
//	peephole trace [-o OUT] [-c CODE | FILE | FILE.pyc] [ARGS]       (each instruction run, with the stack)
//	peephole lsp [--stdio] [--log-file F] [--log-level L]            the language server on stdio
//	peephole version
//
// This package only parses flags and wires the packages together. Usage
// errors exit with status 2, failures with status 1.
package main

import (
	"fmt"
	"io"
	"os"
)

// version is peephole's version.
const version = "0.1.0-dev"

type command struct {
	name  string
	usage string
	run   func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = []command{
	{"ast", "ast [-m {exec,single,eval,func_type}] [-a] [-i INDENT] [--no-type-comments] [infile]", runAST},
	{"symtable", "symtable [FILE ...]", runSymtable},
	{"dis", "dis [-C] [-O] [infile]", runDis},
	{"compile", "compile [-O|-OO] [-o OUT.pyc] FILE", runCompile},
	{"run", "run [-c CODE | FILE | FILE.pyc] [ARGS ...]", runRun},
	{"trace", "trace [-o OUT] [-c CODE | FILE | FILE.pyc] [ARGS ...]", runTrace},
	{"lsp", "lsp [--stdio] [--log-file FILE] [--log-level LEVEL]", runLSP},
	{"version", "version", runVersion},
}

func main() {
	exit(dispatch(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func dispatch(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "peephole: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: peephole <command> [arguments]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  peephole %s\n", c.usage)
	}
}

func runVersion(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) != 0 {
		fmt.Fprintln(stderr, "usage: peephole version")
		return 2
	}
	fmt.Fprintf(stdout, "peephole %s (Python 3.13)\n", version)
	return 0
}
