// Package syntaxcorpus gives tests a corpus of invalid Python sources: every
// source that the oracle's own Lib/test/test_syntax.py, test_exceptions.py,
// test_fstring.py, test_grammar.py and test_patma.py expect to raise
// SyntaxError, each written to a file of its own.
//
// # How the corpus is made
//
// Nothing from CPython is stored in this repository. The corpus is extracted
// at test time from the installed oracle (CPython 3.13, see package oracle) by
// extract.py, a script of ours embedded in this package. It runs each of the
// five test modules (unittest cases plus the doctests test_syntax.py wires in
// through load_tests) in a child interpreter with builtins.compile, exec and
// eval, symtable.symtable and test.support.script_helper's subprocess helpers
// instrumented, and records every text source that raised SyntaxError (or
// that a test would have run in a subprocess). It then keeps, once each, the
// sources that raise SyntaxError when compiled as a whole module from their
// bytes (str sources are encoded as UTF-8; unencodable ones are skipped), and
// sorts them into two stages:
//
//   - parse: ast.parse(source, type_comments=True) raises SyntaxError — that
//     is, `python3.13 -m ast FILE` rejects the file;
//   - compile: ast.parse accepts it but compile(source, name, 'exec') does
//     not (symbol table, future statements, code generator).
//
// The layout it writes, OUTDIR/parse/NNNN_<module>.py,
// OUTDIR/compile/NNNN_<module>.py and OUTDIR/index.json, and every detail of
// the extraction, are documented at the top of extract.py. The script can be
// run by hand (.ci/run does):
//
//	python3.13 internal/syntaxcorpus/extract.py /tmp/corpus
//
// # Use from Go tests
//
// [Extract] runs the script once per test process into a fresh temporary
// directory and returns the [Corpus]; it skips the test when there is no
// oracle (fails it under PEEPHOLE_REQUIRE_ORACLE=1). A package that uses it
// should call [Cleanup] from its TestMain after m.Run; directories left behind
// by dead test processes are removed by later extractions anyway.
package syntaxcorpus

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

//go:embed extract.py
var script []byte

// Script returns the text of extract.py, the extraction script.
func Script() []byte { return bytes.Clone(script) }

// Modules are the oracle's test modules the corpus is extracted from, in the
// order extract.py numbers their files.
var Modules = []string{"test_syntax", "test_exceptions", "test_fstring", "test_grammar", "test_patma"}

// Stage says which part of the oracle rejects a source.
type Stage string

const (
	// StageParse: ast.parse(source, type_comments=True) (python3.13 -m ast FILE) raises SyntaxError.
	StageParse Stage = "parse"
	// StageCompile: ast.parse accepts the source; compile(source, name, "exec") raises SyntaxError.
	StageCompile Stage = "compile"
)

// Error is the SyntaxError the oracle raised. Position fields are nil where
// the oracle's attribute was None.
type Error struct {
	Class     string  `json:"class"` // SyntaxError, IndentationError or TabError
	Msg       string  `json:"msg"`
	Lineno    *int    `json:"lineno"`
	Offset    *int    `json:"offset"`
	EndLineno *int    `json:"end_lineno"`
	EndOffset *int    `json:"end_offset"`
	Text      *string `json:"text"`
}

// Entry describes one corpus file (one entry of index.json).
type Entry struct {
	Path       string   `json:"path"`        // slash-separated, relative to Corpus.Dir, e.g. "parse/0001_test_syntax.py"
	Number     int      `json:"number"`      // NNNN, unique across both stages
	Module     string   `json:"module"`      // test module that first produced it, e.g. "test_syntax"
	Test       string   `json:"test"`        // unittest id, or "test.test_syntax [doctest test_syntax.py:LINE]"
	Via        string   `json:"via"`         // compile, exec, eval, symtable, "subprocess -c", "subprocess script"
	Mode       string   `json:"mode"`        // the mode the test used: exec, eval, single ("" if unknown)
	SourceType string   `json:"source_type"` // str or bytes: what the test passed
	AlsoIn     []string `json:"also_in"`     // other modules that produced the same bytes
	Stage      Stage    `json:"stage"`
	// TypeCommentsOnly: a parse-stage source that ast.parse accepts without type_comments.
	TypeCommentsOnly bool   `json:"type_comments_only"`
	ParseError       *Error `json:"parse_error"`   // ast.parse(type_comments=True); nil for StageCompile
	CompileError     *Error `json:"compile_error"` // compile(source, name, "exec")
}

// ModuleStats is what extract.py reports about one test module's run.
type ModuleStats struct {
	Candidates  int      `json:"candidates"` // distinct sources recorded
	Parse       int      `json:"parse"`      // files kept, per stage
	Compile     int      `json:"compile"`
	Run         int      `json:"run"` // unittest counts
	Failures    int      `json:"failures"`
	Errors      int      `json:"errors"`
	Skipped     int      `json:"skipped"`
	Timeouts    []string `json:"timeouts"` // tests interrupted by the per-test time limit
	NonText     int      `json:"non_text"` // SyntaxErrors from compiling non-text (AST) objects: not recorded
	Seconds     float64  `json:"seconds"`
	ImportError *string  `json:"import_error"`
	Missing     bool     `json:"missing"` // the module's child process produced nothing
}

// Corpus is an extracted corpus.
type Corpus struct {
	Dir     string                 // the directory holding parse/, compile/ and index.json
	Python  string                 // the oracle's sys.version
	Seconds float64                // how long extract.py took
	Modules map[string]ModuleStats // by module name
	Files   []Entry                // every file, by Number
	Parse   []Entry                // the StageParse files, by Number
	Compile []Entry                // the StageCompile files, by Number
	Dropped map[string]int         // candidates not kept, by reason
	Skipped []json.RawMessage      // candidates skipped (e.g. str not encodable as UTF-8)
}

// Abs returns the absolute path of e's file.
func (c *Corpus) Abs(e Entry) string { return filepath.Join(c.Dir, filepath.FromSlash(e.Path)) }

// Source returns the bytes of e's file.
func (c *Corpus) Source(e Entry) ([]byte, error) { return os.ReadFile(c.Abs(e)) }

type index struct {
	Python  string                 `json:"python"`
	Seconds float64                `json:"seconds"`
	Modules map[string]ModuleStats `json:"modules"`
	Files   []Entry                `json:"files"`
	Skipped []json.RawMessage      `json:"skipped"`
	Dropped map[string]int         `json:"dropped"`
}

// Load reads a corpus that extract.py wrote into dir.
func Load(dir string) (*Corpus, error) {
	data, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if err != nil {
		return nil, err
	}
	var ix index
	if err := json.Unmarshal(data, &ix); err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.Join(dir, "index.json"), err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	c := &Corpus{Dir: abs, Python: ix.Python, Seconds: ix.Seconds, Modules: ix.Modules,
		Files: ix.Files, Dropped: ix.Dropped, Skipped: ix.Skipped}
	for _, e := range ix.Files {
		switch e.Stage {
		case StageParse:
			c.Parse = append(c.Parse, e)
		case StageCompile:
			c.Compile = append(c.Compile, e)
		default:
			return nil, fmt.Errorf("index.json: %s: unknown stage %q", e.Path, e.Stage)
		}
	}
	return c, nil
}

// Generate runs extract.py with the interpreter python (the oracle) into dir
// and loads the result. The script's output is returned in the error if it
// fails.
func Generate(ctx context.Context, python, dir string) (*Corpus, error) {
	work, err := os.MkdirTemp("", "peephole-syntaxcorpus-script-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	path := filepath.Join(work, "extract.py")
	if err := os.WriteFile(path, script, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, python, path, dir)
	cmd.Env = oracle.Env()
	cmd.Dir = work
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%s extract.py %s: %v\n%s", python, dir, err, out)
	}
	return Load(dir)
}

const dirPrefix = "peephole-syntaxcorpus-"

var (
	mu      sync.Mutex
	done    bool
	cached  *Corpus
	errOnce error
	tmpDir  string
)

// Extract returns the corpus, extracting it with the oracle the first time it
// is called in this test process (into a temporary directory that [Cleanup]
// removes). It skips t when no oracle is found (fails it under
// PEEPHOLE_REQUIRE_ORACLE=1), and fails t if the extraction failed. The
// returned Corpus is shared: callers must not modify it or its files.
func Extract(t testing.TB) *Corpus {
	t.Helper()
	python := oracle.Require(t)
	mu.Lock()
	defer mu.Unlock()
	if !done {
		done = true
		cached, errOnce = extract(python)
	}
	if errOnce != nil {
		t.Fatalf("syntaxcorpus: %v", errOnce)
	}
	return cached
}

func extract(python string) (*Corpus, error) {
	sweep()
	dir, err := os.MkdirTemp("", dirPrefix+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, err
	}
	tmpDir = dir
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	return Generate(ctx, python, dir)
}

// Cleanup removes the directory [Extract] made in this process, if any. Call
// it from TestMain after m.Run; after it, the Corpus must not be used.
func Cleanup() {
	mu.Lock()
	defer mu.Unlock()
	if tmpDir != "" {
		os.RemoveAll(tmpDir)
		tmpDir = ""
	}
}

// sweep removes corpus directories left in the temporary directory by test
// processes that are gone (no Cleanup call), once they are an hour old.
func sweep() {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		return
	}
	ents, err := os.ReadDir(os.TempDir())
	if err != nil {
		return
	}
	for _, ent := range ents {
		name := ent.Name()
		if !ent.IsDir() || !strings.HasPrefix(name, dirPrefix) {
			continue
		}
		pidStr, _, ok := strings.Cut(strings.TrimPrefix(name, dirPrefix), "-")
		pid, err := strconv.Atoi(pidStr)
		if !ok || err != nil || pid <= 0 || pid == os.Getpid() {
			continue
		}
		info, err := ent.Info()
		if err != nil || time.Since(info.ModTime()) < time.Hour || alive(pid) {
			continue
		}
		os.RemoveAll(filepath.Join(os.TempDir(), name))
	}
}

func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return !(errors.Is(err, os.ErrProcessDone) || errors.Is(err, syscall.ESRCH))
}
