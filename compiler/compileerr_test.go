package compiler

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/internal/syntaxcorpus"
	"github.com/peephole-lsp/peephole/parser"
)

// TestCompileErrors holds the SyntaxErrors raised after parsing (by the
// symbol table and by codegen) against compile()'s, for every snippet of
// the oracle's own syntax tests that only the later stages reject.
func TestCompileErrors(t *testing.T) {
	var corpus *syntaxcorpus.Corpus
	if dir := os.Getenv("PEEPHOLE_CORPUS"); dir != "" {
		var err error
		if corpus, err = syntaxcorpus.Load(dir); err != nil {
			t.Fatal(err)
		}
	} else {
		corpus = syntaxcorpus.Extract(t)
	}
	var paths []string
	for _, e := range corpus.Compile {
		paths = append(paths, corpus.Abs(e))
	}
	sort.Strings(paths)
	if len(paths) == 0 {
		t.Fatal("empty corpus")
	}
	const script = `
import json, sys, traceback, warnings
warnings.simplefilter("ignore")
out = {}
for p in json.load(sys.stdin):
    src = open(p, "rb").read()
    try:
        compile(src, p, "exec")
        out[p] = ""
    except SyntaxError as e:
        out[p] = "".join(traceback.format_exception_only(e))
json.dump(out, sys.stdout)
`
	in, _ := json.Marshal(paths)
	r := oracle.Run(t, in, "-c", script)
	if r.ExitCode != 0 {
		t.Fatalf("oracle: %s", r.Stderr)
	}
	var want map[string]string
	if err := json.Unmarshal(r.Stdout, &want); err != nil {
		t.Fatal(err)
	}
	pass := 0
	for _, p := range paths {
		src, _ := os.ReadFile(p)
		got := ""
		_, err := codegenModuleUnit(p, src)
		if err != nil {
			if se, ok := err.(*parser.SyntaxError); ok {
				got = se.Format()
			} else {
				got = "internal: " + err.Error()
			}
		}
		if got != want[p] {
			t.Errorf("%s:\n got: %q\nwant: %q", filepath.Base(p), got, want[p])
			continue
		}
		pass++
	}
	t.Logf("%d of %d compile-stage snippets give CPython's error", pass, len(paths))
}
