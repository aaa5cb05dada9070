package lsp

// This file answers workspace/executeCommand: peephole.run,
// peephole.runSelection, peephole.resetSession and peephole.showBytecode.
// A selection runs as analysis.SelectionRange says: the lines it touches,
// dedented, or the expression it selects within a line.
//
// A run takes the document's snapshot when the command arrives (the
// buffer's current text, unsaved edits included), then, concurrently,
// waits for the document's previous run to end (one run per document at a
// time), reports work-done progress, and goes through analysis.Execute
// with the settings' limits, under a context that $/cancelRequest and the
// progress's cancel button both cancel. What the program writes streams to
// the client as peephole/output notifications, coalesced (see output.go).
// When it ends, an uncaught exception becomes a diagnostic at its raising
// line, kept until the next edit, and the run's namespace becomes the
// document's session. Nothing runs without one of these commands, and
// without a Runner the run commands answer that running is not available.

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// runResult is a run's answer (DESIGN §8).
type runResult struct {
	Stdout     string         `json:"stdout"`
	Stderr     string         `json:"stderr"`
	ExitCode   *int           `json:"exitCode"`
	DurationMs int64          `json:"durationMs"`
	TimedOut   bool           `json:"timedOut"`
	Exception  *runExceptionJ `json:"exception"`
}

// runExceptionJ is a run's uncaught exception.
type runExceptionJ struct {
	Type    string        `json:"type"`
	Message string        `json:"message"`
	Frames  []runFrameOut `json:"frames"`
}

// runFrameOut is one frame of a traceback.
type runFrameOut struct {
	URI  string `json:"uri"`
	Line int    `json:"line"`
	Name string `json:"name"`
}

// outputParams are the parameters of a peephole/output notification.
type outputParams struct {
	URI    string `json:"uri"`
	Stream string `json:"stream"`
	Text   string `json:"text"`
}

// errBadArguments is the error of a command called with arguments it
// cannot use.
func errBadArguments(command, want string) error {
	return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s takes %s", command, want)
}

func (s *Server) prepareExecuteCommand(params json.RawMessage) (requestFunc, error) {
	var p struct {
		Command       string            `json:"command"`
		Arguments     []json.RawMessage `json:"arguments"`
		WorkDoneToken json.RawMessage   `json:"workDoneToken"`
	}
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	arg := func(i int, v any) bool {
		return i < len(p.Arguments) && json.Unmarshal(p.Arguments[i], v) == nil
	}
	var docURI string
	switch p.Command {
	case CommandRun, CommandRunSelection, CommandResetSession, CommandShowBytecode:
		if !arg(0, &docURI) || docURI == "" {
			return nil, errBadArguments(p.Command, "a document URI as its first argument")
		}
	default:
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "unknown command: %s", p.Command)
	}
	d := s.document(docURI)
	if d == nil {
		return nil, errNotOpen(docURI)
	}
	snap := d.current()
	switch p.Command {
	case CommandShowBytecode:
		var pos protocol.Position
		if !arg(1, &pos) {
			return nil, errBadArguments(p.Command, "[uri, position]")
		}
		return func(ctx context.Context) (any, error) { return bytecodeAt(snap, pos) }, nil
	case CommandResetSession:
		return func(ctx context.Context) (any, error) {
			d.resetSession()
			return nil, nil
		}, nil
	case CommandRun:
		req := analysis.RunRequest{Kind: analysis.RunFile, Filename: snap.filename, Source: snap.text, FirstLine: 1}
		return s.runner(d, snap, req, p.WorkDoneToken, "Running "+displayName(snap)), nil
	}
	// peephole.runSelection
	var r protocol.Range
	if !arg(1, &r) {
		return nil, errBadArguments(p.Command, "[uri, range]")
	}
	code, echo, first := analysis.SelectionRange(snap.text, snap.mapper().rangeToCore(r))
	req := analysis.RunRequest{Kind: analysis.RunSelection, Filename: snap.filename, Source: code, FirstLine: first, Echo: echo}
	title := fmt.Sprintf("Running line %d of %s", first, displayName(snap))
	if n := strings.Count(strings.TrimRight(string(code), "\n"), "\n"); n > 0 {
		title = fmt.Sprintf("Running lines %d–%d of %s", first, first+n, displayName(snap))
	}
	return s.runner(d, snap, req, p.WorkDoneToken, title), nil
}

// displayName is a short name for a document in progress titles.
func displayName(snap *snapshot) string {
	if snap.filename != snap.uri {
		return filepath.Base(snap.filename)
	}
	return snap.uri
}

// runner returns the function that carries out a run of req on a document.
func (s *Server) runner(d *document, snap *snapshot, req analysis.RunRequest, token json.RawMessage, title string) requestFunc {
	return func(ctx context.Context) (any, error) {
		if s.opts.Runner == nil {
			return nil, jsonrpc2.NewError(codeRequestFailed, analysis.ErrNoRunner.Error())
		}
		// One run per document at a time: a second waits for the first.
		select {
		case d.runSem <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		defer func() { <-d.runSem }()

		set := s.currentSettings()
		req.Timeout = time.Duration(set.TimeoutMs) * time.Millisecond
		req.MaxOutputBytes = set.MaxOutputBytes
		req.AllowWrites = set.AllowWrites
		req.PyLib = set.PyLib
		if req.Kind == analysis.RunSelection {
			req.Session = d.sessionNow()
		}

		runCtx, cancel := context.WithCancel(ctx)
		defer cancel()
		prog := s.startProgress(runCtx, token, title, cancel)
		out := newOutputSink(func(stream, text string) {
			s.notify(MethodOutput, outputParams{URI: d.uri, Stream: stream, Text: text})
		})
		s.log.Info("run", zap.String("uri", d.uri), zap.Int("kind", int(req.Kind)), zap.Int("lines", strings.Count(string(req.Source), "\n")+1))
		res, err := analysis.Execute(runCtx, s.opts.Runner, req, out.write)
		out.close()
		if err != nil {
			prog.end("failed")
			return nil, jsonrpc2.NewError(codeRequestFailed, err.Error())
		}
		prog.end(runSummary(res))
		d.afterRun(s, snap, req, res)
		return s.toRunResult(d, snap, res), nil
	}
}

// runSummary is the message that ends a run's progress.
func runSummary(res analysis.RunResult) string {
	switch {
	case res.TimedOut:
		return "timed out"
	case res.OutputLimited:
		return "stopped: too much output"
	case res.Cancelled:
		return "cancelled"
	case res.Exception != nil:
		return res.Exception.Type
	}
	return fmt.Sprintf("exit code %d", res.ExitCode)
}

// toRunResult converts a run's outcome to its answer.
func (s *Server) toRunResult(d *document, snap *snapshot, res analysis.RunResult) *runResult {
	out := &runResult{Stdout: res.Stdout, Stderr: res.Stderr, DurationMs: res.Duration.Milliseconds(), TimedOut: res.TimedOut}
	if !res.TimedOut && !res.Cancelled {
		out.ExitCode = ptr(res.ExitCode)
	}
	if e := res.Exception; e != nil {
		ej := &runExceptionJ{Type: e.Type, Message: e.Message, Frames: make([]runFrameOut, 0, len(e.Frames))}
		for _, fr := range e.Frames {
			ej.Frames = append(ej.Frames, runFrameOut{URI: frameURI(d, fr.Filename), Line: fr.Line, Name: fr.Name})
		}
		out.Exception = ej
	}
	return out
}

// frameURI is the URI of a traceback frame's file: the document's own URI
// for the document, a file: URI for an absolute path, the name otherwise
// ("<string>", "<frozen …>").
func frameURI(d *document, filename string) string {
	switch {
	case filename == d.filename:
		return d.uri
	case filepath.IsAbs(filename):
		return string(uri.File(filename))
	}
	return filename
}

// sessionNow returns the document's session.
func (d *document) sessionNow() analysis.Session {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.session
}

// resetSession forgets the document's session.
func (d *document) resetSession() {
	d.mu.Lock()
	old := d.session
	d.session = nil
	d.mu.Unlock()
	if old != nil {
		old.Close()
	}
}

// afterRun keeps what a run leaves: its namespace as the document's
// session, and its uncaught exception as a diagnostic while the text is the
// one that ran.
func (d *document) afterRun(s *Server, snap *snapshot, req analysis.RunRequest, res analysis.RunResult) {
	diag, hasDiag := analysis.ExceptionDiagnostic(snap.text, snap.filename, res.Exception)
	d.mu.Lock()
	var old analysis.Session
	if res.Session != nil && res.Session != d.session {
		old, d.session = d.session, res.Session
	}
	closed := false
	republish := false
	if d.snap == snap {
		if hasDiag {
			d.runDiag, d.runSeq = &diag, snap.seq
			republish = true
		} else if d.runDiag != nil {
			d.runDiag = nil
			republish = true
		}
	}
	d.mu.Unlock()
	d.pubMu.Lock()
	closed = d.closed
	d.pubMu.Unlock()
	if old != nil {
		old.Close()
	}
	if closed && res.Session != nil {
		// The document was closed while it ran: nobody will use its
		// session.
		d.resetSession()
	}
	if republish && !closed {
		s.publish(d)
	}
}
