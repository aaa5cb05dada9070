package vm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// Running source for an embedder (the language server's "run the buffer"
// and "run the selection"): RunSource runs a buffer as __main__ or a
// selection in the namespace an earlier run left (a Session), streams
// what the program writes to a callback as it writes it (line by line, as
// to a terminal), honours the context and the limits, and returns the
// exit status, the uncaught exception (its type, message and frames, for
// a diagnostic) and the session. Package vm knows nothing of the editor:
// the language server wraps this in its Runner.

// RunOptions is one run of RunSource.
type RunOptions struct {
	// Filename is the name the code runs under: co_filename, __file__, the
	// tracebacks (the buffer's path, or its URI when it has none).
	Filename string
	// Source is the text to run: a whole buffer, or selected lines.
	Source []byte
	// FirstLine is the line of the buffer Source starts at (1 when 0):
	// the line numbers of code objects and tracebacks are the buffer's.
	FirstLine int
	// Echo prints the repr of the value of a Source that is one expression
	// statement, as the REPL does (sys.displayhook, which also sets
	// builtins._). Other sources run as a module body.
	Echo bool
	// Session is the namespace to run in (its __main__ module), or nil for
	// a fresh interpreter with an empty __main__.
	Session *Session
	// Argv is sys.argv ([Filename] when nil); PyLib the folder of CPython's
	// pure-Python standard library, or "".
	Argv  []string
	PyLib string
	// Stdin is sys.stdin (empty when nil).
	Stdin io.Reader
	// Output receives what the program writes to sys.stdout ("stdout")
	// and sys.stderr ("stderr"), the traceback of an uncaught exception
	// included, as it is written. It is called from the goroutine running
	// RunSource, never concurrently. Nil discards the output.
	Output func(stream, text string)
	// Limits bound the run (their Context is ctx). The zero FS policy is
	// FSFull: an editor passes FSReadOnly unless writes are allowed.
	Limits Limits
}

// RunOutcome is how a run of RunSource ended.
type RunOutcome struct {
	// ExitCode is 0, 1 after an uncaught exception, SystemExit's status,
	// 130 after KeyboardInterrupt; 1 when a limit stopped the run.
	ExitCode int
	// Exception is the uncaught exception, or nil (SystemExit is not one).
	Exception *UncaughtException
	// Abort is the limit or cancellation that stopped the run, or nil.
	Abort *Abort
	// Session holds the namespace the code ran in, for later selections
	// (after an AbortInternal, a closed one: the next run starts fresh).
	Session  *Session
	Duration time.Duration
}

// UncaughtException describes the exception that ended a run.
type UncaughtException struct {
	// Type is the class's name as the traceback's last line shows it
	// ("ValueError", "mod.Error"); Message is str() of the exception (for
	// a SyntaxError, its msg).
	Type, Message string
	// Frames is the traceback, outermost first. A SyntaxError's location
	// (its file and line) is its last frame, named "".
	Frames []ExceptionFrame
}

// ExceptionFrame is one entry of a traceback.
type ExceptionFrame struct {
	Filename string
	Line     int
	Name     string
}

// Session is an interpreter and the __main__ namespace runs share: the
// state a run leaves for the selections run after it. A session runs one
// run at a time.
type Session struct {
	mu     sync.Mutex
	in     *Interp
	main   *Module
	output func(stream, text string)
	closed bool
}

// Globals returns the session's __main__ namespace.
func (s *Session) Globals() *Dict { return s.main.dict }

// Interp returns the session's interpreter.
func (s *Session) Interp() *Interp { return s.in }

// Close releases the session; it must not be used afterwards.
func (s *Session) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.in, s.main, s.output = nil, nil, nil
}

// sessionWriter sends an interpreter stream's writes to the session's
// output callback of the run in progress.
type sessionWriter struct {
	s      *Session
	stream string
}

func (w sessionWriter) Write(p []byte) (int, error) {
	if out := w.s.output; out != nil && len(p) > 0 {
		out(w.stream, string(p))
	}
	return len(p), nil
}

// newSession makes an interpreter with an empty __main__ for a run.
func newSession(opts *RunOptions) *Session {
	s := &Session{}
	argv := opts.Argv
	if argv == nil {
		argv = []string{opts.Filename}
	}
	var path []string
	if dir := filepath.Dir(opts.Filename); filepath.IsAbs(opts.Filename) {
		path = []string{dir}
	} else {
		path = []string{""}
	}
	stdin := opts.Stdin
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	in := NewInterp(Config{
		Stdin: stdin, Stdout: sessionWriter{s, "stdout"}, Stderr: sessionWriter{s, "stderr"},
		Argv: argv, Path: path, PyLib: opts.PyLib,
	})
	// Output goes out line by line, as to a terminal.
	in.stdout.lineBuffered = true
	s.in = in
	s.main = NewModule("__main__")
	md := s.main.dict
	md.SetStr("__builtins__", Value{o: in.Builtins})
	if !strings.HasPrefix(opts.Filename, "<") {
		md.SetStr("__file__", NewStrValue(opts.Filename))
	}
	md.SetStr("__cached__", None)
	in.Modules.SetStr("__main__", Value{o: s.main})
	return s
}

// RunSource runs opts.Source in opts.Session (or a fresh one) until it
// ends, ctx is done or a limit stops it.
func RunSource(ctx context.Context, opts RunOptions) RunOutcome {
	start := time.Now()
	s := opts.Session
	if s == nil || s.closed {
		s = newSession(&opts)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.runSafely(ctx, &opts)
	out.Session = s
	out.Duration = time.Since(start)
	return out
}

// runSafely is run, turning a failure of the VM itself (a Go panic) into
// an AbortInternal: the embedder goes on, the session is not used again.
func (s *Session) runSafely(ctx context.Context, opts *RunOptions) (out RunOutcome) {
	defer func() {
		if r := recover(); r != nil {
			s.in.Flush()
			msg := fmt.Sprintf("peephole: internal error (a bug in the VM): %v\n%s", r, debug.Stack())
			if opts.Output != nil {
				opts.Output("stderr", "\n"+msg)
			}
			s.closed = true
			out = RunOutcome{ExitCode: 1, Abort: &Abort{Kind: AbortInternal, Reason: msg}}
		}
	}()
	return s.run(ctx, opts)
}

// run is RunSource in the session, locked.
func (s *Session) run(ctx context.Context, opts *RunOptions) (out RunOutcome) {
	in := s.in
	t := in.main
	s.output = opts.Output
	defer func() { s.output = nil }()
	// What an earlier run stopped by a limit may have left behind: the
	// exception it was handling, the containers it was printing.
	t.handled, t.reprs, t.depth, t.cdepth = Null, nil, 0, 0
	in.Limits = opts.Limits
	if ctx != nil {
		in.Limits.Context = ctx
	}
	defer in.startLimits()()
	defer in.Flush()
	first := max(opts.FirstLine, 1)
	in.rememberLines(opts.Filename, first, opts.Source)
	co, err := t.compileRun(opts, first)
	if err == nil {
		_, err = t.RunCode(NewCode(co), s.main.dict, Value{o: s.main.dict})
	}
	if err == nil {
		err = in.flushStdout(t)
	}
	if err == nil {
		return out
	}
	var abort *Abort
	if errors.As(err, &abort) {
		out.Abort, out.ExitCode = abort, 1
		return out
	}
	if e := asException(err); e != nil && !e.cls.IsSubtype(SystemExitType) {
		out.Exception = t.uncaught(e)
	}
	code, err := in.reportUncaught(t, err)
	out.ExitCode = code
	if errors.As(err, &abort) {
		out.Abort, out.ExitCode = abort, 1
	}
	return out
}

// compileRun compiles the source of a run: in "single" mode (the REPL's,
// which echoes an expression's value) when Echo is asked and the source
// is one expression statement, else as a module. The source is moved down
// to its first line, so that positions are the buffer's.
func (t *Thread) compileRun(opts *RunOptions, first int) (*compiler.Code, error) {
	src := opts.Source
	if first > 1 {
		src = append([]byte(strings.Repeat("\n", first-1)), src...)
	}
	isFile := first == 1 && !strings.HasPrefix(opts.Filename, "<")
	if opts.Echo {
		pr := parser.Parse(src, parser.Options{Filename: opts.Filename, Mode: parser.ModeSingle})
		if m, ok := pr.Tree.(*ast.Interactive); ok && pr.Err == nil && pr.Fatal == "" && len(m.Body) == 1 {
			if _, expr := m.Body[0].(*ast.ExprStmt); expr {
				res, err := compiler.Compile(pr.Tree, compiler.Options{Filename: opts.Filename, Source: src})
				if err != nil {
					return nil, t.compileError(err)
				}
				return res.Code, nil
			}
		}
	}
	return t.compileSource(src, opts.Filename, isFile, 0)
}

// rememberLines records the lines of a run's source at their place in
// the buffer for the tracebacks, over what earlier runs of the same file
// recorded (a selection replaces its own lines only).
func (in *Interp) rememberLines(filename string, first int, src []byte) {
	lines := splitSourceLines(string(src))
	old := in.sources[filename]
	if first == 1 && old == nil {
		in.RememberSource(filename, src)
		return
	}
	n := max(len(old), first-1+len(lines))
	merged := make([]string, n)
	copy(merged, old)
	copy(merged[first-1:], lines)
	if in.sources == nil {
		in.sources = map[string][]string{}
	}
	in.sources[filename] = merged
}

// uncaught describes an uncaught exception.
func (t *Thread) uncaught(e *Exception) *UncaughtException {
	name := e.cls.QualName
	if name == "" {
		name = e.cls.Name
	}
	if m := e.cls.ModuleName(); m != "builtins" && m != "__main__" && m != "" {
		name = m + "." + name
	}
	u := &UncaughtException{Type: name}
	if e.cls.IsSubtype(SyntaxErrorType) {
		if e.Args != nil && len(e.Args.items) > 0 {
			if s, ok := e.Args.items[0].o.(*Str); ok {
				u.Message = s.s
			}
		}
	} else if s, err := StrOf(t, Value{o: e}); err == nil {
		u.Message = s.s
	}
	if e.Traceback != nil {
		for _, tb := range e.Traceback.Frames() {
			co := tb.frame.code
			u.Frames = append(u.Frames, ExceptionFrame{Filename: co.filename.s, Line: tb.Line(), Name: co.name.s})
		}
	}
	if e.cls.IsSubtype(SyntaxErrorType) {
		if f, ok := e.Filename.o.(*Str); ok && e.Lineno.IsSmallInt() {
			u.Frames = append(u.Frames, ExceptionFrame{Filename: f.s, Line: int(e.Lineno.SmallInt())})
		}
	}
	return u
}
