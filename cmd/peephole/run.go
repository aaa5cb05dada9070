package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/vm"
)

// runRun is `peephole run FILE [ARGS]`, `peephole run -c CODE [ARGS]` and
// `peephole run X.pyc`: what `python3.13 FILE` does, with sys.argv, the
// script's folder first on sys.path, the exit status of SystemExit and the
// traceback of an uncaught exception.
func runRun(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	const usage = "usage: peephole run [-c CODE | FILE] [ARGS ...]\n"
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var prog vm.Program
	var argv, path []string
	switch {
	case args[0] == "-h" || args[0] == "--help":
		fmt.Fprint(stdout, usage)
		return 0
	case args[0] == "-c":
		if len(args) < 2 {
			fmt.Fprintln(stderr, "Argument expected for the -c option")
			fmt.Fprint(stderr, usage)
			return 2
		}
		prog = vm.Program{Filename: "<string>", Source: []byte(args[1])}
		argv = append([]string{"-c"}, args[2:]...)
		path = []string{""}
		if wd, err := os.Getwd(); err == nil {
			path = []string{wd}
		}
	case strings.HasPrefix(args[0], "-") && args[0] != "-":
		fmt.Fprintf(stderr, "peephole run: unknown flag %s\n", args[0])
		fmt.Fprint(stderr, usage)
		return 2
	default:
		file := args[0]
		abs, _ := filepath.Abs(file)
		data, err := os.ReadFile(file)
		if err != nil {
			msg := osErrorMessage(err, abs)
			if i := strings.Index(msg, ": "); i >= 0 {
				msg = msg[i+2:]
			}
			fmt.Fprintf(stderr, "peephole: can't open file %s: %s\n", pyQuote(abs), strings.TrimSuffix(msg[strings.Index(msg, "[Errno"):], ": "+pyQuote(abs)))
			return 2
		}
		prog = vm.Program{Filename: file, Source: data, IsFile: true}
		if strings.HasSuffix(file, ".pyc") {
			co, _, err := compiler.ReadPyc(data)
			if err != nil {
				fmt.Fprintf(stderr, "RuntimeError: Bad code object in .pyc file\n")
				return 1
			}
			prog = vm.Program{Filename: co.Filename, Code: co, IsFile: true}
		}
		argv = args
		path = []string{vm.ScriptPath(file)}
	}
	in := vm.NewInterp(vm.Config{
		Stdin: stdin, Stdout: stdout, Stderr: stderr,
		Argv: argv, Path: path, PyLib: vm.DefaultPyLib(),
	})
	// SIGINT raises KeyboardInterrupt in the program.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)
	go func() {
		for range sig {
			in.Interrupt()
		}
	}()
	code, err := in.RunMain(prog)
	if err != nil {
		fmt.Fprintf(stderr, "peephole: %v\n", err)
		return 1
	}
	return code
}
