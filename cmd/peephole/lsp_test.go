package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

func TestLSPFlags(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		status int
		out    string
	}{
		{[]string{"--bogus"}, 2, "unknown argument"},
		{[]string{"--log-level", "loud"}, 2, "unknown log level"},
		{[]string{"--log-file"}, 2, "needs a file name"},
		{[]string{"--log-level"}, 2, "needs a level"},
		{[]string{"--log-file", "/nonexistent/dir/x.log"}, 1, "no such file"},
	} {
		var stdout, stderr bytes.Buffer
		if got := runLSP(tc.args, strings.NewReader(""), &stdout, &stderr); got != tc.status || !strings.Contains(stderr.String(), tc.out) {
			t.Errorf("%v: status %d, stderr %q; want %d and %q", tc.args, got, stderr.String(), tc.status, tc.out)
		}
		if stdout.Len() != 0 {
			t.Errorf("%v: wrote to stdout %q", tc.args, stdout.String())
		}
	}
	var stdout bytes.Buffer
	if got := runLSP([]string{"--help"}, nil, &stdout, io.Discard); got != 0 || !strings.Contains(stdout.String(), "usage: peephole lsp") {
		t.Errorf("--help: %d %q", got, stdout.String())
	}
}

// lspSession drives runLSP in this process over pipes, with raw frames.
type lspSession struct {
	t      *testing.T
	in     *io.PipeWriter
	out    *bufio.Reader
	status chan int
	mu     sync.Mutex
	notes  []map[string]any
	id     int
}

func startLSP(t *testing.T, args ...string) (*lspSession, *syncBuffer) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	stderr := &syncBuffer{}
	s := &lspSession{t: t, in: inW, out: bufio.NewReader(outR), status: make(chan int, 1)}
	go func() {
		s.status <- runLSP(args, inR, outW, stderr)
		outW.Close()
	}()
	t.Cleanup(func() { inW.Close() })
	return s, stderr
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (s *lspSession) write(msg map[string]any) {
	msg["jsonrpc"] = "2.0"
	b, _ := json.Marshal(msg)
	fmt.Fprintf(s.in, "Content-Length: %d\r\n\r\n%s", len(b), b)
}

// read reads one frame; only frames may reach stdout.
func (s *lspSession) read() map[string]any {
	s.t.Helper()
	length := -1
	for {
		line, err := s.out.ReadString('\n')
		if err != nil {
			s.t.Fatalf("reading stdout: %v", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		v, ok := strings.CutPrefix(line, "Content-Length: ")
		if !ok {
			s.t.Fatalf("stdout carries something that is not a header: %q", line)
		}
		length, _ = strconv.Atoi(v)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.out, body); err != nil {
		s.t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		s.t.Fatalf("stdout carries a frame that is not JSON: %q", body)
	}
	return m
}

// call sends a request and reads until its answer, keeping notifications
// and answering the server's requests with null.
func (s *lspSession) call(method string, params any) map[string]any {
	s.t.Helper()
	s.id++
	id := float64(s.id)
	s.write(map[string]any{"id": id, "method": method, "params": params})
	for {
		m := s.read()
		switch {
		case m["id"] == id && m["method"] == nil:
			return m
		case m["method"] != nil && m["id"] != nil:
			s.write(map[string]any{"id": m["id"], "result": nil})
		case m["method"] != nil:
			s.mu.Lock()
			s.notes = append(s.notes, m)
			s.mu.Unlock()
		}
	}
}

func (s *lspSession) notify(method string, params any) {
	s.write(map[string]any{"method": method, "params": params})
}

func (s *lspSession) exitStatus() int {
	select {
	case code := <-s.status:
		return code
	case <-time.After(60 * time.Second): // a liveness bound: CI is loaded
		s.t.Fatal("peephole lsp did not exit")
		return -1
	}
}

func TestLSPSessionAndLogs(t *testing.T) {
	s, stderr := startLSP(t, "--stdio", "--log-level", "debug")
	init := s.call("initialize", map[string]any{"capabilities": map[string]any{}})
	if name := init["result"].(map[string]any)["serverInfo"].(map[string]any)["name"]; name != "peephole" {
		t.Errorf("serverInfo %v", name)
	}
	s.notify("initialized", map[string]any{})
	s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": "file:///tmp/x.py", "languageId": "python", "version": 1, "text": "x = 1\n"}})
	hover := s.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///tmp/x.py"}, "position": map[string]any{"line": 0, "character": 0}})
	if !strings.Contains(fmt.Sprint(hover["result"]), "STORE_NAME") {
		t.Errorf("hover %v", hover)
	}
	s.call("shutdown", nil)
	s.notify("exit", nil)
	if code := s.exitStatus(); code != 0 {
		t.Errorf("exit status %d after shutdown", code)
	}
	// The logs went to stderr, as JSON lines.
	logs := stderr.String()
	if !strings.Contains(logs, `"msg":"serving"`) || !strings.Contains(logs, `"method":"textDocument/hover"`) {
		t.Errorf("stderr logs: %q", logs)
	}
}

func TestLSPLogFileAndExitStatus(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "lsp.log")
	s, stderr := startLSP(t, "--log-file", logFile)
	s.call("initialize", map[string]any{"capabilities": map[string]any{}})
	s.notify("exit", nil)
	if code := s.exitStatus(); code != 1 {
		t.Errorf("exit status %d without shutdown, want 1", code)
	}
	b, err := os.ReadFile(logFile)
	if err != nil || !strings.Contains(string(b), `"msg":"serving"`) {
		t.Errorf("log file: %q %v", b, err)
	}
	if stderr.String() != "" {
		t.Errorf("stderr with a log file: %q", stderr.String())
	}
	// The end of input ends the server too, with status 1.
	s, _ = startLSP(t)
	s.in.Close()
	if code := s.exitStatus(); code != 1 {
		t.Errorf("exit status %d at the end of input, want 1", code)
	}
}

// TestLSPRunsSeeds runs the seeds through the editor's commands with the
// Runner wired into `peephole lsp`, against `python3.13 FILE`. It skips
// while peephole has no VM.
func TestLSPRunsSeeds(t *testing.T) {
	path, _ := filepath.Abs("../../lsp/testdata/markers/seeds.py")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := startLSP(t)
	s.call("initialize", map[string]any{"capabilities": map[string]any{}})
	uri := "file://" + path
	s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "python", "version": 1, "text": string(src)}})
	res := s.call("workspace/executeCommand", map[string]any{"command": "peephole.run", "arguments": []any{uri}})
	if e, ok := res["error"].(map[string]any); ok {
		if strings.Contains(fmt.Sprint(e["message"]), "not available") {
			t.Skipf("no VM wired into peephole lsp yet: %v", e["message"])
		}
		t.Fatalf("peephole.run: %v", e)
	}
	oracle.Require(t)
	want := oracle.Run(t, nil, path)
	got := res["result"].(map[string]any)
	if got["stdout"] != string(want.Stdout) || got["stderr"] != string(want.Stderr) || got["exitCode"] != float64(want.ExitCode) {
		t.Errorf("peephole.run: %v\nwant stdout %q stderr %q status %d", got, want.Stdout, want.Stderr, want.ExitCode)
	}
	// factorial(5), selected inside print(factorial(5)), echoes 120.
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		if l == "print(factorial(5))" {
			sel := map[string]any{"start": map[string]any{"line": i, "character": 6}, "end": map[string]any{"line": i, "character": 18}}
			res := s.call("workspace/executeCommand", map[string]any{"command": "peephole.runSelection", "arguments": []any{uri, sel}})
			if r, _ := res["result"].(map[string]any); r == nil || r["stdout"] != "120\n" {
				t.Errorf("runSelection of factorial(5): %v", res)
			}
		}
	}
}

func TestLSPGCPercent(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct {
		live uint64
		want int
	}{
		{0, maxGCPercent},
		{1 * mb, maxGCPercent}, // 4 MB×GOGC/100 is the floor already
		{8 * mb, 300},          // 8 + 8×3 = 32
		{15 * mb, 113},
		{16 * mb, 100},
		{200 * mb, 100},
	} {
		if got := gcPercentFor(tc.live); got != tc.want {
			t.Errorf("gcPercentFor(%d MB) = %d, want %d", tc.live/mb, got, tc.want)
		}
	}
	if maxGCPercent*(4*mb)/100 != lspMinHeap {
		t.Errorf("maxGCPercent %d does not put Go's smallest heap goal at the floor", maxGCPercent)
	}
}
