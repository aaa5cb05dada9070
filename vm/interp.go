package vm

import (
	"context"
	"io"
	"os"
	"sync/atomic"
	"time"
	"unsafe"
)

// Interp is one Python interpreter: its modules (sys.modules), builtins,
// sys state, standard streams and limits. Interpreters share nothing
// mutable but the intern table and the builtin types, so a process (the
// language server) can run many, each in its own goroutine.
type Interp struct {
	// unflushed holds the files with written bytes not yet flushed, by
	// their shared state (fileio.go's noteUnflushed).
	unflushed map[*fileState]*FileObject
	// typeCache is the type attribute cache (typecache.go).
	typeCache *[typeCacheSize]typeCacheEntry

	Builtins *Module
	Sys      *Module
	// Modules is sys.modules.
	Modules *Dict

	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer

	Limits Limits

	// asyncgenHooks is the state of sys's hooks (set_asyncgen_hooks).
	asyncgenHooks *sysHookState

	// Argv is sys.argv; Path is sys.path.
	Argv []string
	Path []string
	// PyLib is the folder of CPython's pure-Python standard library
	// modules, or "" when none was found.
	PyLib string
	// codecs is the codec registry of the _codecs module
	// (bytescodec_module.go); nil until first used.
	codecs *codecRegistry

	recursionLimit int
	// maxStrDigits is sys.get_int_max_str_digits().
	maxStrDigits int
	// std is the state of the native modules (mod_*.go), made on first use.
	std *stdState
	// stdout, stderr and stdin are the streams sys starts with.
	stdout, stderr, stdin *TextStream
	// sources are the lines of the files tracebacks show (linecache).
	sources map[string][]string
	// interrupted is set by Interrupt (SIGINT) and turned into
	// KeyboardInterrupt at the next limits check.
	interrupted atomic.Bool
	// main is the thread running the program.
	main *Thread
	// limits is the state of the limits of the run in progress.
	limits limitState
	// fin tracks the finalizable objects (finalize.go); nil until one is made.
	fin *finState
}

// Limits bound a run. Zero values mean no limit.
type Limits struct {
	// Context cancels the run (the language server's $/cancelRequest).
	Context context.Context
	// Timeout bounds the wall-clock time of the run.
	Timeout time.Duration
	// MaxSteps bounds the work done, in approximate instructions: each
	// call of a Python function and every 64 iterations of a loop count 64.
	MaxSteps int64
	// MaxOutput bounds the bytes written to stdout and stderr together.
	MaxOutput int64
	// MaxMemory bounds (approximately) the bytes the program's objects
	// may hold: the Go heap of the process is sampled while the run lasts;
	// past the bound the program gets a MemoryError, and is aborted if it
	// stays past it (see limits.go).
	MaxMemory int64
	// FS is what the program may do with files.
	FS FSPolicy
}

// FSPolicy is the file-system access a run is given.
type FSPolicy int

const (
	// FSFull allows everything (peephole run).
	FSFull FSPolicy = iota
	// FSReadOnly allows reading files and nothing else.
	FSReadOnly
	// FSNone allows no file access but the import of modules.
	FSNone
)

// Abort is the error that stops a run for a reason outside the program: a
// limit reached or a cancellation. Python code cannot catch it; it unwinds
// every frame.
type Abort struct {
	// Kind says which limit was reached.
	Kind   AbortKind
	Reason string
}

func (a *Abort) Error() string { return a.Reason }

// Config is what an interpreter starts with.
type Config struct {
	// Stdin, Stdout and Stderr are the standard streams (os's when nil).
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Argv is sys.argv; Path is sys.path (PyLib is appended to it).
	Argv, Path []string
	// PyLib is the folder of CPython's pure-Python standard library, or "".
	PyLib  string
	Limits Limits
}

// NewInterp returns an interpreter with its builtins and sys set up.
func NewInterp(cfg Config) *Interp {
	in := &Interp{
		Stdin:          cfg.Stdin,
		Stdout:         cfg.Stdout,
		Stderr:         cfg.Stderr,
		Argv:           cfg.Argv,
		Path:           cfg.Path,
		PyLib:          cfg.PyLib,
		Limits:         cfg.Limits,
		recursionLimit: 1000,
		maxStrDigits:   4300,
		Modules:        NewDict(),
	}
	if in.Stdin == nil {
		in.Stdin = os.Stdin
	}
	if in.Stdout == nil {
		in.Stdout = os.Stdout
	}
	if in.Stderr == nil {
		in.Stderr = os.Stderr
	}
	if in.PyLib != "" {
		in.Path = append(append([]string(nil), in.Path...), in.PyLib)
	}
	in.main = &Thread{interp: in}
	in.setupBuiltins()
	return in
}

// Thread returns the interpreter's main thread.
func (in *Interp) Thread() *Thread { return in.main }

// Thread is the state of one running thread of Python code (CPython's
// PyThreadState): its frames, its recursion depth, the exceptions being
// handled (sys.exc_info), and the run's limits.
type Thread struct {
	interp *Interp
	// tracer is called after each instruction when set (trace.go).
	tracer TraceFunc
	// frame is the innermost running Python frame.
	frame *Frame
	// depth counts the nested Python frames, against the recursion
	// limit; cdepth the nested native calls that can recurse, against
	// cRecursionLimit (limits.go).
	depth, cdepth int
	// handled is the exception being handled (sys.exception()), NULL when
	// none; the outer ones are saved on the value stacks by PUSH_EXC_INFO,
	// as in CPython.
	handled Value

	// framePool holds finished call frames for reuse.
	framePool []*Frame
	// reprs are the containers being repr'd (Py_ReprEnter).
	reprs map[Object]bool

	steps  int64
	output int64
	// checkEvery counts the RESUME and JUMP_BACKWARD instructions down
	// to the next checkLimits (eval).
	checkEvery int
}

// Interp returns the thread's interpreter.
func (t *Thread) Interp() *Interp { return t.interp }

// enter counts a Python frame and raises RecursionError past the
// recursion limit.
func (t *Thread) enter() error {
	t.depth++
	if t.depth > t.interp.recursionLimit {
		t.depth--
		return t.raise(RecursionErrorType, "maximum recursion depth exceeded")
	}
	return nil
}

func (t *Thread) leave() { t.depth-- }

// identityOf returns a number unique to the object while it lives (id()).
// Go's collector does not move objects, so the address serves, as in
// CPython; immediates get a number derived from their value.
func identityOf(v Value) int64 {
	if o := v.Object(); o != nil {
		type iface struct{ typ, data unsafe.Pointer }
		p := (*iface)(unsafe.Pointer(&o)).data
		return int64(uintptr(p))
	}
	return int64(v.n)<<3 | 1
}

// Interrupt makes the running program raise KeyboardInterrupt soon, as
// SIGINT does in CPython. It may be called from any goroutine.
func (in *Interp) Interrupt() { in.interrupted.Store(true) }
