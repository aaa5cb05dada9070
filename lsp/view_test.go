package lsp

// Questions about a position asked right after an edit, answered from
// the snapshot's view (analysis.View) rather than its whole analysis: each
// answer must be the one a document opened with the same text gives once
// it is analysed whole.

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
)

const viewSrc = `import os
from collections import OrderedDict

LIMIT = 3


class Record:
    """A record."""
    limit = LIMIT

    def __init__(self, name, values):
        self.name = name
        self.values = list(values)

    def total(self):
        total = 0
        for v in self.values:
            if v > self.limit:
                total += v
        return total + len(os.getcwd())


def make_counter(start):
    count = start

    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump


def process(data, sep="😀é"):
    rec = Record(sep, data)
    counter = make_counter(len(data))
    return OrderedDict(r=rec.total() + counter(), env=os.sep)


print(process([1, 2, 3]))
`

// viewEdit is an edit of the text: the first line equal to old is
// replaced by new (which may hold several lines).
type viewEdit struct {
	name, old, new string
	// viewAnswers reports whether hovers in the method total (on `total`
	// and `len` of its return) are answered by the view.
	viewAnswers bool
}

var viewEdits = []viewEdit{
	{"rename a local", "        total = 0", "        sub = 0\n        total = sub", true},
	{"insert a line", "    count = start", "    count = start\n    count += 1", true},
	{"a module-level import", "import os", "import os\nimport sys", true},
	{"a syntax error", "    counter = make_counter(len(data))", "    counter = = make_counter(len(data))", false},
	{"fixed", "    counter = = make_counter(len(data))", "    counter = make_counter(len(data))", true},
	{"a builtin shadowed below", "print(process([1, 2, 3]))", "print(process([1, 2, 3]))\nlen = print", true},
}

var identRe = regexp.MustCompile(`[A-Za-z_][A-Za-z_0-9]*`)

// askAll asks every position question about uri's text at the start of
// every identifier of lines [from, to), and inlay hints for those lines
// and the whole text; it returns the answers, URIs removed and code
// addresses normalised.
func askAll(c *client, uri, text string, from, to int) []string {
	lines := strings.Split(text, "\n")
	var out []string
	record := func(what string, raw json.RawMessage) {
		s := strings.ReplaceAll(string(raw), uri, "URI")
		s = strings.ReplaceAll(s, strings.TrimPrefix(uri, "file://"), "PATH") // co_filename
		out = append(out, what+" "+regexp.MustCompile(`0x[0-9a-f]+`).ReplaceAllString(s, "0x…"))
	}
	for l := from; l < min(to, len(lines)); l++ {
		for _, m := range identRe.FindAllStringIndex(lines[l], -1) {
			p := posParams(uri, l, utf16Col(lines[l], m[0]))
			for _, method := range []string{"textDocument/hover", "textDocument/definition", "textDocument/documentHighlight", MethodBytecode} {
				var raw json.RawMessage
				if err := c.call(method, p, &raw); err != nil {
					raw = json.RawMessage(fmt.Sprintf("error %v", err))
				}
				record(fmt.Sprintf("%s %d:%d", method, l, m[0]), raw)
			}
			var raw json.RawMessage
			c.mustCall("textDocument/references", map[string]any{"textDocument": textDoc(uri), "position": p["position"],
				"context": map[string]any{"includeDeclaration": true}}, &raw)
			record(fmt.Sprintf("references %d:%d", l, m[0]), raw)
		}
	}
	for _, r := range []lspRange{{lspPos{from, 0}, lspPos{to, 0}}, {lspPos{0, 0}, lspPos{len(lines), 0}}} {
		var raw json.RawMessage
		c.mustCall("textDocument/inlayHint", map[string]any{"textDocument": textDoc(uri), "range": r}, &raw)
		record(fmt.Sprintf("inlay hints %v", r), raw)
	}
	return out
}

func TestViewAnswersAfterEdits(t *testing.T) {
	var asked, answered atomic.Int64
	c := startInProcess(t, Options{noPrefetch: true, onView: func(ok bool) {
		asked.Add(1)
		if ok {
			answered.Add(1)
		}
	}})
	c.initialize(standardCaps(false))
	c.configure(map[string]any{"inlayHints": map[string]any{"opcodes": true}})
	uri := "file:///tmp/view.py"
	from := c.open(uri, viewSrc)
	if _, ok := c.diagnosticsFor(from, uri, 1); !ok {
		t.Fatal("no first diagnostics")
	}
	text := viewSrc
	for i, e := range viewEdits {
		version := i + 2
		lines := strings.Split(text, "\n")
		at := -1
		for j, l := range lines {
			if l == e.old {
				at = j
				break
			}
		}
		if at < 0 {
			t.Fatalf("%s: no line %q", e.name, e.old)
		}
		c.notify("textDocument/didChange", map[string]any{
			"textDocument": map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{map[string]any{
				"range": lspRange{lspPos{at, 0}, lspPos{at, len(e.old)}}, "text": e.new}},
		})
		lines[at] = e.new
		text = strings.Join(lines, "\n")
		lines = strings.Split(text, "\n")

		// The first questions, in the method total.
		ret := 0
		for j, l := range lines {
			if !strings.HasPrefix(l, "        return total + len(") {
				continue
			}
			ret = j
			for _, col := range []int{15, 23} {
				n, a := asked.Load(), answered.Load()
				var h json.RawMessage
				c.mustCall("textDocument/hover", posParams(uri, j, col), &h)
				byView := asked.Load() == n+1 && answered.Load() == a+1
				if byView != e.viewAnswers {
					t.Errorf("%s: the hover at %d:%d was answered by the view: %v, want %v", e.name, j, col, byView, e.viewAnswers)
				}
			}
		}
		line := at

		// Every question around the edit and at the module's start, on
		// this version and on a document opened with its text and
		// analysed whole.
		ask := func(uri string) []string {
			// The line in total first: the view declines most questions
			// about module-level code, and the whole analysis then
			// answers the others.
			out := askAll(c, uri, text, ret, ret+1)
			out = append(out, askAll(c, uri, text, max(line-3, 0), line+6)...)
			return append(out, askAll(c, uri, text, 0, 4)...)
		}
		got := ask(uri)
		fresh := fmt.Sprintf("file:///tmp/fresh%d.py", i)
		from := c.open(fresh, text)
		if _, ok := c.diagnosticsFor(from, fresh, 1); !ok {
			t.Fatalf("%s: no diagnostics for the fresh document", e.name)
		}
		c.mustCall("textDocument/semanticTokens/full", map[string]any{"textDocument": textDoc(fresh)}, nil) // analysed whole
		want := ask(fresh)
		if len(got) != len(want) {
			t.Fatalf("%s: %d answers, want %d", e.name, len(got), len(want))
		}
		for j := range got {
			if got[j] != want[j] {
				t.Errorf("%s: after the edit\n%s\nwant\n%s", e.name, got[j], want[j])
			}
		}
		c.notify("textDocument/didClose", map[string]any{"textDocument": textDoc(fresh)})
	}
	t.Logf("the views answered %d of %d questions", answered.Load(), asked.Load())
	if answered.Load() < asked.Load()/3 {
		t.Errorf("the views answered only %d of %d questions", answered.Load(), asked.Load())
	}
}
