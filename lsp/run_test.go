package lsp

// The run commands' plumbing, with the fake Runner (a test double, see
// fakerunner_test.go): streaming, progress, cancellation by $/cancelRequest
// and by the progress's cancel button, the time and output limits, the
// write policy, sessions and their reset, an uncaught exception as a
// diagnostic, a panicking runner. The real VM's runs are tested in
// cmd/peephole against the oracle.

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/peephole-lsp/peephole/analysis"
)

// runAnswer is a run's answer.
type runAnswer struct {
	Stdout     string `json:"stdout"`
	Stderr     string `json:"stderr"`
	ExitCode   *int   `json:"exitCode"`
	DurationMs int64  `json:"durationMs"`
	TimedOut   bool   `json:"timedOut"`
	Exception  *struct {
		Type    string `json:"type"`
		Message string `json:"message"`
		Frames  []struct {
			URI  string `json:"uri"`
			Line int    `json:"line"`
			Name string `json:"name"`
		} `json:"frames"`
	} `json:"exception"`
}

func runParams(cmd string, args ...any) map[string]any {
	return map[string]any{"command": cmd, "arguments": args}
}

// outputOf joins the peephole/output notifications of a document, from the
// from-th notification on, by stream.
func (c *client) outputOf(from int, uri string) map[string]string {
	out := map[string]string{}
	c.nmu.Lock()
	defer c.nmu.Unlock()
	for _, n := range c.notes[from:] {
		if n.Method != MethodOutput {
			continue
		}
		var p outputParams
		json.Unmarshal(n.Params, &p)
		if p.URI == uri {
			out[p.Stream] += p.Text
		}
	}
	return out
}

func startWithRunner(t *testing.T, r analysis.Runner) *client {
	c := startInProcess(t, Options{Runner: r})
	c.initialize(standardCaps(false))
	return c
}

// configure pushes settings, as an editor does on a change; the client
// answers workspace/configuration with the same.
func (c *client) configure(settings map[string]any) {
	c.cfgMu.Lock()
	c.config = settings
	c.cfgMu.Unlock()
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"peephole": settings}})
}

func TestRunWithoutRunner(t *testing.T) {
	c := startWithRunner(t, nil)
	uri := "file:///tmp/norunner.py"
	c.open(uri, "print(1)\n")
	for _, p := range []map[string]any{
		runParams(CommandRun, uri),
		runParams(CommandRunSelection, uri, lspRange{lspPos{0, 0}, lspPos{0, 8}}),
	} {
		err := c.call("workspace/executeCommand", p, nil)
		e, ok := err.(*rpcError)
		if !ok || e.Code != int64(codeRequestFailed) || !strings.Contains(e.Message, "not available") {
			t.Errorf("%v: %v, want a RequestFailed error saying running is not available", p["command"], err)
		}
	}
	// The other commands work without a runner.
	c.mustCall("workspace/executeCommand", runParams(CommandResetSession, uri), nil)
	var bc bytecodeAnswer
	c.mustCall("workspace/executeCommand", runParams(CommandShowBytecode, uri, lspPos{0, 0}), &bc)
	if bc.Name != "<module>" || len(bc.Instructions) == 0 {
		t.Errorf("showBytecode: %+v", bc)
	}
}

func TestRunStreamsOutputAndProgress(t *testing.T) {
	r := &fakeRunner{}
	c := startWithRunner(t, r)
	uri := "file:///tmp/stream.py"
	src := "print(\"one\")\nprint(\"two\", file=sys.stderr)\nprint(\"three\")\n"
	c.open(uri, src)
	from := c.noteCount()
	var res runAnswer
	c.mustCall("workspace/executeCommand", map[string]any{"command": CommandRun, "arguments": []any{uri}, "workDoneToken": "tok-1"}, &res)
	if res.Stdout != "one\nthree\n" || res.Stderr != "two\n" || res.ExitCode == nil || *res.ExitCode != 0 || res.TimedOut || res.Exception != nil {
		t.Errorf("result %+v", res)
	}
	req := r.lastRequest()
	if req.Kind != analysis.RunFile || string(req.Source) != src || req.Filename != "/tmp/stream.py" || req.FirstLine != 1 ||
		req.Timeout != 10*time.Second || req.MaxOutputBytes != 1<<20 || req.AllowWrites {
		t.Errorf("the runner got %+v", req)
	}
	// The output notifications precede the answer and hold all the output.
	if got := c.outputOf(from, uri); got["stdout"] != res.Stdout || got["stderr"] != res.Stderr {
		t.Errorf("streamed %q, answered %q / %q", got, res.Stdout, res.Stderr)
	}
	var kinds []string
	for _, n := range c.notesOf("$/progress") {
		var p struct {
			Token string `json:"token"`
			Value struct {
				Kind string `json:"kind"`
			} `json:"value"`
		}
		json.Unmarshal(n.Params, &p)
		if p.Token == "tok-1" {
			kinds = append(kinds, p.Value.Kind)
		}
	}
	if strings.Join(kinds, ",") != "begin,end" {
		t.Errorf("progress with the client's token: %v", kinds)
	}
	// Without a token, the server creates one.
	c.mustCall("workspace/executeCommand", runParams(CommandRun, uri), nil)
	if n, _ := c.serverCalls.Load("window/workDoneProgress/create"); n == nil {
		t.Errorf("no window/workDoneProgress/create for a run without a token")
	}
}

func TestRunUnsavedTextAndEdits(t *testing.T) {
	r := &fakeRunner{}
	c := startWithRunner(t, r)
	uri := "untitled:Untitled-1"
	c.open(uri, "print(\"old\")\n")
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": lspRange{lspPos{0, 7}, lspPos{0, 10}}, "text": "new"}},
	})
	var res runAnswer
	c.mustCall("workspace/executeCommand", runParams(CommandRun, uri), &res)
	if res.Stdout != "new\n" {
		t.Errorf("ran %q, want the edited buffer", res.Stdout)
	}
	if req := r.lastRequest(); req.Filename != uri {
		t.Errorf("an untitled buffer runs as %q, want its URI", req.Filename)
	}
}

func TestRunSelectionSession(t *testing.T) {
	r := &fakeRunner{}
	c := startWithRunner(t, r)
	uri := "file:///tmp/session.py"
	src := "x = 5\ndef f():\n    y = 6\n    y\n"
	c.open(uri, src)
	var res runAnswer
	c.mustCall("workspace/executeCommand", runParams(CommandRun, uri), &res)
	// A whole line runs as it is.
	c.mustCall("workspace/executeCommand", runParams(CommandRunSelection, uri, lspRange{lspPos{0, 0}, lspPos{0, 5}}), &res)
	if req := r.lastRequest(); req.Kind != analysis.RunSelection || string(req.Source) != "x = 5\n" || req.Echo || req.FirstLine != 1 {
		t.Errorf("selection request %+v", req)
	}
	// An expression selected within a line is evaluated and echoed.
	c.mustCall("workspace/executeCommand", runParams(CommandRunSelection, uri, lspRange{lspPos{0, 0}, lspPos{0, 1}}), &res)
	if req := r.lastRequest(); string(req.Source) != "x\n" || !req.Echo || req.FirstLine != 1 || res.Stdout != "5\n" {
		t.Errorf("the expression x of line 1: %+v, answered %+v", req, res)
	}
	sel := runParams(CommandRunSelection, uri, lspRange{lspPos{3, 4}, lspPos{3, 5}})
	c.mustCall("workspace/executeCommand", sel, &res)
	req := r.lastRequest()
	if string(req.Source) != "y\n" || !req.Echo || req.FirstLine != 4 {
		t.Errorf("an indented selection: %+v", req)
	}
	if res.Exception == nil || res.Exception.Type != "NameError" || res.Exception.Frames[0].Line != 4 || res.Exception.Frames[0].URI != uri {
		t.Errorf("y is not in the session: %+v", res)
	}
	// Lines 3-4 (ending at the start of line 5) run dedented.
	c.mustCall("workspace/executeCommand", runParams(CommandRunSelection, uri, lspRange{lspPos{2, 0}, lspPos{4, 0}}), &res)
	if req := r.lastRequest(); string(req.Source) != "y = 6\ny\n" || req.Echo || req.FirstLine != 3 {
		t.Errorf("a two-line selection: %+v %q", req, req.Source)
	}
	c.mustCall("workspace/executeCommand", runParams(CommandRunSelection, uri, lspRange{lspPos{3, 4}, lspPos{3, 5}}), &res)
	if res.Stdout != "6\n" {
		t.Errorf("y after the selection bound it: %+v", res)
	}
	// x, from the run of the file.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": src + "x\n"}},
	})
	xsel := runParams(CommandRunSelection, uri, lspRange{lspPos{4, 0}, lspPos{4, 1}})
	c.mustCall("workspace/executeCommand", xsel, &res)
	if res.Stdout != "5\n" || res.Exception != nil {
		t.Errorf("x in the session: %+v", res)
	}
	// After a reset the session is empty, and the old one is closed.
	old := r.lastRequest().Session.(*fakeSession)
	c.mustCall("workspace/executeCommand", runParams(CommandResetSession, uri), nil)
	c.mustCall("workspace/executeCommand", xsel, &res)
	if res.Exception == nil || res.Exception.Type != "NameError" || r.lastRequest().Session != nil {
		t.Errorf("x after a reset: %+v", res)
	}
	if !old.closed {
		t.Errorf("the reset did not close the session")
	}
}

func TestRunTimeoutKeepsServing(t *testing.T) {
	r := &fakeRunner{started: make(chan analysis.RunRequest, 1)}
	c := startWithRunner(t, r)
	c.configure(map[string]any{"run": map[string]any{"timeoutMs": 300}})
	uri := "file:///tmp/loop.py"
	c.open(uri, "x = 1\nwhile True: pass\n")
	_, ch := c.send("workspace/executeCommand", runParams(CommandRun, uri))
	<-r.started
	// Hovers are answered while the program runs.
	for i := 0; i < 20; i++ {
		h, ok := c.hover(uri, lspPos{0, 0})
		if !ok || !strings.Contains(h.Contents.Value, "`x`") {
			t.Fatalf("hover during a run: %v %+v", ok, h)
		}
	}
	m, err := c.wait(ch, noteTimeout)
	if err != nil {
		t.Fatal(err)
	}
	var res runAnswer
	json.Unmarshal(m.Result, &res)
	if !res.TimedOut || res.ExitCode != nil || res.DurationMs < 250 {
		t.Errorf("an endless run: %+v", res)
	}
	if r.stoppedRuns() != 1 {
		t.Errorf("the runner was not stopped")
	}
	if req := r.lastRequest(); req.Timeout != 300*time.Millisecond {
		t.Errorf("timeout %v, want run.timeoutMs", req.Timeout)
	}
}

func TestRunCancelRequest(t *testing.T) {
	r := &fakeRunner{started: make(chan analysis.RunRequest, 1)}
	c := startWithRunner(t, r)
	uri := "file:///tmp/cancel.py"
	c.open(uri, "while True: pass\n")
	id, ch := c.send("workspace/executeCommand", runParams(CommandRun, uri))
	<-r.started
	c.notify("$/cancelRequest", map[string]any{"id": id})
	_, err := c.wait(ch, noteTimeout)
	if e, ok := err.(*rpcError); !ok || e.Code != -32800 {
		t.Fatalf("a cancelled run answered %v, want RequestCancelled", err)
	}
	if r.stoppedRuns() != 1 {
		t.Errorf("the runner was not stopped")
	}
	// A string id, cancelled too.
	ch = c.sendID(json.RawMessage(`"run-2"`), "workspace/executeCommand", runParams(CommandRun, uri))
	<-r.started
	c.notify("$/cancelRequest", map[string]any{"id": "run-2"})
	if _, err := c.wait(ch, noteTimeout); err == nil {
		t.Errorf("a run cancelled by a string id was not cancelled")
	}
}

func TestRunProgressCancel(t *testing.T) {
	r := &fakeRunner{started: make(chan analysis.RunRequest, 1)}
	c := startWithRunner(t, r)
	uri := "file:///tmp/pcancel.py"
	c.open(uri, "print(\"a\")\nwhile True: pass\n")
	ch := c.sendID(json.RawMessage(`7`), "workspace/executeCommand", map[string]any{"command": CommandRun, "arguments": []any{uri}, "workDoneToken": 99})
	<-r.started
	c.notify("window/workDoneProgress/cancel", map[string]any{"token": 99})
	m, err := c.wait(ch, noteTimeout)
	if err != nil {
		t.Fatal(err)
	}
	var res runAnswer
	json.Unmarshal(m.Result, &res)
	if res.ExitCode != nil || res.TimedOut || res.Stdout != "a\n" {
		t.Errorf("a run stopped from its progress: %+v", res)
	}
}

func TestRunOutputLimit(t *testing.T) {
	r := &fakeRunner{}
	c := startWithRunner(t, r)
	c.configure(map[string]any{"run.maxOutputBytes": 100})
	uri := "file:///tmp/spam.py"
	c.open(uri, "for _ in range(100000): print(\"x\")\n")
	from := c.noteCount()
	var res runAnswer
	c.mustCall("workspace/executeCommand", runParams(CommandRun, uri), &res)
	if len(res.Stdout) != 100 || res.ExitCode != nil || !strings.Contains(res.Stderr, "run.maxOutputBytes") {
		t.Errorf("a run past the output limit: stdout %d bytes, %+v", len(res.Stdout), res.ExitCode)
	}
	out := c.outputOf(from, uri)
	if out["stdout"] != res.Stdout {
		t.Errorf("streamed %d bytes, answered %d", len(out["stdout"]), len(res.Stdout))
	}
	if n := len(c.notesOf(MethodOutput)); n > 10 {
		t.Errorf("%d output notifications for 100 bytes: not coalesced", n)
	}
}

func TestRunWritePolicy(t *testing.T) {
	r := &fakeRunner{}
	c := startWithRunner(t, r)
	uri := "file:///tmp/write.py"
	c.open(uri, "open(\"out.txt\", \"w\")\n")
	var res runAnswer
	c.mustCall("workspace/executeCommand", runParams(CommandRun, uri), &res)
	if res.Exception == nil || res.Exception.Type != "PermissionError" {
		t.Errorf("a write by default: %+v", res)
	}
	c.configure(map[string]any{"run": map[string]any{"allowWrites": true}})
	c.mustCall("workspace/executeCommand", runParams(CommandRun, uri), &res)
	if res.Exception != nil || !r.lastRequest().AllowWrites {
		t.Errorf("a write with run.allowWrites: %+v", res)
	}
}

func TestRunExceptionDiagnostic(t *testing.T) {
	r := &fakeRunner{}
	c := startWithRunner(t, r)
	uri := "file:///tmp/raise.py"
	c.open(uri, "x = 1\n\n    \nraise ValueError(\"boom\")\n")
	from := c.noteCount()
	var res runAnswer
	c.mustCall("workspace/executeCommand", runParams(CommandRun, uri), &res)
	if res.ExitCode == nil || *res.ExitCode != 1 || res.Exception == nil || res.Exception.Message != "boom" {
		t.Fatalf("%+v", res)
	}
	d, ok := c.diagnosticsWhere(from, uri, 1, func(d publishedDiagnostics) bool { return len(d.Diagnostics) > 0 })
	if !ok || len(d.Diagnostics) != 1 || d.Diagnostics[0].Code != "ValueError" || d.Diagnostics[0].Message != "ValueError: boom" ||
		d.Diagnostics[0].Range != (lspRange{lspPos{3, 0}, lspPos{3, 24}}) {
		t.Fatalf("the exception's diagnostic: %+v", d)
	}
	// The next edit drops it.
	from = c.noteCount()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": lspRange{lspPos{0, 4}, lspPos{0, 5}}, "text": "2"}},
	})
	d, ok = c.diagnosticsFor(from, uri, 2)
	if !ok || len(d.Diagnostics) != 0 {
		t.Errorf("after an edit: %+v", d)
	}
}

func TestRunPanicKeepsServing(t *testing.T) {
	c := startWithRunner(t, &fakeRunner{})
	uri := "file:///tmp/boom.py"
	c.open(uri, "boom()\n")
	err := c.call("workspace/executeCommand", runParams(CommandRun, uri), nil)
	if e, ok := err.(*rpcError); !ok || e.Code != -32603 || !strings.Contains(e.Message, "exploded") {
		t.Fatalf("a panicking runner: %v, want an internal error", err)
	}
	// The document's run lock was released, and the server still serves.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []any{map[string]any{"text": "print(\"ok\")\n"}}})
	var res runAnswer
	c.mustCall("workspace/executeCommand", runParams(CommandRun, uri), &res)
	if res.Stdout != "ok\n" {
		t.Errorf("a run after the panic: %+v", res)
	}
	if _, ok := c.hover(uri, lspPos{0, 1}); !ok {
		t.Errorf("no hover after the panic")
	}
}

func TestExecuteCommandArguments(t *testing.T) {
	c := startWithRunner(t, &fakeRunner{})
	c.open("file:///tmp/a.py", "x = 1\n")
	for _, p := range []map[string]any{
		runParams("peephole.unknown", "file:///tmp/a.py"),
		runParams(CommandRun),
		runParams(CommandRun, 42),
		runParams(CommandRun, "file:///tmp/not-open.py"),
		runParams(CommandRunSelection, "file:///tmp/a.py"),
		runParams(CommandShowBytecode, "file:///tmp/a.py", "here"),
	} {
		if err := c.call("workspace/executeCommand", p, nil); err == nil {
			t.Errorf("%v: no error", p)
		} else if e, ok := err.(*rpcError); !ok || e.Code != -32602 {
			t.Errorf("%v: %v, want InvalidParams", p, err)
		}
	}
}
