package lsp

// This file is the tests' LSP client: a small JSON-RPC peer of its own that
// speaks to the server through real frames, either in process (over a pipe,
// with lsp.Serve) or to the spawned peephole binary (over its stdin and
// stdout). It writes any frame it is asked to, malformed ones included,
// chooses request ids itself (so that tests can cancel them), records every
// notification, and answers the server's requests (workspace/configuration,
// window/workDoneProgress/create) as an editor would.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// message is any JSON-RPC message, as the client sees it.
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

// rpcError is a JSON-RPC error.
type rpcError struct {
	Code    int64           `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data,omitempty"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("jsonrpc error %d: %s", e.Code, e.Message) }

// note is a notification the server sent.
type note struct {
	Method string
	Params json.RawMessage
	At     time.Time
}

// client is a test LSP client.
type client struct {
	t   testing.TB
	w   io.WriteCloser
	wmu sync.Mutex

	nextID  atomic.Int64
	pmu     sync.Mutex
	pending map[string]chan message

	nmu   sync.Mutex
	notes []note
	ncond *sync.Cond

	// config answers workspace/configuration (the "peephole" section).
	cfgMu  sync.Mutex
	config any
	// serverCalls counts the server's requests by method.
	serverCalls sync.Map

	// pid is the spawned server's process id (0 in process).
	pid int

	done     chan struct{} // closed when the read loop ends
	exitCode func() (int, bool)
	stop     func()
}

// startInProcess starts a server on a pipe in this process.
func startInProcess(t testing.TB, opts Options) *client {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = testLogger(t)
	}
	srvConn, cliConn := net.Pipe()
	codeCh := make(chan int, 1)
	go func() { codeCh <- Serve(context.Background(), srvConn, opts) }()
	c := newClient(t, cliConn, cliConn)
	var code atomic.Int64
	code.Store(-1)
	c.exitCode = func() (int, bool) {
		if v := code.Load(); v >= 0 {
			return int(v), true
		}
		select {
		case v := <-codeCh:
			code.Store(int64(v))
		case <-time.After(5 * time.Second):
		}
		v := code.Load()
		return int(v), v >= 0
	}
	c.stop = func() {
		cliConn.Close()
		c.exitCode() // Serve has returned: no more logs
	}
	t.Cleanup(func() { c.stop() })
	return c
}

// testLogger logs to the test's output at warning level and above (set
// PEEPHOLE_LSP_DEBUG=1 for everything), and drops what comes after the
// test (testing panics on a late log).
func testLogger(t testing.TB) *zap.Logger {
	level := zap.WarnLevel
	if os.Getenv("PEEPHOLE_LSP_DEBUG") != "" {
		level = zap.DebugLevel
	}
	w := &testLogWriter{t: t}
	t.Cleanup(func() {
		w.mu.Lock()
		w.done = true
		w.mu.Unlock()
	})
	enc := zap.NewDevelopmentEncoderConfig()
	return zap.New(zapcore.NewCore(zapcore.NewConsoleEncoder(enc), zapcore.AddSync(w), level))
}

// testLogWriter writes log lines to a test's log while the test runs.
type testLogWriter struct {
	mu   sync.Mutex
	t    testing.TB
	done bool
}

func (w *testLogWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		w.t.Log(strings.TrimRight(string(p), "\n"))
	}
	return len(p), nil
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

// peepholeBinary builds cmd/peephole once per test binary.
func peepholeBinary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "peephole-lsp-test")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "peephole")
		cmd := exec.Command("go", "build", "-o", binPath, "github.com/peephole-lsp/peephole/cmd/peephole")
		out, err := cmd.CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// startBinary spawns `peephole lsp` with extra arguments.
func startBinary(t testing.TB, args ...string) (*client, *bytes.Buffer) {
	t.Helper()
	bin := peepholeBinary(t)
	cmd := exec.Command(bin, append([]string{"lsp"}, args...)...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &syncWriter{w: &stderr}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, stdout, stdin)
	c.pid = cmd.Process.Pid
	waited := make(chan struct{})
	var state *os.ProcessState
	go func() { cmd.Wait(); state = cmd.ProcessState; close(waited) }()
	c.exitCode = func() (int, bool) {
		select {
		case <-waited:
			return state.ExitCode(), true
		case <-time.After(10 * time.Second):
			return -1, false
		}
	}
	c.stop = func() {
		stdin.Close()
		select {
		case <-waited:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-waited
		}
	}
	t.Cleanup(func() { c.stop() })
	return c, &stderr
}

// syncWriter is a writer safe for concurrent use.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func newClient(t testing.TB, r io.Reader, w io.WriteCloser) *client {
	c := &client{t: t, w: w, pending: map[string]chan message{}, done: make(chan struct{})}
	c.ncond = sync.NewCond(&c.nmu)
	go c.readLoop(bufio.NewReader(r))
	return c
}

// readLoop reads the server's frames.
func (c *client) readLoop(r *bufio.Reader) {
	defer func() {
		close(c.done)
		c.nmu.Lock()
		c.ncond.Broadcast()
		c.nmu.Unlock()
		c.pmu.Lock()
		for id, ch := range c.pending {
			close(ch)
			delete(c.pending, id)
		}
		c.pmu.Unlock()
	}()
	for {
		body, err := readFrame(r)
		if err != nil {
			return
		}
		if t := bytes.TrimSpace(body); len(t) > 0 && t[0] == '[' {
			// A batch's answer: recorded whole.
			c.nmu.Lock()
			c.notes = append(c.notes, note{"<batch response>", body, time.Now()})
			c.ncond.Broadcast()
			c.nmu.Unlock()
			continue
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("the server sent a frame that is not JSON: %q", body)
			return
		}
		switch {
		case m.Method != "" && m.ID != nil:
			go c.answerServer(m)
		case m.Method != "":
			c.nmu.Lock()
			c.notes = append(c.notes, note{m.Method, m.Params, time.Now()})
			c.ncond.Broadcast()
			c.nmu.Unlock()
		default:
			c.pmu.Lock()
			ch := c.pending[string(m.ID)]
			delete(c.pending, string(m.ID))
			c.pmu.Unlock()
			if ch != nil {
				ch <- m
			} else {
				c.nmu.Lock()
				c.notes = append(c.notes, note{"<response " + string(m.ID) + ">", body, time.Now()})
				c.ncond.Broadcast()
				c.nmu.Unlock()
			}
		}
	}
}

// readFrame reads one Content-Length frame.
func readFrame(r *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if length < 0 {
				return nil, fmt.Errorf("a frame without Content-Length")
			}
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			length, err = strconv.Atoi(v)
			if err != nil {
				return nil, err
			}
		}
	}
	body := make([]byte, length)
	_, err := io.ReadFull(r, body)
	return body, err
}

// answerServer answers a request of the server.
func (c *client) answerServer(m message) {
	n, _ := c.serverCalls.LoadOrStore(m.Method, new(atomic.Int64))
	n.(*atomic.Int64).Add(1)
	var result any
	switch m.Method {
	case "workspace/configuration":
		c.cfgMu.Lock()
		cfg := c.config
		c.cfgMu.Unlock()
		result = []any{cfg}
	}
	b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": result})
	c.writeFrame(b)
}

// writeFrame writes one frame with the given body.
func (c *client) writeFrame(body []byte) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n", len(body))
	c.w.Write(body)
}

// writeRaw writes bytes as they are.
func (c *client) writeRaw(b []byte) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.w.Write(b)
}

// send sends a request with the id chosen by the client and returns a
// channel for its response.
func (c *client) send(method string, params any) (id int64, resp <-chan message) {
	id = c.nextID.Add(1)
	return id, c.sendID(json.RawMessage(strconv.FormatInt(id, 10)), method, params)
}

// sendID sends a request with a given id.
func (c *client) sendID(id json.RawMessage, method string, params any) <-chan message {
	ch := make(chan message, 1)
	c.pmu.Lock()
	c.pending[string(id)] = ch
	c.pmu.Unlock()
	msg := map[string]any{"jsonrpc": "2.0", "id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	b, err := json.Marshal(msg)
	if err != nil {
		c.t.Fatal(err)
	}
	c.writeFrame(b)
	return ch
}

// wait waits for a response.
func (c *client) wait(resp <-chan message, timeout time.Duration) (message, error) {
	select {
	case m, ok := <-resp:
		if !ok {
			return message{}, fmt.Errorf("the connection closed before the response")
		}
		if m.Error != nil {
			return m, m.Error
		}
		return m, nil
	case <-time.After(timeout):
		return message{}, fmt.Errorf("no response in %v", timeout)
	}
}

// call sends a request and decodes its result into result (if not nil).
func (c *client) call(method string, params, result any) error {
	c.t.Helper()
	_, ch := c.send(method, params)
	m, err := c.wait(ch, noteTimeout)
	if err != nil {
		return err
	}
	if result != nil {
		if err := json.Unmarshal(m.Result, result); err != nil {
			return fmt.Errorf("decoding the result of %s (%s): %v", method, m.Result, err)
		}
	}
	return nil
}

// mustCall is call that fails the test on error.
func (c *client) mustCall(method string, params, result any) {
	c.t.Helper()
	if err := c.call(method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// notify sends a notification.
func (c *client) notify(method string, params any) {
	msg := map[string]any{"jsonrpc": "2.0", "method": method}
	if params != nil {
		msg["params"] = params
	}
	b, err := json.Marshal(msg)
	if err != nil {
		c.t.Fatal(err)
	}
	c.writeFrame(b)
}

// waitNote waits for a notification of method (after the first `from`
// notifications) for which match is true, and returns it and its index.
func (c *client) waitNote(from int, method string, match func(json.RawMessage) bool, timeout time.Duration) (note, int, bool) {
	deadline := time.Now().Add(timeout)
	timer := time.AfterFunc(timeout, func() {
		c.nmu.Lock()
		c.ncond.Broadcast()
		c.nmu.Unlock()
	})
	defer timer.Stop()
	c.nmu.Lock()
	defer c.nmu.Unlock()
	for i := from; ; {
		for ; i < len(c.notes); i++ {
			n := c.notes[i]
			if n.Method == method && (match == nil || match(n.Params)) {
				return n, i, true
			}
		}
		select {
		case <-c.done:
			return note{}, -1, false
		default:
		}
		if time.Now().After(deadline) {
			return note{}, -1, false
		}
		c.ncond.Wait()
	}
}

// noteCount is the number of notifications received so far.
func (c *client) noteCount() int {
	c.nmu.Lock()
	defer c.nmu.Unlock()
	return len(c.notes)
}

// notesOf returns the notifications of a method received so far.
func (c *client) notesOf(method string) []note {
	c.nmu.Lock()
	defer c.nmu.Unlock()
	var out []note
	for _, n := range c.notes {
		if n.Method == method {
			out = append(out, n)
		}
	}
	return out
}

// initialize runs the handshake with the given client capabilities (nil
// for a plain client that speaks UTF-16).
func (c *client) initialize(caps map[string]any) map[string]any {
	c.t.Helper()
	if caps == nil {
		caps = map[string]any{}
	}
	var res map[string]any
	c.mustCall("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": caps}, &res)
	c.notify("initialized", map[string]any{})
	return res
}

// standardCaps are the capabilities of a capable editor.
func standardCaps(utf8 bool) map[string]any {
	caps := map[string]any{
		"window":    map[string]any{"workDoneProgress": true},
		"workspace": map[string]any{"configuration": true},
		"textDocument": map[string]any{
			"hover":          map[string]any{"contentFormat": []string{"markdown", "plaintext"}},
			"rename":         map[string]any{"prepareSupport": true},
			"documentSymbol": map[string]any{"hierarchicalDocumentSymbolSupport": true},
		},
	}
	if utf8 {
		caps["general"] = map[string]any{"positionEncodings": []string{"utf-8", "utf-16"}}
	}
	return caps
}

// open opens a document and returns the notification count before it.
func (c *client) open(uri, text string) int {
	n := c.noteCount()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "python", "version": 1, "text": text}})
	return n
}

// diagnosticsFor waits for the diagnostics of a document's version.
func (c *client) diagnosticsFor(from int, uri string, version int) (publishedDiagnostics, bool) {
	return c.diagnosticsWhere(from, uri, version, nil)
}

// diagnosticsWhere waits for diagnostics of a document's version (any
// version if negative) that satisfy match (if not nil).
func (c *client) diagnosticsWhere(from int, uri string, version int, match func(publishedDiagnostics) bool) (publishedDiagnostics, bool) {
	var out publishedDiagnostics
	_, _, ok := c.waitNote(from, "textDocument/publishDiagnostics", func(p json.RawMessage) bool {
		var d publishedDiagnostics
		if json.Unmarshal(p, &d) != nil || d.URI != uri || (version >= 0 && d.Version != version) {
			return false
		}
		if match != nil && !match(d) {
			return false
		}
		out = d
		return true
	}, noteTimeout)
	return out, ok
}

// shutdown ends the session properly and returns the exit status.
func (c *client) shutdown() int {
	c.t.Helper()
	c.mustCall("shutdown", nil, nil)
	c.notify("exit", nil)
	code, ok := c.exitCode()
	if !ok {
		c.t.Fatal("the server did not exit after exit")
	}
	return code
}

// publishedDiagnostics are the parameters of publishDiagnostics.
type publishedDiagnostics struct {
	URI         string       `json:"uri"`
	Version     int          `json:"version"`
	Diagnostics []diagnostic `json:"diagnostics"`
}

type diagnostic struct {
	Range    lspRange `json:"range"`
	Severity int      `json:"severity"`
	Code     string   `json:"code"`
	Source   string   `json:"source"`
	Message  string   `json:"message"`
}

type lspPos struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start lspPos `json:"start"`
	End   lspPos `json:"end"`
}

func pos(line, char int) map[string]any { return map[string]any{"line": line, "character": char} }

func textDoc(uri string) map[string]any { return map[string]any{"uri": uri} }

func posParams(uri string, line, char int) map[string]any {
	return map[string]any{"textDocument": textDoc(uri), "position": pos(line, char)}
}

// hoverResult is a hover's answer.
type hoverResult struct {
	Contents struct {
		Kind  string `json:"kind"`
		Value string `json:"value"`
	} `json:"contents"`
	Range *lspRange `json:"range"`
}

// noteTimeout bounds the wait for a notification. It is a liveness bound,
// not a speed target (bench/lsp measures speed): CI runs the packages'
// tests side by side on two cores, and a 50,000-line document's first
// analysis can take seconds there.
const noteTimeout = 60 * time.Second
