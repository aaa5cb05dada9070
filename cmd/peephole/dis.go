package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/parser"
)

// runDis is `peephole dis`, which behaves like `python3.13 -m dis`: it
// compiles FILE (or stdin) as compile(source, name, "exec") does and
// disassembles the module and every code object in it. Beyond CPython, a
// .pyc file is loaded and disassembled as CPython would disassemble the
// source it came from.
func runDis(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var opts compiler.DisOptions
	infile := "-"
	seenFile := false
	for _, a := range args {
		switch {
		case a == "-C" || a == "--show-caches":
			opts.ShowCaches = true
		case a == "-O" || a == "--show-offsets":
			opts.ShowOffsets = true
		case a == "-h" || a == "--help":
			fmt.Fprint(stdout, disUsage+disHelp)
			return 0
		case strings.HasPrefix(a, "-") && a != "-" && len(a) > 1:
			if isFlagCluster(a, "CO") {
				for _, ch := range a[1:] {
					if ch == 'C' {
						opts.ShowCaches = true
					} else {
						opts.ShowOffsets = true
					}
				}
				continue
			}
			fmt.Fprint(stderr, disUsage)
			fmt.Fprintf(stderr, "dis.py: error: unrecognized arguments: %s\n", a)
			return 2
		default:
			if seenFile {
				fmt.Fprint(stderr, disUsage)
				fmt.Fprintf(stderr, "dis.py: error: unrecognized arguments: %s\n", a)
				return 2
			}
			infile, seenFile = a, true
		}
	}
	var src []byte
	var err error
	name := infile
	isFile := true
	if infile == "-" {
		name, isFile = "<stdin>", false
		src, err = io.ReadAll(stdin)
	} else {
		src, err = os.ReadFile(infile)
	}
	if err != nil {
		fmt.Fprintln(stderr, osErrorMessage(err, infile))
		return 1
	}
	var co *compiler.Code
	if isFile && strings.HasSuffix(infile, ".pyc") {
		co, _, err = compiler.ReadPyc(src)
		if err != nil {
			fmt.Fprintf(stderr, "peephole dis: %s: %v\n", infile, err)
			return 1
		}
	} else {
		pr := parser.Parse(src, parser.Options{Filename: name, IsFile: isFile})
		if pr.Err != nil || pr.Fatal != "" {
			if pr.Err != nil {
				fmt.Fprint(stderr, pr.Err.Format())
			} else {
				fmt.Fprintln(stderr, pr.Fatal)
			}
			return 1
		}
		res, cerr := compiler.Compile(pr.Tree, compiler.Options{Filename: name, Source: src, IsFile: isFile})
		printWarnings(stderr, name, src, isFile, pr.Warnings, res.Warnings)
		if cerr != nil {
			printCompileError(stderr, cerr)
			return 1
		}
		co = res.Code
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	if err := compiler.Dis(w, co, opts); err != nil {
		w.Flush()
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

func isFlagCluster(a, letters string) bool {
	if len(a) < 2 || a[0] != '-' || a[1] == '-' {
		return false
	}
	for _, ch := range a[1:] {
		if !strings.ContainsRune(letters, ch) {
			return false
		}
	}
	return true
}

const disUsage = "usage: dis.py [-h] [-C] [-O] [infile]\n"

const disHelp = `
positional arguments:
  infile

options:
  -h, --help          show this help message and exit
  -C, --show-caches   show inline caches
  -O, --show-offsets  show instruction offsets
`
