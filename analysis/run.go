package analysis

// This file is the seam between the editor and the VM: the Runner interface
// that package vm implements, the request and result of a run (DESIGN §8),
// and the plumbing every run goes through whatever the Runner (Execute):
// the time limit, the output limit, cancellation, collecting the output the
// Runner streams, and telling a timeout from a cancellation.
//
// Nothing here runs Python: without a Runner there is no running.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// Runner executes Python code for the editor. Package vm implements it.
//
// Run executes req and returns when the program ends, when ctx is done (a
// timeout or a cancellation: the program must stop promptly), or when a
// limit of req is reached. Everything the program writes to sys.stdout and
// sys.stderr must go to out as it is written (stream "stdout" or "stderr");
// out may be called from any goroutine but not concurrently. Run never
// writes files unless req.AllowWrites.
type Runner interface {
	Run(ctx context.Context, req RunRequest, out func(stream, text string)) RunResult
}

// Session is the namespace a document's runs share: what `peephole.run`
// leaves behind and `peephole.runSelection` runs in. Only the Runner knows
// what it holds.
type Session interface {
	// Close releases the session; it is not used afterwards.
	Close()
}

// RunKind says what is run.
type RunKind int

// The run kinds.
const (
	// RunFile runs a whole buffer as __main__ in a fresh namespace.
	RunFile RunKind = iota + 1
	// RunSelection runs some lines of a buffer in the document's session,
	// as a REPL would.
	RunSelection
)

// RunRequest is one run.
type RunRequest struct {
	Kind RunKind
	// Filename is the name the code runs under (co_filename, __file__, the
	// tracebacks): the buffer's path, or its URI when it has none.
	Filename string
	// Source is the buffer's current text (RunFile) or the selected lines
	// with their common indentation removed (RunSelection).
	Source []byte
	// FirstLine is the document line of Source's first line: line numbers
	// in code objects and tracebacks are the document's.
	FirstLine int
	// Echo asks for the repr of the value of a selection that is a single
	// expression statement (sys.displayhook), as the REPL prints it.
	Echo bool
	// Session is the namespace a selection runs in, or nil for a fresh,
	// empty one; nil for RunFile, which always starts fresh.
	Session Session
	// Timeout is run.timeoutMs: the run is stopped after it.
	Timeout time.Duration
	// MaxOutputBytes is run.maxOutputBytes: the run is stopped once it has
	// written more (0: no limit).
	MaxOutputBytes int
	// AllowWrites is run.allowWrites: unless set, the program may read
	// files but not create, write, rename or delete any.
	AllowWrites bool
	// PyLib is the CPython Lib/ folder to import the pure-Python standard
	// library from ("" to find it as `peephole run` does).
	PyLib string
}

// RunResult is the outcome of a run: DESIGN §8's run result.
type RunResult struct {
	// Stdout and Stderr are everything the run wrote. A Runner may leave
	// them empty: Execute fills them from what it streamed.
	Stdout, Stderr string
	// ExitCode is 0, 1 for an uncaught exception, or SystemExit's code;
	// meaningless when TimedOut or Cancelled (the protocol sends null).
	ExitCode int
	Duration time.Duration
	TimedOut bool
	// Cancelled reports that the run was stopped before its end by a
	// cancellation or by the output limit.
	Cancelled bool
	// OutputLimited reports that the output limit stopped the run.
	OutputLimited bool
	// Exception is the uncaught exception, or nil.
	Exception *RunException
	// Session is the namespace after the run (for RunFile, the document's
	// new session), or nil.
	Session Session
}

// RunException is an uncaught exception.
type RunException struct {
	Type, Message string
	// Frames is the traceback, outermost first.
	Frames []Frame
}

// Frame is one frame of a traceback.
type Frame struct {
	Filename string
	Line     int
	Name     string
}

// ErrNoRunner is the error of a run when no Runner is configured.
var ErrNoRunner = errors.New("running Python is not available yet: this peephole has no VM")

// Execute runs req with r, applying the request's time and output limits
// and ctx's cancellation, streaming the output to out (which may be nil)
// and collecting it into the result.
func Execute(ctx context.Context, r Runner, req RunRequest, out func(stream, text string)) (RunResult, error) {
	if r == nil {
		return RunResult{}, ErrNoRunner
	}
	if req.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, req.Timeout)
		defer cancel()
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	var (
		mu             sync.Mutex
		stdout, stderr bytes.Buffer
		written        int
		limited        bool
	)
	stream := func(name, text string) {
		mu.Lock()
		defer mu.Unlock()
		if limited {
			return
		}
		if req.MaxOutputBytes > 0 && written+len(text) > req.MaxOutputBytes {
			text = text[:req.MaxOutputBytes-written]
			limited = true
			stop()
		}
		written += len(text)
		if name == "stderr" {
			stderr.WriteString(text)
		} else {
			name = "stdout"
			stdout.WriteString(text)
		}
		if out != nil && text != "" {
			out(name, text)
		}
		if limited {
			note := fmt.Sprintf("\npeephole: the run was stopped: its output passed run.maxOutputBytes (%d bytes)\n", req.MaxOutputBytes)
			stderr.WriteString(note)
			if out != nil {
				out("stderr", note)
			}
		}
	}
	start := time.Now()
	res := r.Run(ctx, req, stream)
	if res.Duration == 0 {
		res.Duration = time.Since(start)
	}
	mu.Lock()
	defer mu.Unlock()
	if res.Stdout == "" && res.Stderr == "" {
		res.Stdout, res.Stderr = stdout.String(), stderr.String()
	}
	switch {
	case limited:
		res.Cancelled, res.OutputLimited = true, true
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		res.TimedOut = true
	case ctx.Err() != nil:
		res.Cancelled = true
	}
	return res, nil
}

// Selection returns the lines first..last (1-based, inclusive) of src with
// their common leading whitespace removed, as peephole.runSelection runs
// them, and whether they are a single expression statement (whose value the
// run echoes).
func Selection(src []byte, first, last int) (code []byte, echo bool) {
	lines := splitLines(src)
	if first < 1 {
		first = 1
	}
	if last > len(lines) {
		last = len(lines)
	}
	if first > last {
		return nil, false
	}
	sel := lines[first-1 : last]
	prefix := ""
	havePrefix := false
	for _, l := range sel {
		body := strings.TrimRight(l, " \t\f\r\n")
		if body == "" {
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if !havePrefix {
			prefix, havePrefix = indent, true
			continue
		}
		for !strings.HasPrefix(indent, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	var b strings.Builder
	for _, l := range sel {
		if strings.TrimRight(l, " \t\f\r\n") == "" {
			b.WriteString(strings.TrimLeft(l, " \t\f"))
			continue
		}
		b.WriteString(strings.TrimPrefix(l, prefix))
	}
	code = []byte(b.String())
	res := parser.Parse(code, parser.Options{Mode: parser.ModeExec})
	if m, ok := res.Tree.(*ast.Module); ok && len(m.Body) == 1 {
		_, echo = m.Body[0].(*ast.ExprStmt)
	}
	return code, echo
}

// SelectionRange returns what peephole.runSelection runs for the selection
// r of src: when r lies within one line and selects a whole expression
// (`factorial(5)` inside `print(factorial(5))`), that expression, echoed;
// otherwise the lines r touches, as Selection returns them. It also
// returns the document line the code starts on.
func SelectionRange(src []byte, r Range) (code []byte, echo bool, firstLine int) {
	if r.End.Before(r.Start) {
		r.Start, r.End = r.End, r.Start
	}
	if r.Start.Line == r.End.Line && r.Start.Col < r.End.Col {
		line := lineText(src, r.Start.Line)
		if r.End.Col <= len(line) {
			text := strings.TrimSpace(line[r.Start.Col:r.End.Col])
			if text != "" && text != strings.TrimSpace(line) && isExpression(text) {
				return []byte(text + "\n"), true, r.Start.Line
			}
		}
	}
	last := r.End.Line
	if last > r.Start.Line && r.End.Col == 0 {
		last-- // a selection of whole lines ends at the start of the next
	}
	code, echo = Selection(src, r.Start.Line, last)
	return code, echo, r.Start.Line
}

// isExpression reports whether text is one expression statement.
func isExpression(text string) bool {
	res := parser.Parse([]byte(text), parser.Options{Mode: parser.ModeExec})
	m, ok := res.Tree.(*ast.Module)
	if !ok || len(m.Body) != 1 {
		return false
	}
	_, ok = m.Body[0].(*ast.ExprStmt)
	return ok
}

// splitLines splits src after each line break (\n, \r\n, \r), keeping the
// breaks.
func splitLines(src []byte) []string {
	var out []string
	start := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			out = append(out, string(src[start:i+1]))
			start = i + 1
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			out = append(out, string(src[start:i+1]))
			start = i + 1
		}
	}
	if start < len(src) {
		out = append(out, string(src[start:]))
	}
	return out
}

// ExceptionDiagnostic returns the diagnostic of a run's uncaught exception:
// at the raising line of the innermost frame in filename, whose text is src.
func ExceptionDiagnostic(src []byte, filename string, exc *RunException) (Diagnostic, bool) {
	if exc == nil {
		return Diagnostic{}, false
	}
	for i := len(exc.Frames) - 1; i >= 0; i-- {
		fr := exc.Frames[i]
		if fr.Filename != filename || fr.Line < 1 {
			continue
		}
		msg := exc.Type
		if exc.Message != "" {
			msg += ": " + exc.Message
		}
		return Diagnostic{Range: lineRange(src, fr.Line), Severity: SeverityError, Code: exc.Type, Message: msg}, true
	}
	return Diagnostic{}, false
}
