package syntaxcorpus

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

func TestMain(m *testing.M) {
	code := m.Run()
	Cleanup()
	os.Exit(code)
}

var fileName = regexp.MustCompile(`^(parse|compile)/(\d{4,})_(test_\w+)\.py$`)

// TestCorpus extracts the corpus and checks that it is sane.
func TestCorpus(t *testing.T) {
	c := Extract(t)
	t.Logf("oracle %s; extraction took %.1fs", strings.Fields(c.Python)[0], c.Seconds)
	t.Logf("%d parse-stage and %d compile-stage files in %s", len(c.Parse), len(c.Compile), c.Dir)
	for _, m := range Modules {
		st, ok := c.Modules[m]
		if !ok || st.Missing {
			t.Errorf("%s: no statistics: the module was not run", m)
			continue
		}
		t.Logf("  %-16s parse %4d  compile %3d  (candidates %d; tests run %d, skipped %d, %.1fs)",
			m, st.Parse, st.Compile, st.Candidates, st.Run, st.Skipped, st.Seconds)
		if st.ImportError != nil {
			t.Errorf("%s: %s", m, *st.ImportError)
		}
		if st.Parse+st.Compile == 0 {
			t.Errorf("%s contributed no file", m)
		}
		if len(st.Timeouts) > 0 {
			t.Logf("  %s: tests interrupted by the time limit: %v", m, st.Timeouts)
		}
	}
	if len(c.Parse) < 300 {
		t.Errorf("only %d parse-stage files, want at least 300", len(c.Parse))
	}
	if len(c.Compile) == 0 {
		t.Errorf("no compile-stage file")
	}
	if len(c.Parse)+len(c.Compile) != len(c.Files) {
		t.Errorf("%d parse + %d compile != %d files", len(c.Parse), len(c.Compile), len(c.Files))
	}

	classes := []string{"SyntaxError", "IndentationError", "TabError"}
	listed := map[string]bool{}
	for i, e := range c.Files {
		if e.Number != i+1 {
			t.Errorf("%s: number %d, want %d", e.Path, e.Number, i+1)
		}
		mm := fileName.FindStringSubmatch(e.Path)
		if mm == nil || Stage(mm[1]) != e.Stage || mm[3] != e.Module || fmt.Sprintf("%0*d", len(mm[2]), e.Number) != mm[2] {
			t.Errorf("%s: path does not match stage %q, number %d, module %q", e.Path, e.Stage, e.Number, e.Module)
		}
		if !slices.Contains(Modules, e.Module) {
			t.Errorf("%s: unknown module %q", e.Path, e.Module)
		}
		if e.Test == "" {
			t.Errorf("%s: no test recorded", e.Path)
		}
		listed[e.Path] = true
		src, err := c.Source(e)
		if err != nil {
			t.Errorf("%s: %v", e.Path, err)
		} else if len(src) == 0 {
			t.Errorf("%s: empty file", e.Path)
		}
		if e.CompileError == nil || !slices.Contains(classes, e.CompileError.Class) {
			t.Errorf("%s: compile error %+v is not a SyntaxError", e.Path, e.CompileError)
		}
		switch e.Stage {
		case StageParse:
			if e.ParseError == nil || !slices.Contains(classes, e.ParseError.Class) {
				t.Errorf("%s: parse-stage file without a parse SyntaxError: %+v", e.Path, e.ParseError)
			}
		case StageCompile:
			if e.ParseError != nil {
				t.Errorf("%s: compile-stage file with a parse error %+v", e.Path, e.ParseError)
			}
		}
	}
	// Nothing but the listed files in parse/ and compile/.
	for _, stage := range []Stage{StageParse, StageCompile} {
		ents, err := os.ReadDir(filepath.Join(c.Dir, string(stage)))
		if err != nil {
			t.Fatal(err)
		}
		for _, ent := range ents {
			if p := string(stage) + "/" + ent.Name(); !listed[p] {
				t.Errorf("%s is not in index.json", p)
			}
		}
	}
}

// TestStages re-verifies the recorded stage of a sample of the files with
// `python3.13 -m ast FILE`: a parse-stage file makes it exit with status 1 and
// print the recorded SyntaxError; a compile-stage file is dumped as a Module.
func TestStages(t *testing.T) {
	c := Extract(t)
	// About 160 files (40 under -short); PEEPHOLE_SYNTAXCORPUS_ALL=1 checks them all.
	parseEvery, compileEvery := 8, 3
	if testing.Short() {
		parseEvery, compileEvery = 40, 15
	}
	if os.Getenv("PEEPHOLE_SYNTAXCORPUS_ALL") == "1" {
		parseEvery, compileEvery = 1, 1
	}
	var sample []Entry
	for i, e := range c.Parse {
		if i%parseEvery == 0 {
			sample = append(sample, e)
		}
	}
	for i, e := range c.Compile {
		if i%compileEvery == 0 {
			sample = append(sample, e)
		}
	}
	t.Logf("checking %d of %d files with python3.13 -m ast", len(sample), len(c.Files))
	for _, e := range sample {
		t.Run(strings.TrimSuffix(e.Path, ".py"), func(t *testing.T) {
			t.Parallel()
			path := c.Abs(e)
			r := oracle.Run(t, nil, "-m", "ast", path)
			switch e.Stage {
			case StageParse:
				if r.ExitCode != 1 {
					t.Fatalf("python3.13 -m ast %s: exit status %d, want 1\nstdout: %.200s\nstderr: %s",
						e.Path, r.ExitCode, r.Stdout, r.Stderr)
				}
				lines := strings.Split(strings.TrimRight(string(r.Stderr), "\n"), "\n")
				last := lines[len(lines)-1]
				if want := e.ParseError.Class + ": " + e.ParseError.Msg; last != want {
					t.Errorf("python3.13 -m ast %s: last stderr line %q, want %q\nstderr: %s", e.Path, last, want, r.Stderr)
				}
				if e.ParseError.Lineno != nil {
					want := fmt.Sprintf("File %q, line %d", path, *e.ParseError.Lineno)
					if !bytes.Contains(r.Stderr, []byte(want)) {
						t.Errorf("python3.13 -m ast %s: stderr lacks %q:\n%s", e.Path, want, r.Stderr)
					}
				}
			case StageCompile:
				if r.ExitCode != 0 || !bytes.HasPrefix(r.Stdout, []byte("Module(")) {
					t.Errorf("python3.13 -m ast %s: exit status %d, want 0 and a Module dump\nstdout: %.200s\nstderr: %s",
						e.Path, r.ExitCode, r.Stdout, r.Stderr)
				}
			}
		})
	}
}

// TestReproducible runs the extraction a second time and checks that it
// writes the same files, with the same numbers, contents and index entries.
func TestReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: runs the extraction twice")
	}
	c := Extract(t)
	python := oracle.Require(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	d, err := Generate(ctx, python, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Files) != len(c.Files) {
		t.Fatalf("second run: %d files, first run: %d", len(d.Files), len(c.Files))
	}
	for i := range c.Files {
		a, b := c.Files[i], d.Files[i]
		if !reflect.DeepEqual(a, b) {
			t.Errorf("entry %d differs:\n first: %+v\nsecond: %+v", i+1, a, b)
			continue
		}
		sa, err1 := c.Source(a)
		sb, err2 := d.Source(b)
		if err1 != nil || err2 != nil || !bytes.Equal(sa, sb) {
			t.Errorf("%s: contents differ between runs (%v, %v)", a.Path, err1, err2)
		}
	}
}

// TestLoadErrors checks Load's error on a directory without a corpus.
func TestLoadErrors(t *testing.T) {
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("Load of an empty directory succeeded")
	}
	if !bytes.Equal(Script(), script) || !bytes.Contains(Script(), []byte("python3.13 internal/syntaxcorpus/extract.py /tmp/corpus")) {
		t.Error("Script() does not return extract.py")
	}
}
