package main

// A minimal LSP client for the benchmark: Content-Length framing, requests
// with the client's own ids, notifications kept with their arrival time,
// and the server's requests (workspace/configuration,
// window/workDoneProgress/create, client/registerCapability) answered as an
// editor answers them.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

type message struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// client is a language server process and the connection to it.
type client struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	wmu  sync.Mutex
	next int

	mu      sync.Mutex
	pending map[string]chan message
	// diags receives each publishDiagnostics with its arrival time.
	diags chan published
	done  chan struct{}
}

// published is one publishDiagnostics notification.
type published struct {
	URI     string
	Version *int
	Count   int
	At      time.Time
}

func start(argv []string, dir string, stderr io.Writer) (*client, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Stderr = stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &client{cmd: cmd, in: in, pending: map[string]chan message{}, diags: make(chan published, 4096), done: make(chan struct{})}
	go c.read(bufio.NewReaderSize(out, 1<<20))
	return c, nil
}

func (c *client) read(r *bufio.Reader) {
	defer close(c.done)
	for {
		length := -1
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		if length < 0 {
			fmt.Fprintln(os.Stderr, "bench: a frame without Content-Length")
			return
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		now := time.Now()
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			continue
		}
		switch {
		case m.Method != "" && m.ID != nil:
			go c.answer(m)
		case m.Method == "textDocument/publishDiagnostics":
			var p struct {
				URI         string            `json:"uri"`
				Version     *int              `json:"version"`
				Diagnostics []json.RawMessage `json:"diagnostics"`
			}
			json.Unmarshal(m.Params, &p)
			c.diags <- published{p.URI, p.Version, len(p.Diagnostics), now}
		case m.Method != "":
		default:
			c.mu.Lock()
			ch := c.pending[string(m.ID)]
			delete(c.pending, string(m.ID))
			c.mu.Unlock()
			if ch != nil {
				ch <- m
			}
		}
	}
}

// answer answers a request of the server.
func (c *client) answer(m message) {
	var result any
	if m.Method == "workspace/configuration" {
		var p struct {
			Items []json.RawMessage `json:"items"`
		}
		json.Unmarshal(m.Params, &p)
		items := make([]any, len(p.Items))
		for i := range items {
			items[i] = map[string]any{}
		}
		result = items
	}
	c.send(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": result})
}

func (c *client) send(msg map[string]any) {
	b, err := json.Marshal(msg)
	if err != nil {
		panic(err)
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n", len(b))
	c.in.Write(b)
}

// call sends a request and waits for its answer; it returns the time the
// answer took.
func (c *client) call(method string, params any) (json.RawMessage, time.Duration, error) {
	c.mu.Lock()
	c.next++
	id := strconv.Itoa(c.next)
	ch := make(chan message, 1)
	c.pending[id] = ch
	c.mu.Unlock()
	start := time.Now()
	c.send(map[string]any{"jsonrpc": "2.0", "id": c.next, "method": method, "params": params})
	select {
	case m := <-ch:
		d := time.Since(start)
		if m.Error != nil {
			return nil, d, fmt.Errorf("%s: %d %s", method, m.Error.Code, m.Error.Message)
		}
		return m.Result, d, nil
	case <-c.done:
		return nil, 0, fmt.Errorf("%s: the server exited", method)
	case <-time.After(2 * time.Minute):
		return nil, 0, fmt.Errorf("%s: no answer in 2 minutes", method)
	}
}

func (c *client) notify(method string, params any) {
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// waitDiagnostics waits for the diagnostics of uri: of version v when the
// server reports versions, else the first published after since.
func (c *client) waitDiagnostics(uri string, v int, since time.Time) (published, error) {
	timeout := time.After(2 * time.Minute)
	for {
		select {
		case p := <-c.diags:
			if p.URI != uri || p.At.Before(since) {
				continue
			}
			if p.Version != nil && *p.Version != v {
				continue
			}
			return p, nil
		case <-timeout:
			return published{}, fmt.Errorf("no diagnostics for version %d in 2 minutes", v)
		case <-c.done:
			return published{}, fmt.Errorf("the server exited")
		}
	}
}

// peakRSS is the process's peak resident set size in bytes (VmHWM), with
// that of its child processes (the largest one) when it has some.
func (c *client) peakRSS() int64 {
	return procPeakRSS(c.cmd.Process.Pid)
}

func procPeakRSS(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return -1
}

// cpuTime is the CPU time (user and system) a process and its children
// (Linux; -1 elsewhere).
func (c *client) cpuTime() time.Duration {
	pid := c.cmd.Process.Pid
	total := procCPU(pid)
	if total < 0 {
		return -1
	}
	for _, child := range childPIDs(pid) {
		if t := procCPU(child); t > 0 {
			total += t
		}
	}
	return total
}

// procCPU is a process's CPU time from /proc/PID/stat (utime and stime,
// in clock ticks of 1/100 s), or -1.
func procCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return -1
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return -1
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return -1
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return -1
	}
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// childPIDs lists a process's children (Linux).
func childPIDs(pid int) []int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	if err != nil {
		return nil
	}
	var out []int
	for _, f := range strings.Fields(string(b)) {
		if n, err := strconv.Atoi(f); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// stop shuts the server down politely, then for good.
func (c *client) stop() {
	done := make(chan struct{})
	go func() {
		c.call("shutdown", nil)
		c.notify("exit", nil)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
	}
	c.in.Close()
	exited := make(chan struct{})
	go func() { c.cmd.Wait(); close(exited) }()
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		c.cmd.Process.Kill()
		<-exited
	}
}
