package vm_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/vm"
)

// fakeStreams records what a run streams, in order, as an editor's
// output panel would.
type fakeStreams struct {
	mu     sync.Mutex
	chunks []string // "stdout:text" / "stderr:text"
	onText func(stream, text string)
}

func (f *fakeStreams) out(stream, text string) {
	f.mu.Lock()
	f.chunks = append(f.chunks, stream+":"+text)
	on := f.onText
	f.mu.Unlock()
	if on != nil {
		on(stream, text)
	}
}

func (f *fakeStreams) text(stream string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var b strings.Builder
	for _, c := range f.chunks {
		if s, ok := strings.CutPrefix(c, stream+":"); ok {
			b.WriteString(s)
		}
	}
	return b.String()
}

// sessionStep is one run of a session test.
type sessionStep struct {
	Source string `json:"source"`
	First  int    `json:"first"`
	Echo   bool   `json:"echo"`
}

// sessionResult is one step's outcome, as testdata/session.py prints
// CPython's.
type sessionResult struct {
	Exit      int    `json:"exit"`
	Stdout    string `json:"stdout"`
	Stderr    string `json:"stderr"`
	Exception *struct {
		Type    string  `json:"type"`
		Message string  `json:"message"`
		Frames  [][]any `json:"frames"`
	} `json:"exception"`
}

// sessionScripts are runs of a buffer and of selections in its session:
// namespaces kept, expressions echoed (and `_` set), buffer line numbers
// in tracebacks and exceptions, syntax errors, SystemExit.
var sessionScripts = [][]sessionStep{{
	{Source: "x = 1\ndef f(n):\n    if n > 2:\n        raise ValueError('big')\n    return n * 10\nprint('ran')\n", First: 1},
	{Source: "f(x) + 1\n", First: 7, Echo: true},
	{Source: "_ * 2\n", First: 8, Echo: true},
	{Source: "f(5)\n", First: 9, Echo: true},
	{Source: "x = (\n", First: 10, Echo: true},
	{Source: "x = 41\ny = x + 1\n", First: 11, Echo: true},
	{Source: "y\n", First: 12, Echo: true},
	{Source: "print(x, y)\nNone\n", First: 11, Echo: true},
	{Source: "None\n", First: 11, Echo: true},
	{Source: "[f(1), 'a', {'k': (1, 2.5)}]\n", First: 11, Echo: true},
	{Source: "raise SystemExit(3)\n", First: 13},
	{Source: "class E(Exception):\n    pass\nraise E('custom', 2)\n", First: 14},
	{Source: "def g():\n    return undefined_name\n", First: 17},
	{Source: "g()\n", First: 20, Echo: true},
}, {
	{Source: "def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\n\nfact(20)\n", First: 1, Echo: true},
	{Source: "fact(20)\n", First: 4, Echo: true},
	{Source: "import_me = 3\nimport_me\n", First: 5, Echo: true},
}}

// TestRunSourceSessions runs buffers and selections through RunSource
// and compares each run with what CPython does with them
// (testdata/session.py): stdout, stderr (the lines of carets aside), the
// exit status and the uncaught exception's type, message and frames.
func TestRunSourceSessions(t *testing.T) {
	oracle.Require(t)
	driver, err := filepath.Abs("testdata/session.py")
	if err != nil {
		t.Fatal(err)
	}
	for i, steps := range sessionScripts {
		dir := t.TempDir()
		filename := filepath.Join(dir, "buffer.py")
		spec, _ := json.Marshal(map[string]any{"filename": filename, "steps": steps})
		specPath := filepath.Join(dir, "steps.json")
		if err := os.WriteFile(specPath, spec, 0o644); err != nil {
			t.Fatal(err)
		}
		res := oracle.Run(t, nil, driver, specPath)
		var want []sessionResult
		if err := json.Unmarshal(res.Stdout, &want); err != nil {
			t.Fatalf("session.py: %v\n%s%s", err, res.Stdout, res.Stderr)
		}
		var session *vm.Session
		for j, step := range steps {
			var fs fakeStreams
			out := vm.RunSource(context.Background(), vm.RunOptions{
				Filename: filename, Source: []byte(step.Source), FirstLine: step.First, Echo: step.Echo,
				Session: session, Output: fs.out, Limits: vm.Limits{Timeout: time.Minute},
			})
			if out.Session == nil || (session != nil && out.Session != session) {
				t.Fatalf("script %d step %d: the session was not kept", i, j)
			}
			session = out.Session
			w := want[j]
			gotErr := caretLine.ReplaceAllString(fs.text("stderr"), "")
			wantErr := caretLine.ReplaceAllString(w.Stderr, "")
			if out.Abort != nil || out.ExitCode != w.Exit || fs.text("stdout") != w.Stdout || gotErr != wantErr {
				t.Errorf("script %d step %d %q:\n--- CPython (exit %d)\n%s%s--- peephole (exit %d, abort %v)\n%s%s",
					i, j, step.Source, w.Exit, w.Stdout, wantErr, out.ExitCode, out.Abort, fs.text("stdout"), gotErr)
			}
			switch {
			case w.Exception == nil && out.Exception != nil:
				t.Errorf("script %d step %d: exception %+v, CPython's none", i, j, out.Exception)
			case w.Exception != nil && out.Exception == nil:
				t.Errorf("script %d step %d: no exception, CPython's %+v", i, j, w.Exception)
			case w.Exception != nil:
				var frames [][]any
				for _, f := range out.Exception.Frames {
					frames = append(frames, []any{f.Filename, float64(f.Line), f.Name})
				}
				if out.Exception.Type != w.Exception.Type || out.Exception.Message != w.Exception.Message || !reflect.DeepEqual(frames, w.Exception.Frames) {
					t.Errorf("script %d step %d: exception %s %q %v, CPython's %s %q %v", i, j,
						out.Exception.Type, out.Exception.Message, frames, w.Exception.Type, w.Exception.Message, w.Exception.Frames)
				}
			}
		}
		session.Close()
	}
}

// TestRunSourceStreams: the output reaches the callback as the program
// writes it (line by line), before the run ends; a cancellation from the
// callback stops the run.
func TestRunSourceStreams(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var fs fakeStreams
	fs.onText = func(stream, text string) {
		if strings.Contains(text, "ready") {
			cancel()
		}
	}
	start := time.Now()
	out := vm.RunSource(ctx, vm.RunOptions{
		Filename: "/buffer.py",
		Source: []byte(`import_marker = 1
print("one")
print("ready")
while True:
    pass
`),
		Output: fs.out,
	})
	if out.Abort == nil || out.Abort.Kind != vm.AbortCancelled {
		t.Fatalf("outcome %+v, want a cancellation", out)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the cancellation took %v", d)
	}
	if want := []string{"stdout:one\n", "stdout:ready\n"}; !reflect.DeepEqual(fs.chunks, want) {
		t.Errorf("streamed %q, want %q", fs.chunks, want)
	}

	// stderr is streamed apart, in order with stdout.
	fs = fakeStreams{}
	out = vm.RunSource(context.Background(), vm.RunOptions{
		Filename: "/buffer.py",
		Source:   []byte("import_marker = 1\nprint('a')\nraise ValueError('b')\n"),
		Output:   fs.out,
	})
	if out.ExitCode != 1 || out.Exception == nil || out.Exception.Type != "ValueError" {
		t.Fatalf("outcome %+v", out)
	}
	if len(fs.chunks) < 2 || fs.chunks[0] != "stdout:a\n" || !strings.HasPrefix(fs.chunks[1], "stderr:Traceback") {
		t.Errorf("streamed %q", fs.chunks)
	}
}

// TestRunSourceLimits: timeout, output limit and steps stop a run, and
// the session stays usable after it.
func TestRunSourceLimits(t *testing.T) {
	var fs fakeStreams
	out := vm.RunSource(context.Background(), vm.RunOptions{
		Filename: "/buffer.py", Source: []byte("n = 0\nwhile True:\n    n += 1\n"),
		Output: fs.out, Limits: vm.Limits{Timeout: 100 * time.Millisecond},
	})
	if out.Abort == nil || out.Abort.Kind != vm.AbortTimeout {
		t.Fatalf("outcome %+v, want a timeout", out)
	}
	// The session keeps what the stopped run did, and runs again.
	next := vm.RunSource(context.Background(), vm.RunOptions{
		Filename: "/buffer.py", Source: []byte("n > 0\n"), FirstLine: 4, Echo: true, Session: out.Session, Output: fs.out,
	})
	if next.Abort != nil || next.ExitCode != 0 || fs.text("stdout") != "True\n" {
		t.Errorf("after the timeout: %+v, stdout %q", next, fs.text("stdout"))
	}

	// A run stopped inside an except block leaves nothing behind: the next
	// exception has no context.
	out = vm.RunSource(context.Background(), vm.RunOptions{
		Filename: "/buffer.py", Source: []byte("try:\n    1 / 0\nexcept ZeroDivisionError:\n    while True:\n        pass\n"),
		Session: next.Session, Limits: vm.Limits{Timeout: 50 * time.Millisecond},
	})
	if out.Abort == nil {
		t.Fatalf("outcome %+v, want a timeout", out)
	}
	fs = fakeStreams{}
	next = vm.RunSource(context.Background(), vm.RunOptions{
		Filename: "/buffer.py", Source: []byte("raise ValueError('v')\n"), FirstLine: 6, Session: out.Session, Output: fs.out,
	})
	if strings.Contains(fs.text("stderr"), "During handling") || next.ExitCode != 1 {
		t.Errorf("after a run stopped in an except block:\n%s", fs.text("stderr"))
	}

	// A context's deadline is a timeout too.
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	out = vm.RunSource(ctx, vm.RunOptions{Filename: "/buffer.py", Source: []byte("while True:\n    pass\n")})
	if out.Abort == nil || out.Abort.Kind != vm.AbortTimeout {
		t.Errorf("outcome %+v, want a timeout", out)
	}

	fs = fakeStreams{}
	out = vm.RunSource(context.Background(), vm.RunOptions{
		Filename: "/buffer.py", Source: []byte("while True:\n    print('x' * 99)\n"),
		Output: fs.out, Limits: vm.Limits{MaxOutput: 1000},
	})
	if out.Abort == nil || out.Abort.Kind != vm.AbortOutput || len(fs.text("stdout")) != 1000 {
		t.Errorf("outcome %+v, %d bytes out, want the output limit after 1000", out, len(fs.text("stdout")))
	}

	out = vm.RunSource(context.Background(), vm.RunOptions{
		Filename: "/buffer.py", Source: []byte("def f():\n    f()\nwhile True:\n    try:\n        f()\n    except RecursionError:\n        pass\n"),
		Limits: vm.Limits{MaxSteps: 100000},
	})
	if out.Abort == nil || out.Abort.Kind != vm.AbortSteps {
		t.Errorf("outcome %+v, want the step limit", out)
	}
	var a *vm.Abort
	if !errors.As(error(out.Abort), &a) {
		t.Errorf("the abort is not an error")
	}
}

// TestRunSourceReadOnly: under FSReadOnly a write is refused with
// PermissionError (the run goes on), reads are allowed.
func TestRunSourceReadOnly(t *testing.T) {
	s := vm.RunSource(context.Background(), vm.RunOptions{Filename: "/buffer.py", Source: []byte("pass\n"),
		Limits: vm.Limits{FS: vm.FSReadOnly}}).Session
	defer s.Close()
	th := s.Interp().Thread()
	if err := th.CheckFileAccess("/tmp/x", false); err != nil {
		t.Errorf("a read was refused: %v", err)
	}
	err := th.CheckFileAccess("/tmp/x", true)
	var e *vm.Exception
	if !errors.As(err, &e) {
		t.Fatalf("a write gave %v", err)
	}
	fname, _ := e.Filename.Object().(*vm.Str)
	if e.Type() != vm.PermissionErrorType || e.Errno.SmallInt() != 13 || fname == nil || fname.String() != "/tmp/x" ||
		!strings.HasSuffix(th.FormatException(e), "\npeephole: this run may not write files\n") {
		t.Errorf("a write gave %s", th.FormatException(e))
	}
	if err := vm.RunSource(context.Background(), vm.RunOptions{Filename: "/buffer.py", Source: []byte("pass\n"),
		Session: s, Limits: vm.Limits{FS: vm.FSNone}}); err.ExitCode != 0 {
		t.Fatal(err)
	}
	if err := th.CheckFileAccess("/tmp/x", false); err == nil {
		t.Errorf("FSNone allowed a read")
	}
}

// TestRunSourceInternalError: a failure of the VM itself (here a hook
// that panics) ends the run with AbortInternal, reported on stderr, and
// the embedder goes on; the next run starts a fresh session.
func TestRunSourceInternalError(t *testing.T) {
	first := vm.RunSource(context.Background(), vm.RunOptions{Filename: "/buffer.py", Source: []byte("x = 1\n")})
	first.Session.Interp().Thread().SetTrace(func(*vm.Thread, *vm.TraceEvent) { panic("boom") })
	var fs fakeStreams
	out := vm.RunSource(context.Background(), vm.RunOptions{
		Filename: "/buffer.py", Source: []byte("print(x)\n"), Session: first.Session, Output: fs.out,
	})
	if out.Abort == nil || out.Abort.Kind != vm.AbortInternal || !strings.Contains(fs.text("stderr"), "peephole: internal error (a bug in the VM): boom") {
		t.Fatalf("outcome %+v, stderr %q", out, fs.text("stderr"))
	}
	fs = fakeStreams{}
	next := vm.RunSource(context.Background(), vm.RunOptions{
		Filename: "/buffer.py", Source: []byte("print('x' in globals())\n"), Session: out.Session, Output: fs.out,
	})
	if next.Abort != nil || next.Session == first.Session || fs.text("stdout") != "False\n" {
		t.Errorf("after the internal error: %+v, stdout %q", next, fs.text("stdout"))
	}
}
