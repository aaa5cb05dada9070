package compiler

// This file holds the harness of the standard-library sweeps that hold
// ReadPyc, Unmarshal, Marshal, Dis and the table decoders against the
// oracle: the oracle compiles a sample of its own standard library to .pyc
// files (py_compile, with co_filename the source path), and each test then
// streams what the oracle says about those files and compares.
//
// By default each test takes a deterministic sample, every k-th file in
// path order; PEEPHOLE_STDLIB_ALL=1 sweeps every file.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// stdlibPyc is one compiled source file of the sample.
type stdlibPyc struct {
	Src string // the source path (co_filename)
	Pyc string // the .pyc file
}

// fullSweep reports whether the whole standard library is to be swept.
func fullSweep() bool { return os.Getenv("PEEPHOLE_STDLIB_ALL") == "1" }

// stdlibSample compiles a sample of the oracle's standard library, one
// file in stride in path order (every file under PEEPHOLE_STDLIB_ALL=1),
// into a temporary directory and returns the files that compiled, and how
// many did not.
func stdlibSample(t *testing.T, stride int) ([]stdlibPyc, int) {
	t.Helper()
	root := oracle.Stdlib(t)
	var srcs []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && d.Name() == "site-packages" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".py") {
			srcs = append(srcs, p)
		}
		return nil
	})
	sort.Strings(srcs)
	if !fullSweep() {
		var picked []string
		for i := 0; i < len(srcs); i += stride {
			picked = append(picked, srcs[i])
		}
		srcs = picked
	}
	dir := t.TempDir()
	var jobs [][2]string
	for i, s := range srcs {
		jobs = append(jobs, [2]string{s, filepath.Join(dir, fmt.Sprintf("%04d.pyc", i))})
	}
	const script = `
import json, py_compile, sys
for src, pyc in json.load(sys.stdin):
    try:
        py_compile.compile(src, cfile=pyc, dfile=src, doraise=True)
        print(json.dumps([src, pyc]))
    except Exception:
        print(json.dumps([src, None]))
`
	var files []stdlibPyc
	skipped := 0
	streamOracle(t, script, jobs, func(raw json.RawMessage) {
		var row [2]*string
		if err := json.Unmarshal(raw, &row); err != nil {
			t.Fatal(err)
		}
		if row[1] == nil {
			skipped++
			return
		}
		files = append(files, stdlibPyc{*row[0], *row[1]})
	})
	if len(files) == 0 {
		t.Fatal("no standard-library file compiled")
	}
	return files, skipped
}

// streamOracle runs the oracle on script with stdin as its input and calls
// each with every JSON value the script prints, as they come, so that big
// outputs are never held whole.
func streamOracle(t *testing.T, script string, stdin any, each func(json.RawMessage)) {
	t.Helper()
	streamOracleArgs(t, script, nil, stdin, each)
}

// streamOracleArgs is streamOracle with arguments for the script (its
// sys.argv[1:]).
func streamOracleArgs(t *testing.T, script string, args []string, stdin any, each func(json.RawMessage)) {
	t.Helper()
	if err := tryStreamOracle(t, script, args, stdin, each); err != nil {
		t.Fatal(err)
	}
}

// tryStreamOracle is streamOracleArgs that returns the oracle's failure
// instead of failing the test.
func tryStreamOracle(t *testing.T, script string, args []string, stdin any, each func(json.RawMessage)) error {
	t.Helper()
	py := oracle.Require(t)
	in, err := json.Marshal(stdin)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, append([]string{"-c", script}, args...)...)
	cmd.Env = oracle.Env()
	cmd.Stdin = strings.NewReader(string(in))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bufio.NewReaderSize(out, 1<<20))
	for {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err == io.EOF {
			break
		} else if err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			return fmt.Errorf("reading the oracle's output: %v\n%s", err, stderr.String())
		}
		each(raw)
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("oracle: %v\n%s", err, stderr.String())
	}
	return nil
}

// readPycFile loads a .pyc of the sample.
func readPycFile(t *testing.T, path string) (*Code, []byte, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	co, _, err := ReadPyc(data)
	return co, data, err
}

// walkCode calls f on co and every code object in its constants, depth
// first in co_consts order (the order dis prints them in).
func walkCode(co *Code, f func(*Code)) {
	f(co)
	for _, c := range co.Consts {
		if sub, ok := c.(*Code); ok {
			walkCode(sub, f)
		}
	}
}

// pyWalkCode is Python source defining walk(co), the same order as walkCode.
const pyWalkCode = `
def walk(co):
    yield co
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            yield from walk(c)
`
