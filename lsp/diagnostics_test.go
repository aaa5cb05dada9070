package lsp

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// syntaxCases are broken buffers: CPython's parser, symbol table and
// compiler each reject some of them.
var syntaxCases = []string{
	"x = (1,\n",
	"def f(:\n    pass\n",
	"if x\n    pass\n",
	"print 'hello'\n",
	"  x = 1\n",
	"def f():\nreturn 1\n",
	"x = 1 +* 2\n",
	"é = 1 +* 2\n",
	"f(a for a in b, c)\n",
	"def f(a, a): pass\n",
	"nonlocal x\n",
	"return 1\n",
	"break\n",
	"def f():\n    x = 1\n    global x\n",
	"b = [x for x in range(3)] = 5\n",
	"x = '''abc\n",
	"if True:\n\tx = 1\n        y = 2\n",
	"f'{x!z}'\n",
	"await x\n",
	"😀 = 1\n",
	"class C:\n    def f(self):\n        nonlocal x\n",
	"def f():\n    yield = 3\n",
	"x = 1\ndel f()\n",
	"for x in range(3):\n    pass\nelse:\n    continue\n",
	"lambda: (yield)\nasync def g():\n    yield from x\n",
	"def f[T, T](): pass\n",
}

// TestSyntaxDiagnostics checks that each broken buffer's diagnostics
// include CPython's SyntaxError: its class, message and range (CPython's
// 1-based character offsets, converted to the protocol's UTF-16).
func TestSyntaxDiagnostics(t *testing.T) {
	oracle.Require(t)
	const script = `
import json, sys
out = []
for src in json.load(sys.stdin):
    try:
        compile(src, "x.py", "exec")
        out.append(None)
    except SyntaxError as e:
        out.append({"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                    "end_lineno": e.end_lineno, "end_offset": e.end_offset})
json.dump(out, sys.stdout)
`
	in, _ := json.Marshal(syntaxCases)
	r := oracle.Run(t, in, "-c", script)
	if r.ExitCode != 0 {
		t.Fatalf("oracle: %s", r.Stderr)
	}
	var want []*struct {
		Type      string `json:"type"`
		Msg       string `json:"msg"`
		Lineno    int    `json:"lineno"`
		Offset    *int   `json:"offset"`
		EndLineno *int   `json:"end_lineno"`
		EndOffset *int   `json:"end_offset"`
	}
	if err := json.Unmarshal(r.Stdout, &want); err != nil {
		t.Fatal(err)
	}
	c := startInProcess(t, Options{})
	c.initialize(nil)
	for i, src := range syntaxCases {
		w := want[i]
		if w == nil {
			t.Errorf("%q: CPython compiles it", src)
			continue
		}
		uri := fmt.Sprintf("file:///tmp/syntax%d.py", i)
		from := c.open(uri, src)
		d, ok := c.diagnosticsFor(from, uri, 1)
		if !ok {
			t.Fatalf("%q: no diagnostics", src)
		}
		lines := strings.Split(src, "\n")
		// charToUTF16 converts CPython's 1-based character offset on a
		// line to a protocol character.
		charToUTF16 := func(line, offset int) int {
			if line < 1 || line > len(lines) {
				return -1
			}
			n, chars := 0, 0
			for _, r := range lines[line-1] {
				if chars == offset-1 {
					break
				}
				chars++
				n += utf8.RuneLen(r)
			}
			return utf16Col(lines[line-1], n)
		}
		found := false
		var got []string
		for _, dg := range d.Diagnostics {
			got = append(got, fmt.Sprintf("%s %q %v", dg.Code, dg.Message, dg.Range))
			if dg.Code != w.Type || dg.Message != w.Msg || dg.Severity != 1 || dg.Range.Start.Line != w.Lineno-1 {
				continue
			}
			if w.Offset != nil && *w.Offset > 0 && dg.Range.Start.Character != charToUTF16(w.Lineno, *w.Offset) {
				continue
			}
			if w.EndLineno != nil && w.EndOffset != nil && *w.EndOffset > 0 &&
				(dg.Range.End.Line != *w.EndLineno-1 || dg.Range.End.Character != charToUTF16(*w.EndLineno, *w.EndOffset)) {
				continue
			}
			found = true
		}
		if !found {
			t.Errorf("%q: CPython says %s %q at %d:%v-%v:%v; the diagnostics are\n  %s", src, w.Type, w.Msg, w.Lineno, deref(w.Offset), deref(w.EndLineno), deref(w.EndOffset), strings.Join(got, "\n  "))
		}
	}
}

// TestEveryErrorOfABrokenBuffer checks that the editor mode reports the
// errors after the first, and that the names around them still resolve.
func TestEveryErrorOfABrokenBuffer(t *testing.T) {
	c := startInProcess(t, Options{})
	c.initialize(nil)
	uri := "file:///tmp/broken.py"
	src := "x = 1 +\n\ndef f(a):\n    return a *\n\nfor i in:\n    pass\n\ny = x\n"
	from := c.open(uri, src)
	d, _ := c.diagnosticsFor(from, uri, 1)
	lines := map[int]bool{}
	for _, dg := range d.Diagnostics {
		if dg.Severity == 1 {
			lines[dg.Range.Start.Line] = true
		}
	}
	if len(lines) < 2 {
		t.Errorf("errors on lines %v, want several: %+v", lines, d.Diagnostics)
	}
	h, ok := c.hover(uri, lspPos{8, 4})
	if name, kind := hoverKind(h.Contents.Value); !ok || name != "x" || kind != "global" {
		t.Errorf("a hover past an error: %q", h.Contents.Value)
	}
}

// TestDiagnosticsNeverStale sends a burst of edits: the diagnostics
// published are those of the versions they name, in increasing order,
// the last edit's among them, and the burst is debounced.
func TestDiagnosticsNeverStale(t *testing.T) {
	c := startInProcess(t, Options{})
	c.initialize(nil)
	uri := "file:///tmp/burst.py"
	version := func(v int) string {
		// Version v has its one error on line v.
		return strings.Repeat("x = 1\n", v-1) + "y = (\n"
	}
	from := c.open(uri, version(1))
	c.diagnosticsFor(from, uri, 1)
	from = c.noteCount()
	const n = 60
	for v := 2; v <= n; v++ {
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"range": lspRange{lspPos{v - 2, 0}, lspPos{v - 2, 0}}, "text": "x = 1\n"}},
		})
		if v%10 == 0 {
			time.Sleep(40 * time.Millisecond) // a pause in the typing
		}
	}
	if _, ok := c.diagnosticsFor(from, uri, n); !ok {
		t.Fatalf("the last version's diagnostics were not published")
	}
	last := 0
	count := 0
	for _, note := range c.notesOf("textDocument/publishDiagnostics")[1:] {
		var d publishedDiagnostics
		json.Unmarshal(note.Params, &d)
		if d.URI != uri {
			continue
		}
		count++
		if d.Version <= last {
			t.Errorf("version %d published after version %d", d.Version, last)
		}
		last = d.Version
		if len(d.Diagnostics) == 0 || d.Diagnostics[0].Range.Start.Line != d.Version-1 {
			t.Errorf("version %d published with diagnostics %+v", d.Version, d.Diagnostics)
		}
	}
	if count >= n/2 {
		t.Errorf("%d publications for %d edits: not debounced", count, n-1)
	}
	t.Logf("%d edits, %d publications", n-1, count)
	// After a close, the diagnostics are cleared.
	from = c.noteCount()
	c.notify("textDocument/didClose", map[string]any{"textDocument": textDoc(uri)})
	if _, _, ok := c.waitNote(from, "textDocument/publishDiagnostics", func(p json.RawMessage) bool {
		var d publishedDiagnostics
		return json.Unmarshal(p, &d) == nil && d.URI == uri && len(d.Diagnostics) == 0
	}, noteTimeout); !ok {
		t.Errorf("no empty diagnostics after didClose")
	}
}

// TestFirstDiagnosticsComeFirst opens a document and at once asks what an
// editor asks with didOpen (semantic tokens, symbols, code lenses, a
// hover): the first diagnostics are published before any of these
// answers, which need the whole analysis and wait for them.
func TestFirstDiagnosticsComeFirst(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "def f%d(a, b=%d):\n    c = a + b\n    return undefined_%d(c)\n\n\n", i, i, i)
	}
	src := b.String()
	c := startInProcess(t, Options{})
	c.initialize(standardCaps(false))
	uri := "file:///tmp/first.py"
	c.open(uri, src)
	var pending []<-chan message
	for _, req := range []struct {
		method string
		params any
	}{
		{"textDocument/semanticTokens/full", map[string]any{"textDocument": textDoc(uri)}},
		{"textDocument/documentSymbol", map[string]any{"textDocument": textDoc(uri)}},
		{"textDocument/codeLens", map[string]any{"textDocument": textDoc(uri)}},
		{"textDocument/hover", posParams(uri, 1, 4)},
	} {
		_, ch := c.send(req.method, req.params)
		pending = append(pending, ch)
	}
	for _, ch := range pending {
		if _, err := c.wait(ch, noteTimeout); err != nil {
			t.Fatal(err)
		}
		// The client reads frames in order: the diagnostics were written
		// before this answer if they are among the notes already.
		var got *publishedDiagnostics
		for _, n := range c.notesOf("textDocument/publishDiagnostics") {
			var d publishedDiagnostics
			if json.Unmarshal(n.Params, &d) == nil && d.URI == uri {
				got = &d
			}
		}
		if got == nil {
			t.Fatal("a request was answered before the first diagnostics were published")
		}
		if len(got.Diagnostics) != 300 {
			t.Errorf("%d diagnostics, want the 300 undefined names", len(got.Diagnostics))
		}
	}
}
