package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/peephole-lsp/peephole/vm"
)

// runTrace is `peephole trace [-o OUT] [-c CODE | FILE | FILE.pyc]
// [ARGS]`: it runs the program as `peephole run` does and prints each
// instruction executed, one line each (see vm.TextTracer for the
// format):
//
//	add_nums      12  BINARY_OP                0 (+)               line 4     Stack: [45]
//
// Without -o the trace goes to stdout, in order with the program's own
// output; with -o it goes to the file OUT.
func runTrace(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	const usage = "usage: peephole trace [-o OUT] [-c CODE | FILE | FILE.pyc] [ARGS ...]\n"
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		fmt.Fprint(stdout, usage)
		return 0
	}
	var out io.Writer = stdout
	if len(args) > 0 && args[0] == "-o" {
		if len(args) < 2 {
			fmt.Fprintln(stderr, "Argument expected for the -o option")
			fmt.Fprint(stderr, usage)
			return 2
		}
		f, err := os.Create(args[1])
		if err != nil {
			fmt.Fprintf(stderr, "peephole trace: %v\n", err)
			return 1
		}
		bw := bufio.NewWriterSize(f, 1<<16)
		defer func() {
			bw.Flush()
			f.Close()
		}()
		out = bw
		args = args[2:]
	}
	s, status := parseProgramArgs("trace", usage, args, stderr)
	if s == nil {
		return status
	}
	return s.run(stdin, stdout, stderr, func(in *vm.Interp) vm.TraceFunc {
		flush := in.Flush
		if out != stdout {
			flush = nil
		}
		return vm.NewTextTracer(out, flush).Func()
	})
}
