package lsp

// Marker tests: Python sources under testdata/markers annotated with what
// to check, answered by the server through real JSON-RPC and held against
// what CPython 3.13 computes for the same source (testdata/expect.py, run
// by the oracle at test time). Nothing expected here is written by hand but
// the diagnostics' codes.
//
// A marker is a comment line whose `^` points at a column of the nearest
// line above it that is not a marker:
//
//	return n * factorial(n - 1)
//	#          ^kind ^instr
//
//	^kind       a name: the hover shows its binding kind and the
//	            instructions CPython emits for it
//	^instr      not a name: the hover lists the instructions located
//	            exactly at the innermost node there
//	^code       a def, class or lambda: the hover shows what dis.dis prints
//	            for its code object
//	^bytecode   peephole/bytecode there answers the innermost code object's
//	            section of `python3.13 -m dis`, field by field
//	^diag=CODE  a diagnostic with this code covers the position
//
// A file whose first line is `#! all` has every name, def, class and lambda
// checked, and the bytecode of every code object that has a name. A file
// without `#! any-diagnostics` must have no diagnostic but those its
// markers announce.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// marker is one marker of a file.
type marker struct {
	Line, Col int // the core's position it points at
	What      string
	Arg       string
}

// markerFile is a test file and its markers.
type markerFile struct {
	Path    string
	URI     string
	Src     string
	Lines   []string
	All     bool
	AnyDiag bool
	Markers []marker
}

func parseMarkers(t *testing.T, path string) *markerFile {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(path)
	f := &markerFile{Path: abs, URI: "file://" + abs, Src: string(b), Lines: strings.Split(string(b), "\n")}
	target := 0
	for i, l := range f.Lines {
		trimmed := strings.TrimSpace(l)
		if i == 0 && strings.HasPrefix(trimmed, "#!") {
			f.All = strings.Contains(trimmed, " all")
			f.AnyDiag = strings.Contains(trimmed, "any-diagnostics")
			continue
		}
		if !isMarkerLine(trimmed) {
			target = i + 1
			continue
		}
		for j := 0; j < len(l); j++ {
			if l[j] != '^' {
				continue
			}
			word := l[j+1:]
			if k := strings.IndexAny(word, " \t"); k >= 0 {
				word = word[:k]
			}
			what, arg, _ := strings.Cut(word, "=")
			f.Markers = append(f.Markers, marker{Line: target, Col: j, What: what, Arg: arg})
		}
	}
	return f
}

// isMarkerLine reports whether a trimmed line is a marker comment: `#`,
// blanks, then `^`.
func isMarkerLine(s string) bool {
	rest, ok := strings.CutPrefix(s, "#")
	return ok && strings.HasPrefix(strings.TrimLeft(rest, " "), "^")
}

// Oracle answers (testdata/expect.py).
type expectOcc struct {
	Line, Col, EndCol int
	Name, Mangled     string
	Role              string
	Kind              *string
	Instructions      []string
}

type expectCode struct {
	Line, Col int
	QualName  string `json:"qualname"`
	Text      string
}

type expectInstr struct {
	Offset       int    `json:"offset"`
	Opname       string `json:"opname"`
	Opcode       int    `json:"opcode"`
	Arg          *int   `json:"arg"`
	ArgRepr      string `json:"argrepr"`
	Line         *int   `json:"line"`
	Range        []int  `json:"range"`
	IsJumpTarget bool   `json:"isJumpTarget"`
}

type expectSection struct {
	Name         string        `json:"name"`
	QualName     string        `json:"qualname"`
	FirstLine    int           `json:"firstLine"`
	Text         string        `json:"text"`
	Instructions []expectInstr `json:"instructions"`
	Children     []struct {
		Name      string `json:"name"`
		QualName  string `json:"qualname"`
		FirstLine int    `json:"firstLine"`
	} `json:"children"`
}

type expectQuery struct {
	Line, Col    int
	What         string
	Section      *expectSection
	Instructions []string
	Text         *string
	QualName     *string `json:"qualname"`
}

type expectFile struct {
	Names    []expectOcc
	Codes    []expectCode
	Sections []expectSection
	Queries  []expectQuery
}

// runExpect runs testdata/expect.py on the files.
func runExpect(t *testing.T, files []*markerFile) map[string]*expectFile {
	t.Helper()
	oracle.Require(t)
	type query struct {
		Line int    `json:"line"`
		Col  int    `json:"col"`
		What string `json:"what"`
	}
	type fileReq struct {
		Path    string  `json:"path"`
		All     bool    `json:"all"`
		Queries []query `json:"queries"`
	}
	var req struct {
		Files []fileReq `json:"files"`
	}
	for _, f := range files {
		fr := fileReq{Path: f.Path, All: f.All, Queries: []query{}}
		for _, m := range f.Markers {
			switch m.What {
			case "bytecode", "instr", "code":
				fr.Queries = append(fr.Queries, query{m.Line, m.Col, m.What})
			}
		}
		req.Files = append(req.Files, fr)
	}
	in, _ := json.Marshal(req)
	script, _ := filepath.Abs("testdata/expect.py")
	r := oracle.Run(t, in, script)
	if r.ExitCode != 0 {
		t.Fatalf("the oracle failed: %s", r.Stderr)
	}
	var out struct {
		Files map[string]*expectFile
	}
	if err := json.Unmarshal(r.Stdout, &out); err != nil {
		t.Fatal(err)
	}
	return out.Files
}

// utf16Col converts a byte column of a line to UTF-16 code units.
func utf16Col(line string, col int) int {
	col = min(col, len(line))
	n := 0
	for _, r := range line[:col] {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// lspAt is the protocol position (UTF-16) of a core position of f.
func (f *markerFile) lspAt(line, col int) lspPos {
	return lspPos{Line: line - 1, Character: utf16Col(f.Lines[line-1], col)}
}

var (
	hoverKindRe = regexp.MustCompile("^\\*\\*`([^`]*)`\\*\\* — `(\\w+)`")
	addrRe      = regexp.MustCompile(` at 0x[0-9a-f]+`)
)

// hoverKind extracts the name and kind a hover states.
func hoverKind(md string) (name, kind string) {
	m := hoverKindRe.FindStringSubmatch(md)
	if m == nil {
		return "", ""
	}
	return m[1], m[2]
}

// hoverBlock returns the text of the code block that follows a heading
// starting with prefix.
func hoverBlock(md, prefix string) (string, bool) {
	i := strings.Index(md, prefix)
	if i < 0 {
		return "", false
	}
	rest := md[i:]
	j := strings.Index(rest, "```text\n")
	if j < 0 {
		return "", false
	}
	rest = rest[j+len("```text\n"):]
	k := strings.Index(rest, "```")
	if k < 0 {
		return "", false
	}
	return rest[:k], true
}

// hoverInstructions returns the instructions a hover says CPython emits.
func hoverInstructions(md string) []string {
	text, ok := hoverBlock(md, "**CPython 3.13 emits here:**")
	if !ok {
		return nil
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

func (c *client) hover(uri string, p lspPos) (hoverResult, bool) {
	c.t.Helper()
	var raw json.RawMessage
	c.mustCall("textDocument/hover", map[string]any{"textDocument": textDoc(uri), "position": p}, &raw)
	if string(raw) == "null" {
		return hoverResult{}, false
	}
	var h hoverResult
	if err := json.Unmarshal(raw, &h); err != nil {
		c.t.Fatal(err)
	}
	return h, true
}

// bytecodeAnswer is peephole/bytecode's answer.
type bytecodeAnswer struct {
	Name         string `json:"name"`
	QualName     string `json:"qualname"`
	FirstLine    int    `json:"firstLine"`
	Text         string `json:"text"`
	Instructions []struct {
		Offset       int       `json:"offset"`
		Opname       string    `json:"opname"`
		Opcode       int       `json:"opcode"`
		Arg          *int      `json:"arg"`
		ArgRepr      string    `json:"argrepr"`
		Line         *int      `json:"line"`
		Range        *lspRange `json:"range"`
		IsJumpTarget bool      `json:"isJumpTarget"`
	} `json:"instructions"`
	Children []struct {
		Name      string   `json:"name"`
		QualName  string   `json:"qualname"`
		FirstLine int      `json:"firstLine"`
		Range     lspRange `json:"range"`
	} `json:"children"`
}

// checkBytecode compares peephole/bytecode at a position with the oracle's
// section.
func checkBytecode(t *testing.T, c *client, f *markerFile, line, col int, want *expectSection) {
	t.Helper()
	where := fmt.Sprintf("%s:%d:%d", filepath.Base(f.Path), line, col)
	var got bytecodeAnswer
	if err := c.call("peephole/bytecode", map[string]any{"textDocument": textDoc(f.URI), "position": f.lspAt(line, col)}, &got); err != nil {
		t.Errorf("%s: peephole/bytecode: %v", where, err)
		return
	}
	if got.Name != want.Name || got.QualName != want.QualName || got.FirstLine != want.FirstLine {
		t.Errorf("%s: bytecode of %s %s line %d, want %s %s line %d", where, got.Name, got.QualName, got.FirstLine, want.Name, want.QualName, want.FirstLine)
		return
	}
	if g := maskAddr(got.Text); g != want.Text {
		t.Errorf("%s: the text of %s differs from `python3.13 -m dis`:\n--- peephole\n%s--- CPython\n%s", where, want.QualName, g, want.Text)
	}
	if len(got.Instructions) != len(want.Instructions) {
		t.Errorf("%s: %d instructions, want %d", where, len(got.Instructions), len(want.Instructions))
		return
	}
	for i, w := range want.Instructions {
		g := got.Instructions[i]
		var wr *lspRange
		if w.Range != nil && w.Range[0] > 0 {
			s, e := f.lspAt(w.Range[0], w.Range[1]), f.lspAt(w.Range[2], w.Range[3])
			wr = &lspRange{s, e}
		}
		gs := fmt.Sprintf("%d %s %d %v %q %v %v %v", g.Offset, g.Opname, g.Opcode, deref(g.Arg), maskAddr(g.ArgRepr), deref(g.Line), g.Range, g.IsJumpTarget)
		ws := fmt.Sprintf("%d %s %d %v %q %v %v %v", w.Offset, w.Opname, w.Opcode, deref(w.Arg), maskAddr(w.ArgRepr), deref(w.Line), wr, w.IsJumpTarget)
		if gs != ws {
			t.Errorf("%s: %s instruction %d:\n got %s\nwant %s", where, want.QualName, i, gs, ws)
		}
	}
	var gc, wc []string
	for _, k := range got.Children {
		gc = append(gc, fmt.Sprintf("%s %s %d", k.Name, k.QualName, k.FirstLine))
	}
	for _, k := range want.Children {
		wc = append(wc, fmt.Sprintf("%s %s %d", k.Name, k.QualName, k.FirstLine))
	}
	if !slices.Equal(gc, wc) {
		t.Errorf("%s: children %v, want %v", where, gc, wc)
	}
}

// maskAddr hides object addresses, which differ between processes.
func maskAddr(s string) string { return addrRe.ReplaceAllString(s, " at 0x?") }

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// checkMarkerFile checks one file through the client.
func checkMarkerFile(t *testing.T, c *client, f *markerFile, want *expectFile) (checked int) {
	from := c.open(f.URI, f.Src)
	diags, ok := c.diagnosticsFor(from, f.URI, 1)
	if !ok {
		t.Fatalf("%s: no diagnostics published", f.Path)
	}
	base := filepath.Base(f.Path)

	// Diagnostics: exactly those announced.
	announced := map[int]bool{}
	for i, m := range f.Markers {
		if m.What != "diag" {
			continue
		}
		p := f.lspAt(m.Line, m.Col)
		found := false
		for j, d := range diags.Diagnostics {
			if d.Code == m.Arg && !posBefore(p, d.Range.Start) && !posBefore(d.Range.End, p) {
				found, announced[j] = true, true
			}
		}
		if !found {
			t.Errorf("%s:%d:%d: no %s diagnostic here; got %+v", base, m.Line, m.Col, m.Arg, diags.Diagnostics)
		}
		_ = i
	}
	if !f.AnyDiag {
		for j, d := range diags.Diagnostics {
			if !announced[j] {
				t.Errorf("%s: unexpected diagnostic %+v", base, d)
			}
		}
	}

	occAt := func(line, col int) *expectOcc {
		for i := range want.Names {
			o := &want.Names[i]
			if o.Line == line && o.Col <= col && col <= o.EndCol {
				return o
			}
		}
		return nil
	}
	checkName := func(o *expectOcc, at lspPos) {
		where := fmt.Sprintf("%s:%d:%d %s (%s)", base, o.Line, o.Col, o.Name, o.Role)
		h, ok := c.hover(f.URI, at)
		if !ok {
			t.Errorf("%s: no hover", where)
			return
		}
		name, kind := hoverKind(h.Contents.Value)
		if name != o.Name {
			t.Errorf("%s: the hover is about %q:\n%s", where, name, h.Contents.Value)
			return
		}
		if o.Kind != nil && kind != *o.Kind {
			t.Errorf("%s: kind %s, CPython's symtable says %s", where, kind, *o.Kind)
		}
		if got := hoverInstructions(h.Contents.Value); !slices.Equal(got, o.Instructions) {
			t.Errorf("%s: the hover shows %q, CPython emits %q", where, got, o.Instructions)
		}
		wantRange := lspRange{f.lspAt(o.Line, o.Col), f.lspAt(o.Line, o.EndCol)}
		if h.Range == nil || *h.Range != wantRange {
			t.Errorf("%s: hover range %v, want %v", where, h.Range, wantRange)
		}
		checked++
	}
	if f.All {
		for i := range want.Names {
			o := &want.Names[i]
			checkName(o, f.lspAt(o.Line, o.Col))
		}
		for _, cd := range want.Codes {
			h, ok := c.hover(f.URI, f.lspAt(cd.Line, cd.Col))
			text, ok2 := hoverBlock(h.Contents.Value, "**Disassembly of `"+cd.QualName+"`**")
			if !ok || !ok2 {
				t.Errorf("%s:%d:%d: the hover has no disassembly of %s:\n%s", base, cd.Line, cd.Col, cd.QualName, h.Contents.Value)
				continue
			}
			if g := maskAddr(text); g != cd.Text {
				t.Errorf("%s:%d: the hover's disassembly of %s differs from dis.dis:\n--- peephole\n%s--- CPython\n%s", base, cd.Line, cd.QualName, g, cd.Text)
			}
			checked++
		}
	}
	queries := want.Queries
	for _, m := range f.Markers {
		where := fmt.Sprintf("%s:%d:%d ^%s", base, m.Line, m.Col, m.What)
		switch m.What {
		case "kind":
			o := occAt(m.Line, m.Col)
			if o == nil {
				t.Errorf("%s: CPython's ast has no name here", where)
				continue
			}
			checkName(o, f.lspAt(m.Line, m.Col))
		case "code":
			q := findQuery(queries, m)
			if q == nil || q.Text == nil {
				t.Errorf("%s: the oracle has no code object here", where)
				continue
			}
			h, _ := c.hover(f.URI, f.lspAt(m.Line, m.Col))
			text, ok := hoverBlock(h.Contents.Value, "**Disassembly of `"+*q.QualName+"`**")
			if !ok {
				t.Errorf("%s: no disassembly of %s in the hover:\n%s", where, *q.QualName, h.Contents.Value)
			} else if g := maskAddr(text); g != *q.Text {
				t.Errorf("%s: the disassembly differs from dis.dis:\n--- peephole\n%s--- CPython\n%s", where, g, *q.Text)
			}
			checked++
		case "instr":
			q := findQuery(queries, m)
			h, _ := c.hover(f.URI, f.lspAt(m.Line, m.Col))
			if got := hoverInstructions(h.Contents.Value); q == nil || !slices.Equal(got, q.Instructions) {
				t.Errorf("%s: the hover shows %q, CPython locates %v here", where, got, q)
			}
			checked++
		case "bytecode":
			q := findQuery(queries, m)
			if q == nil || q.Section == nil {
				t.Errorf("%s: no oracle section", where)
				continue
			}
			checkBytecode(t, c, f, m.Line, m.Col, q.Section)
			checked++
		case "diag":
		default:
			t.Errorf("%s: unknown marker", where)
		}
	}
	if f.All {
		for _, q := range queries {
			if q.What == "bytecode" && !hasMarker(f, q.Line, q.Col, "bytecode") {
				checkBytecode(t, c, f, q.Line, q.Col, q.Section)
				checked++
			}
		}
	}
	return checked
}

func findQuery(qs []expectQuery, m marker) *expectQuery {
	for i := range qs {
		if qs[i].Line == m.Line && qs[i].Col == m.Col && qs[i].What == m.What {
			return &qs[i]
		}
	}
	return nil
}

func hasMarker(f *markerFile, line, col int, what string) bool {
	for _, m := range f.Markers {
		if m.Line == line && m.Col == col && m.What == what {
			return true
		}
	}
	return false
}

func posBefore(a, b lspPos) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

func markerFiles(t *testing.T) []*markerFile {
	paths, _ := filepath.Glob("testdata/markers/*.py")
	if len(paths) == 0 {
		t.Fatal("no marker files")
	}
	var files []*markerFile
	for _, p := range paths {
		files = append(files, parseMarkers(t, p))
	}
	return files
}

// TestMarkers checks every marker file through an in-process server.
func TestMarkers(t *testing.T) {
	files := markerFiles(t)
	want := runExpect(t, files)
	c := startInProcess(t, Options{})
	c.initialize(standardCaps(false))
	for _, f := range files {
		t.Run(filepath.Base(f.Path), func(t *testing.T) {
			c.t = t
			n := checkMarkerFile(t, c, f, want[f.Path])
			t.Logf("%d checks", n)
		})
	}
	c.t = t
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit status %d after shutdown and exit", code)
	}
}

// TestMarkersBinary checks the seeds through the spawned peephole binary.
func TestMarkersBinary(t *testing.T) {
	var files []*markerFile
	for _, f := range markerFiles(t) {
		if filepath.Base(f.Path) == "seeds.py" {
			files = append(files, f)
		}
	}
	want := runExpect(t, files)
	c, stderr := startBinary(t, "--stdio")
	c.initialize(standardCaps(false))
	for _, f := range files {
		n := checkMarkerFile(t, c, f, want[f.Path])
		t.Logf("%s: %d checks", filepath.Base(f.Path), n)
	}
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit status %d after shutdown and exit; stderr:\n%s", code, stderr)
	}
}
