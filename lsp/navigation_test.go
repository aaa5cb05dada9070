package lsp

// Navigation and the other document features through JSON-RPC:
// definition, references, highlights, rename, document symbols, code
// lenses, inlay hints and the settings that switch them on, and positions
// in both encodings.

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

const closureSrc = `def outer(x):
    def inner():
        return x
    y = x
    return inner


print(outer(1)())
`

type location struct {
	URI   string   `json:"uri"`
	Range lspRange `json:"range"`
}

func rangesOf(locs []location) string {
	var s []string
	for _, l := range locs {
		s = append(s, fmt.Sprintf("%d:%d-%d:%d", l.Range.Start.Line, l.Range.Start.Character, l.Range.End.Line, l.Range.End.Character))
	}
	return strings.Join(s, " ")
}

func TestNavigation(t *testing.T) {
	c := startInProcess(t, Options{})
	c.initialize(standardCaps(false))
	uri := "file:///tmp/closure.py"
	c.open(uri, closureSrc)

	// x in inner (2:15) is outer's parameter.
	var defs []location
	c.mustCall("textDocument/definition", posParams(uri, 2, 15), &defs)
	if got := rangesOf(defs); got != "0:10-0:11" || defs[0].URI != uri {
		t.Errorf("definition of x: %s", got)
	}
	var raw json.RawMessage
	c.mustCall("textDocument/definition", posParams(uri, 7, 1), &raw)
	if string(raw) != "null" {
		t.Errorf("definition of the builtin print: %s", raw)
	}
	var refs []location
	c.mustCall("textDocument/references", map[string]any{"textDocument": textDoc(uri), "position": pos(3, 8),
		"context": map[string]any{"includeDeclaration": true}}, &refs)
	if got := rangesOf(refs); got != "0:10-0:11 2:15-2:16 3:8-3:9" {
		t.Errorf("references of x: %s", got)
	}
	var hl []struct {
		Range lspRange `json:"range"`
		Kind  int      `json:"kind"`
	}
	c.mustCall("textDocument/documentHighlight", posParams(uri, 1, 8), &hl)
	if len(hl) != 2 || hl[0].Kind != 3 || hl[1].Kind != 2 || hl[1].Range.Start.Line != 4 {
		t.Errorf("highlights of inner: %+v", hl)
	}

	// Rename: scope-exact, and refusals with reasons.
	var prep struct {
		Range       lspRange `json:"range"`
		Placeholder string   `json:"placeholder"`
	}
	c.mustCall("textDocument/prepareRename", posParams(uri, 2, 15), &prep)
	if prep.Placeholder != "x" || prep.Range.Start != (lspPos{2, 15}) {
		t.Errorf("prepareRename: %+v", prep)
	}
	var edit struct {
		Changes map[string][]struct {
			Range   lspRange `json:"range"`
			NewText string   `json:"newText"`
		} `json:"changes"`
	}
	c.mustCall("textDocument/rename", map[string]any{"textDocument": textDoc(uri), "position": pos(2, 15), "newName": "value"}, &edit)
	if es := edit.Changes[uri]; len(es) != 3 || es[0].NewText != "value" {
		t.Errorf("rename of x: %+v", edit)
	}
	for _, tc := range []struct {
		line, char int
		name, why  string
	}{
		{2, 15, "lambda", "keyword"},
		{2, 15, "not valid", "identifier"},
		{2, 15, "y", "already used"},
		{7, 1, "show", "builtin"},
	} {
		err := c.call("textDocument/rename", map[string]any{"textDocument": textDoc(uri), "position": pos(tc.line, tc.char), "newName": tc.name}, nil)
		if e, ok := err.(*rpcError); !ok || !strings.Contains(e.Message, tc.why) {
			t.Errorf("rename to %q: %v, want a refusal about %q", tc.name, err, tc.why)
		}
	}
}

func TestOutlineLensesAndHints(t *testing.T) {
	c := startInProcess(t, Options{})
	caps := standardCaps(false)
	caps["workspace"].(map[string]any)["inlayHint"] = map[string]any{"refreshSupport": true}
	c.initialize(caps)
	uri := "file:///tmp/outline.py"
	c.open(uri, closureSrc+"\nclass K:\n    z = 1\n\n    def m(self):\n        return self\n")

	var syms []struct {
		Name     string `json:"name"`
		Kind     int    `json:"kind"`
		Children []struct {
			Name string `json:"name"`
			Kind int    `json:"kind"`
		} `json:"children"`
	}
	c.mustCall("textDocument/documentSymbol", map[string]any{"textDocument": textDoc(uri)}, &syms)
	var got []string
	for _, s := range syms {
		got = append(got, fmt.Sprintf("%s/%d", s.Name, s.Kind))
		for _, k := range s.Children {
			got = append(got, fmt.Sprintf("  %s/%d", k.Name, k.Kind))
		}
	}
	if strings.Join(got, ",") != "outer/12,  inner/12,  y/13,K/5,  z/8,  m/6" {
		t.Errorf("outline %v", got)
	}

	var lenses []struct {
		Range   lspRange `json:"range"`
		Command struct {
			Title     string            `json:"title"`
			Command   string            `json:"command"`
			Arguments []json.RawMessage `json:"arguments"`
		} `json:"command"`
	}
	c.mustCall("textDocument/codeLens", map[string]any{"textDocument": textDoc(uri)}, &lenses)
	if len(lenses) != 5 || lenses[0].Command.Command != CommandRun || lenses[1].Command.Command != CommandShowBytecode {
		t.Fatalf("lenses %+v", lenses)
	}
	// A bytecode lens's command answers the bytecode of its def.
	var bc bytecodeAnswer
	var args []any
	for _, a := range lenses[2].Command.Arguments {
		var v any
		json.Unmarshal(a, &v)
		args = append(args, v)
	}
	c.mustCall("workspace/executeCommand", map[string]any{"command": lenses[2].Command.Command, "arguments": args}, &bc)
	if bc.QualName != "outer.<locals>.inner" {
		t.Errorf("the lens above inner shows %q", bc.QualName)
	}

	// Inlay hints: off by default, on with the setting (and the client is
	// asked to refresh them).
	hintParams := map[string]any{"textDocument": textDoc(uri), "range": lspRange{lspPos{0, 0}, lspPos{20, 0}}}
	var hints []struct {
		Position lspPos `json:"position"`
		Label    string `json:"label"`
	}
	c.mustCall("textDocument/inlayHint", hintParams, &hints)
	if len(hints) != 0 {
		t.Errorf("inlay hints while off: %v", hints)
	}
	c.configure(map[string]any{"inlayHints": map[string]any{"opcodes": true}})
	c.mustCall("textDocument/inlayHint", hintParams, &hints)
	var labels []string
	for _, h := range hints[:5] {
		labels = append(labels, fmt.Sprintf("%d:%d %s", h.Position.Line, h.Position.Character, h.Label))
	}
	if strings.Join(labels, ", ") != "0:9 STORE_NAME, 1:13 STORE_FAST, 2:16 LOAD_DEREF, 3:5 STORE_FAST, 3:9 LOAD_DEREF" {
		t.Errorf("inlay hints %v", labels)
	}
	deadline := time.Now().Add(noteTimeout)
	for {
		if n, ok := c.serverCalls.Load("workspace/inlayHint/refresh"); ok && n.(interface{ Load() int64 }).Load() > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("no workspace/inlayHint/refresh after the setting changed")
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestPositionEncodings hovers a name after characters outside the BMP in
// both encodings, and edits between them.
func TestPositionEncodings(t *testing.T) {
	src := "s = '😀é'; t = s\n"
	for _, tc := range []struct {
		utf8      bool
		enc       string
		tChar     int // where t starts
		afterEmoj int // just after the emoji
	}{
		{false, "utf-16", 11, 7},
		{true, "utf-8", 14, 9},
	} {
		c := startInProcess(t, Options{})
		res := c.initialize(standardCaps(tc.utf8))
		if got := res["capabilities"].(map[string]any)["positionEncoding"]; got != tc.enc {
			t.Errorf("negotiated %v, want %s", got, tc.enc)
		}
		uri := "file:///tmp/enc.py"
		c.open(uri, src)
		h, ok := c.hover(uri, lspPos{0, tc.tChar})
		if name, _ := hoverKind(h.Contents.Value); !ok || name != "t" || h.Range.Start.Character != tc.tChar {
			t.Errorf("%s: hover at t: %q %+v", tc.enc, name, h.Range)
		}
		// Insert a character after the emoji: an incremental change in
		// the negotiated encoding.
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": 2},
			"contentChanges": []any{map[string]any{"range": lspRange{lspPos{0, tc.afterEmoj}, lspPos{0, tc.afterEmoj}}, "text": "x"}},
		})
		h, ok = c.hover(uri, lspPos{0, tc.tChar + 1})
		if name, _ := hoverKind(h.Contents.Value); !ok || name != "t" {
			t.Errorf("%s: hover at t after the edit: %q", tc.enc, h.Contents.Value)
		}
		var bc bytecodeAnswer
		c.mustCall("peephole/bytecode", posParams(uri, 0, 0), &bc)
		if !strings.Contains(bc.Text, "'😀xé'") {
			t.Errorf("%s: the edit went elsewhere: %s", tc.enc, bc.Text)
		}
	}
}
