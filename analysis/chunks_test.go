package analysis

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// chunkTexts returns the chunks of src as strings.
func chunkTexts(src string) []string {
	starts := splitChunks([]byte(src))
	var out []string
	for i, s := range starts {
		end := len(src)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		out = append(out, src[s:end])
	}
	return out
}

func TestSplitChunks(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []string
	}{
		{"x = 1\ny = 2\n", []string{"x = 1\n", "y = 2\n"}},
		{"def f():\n    return 1\n\n# c\nx = f()\n", []string{"def f():\n    return 1\n\n# c\n", "x = f()\n"}},
		{"x = (1,\n2)\ny = [\n]\n", []string{"x = (1,\n2)\n", "y = [\n]\n"}},
		{"s = '''\nz = 1\n'''\nt = 1\n", []string{"s = '''\nz = 1\n'''\n", "t = 1\n"}},
		{"s = \"\"\"a\"\nb\"\"\"\nt = 1\n", []string{"s = \"\"\"a\"\nb\"\"\"\n", "t = 1\n"}},
		{"x = 1 + \\\n2\ny = 3\n", []string{"x = 1 + \\\n2\n", "y = 3\n"}},
		{"x = 1 + \\\ny\n", []string{"x = 1 + \\\ny\n"}},
		{"@dec\n\n@dec2(\n1)\ndef f(): pass\nz = 0\n", []string{"@dec\n\n@dec2(\n1)\ndef f(): pass\n", "z = 0\n"}},
		{"if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\nx = 1\n", []string{"if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n", "x = 1\n"}},
		{"try:\n    pass\nexcept E:\n    pass\nfinally:\n    pass\nelsewhere = 1\n", []string{"try:\n    pass\nexcept E:\n    pass\nfinally:\n    pass\n", "elsewhere = 1\n"}},
		{"f = f'{x[\"a\"]}'\ng = 1\n", []string{"f = f'{x[\"a\"]}'\n", "g = 1\n"}},
		{"f = f\"\"\"{\n'}'\n}\"\"\"\ng = 1\n", []string{"f = f\"\"\"{\n'}'\n}\"\"\"\n", "g = 1\n"}},
		{"f = f'{x:{w}.{p}}' + f'{{'\ng = {\n}\nh = 1\n", []string{"f = f'{x:{w}.{p}}' + f'{{'\n", "g = {\n}\n", "h = 1\n"}},
		{"f = rf'\\{x}\\'\nh = 1\n", []string{"f = rf'\\{x}\\'\n", "h = 1\n"}},
		{"s = 'unterminated\nx = 1\n", []string{"s = 'unterminated\n", "x = 1\n"}},
		{"x = (\ny = 1\n", []string{"x = (\ny = 1\n"}},
		{"x = 1\r\ny = 2\rz = 3", []string{"x = 1\r\n", "y = 2\r", "z = 3"}},
		{"\fdef f(): pass\n\tx\n", []string{"\fdef f(): pass\n\tx\n"}},
		{"name'x'\ny = 1\n", []string{"name'x'\n", "y = 1\n"}},
		{"x = b'''\n''' # '''\ny = 1\n", []string{"x = b'''\n''' # '''\n", "y = 1\n"}},
	} {
		if got := chunkTexts(tc.src); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.src, got, tc.want)
		}
	}
}

// dumpStatements dumps each statement of a parse, positions included.
func dumpStatements(t *testing.T, src []byte) ([]string, bool) {
	res := parser.Parse(src, parser.Options{Filename: "x.py"})
	if res.Err != nil || res.Fatal != "" {
		return nil, false
	}
	var out []string
	for _, s := range res.Tree.(*ast.Module).Body {
		d, err := ast.Dump(s, ast.DumpOptions{Indent: -1, IncludeAttributes: true})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out, true
}

// TestChunksOfTheStdlib checks the chunks on a sample of the standard
// library: parsed each at its line, they give exactly the statements of
// the whole file, positions included; and for files without errors the
// incremental diagnostics equal the whole file's. PEEPHOLE_LSP_STDLIB=all
// checks every file.
func TestChunksOfTheStdlib(t *testing.T) {
	root := oracle.Stdlib(t)
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && (d.Name() == "site-packages" || d.Name() == "__pycache__") {
			return filepath.SkipDir
		}
		if err == nil && strings.HasSuffix(p, ".py") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	stride := 60
	if os.Getenv("PEEPHOLE_LSP_STDLIB") == "all" {
		stride = 1
	}
	checked, chunks, same := 0, 0, 0
	for i := 0; i < len(files); i += stride {
		path := files[i]
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if wholeOnly(src) {
			continue // analysed whole
		}
		whole, ok := dumpStatements(t, src)
		if !ok {
			continue
		}
		var pieces []string
		starts := splitChunks(src)
		line := 1
		for j, s := range starts {
			end := len(src)
			if j+1 < len(starts) {
				end = starts[j+1]
			}
			if j > 0 {
				line += countLines(src[starts[j-1]:s])
			}
			padded := append(bytes.Repeat([]byte("\n"), line-1), src[s:end]...)
			stmts, ok := dumpStatements(t, padded)
			if !ok {
				t.Errorf("%s: the chunk at line %d does not parse alone:\n%s", path, line, src[s:end])
				break
			}
			pieces = append(pieces, stmts...)
		}
		chunks += len(starts)
		if strings.Join(pieces, "\n") != strings.Join(whole, "\n") {
			t.Errorf("%s: the chunks' statements differ from the file's", path)
			continue
		}
		checked++
		full := Analyze(src, Options{Filename: path})
		if len(full.SyntaxErrors) > 0 || len(full.SymtabErrors) > 0 || full.CompileErr != nil {
			continue
		}
		want := fmt.Sprint(full.Diagnostics())
		if got := fmt.Sprint(NewDiagnoser().Diagnostics(src, Options{Filename: path})); got != want {
			t.Errorf("%s: incremental diagnostics\n%s\nwant\n%s", path, got, want)
			continue
		}
		same++
	}
	t.Logf("%d files in %d chunks parse as the whole files; %d have the same diagnostics", checked, chunks, same)
	if checked == 0 {
		t.Fatal("nothing checked")
	}
}

func TestDiagnoserReuse(t *testing.T) {
	src := benchSource()
	d := NewDiagnoser()
	first := d.Diagnostics(src, Options{Filename: "x.py"})
	n := d.analysed
	if n < 300 || len(first) != 0 {
		t.Fatalf("%d chunks analysed, %d diagnostics", n, len(first))
	}
	d.Diagnostics(src, Options{Filename: "x.py"})
	if d.analysed != n {
		t.Errorf("an unchanged buffer analysed %d chunks again", d.analysed-n)
	}
	// An edit in one function: one chunk.
	edited := bytes.Replace(src, []byte("        total = 0\n"), []byte("        total = zero\n"), 1)
	diags := d.Diagnostics(edited, Options{Filename: "x.py"})
	if d.analysed != n+1 || len(diags) != 1 || diags[0].Code != "NameError" || diags[0].Range.Start.Line != 14 {
		t.Errorf("after an edit: %d chunks analysed, diagnostics %v", d.analysed-n, diags)
	}
	// Lines inserted above: the chunks below are reused, shifted.
	n = d.analysed
	shifted := append([]byte("import re\n\n\n"), edited...)
	diags = d.Diagnostics(shifted, Options{Filename: "x.py"})
	if d.analysed != n+1 || len(diags) != 1 || diags[0].Range.Start.Line != 17 {
		t.Errorf("after lines inserted above: %d chunks analysed, diagnostics %v", d.analysed-n, diags)
	}
	// The same as a whole analysis.
	if got, want := fmt.Sprint(diags), fmt.Sprint(Analyze(shifted, Options{Filename: "x.py"}).Diagnostics()); got != want {
		t.Errorf("incremental %s, whole %s", got, want)
	}
}

func TestDiagnoserModuleWide(t *testing.T) {
	d := NewDiagnoser()
	check := func(src, want string) {
		t.Helper()
		var got []string
		for _, dg := range d.Diagnostics([]byte(src), Options{Filename: "m.py"}) {
			got = append(got, fmt.Sprintf("%d:%d %s", dg.Range.Start.Line, dg.Range.Start.Col, dg.Code))
		}
		if fmt.Sprint(got) != want {
			t.Errorf("%q: %v, want %s", src, got, want)
		}
	}
	// A name bound in a later chunk, by a function's global statement.
	check("def f():\n    return g\n\ndef h():\n    global g\n    g = 1\n", "[]")
	check("def f():\n    return g\n\ndef h():\n    g = 1\n", "[2:11 NameError]")
	// A star import anywhere silences them.
	check("def f():\n    return g\n\nfrom os import *\n", "[]")
	// A chunk whose error quotes a line is analysed at its line.
	check("x = 1\n\ny = '''abc\n", "[3:4 SyntaxError]")
	// A coding comment on a chunk's second line is not a cookie.
	check("x = 1\ny = 'é' # coding: latin-1\n# coding: latin-1\n", "[]")
	// Each broken chunk reports its errors, and the others their
	// warnings.
	check("def f():\n    x = = 1\n\ndef g():\n    print(v)\n    v = 1\n", "[2:8 SyntaxError 5:10 UnboundLocalError]")
	// An unclosed bracket takes the rest of the buffer, as it does for
	// CPython's tokenizer.
	check("def f(:\n    pass\n\ndef g():\n    print(v)\n    v = 1\n", "[1:6 SyntaxError]")
	check("return 1\nbreak\n", "[1:0 SyntaxError 2:0 SyntaxError]")
	// An error at a chunk's end depends on what follows: the whole
	// buffer's parse decides it.
	check("def f():\nreturn 1\n", "[2:0 IndentationError 2:0 SyntaxError]")
	check("x = 1 +\ny = 2\n", "[1:7 SyntaxError]")
}
