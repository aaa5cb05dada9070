package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/vm"
)

// runRun is `peephole run FILE [ARGS]`, `peephole run -c CODE [ARGS]` and
// `peephole run X.pyc`: what `python3.13 FILE` does, with sys.argv, the
// script's folder first on sys.path, the exit status of SystemExit and the
// traceback of an uncaught exception.
func runRun(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	tuneGC()
	const usage = "usage: peephole run [-c CODE | FILE | FILE.pyc] [ARGS ...]\n"
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		fmt.Fprint(stdout, usage)
		return 0
	}
	s, status := parseProgramArgs("run", usage, args, stderr)
	if s == nil {
		return status
	}
	return s.run(stdin, stdout, stderr, nil)
}

// script is a program to run as __main__, as the command line named it.
type script struct {
	prog       vm.Program
	argv, path []string
}

// parseProgramArgs reads `-c CODE [ARGS]` or `FILE [ARGS]` (a .py or a
// .pyc): the program, sys.argv and sys.path[0] as `python3.13` makes
// them. On an error it prints CPython's message and returns nil and the
// exit status.
func parseProgramArgs(cmd, usage string, args []string, stderr io.Writer) (*script, int) {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return nil, 2
	}
	switch {
	case args[0] == "-c":
		if len(args) < 2 {
			fmt.Fprintln(stderr, "Argument expected for the -c option")
			fmt.Fprint(stderr, usage)
			return nil, 2
		}
		// sys.path[0] is "" (the current folder) for -c.
		return &script{
			prog: vm.Program{Filename: "<string>", Source: []byte(args[1])},
			argv: append([]string{"-c"}, args[2:]...),
			path: []string{""},
		}, 0
	case strings.HasPrefix(args[0], "-") && args[0] != "-":
		fmt.Fprintf(stderr, "peephole %s: unknown flag %s\n", cmd, args[0])
		fmt.Fprint(stderr, usage)
		return nil, 2
	}
	file := args[0]
	// CPython makes the script's path absolute (__file__, co_filename,
	// the tracebacks); sys.argv[0] stays as given.
	abs, err := filepath.Abs(file)
	if err != nil {
		abs = file
	}
	if fi, err := os.Stat(file); err == nil && fi.IsDir() {
		fmt.Fprintf(stderr, "peephole: can't find '__main__' module in %s\n", pyQuote(abs))
		return nil, 1
	}
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "peephole: can't open file %s: %s\n", pyQuote(abs), errnoText(err))
		return nil, 2
	}
	s := &script{
		prog: vm.Program{Filename: abs, Source: data, IsFile: true},
		argv: args,
		path: []string{vm.ScriptPath(file)},
	}
	if strings.HasSuffix(file, ".pyc") {
		co, _, err := compiler.ReadPyc(data)
		if err != nil {
			fmt.Fprintf(stderr, "RuntimeError: Bad code object in .pyc file\n")
			return nil, 1
		}
		s.prog = vm.Program{Filename: co.Filename, Code: co, IsFile: true}
	}
	return s, 0
}

// errnoText renders a file error as Python's OSError does: "[Errno 2] No
// such file or directory".
func errnoText(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		msg := errno.Error()
		if msg != "" {
			msg = strings.ToUpper(msg[:1]) + msg[1:]
		}
		return fmt.Sprintf("[Errno %d] %s", int(errno), msg)
	}
	return err.Error()
}

// run runs the script with the process's streams: SIGINT raises
// KeyboardInterrupt in the program. trace, when set, traces the run.
func (s *script) run(stdin io.Reader, stdout, stderr io.Writer, trace func(*vm.Interp) vm.TraceFunc) (status int) {
	in := vm.NewInterp(vm.Config{
		Stdin: stdin, Stdout: stdout, Stderr: stderr,
		Argv: s.argv, Path: s.path, PyLib: vm.DefaultPyLib(),
	})
	if trace != nil {
		in.Thread().SetTrace(trace(in))
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer func() {
		signal.Stop(sig)
		close(sig)
	}()
	go func() {
		for range sig {
			in.Interrupt()
		}
	}()
	defer func() {
		// A failure of the VM itself is reported as the bug it is.
		if r := recover(); r != nil {
			in.Flush()
			fmt.Fprintf(stderr, "peephole: internal error (a bug in the VM): %v\n%s", r, debug.Stack())
			status = 1
		}
	}()
	code, err := in.RunMain(s.prog)
	if err != nil {
		fmt.Fprintf(stderr, "peephole: %v\n", err)
		return 1
	}
	if in.EndedByInterrupt() {
		endBySIGINT = true
	}
	return code
}

// endBySIGINT is set when the program ended with an uncaught
// KeyboardInterrupt: as CPython does, the process then ends by SIGINT
// (its parent sees status -2, a shell 130), not by exit.
var endBySIGINT bool

// exit ends the process with status code, or by SIGINT after an uncaught
// KeyboardInterrupt.
func exit(code int) {
	if endBySIGINT {
		signal.Reset(os.Interrupt)
		defaultSIGINT()
		syscall.Kill(os.Getpid(), syscall.SIGINT)
		time.Sleep(time.Second)
	}
	os.Exit(code)
}

// tuneGC makes the collector run less often than Go's default for a
// program run (unless GOGC says otherwise): a Python program allocates
// many small objects that die young, and at GOGC=100 the collector's
// marking costs as much CPU as the program itself; 400 trades some
// memory for about a third less CPU on the benchmarks (bench/vm).
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}
