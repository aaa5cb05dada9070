package lsp

// The server against clients that misbehave: broken frames and bodies,
// unknown methods and documents, requests out of the lifecycle's order,
// panics, storms of cancellations, huge and deeply nested documents. In
// every case the server answers what can be answered and keeps serving.

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// alive checks that the server still answers a hover on a document.
func alive(t *testing.T, c *client, uri string) {
	t.Helper()
	var raw json.RawMessage
	if err := c.call("textDocument/hover", posParams(uri, 0, 0), &raw); err != nil {
		t.Fatalf("the server no longer serves: %v", err)
	}
	if string(raw) == "null" {
		t.Fatalf("no hover on %s", uri)
	}
}

func TestMalformedMessages(t *testing.T) {
	c := startInProcess(t, Options{})
	c.initialize(nil)
	uri := "file:///tmp/m.py"
	c.open(uri, "x = 1\n")
	alive(t, c, uri)
	for _, tc := range []struct {
		name string
		raw  string
		code int64 // the error answered (0: none)
	}{
		{"not JSON", "Content-Length: 5\r\n\r\n{bad}", -32700},
		{"truncated JSON", "Content-Length: 14\r\n\r\n{\"jsonrpc\":\"2.", -32700},
		{"JSON, not a message", "Content-Length: 9\r\n\r\n{\"foo\":1}", -32600},
		{"an array of junk", "Content-Length: 5\r\n\r\n[1,2]", -1},
		{"an empty array", "Content-Length: 2\r\n\r\n[]", -32600},
		{"wrong version", `Content-Length: 45` + "\r\n\r\n" + `{"jsonrpc":"1.0","id":99,"method":"shutdown"}`, -32600},
		{"no Content-Length", "Content-Type: application/json\r\n\r\n", 0},
		{"a bad Content-Length", "Content-Length: many\r\n\r\n", 0},
		{"a negative Content-Length", "Content-Length: -3\r\n\r\n", 0},
		{"garbage lines", "hello\r\nworld\r\n\r\n", 0},
	} {
		from := c.noteCount()
		c.writeRaw([]byte(tc.raw))
		if tc.code == -1 {
			// JSON-RPC batches are answered with an array of errors.
			if n, _, ok := c.waitNote(from, "<batch response>", nil, noteTimeout); !ok || !strings.Contains(string(n.Params), `"error"`) {
				t.Errorf("%s: answered %s", tc.name, n.Params)
			}
		} else if tc.code != 0 {
			id := "null"
			if strings.Contains(tc.raw, `"id":99`) {
				id = "99"
			}
			n, _, ok := c.waitNote(from, "<response "+id+">", nil, noteTimeout)
			var m message
			if !ok || json.Unmarshal(n.Params, &m) != nil || m.Error == nil || m.Error.Code != tc.code {
				t.Errorf("%s: answered %s, want error %d", tc.name, n.Params, tc.code)
			}
		}
		alive(t, c, uri)
	}
	// A batch is answered as a batch.
	from := c.noteCount()
	batch := `[{"jsonrpc":"2.0","id":"b1","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///tmp/m.py"},"position":{"line":0,"character":0}}},{"jsonrpc":"2.0","id":"b2","method":"nope"}]`
	c.writeRaw([]byte(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(batch), batch)))
	if n, _, ok := c.waitNote(from, "<batch response>", nil, noteTimeout); !ok ||
		!strings.Contains(string(n.Params), `"b1"`) || !strings.Contains(string(n.Params), `-32601`) {
		t.Errorf("a batch answered %s", n.Params)
	}
	alive(t, c, uri)
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

func TestLifecycle(t *testing.T) {
	c := startInProcess(t, Options{})
	uri := "file:///tmp/l.py"
	// Before initialize: requests fail, notifications are dropped.
	if err := c.call("textDocument/hover", posParams(uri, 0, 0), nil); err == nil || err.(*rpcError).Code != -32002 {
		t.Errorf("a request before initialize: %v", err)
	}
	c.open(uri, "x = 1\n")
	res := c.initialize(nil)
	if res["serverInfo"].(map[string]any)["name"] != "peephole" {
		t.Errorf("serverInfo: %v", res["serverInfo"])
	}
	caps := res["capabilities"].(map[string]any)
	if caps["positionEncoding"] != "utf-16" {
		t.Errorf("a client that offers no encoding gets %v", caps["positionEncoding"])
	}
	for _, k := range []string{"hoverProvider", "definitionProvider", "referencesProvider", "documentHighlightProvider",
		"documentSymbolProvider", "codeLensProvider", "renameProvider", "executeCommandProvider", "semanticTokensProvider",
		"inlayHintProvider", "textDocumentSync"} {
		if caps[k] == nil {
			t.Errorf("capability %s missing", k)
		}
	}
	if sync := caps["textDocumentSync"].(map[string]any); sync["change"] != float64(2) {
		t.Errorf("textDocumentSync %v, want incremental", sync)
	}
	var raw json.RawMessage
	c.mustCall("textDocument/hover", posParams(uri, 0, 0), &raw)
	if string(raw) != "null" {
		t.Errorf("a document opened before initialize is known: %s", raw)
	}
	if err := c.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil); err == nil {
		t.Errorf("a second initialize succeeded")
	}
	if err := c.call("no/such/method", nil, nil); err == nil || err.(*rpcError).Code != -32601 {
		t.Errorf("an unknown method: %v", err)
	}
	c.notify("no/such/notification", map[string]any{"x": 1})
	c.notify("$/setTrace", map[string]any{"value": "off"})
	c.mustCall("shutdown", nil, nil)
	if err := c.call("textDocument/hover", posParams(uri, 0, 0), nil); err == nil || err.(*rpcError).Code != -32600 {
		t.Errorf("a request after shutdown: %v", err)
	}
	c.notify("exit", nil)
	if code, ok := c.exitCode(); !ok || code != 0 {
		t.Errorf("exit after shutdown: %d %v", code, ok)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := startInProcess(t, Options{})
	c.initialize(nil)
	c.notify("exit", nil)
	if code, ok := c.exitCode(); !ok || code != 1 {
		t.Errorf("exit without shutdown: %d %v, want 1", code, ok)
	}
}

func TestUnknownDocuments(t *testing.T) {
	c := startInProcess(t, Options{})
	c.initialize(standardCaps(false))
	uri := "file:///tmp/never-opened.py"
	doc := map[string]any{"textDocument": textDoc(uri)}
	for _, m := range []struct {
		method string
		params any
	}{
		{"textDocument/hover", posParams(uri, 0, 0)},
		{"textDocument/definition", posParams(uri, 0, 0)},
		{"textDocument/references", map[string]any{"textDocument": textDoc(uri), "position": pos(0, 0), "context": map[string]any{"includeDeclaration": true}}},
		{"textDocument/documentHighlight", posParams(uri, 0, 0)},
		{"textDocument/documentSymbol", doc},
		{"textDocument/semanticTokens/full", doc},
		{"textDocument/semanticTokens/range", map[string]any{"textDocument": textDoc(uri), "range": lspRange{}}},
		{"textDocument/codeLens", doc},
		{"textDocument/inlayHint", map[string]any{"textDocument": textDoc(uri), "range": lspRange{}}},
		{"textDocument/rename", map[string]any{"textDocument": textDoc(uri), "position": pos(0, 0), "newName": "y"}},
		{"textDocument/prepareRename", posParams(uri, 0, 0)},
	} {
		var raw json.RawMessage
		if err := c.call(m.method, m.params, &raw); err != nil {
			t.Errorf("%s on an unknown document: %v", m.method, err)
		}
	}
	if err := c.call("peephole/bytecode", posParams(uri, 0, 0), nil); err == nil || err.(*rpcError).Code != -32602 {
		t.Errorf("peephole/bytecode on an unknown document: %v", err)
	}
	// Changes and closes of unknown documents are ignored.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": "x"}}})
	c.notify("textDocument/didClose", doc)
	// Bad parameters are invalid params.
	for _, p := range []any{nil, "text", []int{1}, map[string]any{"textDocument": 3}} {
		if err := c.call("textDocument/hover", p, nil); err == nil || err.(*rpcError).Code != -32602 {
			t.Errorf("hover with params %v: %v", p, err)
		}
	}
	c.open("file:///tmp/k.py", "x = 1\n")
	alive(t, c, "file:///tmp/k.py")
}

func TestPanicsAreRecovered(t *testing.T) {
	var mu sync.Mutex
	panics := 0
	c := startInProcess(t, Options{onMessage: func(method string) {
		if strings.HasPrefix(method, "test/panic") {
			mu.Lock()
			panics++
			mu.Unlock()
			panic("a bug in a handler: " + method)
		}
	}})
	c.initialize(nil)
	uri := "file:///tmp/p.py"
	c.open(uri, "x = 1\n")
	for i := 0; i < 3; i++ {
		err := c.call("test/panicRequest", nil, nil)
		if e, ok := err.(*rpcError); !ok || e.Code != -32603 || !strings.Contains(e.Message, "a bug in a handler") {
			t.Errorf("a panicking request answered %v, want an internal error", err)
		}
		c.notify("test/panicNotification", nil)
		alive(t, c, uri)
	}
	mu.Lock()
	defer mu.Unlock()
	if panics != 6 {
		t.Errorf("%d panics, want 6", panics)
	}
}

func TestCancellationStorm(t *testing.T) {
	c := startInProcess(t, Options{})
	c.initialize(nil)
	uri := "file:///tmp/storm.py"
	var b strings.Builder
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&b, "def f%d(a, b):\n    return a + b * %d\n", i, i)
	}
	c.open(uri, b.String())
	const n = 400
	var chans []<-chan message
	for i := 0; i < n; i++ {
		id, ch := c.send("textDocument/hover", posParams(uri, (i*7)%4000, 11))
		chans = append(chans, ch)
		c.notify("$/cancelRequest", map[string]any{"id": id})
		// Cancellations of requests that never were, and of odd ids.
		c.notify("$/cancelRequest", map[string]any{"id": 1000000 + i})
		c.notify("$/cancelRequest", map[string]any{"id": fmt.Sprintf("ghost-%d", i)})
		c.notify("$/cancelRequest", map[string]any{"id": nil})
		c.notify("$/cancelRequest", nil)
	}
	cancelled, answered := 0, 0
	for _, ch := range chans {
		_, err := c.wait(ch, noteTimeout)
		switch e := err.(type) {
		case nil:
			answered++
		case *rpcError:
			if e.Code != -32800 {
				t.Fatalf("error %v, want a result or RequestCancelled", e)
			}
			cancelled++
		default:
			t.Fatalf("a request was never answered: %v", err)
		}
	}
	t.Logf("%d requests: %d cancelled, %d answered", n, cancelled, answered)
	alive(t, c, uri)
}

func TestHugeDocuments(t *testing.T) {
	c := startInProcess(t, Options{})
	lg := legendOf(t, c.initialize(standardCaps(false)))

	// 50,000 lines.
	var b strings.Builder
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&b, "def f%d(a):\n    b = a + %d\n    return b\n\nx%d = f%d(1)\n", i, i, i, i)
	}
	uri := "file:///tmp/huge.py"
	from := c.open(uri, b.String())
	if d, ok := c.diagnosticsFor(from, uri, 1); !ok || len(d.Diagnostics) != 0 {
		t.Fatalf("diagnostics of a huge valid file: %v %d", ok, len(d.Diagnostics))
	}
	h, ok := c.hover(uri, lspPos{49996, 4})
	if !ok || !strings.Contains(h.Contents.Value, "STORE_FAST") {
		t.Errorf("a hover at the end of a huge file: %+v", h)
	}
	if toks := c.semanticTokens(t, uri, lg, nil); len(toks) < 70000 {
		t.Errorf("%d semantic tokens", len(toks))
	}

	// Nesting far past CPython's limits: errors, never a crash.
	for name, src := range map[string]string{
		"parens":           strings.Repeat("(", 100000) + "\n",
		"calls":            "x = " + strings.Repeat("f(", 5000) + strings.Repeat(")", 5000) + "\n",
		"binops":           "x = 1" + strings.Repeat(" + 1", 200000) + "\n",
		"indents":          deepIndent(300),
		"lambdas":          "x = " + strings.Repeat("lambda: ", 3000) + "1\n",
		"one line of 4 MB": "x = '" + strings.Repeat("a", 4<<20) + "'\n",
	} {
		uri := "file:///tmp/" + strings.ReplaceAll(name, " ", "_") + ".py"
		from := c.open(uri, src)
		if _, ok := c.diagnosticsFor(from, uri, 1); !ok {
			t.Errorf("%s: no diagnostics", name)
		}
		var raw json.RawMessage
		if err := c.call("textDocument/hover", posParams(uri, 0, 2), &raw); err != nil {
			t.Errorf("%s: hover: %v", name, err)
		}
		c.semanticTokens(t, uri, lg, nil)
		c.notify("textDocument/didClose", map[string]any{"textDocument": textDoc(uri)})
	}
	alive(t, c, uri)
}

// deepIndent is a def nested n levels deep.
func deepIndent(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%sdef f%d():\n", strings.Repeat(" ", i), i)
	}
	fmt.Fprintf(&b, "%sreturn 1\n", strings.Repeat(" ", n))
	return b.String()
}

// TestLyingContentLength claims a huge body and closes the connection:
// the server does not reserve memory for what never comes, and stops.
func TestLyingContentLength(t *testing.T) {
	c := startInProcess(t, Options{})
	c.initialize(nil)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c.writeRaw([]byte("Content-Length: 200000000\r\n\r\n{\"jsonrpc\":"))
	time.Sleep(50 * time.Millisecond)
	runtime.ReadMemStats(&after)
	if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 50<<20 {
		t.Errorf("the heap grew by %d MB for a body that never came", grown>>20)
	}
	c.stop()
	if _, ok := c.exitCode(); !ok {
		t.Errorf("the server did not stop")
	}
}
