package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// editorSample returns a deterministic sample of stdlib files of modest size.
func editorSample(t *testing.T, n int) []string {
	t.Helper()
	oracle.Require(t)
	root := oracle.Stdlib(t)
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if d.Name() == "site-packages" || d.Name() == "__pycache__" || d.Name() == "test" {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".py") {
			if fi, err := d.Info(); err == nil && fi.Size() > 500 && fi.Size() < 12000 {
				files = append(files, p)
			}
		}
		return nil
	})
	sort.Strings(files)
	if len(files) <= n {
		return files
	}
	step := len(files) / n
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, files[i*step])
	}
	return out
}

// funcKey identifies a function in a tree.
type funcKey struct {
	name      string
	line, col int
}

// functionsBefore lists the FunctionDefs of tree that end before line.
func functionsBefore(tree ast.Node, line int) []funcKey {
	var out []funcKey
	ast.Inspect(tree, func(n ast.Node) bool {
		switch f := n.(type) {
		case *ast.FunctionDef:
			if f.EndLineno < line {
				out = append(out, funcKey{f.Name, f.Lineno, f.ColOffset})
			}
		case *ast.AsyncFunctionDef:
			if f.EndLineno < line {
				out = append(out, funcKey{f.Name, f.Lineno, f.ColOffset})
			}
		}
		return true
	})
	return out
}

func hasAll(tree ast.Node, want []funcKey) (funcKey, bool) {
	have := map[funcKey]bool{}
	for _, k := range functionsBefore(tree, 1<<30) {
		have[k] = true
	}
	for _, k := range want {
		if !have[k] {
			return k, false
		}
	}
	return funcKey{}, true
}

// TestEditorDeleteLine deletes each line of a sample of stdlib files in
// turn: the editor parse must always give a tree, with every function that
// ends before the damaged line still in it.
func TestEditorDeleteLine(t *testing.T) {
	n := 24
	if testing.Short() {
		n = 6
	}
	for _, path := range editorSample(t, n) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		strict := Parse(src, Options{Filename: path})
		if strict.Tree == nil {
			continue
		}
		lines := strings.SplitAfter(string(src), "\n")
		for i := range lines {
			damaged := strings.Join(lines[:i], "") + strings.Join(lines[i+1:], "")
			r := ParseEditor([]byte(damaged), Options{Filename: path})
			if r.Tree == nil {
				t.Fatalf("%s without line %d: nil tree", path, i+1)
			}
			if k, ok := hasAll(r.Tree, functionsBefore(strict.Tree, i+1)); !ok {
				t.Errorf("%s without line %d: function %s (line %d) lost", filepath.Base(path), i+1, k.name, k.line)
			}
		}
	}
}

// TestEditorDeleteToken deletes tokens of a sample of stdlib files, one at a
// time, with the same requirements.
func TestEditorDeleteToken(t *testing.T) {
	n := 16
	if testing.Short() {
		n = 4
	}
	for _, path := range editorSample(t, n) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		strict := Parse(src, Options{Filename: path})
		if strict.Tree == nil {
			continue
		}
		s, serr := prepareSource(src, path, true)
		if serr != nil {
			continue
		}
		tk := newTokenizer(s.text, path, false)
		type span struct{ start, end, line int }
		var spans []span
		for {
			var tok token
			typ := tk.get(&tok)
			if typ == tENDMARKER || typ == tERRORTOKEN {
				break
			}
			if tok.start >= 0 && tok.end > tok.start {
				spans = append(spans, span{tok.start, tok.end, tok.lineno})
			}
		}
		step := max(1, len(spans)/150)
		for i := 0; i < len(spans); i += step {
			sp := spans[i]
			damaged := string(s.text[:sp.start]) + string(s.text[sp.end:])
			r := ParseEditor([]byte(damaged), Options{Filename: path})
			if r.Tree == nil {
				t.Fatalf("%s without %q at line %d: nil tree", path, s.text[sp.start:sp.end], sp.line)
			}
			if k, ok := hasAll(r.Tree, functionsBefore(strict.Tree, sp.line)); !ok {
				t.Errorf("%s without %q at line %d: function %s (line %d) lost",
					filepath.Base(path), s.text[sp.start:sp.end], sp.line, k.name, k.line)
			}
			if len(r.Errors) == 0 {
				// Deleting a token can leave valid source (a keyword
				// argument's default, say); then the tree must be exact.
				if ParseEditor([]byte(damaged), Options{}).Tree == nil {
					t.Errorf("no tree")
				}
			}
		}
	}
}

// TestEditorShapes checks the recovered tree of hand-made damage: the
// statements around the damage keep their shape and the errors are found.
func TestEditorShapes(t *testing.T) {
	src := `import os

def a(x):
    y = x +
    return y

def b(
    return 2

def c():
    s = "unterminated
    return s

if x
    pass

def e(): return 5
`
	r := ParseEditor([]byte(src), Options{Filename: "t.py"})
	var got []string
	for _, s := range r.Tree.Body {
		switch s := s.(type) {
		case *ast.FunctionDef:
			bad := 0
			for _, b := range s.Body {
				if _, ok := b.(*ast.BadStmt); ok {
					bad++
				}
			}
			got = append(got, fmt.Sprintf("def %s:%d body=%d bad=%d", s.Name, s.Lineno, len(s.Body), bad))
		case *ast.BadStmt:
			got = append(got, fmt.Sprintf("bad %d-%d", s.Lineno, s.EndLineno))
		default:
			got = append(got, fmt.Sprintf("%T", s))
		}
	}
	want := []string{
		"*ast.Import",
		"def a:3 body=2 bad=1",
		"bad 7-10",
		"def c:10 body=2 bad=1",
		"bad 14-14",
		"*ast.Pass",
		"def e:17 body=1 bad=0",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("recovered tree:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// CPython's own error (from the strict parse) is among them.
	strict := Parse([]byte(src), Options{Filename: "t.py"})
	found := false
	for _, e := range r.Errors {
		found = found || strict.Err != nil && *e == *strict.Err
	}
	if !found {
		t.Errorf("errors %v do not include the strict error %v", r.Errors, strict.Err)
	}
	if len(r.Errors) < 5 {
		t.Errorf("found %d errors, want one per damaged statement: %v", len(r.Errors), r.Errors)
	}
}

// TestEditorValid checks that a valid source gives the strict tree and no
// errors.
func TestEditorValid(t *testing.T) {
	src := []byte("def f(x):\n    return x + 1\n")
	r := ParseEditor(src, Options{})
	if len(r.Errors) != 0 {
		t.Fatalf("errors on valid source: %v", r.Errors)
	}
	a, _ := ast.Dump(r.Tree, ast.DumpOptions{Indent: -1})
	b, _ := ast.Dump(Parse(src, Options{}).Tree, ast.DumpOptions{Indent: -1})
	if a != b {
		t.Errorf("editor tree %s differs from strict tree %s", a, b)
	}
}

// TestErrorRangesOrdered checks that every error's editor range is valid
// (End at or after Pos), in strict and editor mode, over the invalid corpus,
// including the errors whose end CPython leaves unknown.
func TestErrorRangesOrdered(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "invalid", "*.py"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	before := func(a, b Position) bool { return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col }
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		errs := ErrorList{}
		if e := Parse(src, Options{Filename: path, IsFile: true}).Err; e != nil {
			errs = append(errs, e)
		}
		errs = append(errs, ParseEditor(src, Options{Filename: path, IsFile: true}).Errors...)
		for _, e := range errs {
			if e.HasLineno && before(e.End, e.Pos) {
				t.Errorf("%s: %s: End %v before Pos %v", path, e.Msg, e.End, e.Pos)
			}
		}
	}
}
