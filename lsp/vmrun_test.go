package lsp

// Endless programs run from the editor on the real VM: the spawned
// peephole binary (built from this checkout, so cmd/peephole's vmRunner
// runs the code), driven through real JSON-RPC. A run of `while True:
// pass` ends at run.timeoutMs with the timeout outcome, a run that prints
// in its loop too (its output streamed and answered whole), and while they
// run the server answers hovers, each checked against the oracle as the
// marker tests check them (binding kind and the instructions CPython 3.13
// emits). A run cancelled with $/cancelRequest stops the VM: the answer is
// RequestCancelled, the process stops burning CPU, and the next run of the
// document, which waits for the previous one to end, runs.
//
// No speed is asserted: every wait is a liveness bound (noteTimeout), and
// the only figure checked is that a timed-out run lasted about as long as
// its limit.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// spinSource loops forever without output; the defs give hovers something
// of every kind to answer.
const spinSource = `import sys


def add_nums(a, b):
    total = a
    for x in range(b):
        total += x
    return total


def outer(y):
    def inner():
        return y + len(sys.argv)
    return inner


count = add_nums(1, 2)
while True: pass
`

// chattySource prints in its endless loop.
const chattySource = `def step(n):
    return n + 1


n = 0
while True:
    n = step(n)
    print("tick", n)
`

// writeMarkerFile writes src under dir and returns it as a marker file that
// has every name checked.
func writeMarkerFile(t *testing.T, dir, name, src string) *markerFile {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	f := parseMarkers(t, path)
	f.All = true
	return f
}

// hoverProblem hovers a name occurrence and says what differs from the
// oracle's answer ("" when nothing does).
func hoverProblem(c *client, f *markerFile, o *expectOcc) string {
	var raw json.RawMessage
	if err := c.call("textDocument/hover", map[string]any{"textDocument": textDoc(f.URI), "position": f.lspAt(o.Line, o.Col)}, &raw); err != nil {
		return fmt.Sprintf("hover: %v", err)
	}
	var h hoverResult
	if string(raw) == "null" || json.Unmarshal(raw, &h) != nil {
		return fmt.Sprintf("no hover (%s)", raw)
	}
	name, kind := hoverKind(h.Contents.Value)
	switch {
	case name != o.Name:
		return fmt.Sprintf("the hover is about %q:\n%s", name, h.Contents.Value)
	case o.Kind != nil && kind != *o.Kind:
		return fmt.Sprintf("kind %s, CPython's symtable says %s", kind, *o.Kind)
	}
	if got := hoverInstructions(h.Contents.Value); !slices.Equal(got, o.Instructions) {
		return fmt.Sprintf("the hover shows %q, CPython emits %q", got, o.Instructions)
	}
	return ""
}

// hoverWhileRunning hovers the names of f in turn until the run's answer
// arrives, checking each answer; it returns the run's answer and how many
// hovers were answered before it.
func hoverWhileRunning(t *testing.T, c *client, f *markerFile, want *expectFile, run <-chan message) (message, int) {
	t.Helper()
	if len(want.Names) == 0 {
		t.Fatal("the oracle found no names")
	}
	deadline := time.Now().Add(noteTimeout)
	before := 0
	for i := 0; ; i++ {
		select {
		case m, ok := <-run:
			if !ok {
				t.Fatal("the connection closed during the run")
			}
			return m, before
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the run did not end within %v", noteTimeout)
		}
		o := &want.Names[i%len(want.Names)]
		if p := hoverProblem(c, f, o); p != "" {
			t.Errorf("%s:%d:%d %s, hovered during the run: %s", filepath.Base(f.Path), o.Line, o.Col, o.Name, p)
		}
		// Frames arrive in the order the server wrote them: a run's answer
		// not yet delivered was not written before this hover's.
		select {
		case m, ok := <-run:
			if !ok {
				t.Fatal("the connection closed during the run")
			}
			return m, before
		default:
			before++
		}
	}
}

// startVMServer spawns the binary with the given settings, as
// initializationOptions and as the answer to workspace/configuration.
func startVMServer(t *testing.T, settings map[string]any) *client {
	t.Helper()
	c, stderr := startBinary(t, "--stdio")
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("server stderr:\n%s", stderr)
		}
	})
	c.cfgMu.Lock()
	c.config = settings
	c.cfgMu.Unlock()
	c.mustCall("initialize", map[string]any{"processId": nil, "rootUri": nil,
		"capabilities": standardCaps(false), "initializationOptions": settings}, nil)
	c.notify("initialized", map[string]any{})
	return c
}

// requireVM skips when the binary has no runner (it answers that running
// is not available).
func requireVM(t *testing.T, err error) {
	t.Helper()
	if e, ok := err.(*rpcError); ok && strings.Contains(e.Message, "not available") {
		t.Skipf("no VM wired into peephole lsp: %v", e.Message)
	}
}

// waitProgressBegin waits for the begin of the progress with token.
func waitProgressBegin(t *testing.T, c *client, from int, token string) {
	t.Helper()
	_, _, ok := c.waitNote(from, "$/progress", func(p json.RawMessage) bool {
		var v struct {
			Token any `json:"token"`
			Value struct {
				Kind string `json:"kind"`
			} `json:"value"`
		}
		return json.Unmarshal(p, &v) == nil && v.Token == token && v.Value.Kind == "begin"
	}, noteTimeout)
	if !ok {
		t.Fatal("the run's progress did not begin")
	}
}

func TestVMRunTimeoutKeepsServing(t *testing.T) {
	oracle.Require(t)
	dir := t.TempDir()
	files := []*markerFile{
		writeMarkerFile(t, dir, "spin.py", spinSource),
		writeMarkerFile(t, dir, "chatty.py", chattySource),
	}
	want := runExpect(t, files)
	const timeoutMs = 1500
	c := startVMServer(t, map[string]any{"run": map[string]any{"timeoutMs": timeoutMs, "maxOutputBytes": 1 << 30}})
	for i, f := range files {
		t.Run(filepath.Base(f.Path), func(t *testing.T) {
			c.t = t
			defer func() { c.t = t }()
			from := c.open(f.URI, f.Src)
			if _, ok := c.diagnosticsFor(from, f.URI, 1); !ok {
				t.Fatal("no diagnostics")
			}
			token := "run-" + strconv.Itoa(i)
			from = c.noteCount()
			sent := time.Now()
			_, run := c.send("workspace/executeCommand", map[string]any{"command": CommandRun, "arguments": []any{f.URI}, "workDoneToken": token})
			waitProgressBegin(t, c, from, token)
			m, before := hoverWhileRunning(t, c, f, want[f.Path], run)
			elapsed := time.Since(sent)
			if m.Error != nil {
				requireVM(t, m.Error)
				t.Fatalf("peephole.run: %v", m.Error)
			}
			var res runAnswer
			if err := json.Unmarshal(m.Result, &res); err != nil {
				t.Fatal(err)
			}
			t.Logf("%d hovers answered during the run; the run answered after %v, durationMs %d, %d bytes of output", before, elapsed, res.DurationMs, len(res.Stdout))
			if !res.TimedOut || res.ExitCode != nil || res.Exception != nil {
				t.Errorf("an endless run ended with %+v, want timedOut, exitCode null, no exception", res)
			}
			if res.DurationMs < timeoutMs*9/10 {
				t.Errorf("the run lasted %d ms, before run.timeoutMs (%d)", res.DurationMs, timeoutMs)
			}
			if before < 2 {
				t.Errorf("only %d hovers were answered while the program ran", before)
			}
			out := c.outputOf(from, f.URI)
			if out["stdout"] != res.Stdout || out["stderr"] != res.Stderr {
				t.Errorf("streamed %d+%d bytes, answered %d+%d", len(out["stdout"]), len(out["stderr"]), len(res.Stdout), len(res.Stderr))
			}
			if f.Src == chattySource {
				// What was printed is the loop's output up to where it stopped.
				lines := strings.SplitAfter(res.Stdout, "\n")
				if len(lines) < 2 {
					t.Fatalf("the loop printed %q", res.Stdout)
				}
				for k, l := range lines[:len(lines)-1] {
					if l != fmt.Sprintf("tick %d\n", k+1) {
						t.Fatalf("line %d of the output is %q", k+1, l)
					}
				}
				if last := lines[len(lines)-1]; !strings.HasPrefix(fmt.Sprintf("tick %d\n", len(lines)), last) {
					t.Errorf("the output ends with %q", last)
				}
			} else if res.Stdout != "" || res.Stderr != "" {
				t.Errorf("the silent loop wrote %q %q", res.Stdout, res.Stderr)
			}
			// And afterwards, too.
			if p := hoverProblem(c, f, &want[f.Path].Names[0]); p != "" {
				t.Errorf("hover after the run: %s", p)
			}
		})
	}
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit status %d after shutdown and exit", code)
	}
}

// cpuTime is the CPU time a process has used, from /proc (Linux).
func cpuTime(pid int) (time.Duration, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0, false
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	const ticks = 100 // USER_HZ on Linux
	return time.Duration(utime+stime) * time.Second / ticks, true
}

func TestVMRunCancelStopsTheVM(t *testing.T) {
	oracle.Require(t)
	dir := t.TempDir()
	f := writeMarkerFile(t, dir, "cancel.py", spinSource)
	want := runExpect(t, []*markerFile{f})[f.Path]
	// No timeout will stop these runs: only the cancellation can.
	c := startVMServer(t, map[string]any{"run.timeoutMs": 10 * 60 * 1000})
	from := c.open(f.URI, f.Src)
	if _, ok := c.diagnosticsFor(from, f.URI, 1); !ok {
		t.Fatal("no diagnostics")
	}
	for i, id := range []json.RawMessage{json.RawMessage(`41`), json.RawMessage(`"spin-42"`)} {
		token := "cancel-" + strconv.Itoa(i)
		from := c.noteCount()
		run := c.sendID(id, "workspace/executeCommand", map[string]any{"command": CommandRun, "arguments": []any{f.URI}, "workDoneToken": token})
		waitProgressBegin(t, c, from, token)
		// It runs, and hovers are answered.
		for k := 0; k < 5; k++ {
			if p := hoverProblem(c, f, &want.Names[k%len(want.Names)]); p != "" {
				t.Errorf("hover during the run: %s", p)
			}
		}
		select {
		case m := <-run:
			requireVM(t, m.Error)
			t.Fatalf("an endless run ended by itself: %+v", m)
		default:
		}
		c.notify("$/cancelRequest", map[string]any{"id": id})
		_, err := c.wait(run, noteTimeout)
		if e, ok := err.(*rpcError); !ok || e.Code != -32800 {
			t.Fatalf("a cancelled run (id %s) answered %v, want RequestCancelled", id, err)
		}
		// The answer comes once the runner has returned; nothing spins on.
		if runtime.GOOS == "linux" && c.pid > 0 {
			t0, ok0 := cpuTime(c.pid)
			time.Sleep(time.Second)
			t1, ok1 := cpuTime(c.pid)
			if ok0 && ok1 && t1-t0 > 300*time.Millisecond {
				t.Errorf("the server used %v of CPU in the second after the cancellation: the VM still runs", t1-t0)
			}
		}
	}
	// The document's next run waits for the previous one to end: it runs,
	// and prints what CPython prints.
	after := "print('after', sum(range(10)))\n"
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": f.URI, "version": 2},
		"contentChanges": []any{map[string]any{"text": after}},
	})
	path := filepath.Join(dir, "after.py")
	os.WriteFile(path, []byte(after), 0o644)
	wantRun := oracle.Run(t, nil, path)
	var res runAnswer
	c.mustCall("workspace/executeCommand", runParams(CommandRun, f.URI), &res)
	if res.Stdout != string(wantRun.Stdout) || res.ExitCode == nil || *res.ExitCode != wantRun.ExitCode || res.TimedOut {
		t.Errorf("the run after the cancellations: %+v, want stdout %q", res, wantRun.Stdout)
	}
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit status %d after shutdown and exit", code)
	}
}
