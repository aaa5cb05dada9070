package symtab_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/symtab"
)

// oracleSymtable runs `python3.13 -m symtable` (in one process) on every
// path and returns, per path, its stdout or its error block.
const symtableScript = `
import io, json, sys, symtable, traceback, contextlib
out = {}
for path in json.load(sys.stdin):
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            symtable.main([path])
        out[path] = {"ok": True, "text": buf.getvalue()}
    except SyntaxError as e:
        out[path] = {"ok": False, "text": "".join(traceback.format_exception_only(e))}
json.dump(out, sys.stdout)
`

type oracleResult struct {
	OK   bool   `json:"ok"`
	Text string `json:"text"`
}

func runOracleSymtable(t *testing.T, paths []string) map[string]oracleResult {
	t.Helper()
	in, _ := json.Marshal(paths)
	r := oracle.Run(t, in, "-c", symtableScript)
	if r.ExitCode != 0 {
		t.Fatalf("oracle failed: %s", r.Stderr)
	}
	var out map[string]oracleResult
	if err := json.Unmarshal(r.Stdout, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// peepholeSymtable does what `peephole symtable path` does.
func peepholeSymtable(path string) (string, bool) {
	src, err := os.ReadFile(path)
	if err != nil {
		return err.Error(), false
	}
	res := parser.Parse(src, parser.Options{Filename: path, IsFile: true})
	if res.Err != nil {
		return res.Err.Format(), false
	}
	m, serr := symtab.Build(res.Tree, symtab.Options{Filename: path, Source: src, IsFile: true})
	if serr != nil {
		return serr.Format(), false
	}
	var b bytes.Buffer
	m.Print(&b, path)
	return b.String(), true
}

func globFiles(t *testing.T, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no files for %s", pattern)
	}
	sort.Strings(files)
	return files
}

// TestSymtableMatchesOracle compares the tables (or the SyntaxError) of
// every test program with CPython's.
func TestSymtableMatchesOracle(t *testing.T) {
	valid := globFiles(t, "testdata/valid/*.py")
	invalid := globFiles(t, "testdata/errors/*.py")
	want := runOracleSymtable(t, append(append([]string{}, valid...), invalid...))
	for _, path := range valid {
		got, ok := peepholeSymtable(path)
		w := want[path]
		if !w.OK {
			t.Errorf("%s: the oracle rejects a file of testdata/valid:\n%s", path, w.Text)
			continue
		}
		if !ok || got != w.Text {
			t.Errorf("%s: symtable differs from CPython's\n%s", path, diff(w.Text, got))
		}
	}
	for _, path := range invalid {
		got, ok := peepholeSymtable(path)
		w := want[path]
		if w.OK {
			t.Errorf("%s: the oracle accepts a file of testdata/errors", path)
			continue
		}
		if ok || got != w.Text {
			t.Errorf("%s: error differs from CPython's\n%s", path, diff(w.Text, got))
		}
	}
}

// TestSymtableStdlibSample compares a sample of the standard library (the
// parity ratchet covers all of it).
func TestSymtableStdlibSample(t *testing.T) {
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
	n := 60
	if testing.Short() {
		n = 15
	}
	var sample []string
	for i := 0; i < n && len(files) > 0; i++ {
		sample = append(sample, files[i*len(files)/n])
	}
	want := runOracleSymtable(t, sample)
	for _, path := range sample {
		got, _ := peepholeSymtable(path)
		if got != want[path].Text {
			t.Errorf("%s: symtable differs from CPython's\n%s", path, diff(want[path].Text, got))
		}
	}
}

// diff shows the first lines where two texts differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			lo := max(0, i-3)
			var sb strings.Builder
			for j := lo; j < i; j++ {
				sb.WriteString("  " + w[j] + "\n")
			}
			sb.WriteString("- " + a + "\n+ " + b + "\n")
			return sb.String()
		}
	}
	return "(identical)"
}
