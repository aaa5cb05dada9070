package vm_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/vm"
)

// runLib runs src with CPython's Lib/ on sys.path.
func runLib(path, lib string, src []byte) (string, string, int, error) {
	var out, errb bytes.Buffer
	in := vm.NewInterp(vm.Config{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Argv: []string{path}, Path: []string{vm.ScriptPath(path)}, PyLib: lib,
		Limits: vm.Limits{MaxSteps: 2e9},
	})
	code, err := in.RunMain(vm.Program{Filename: path, Source: src, IsFile: true})
	return out.String(), errb.String(), code, err
}

var (
	stdlibOnce    sync.Once
	stdlibMissing string
)

// stdlibReady reports why the core cannot run the standard library yet
// (it lacks sys.implementation, which types.py reads), or "" when it can.
func stdlibReady(lib string) string {
	stdlibOnce.Do(func() {
		dir, err := os.MkdirTemp("", "stdlibready")
		if err != nil {
			stdlibMissing = err.Error()
			return
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, "probe.py")
		_, stderr, code, err := runLib(path, lib, []byte("import sys\nsys.implementation\n"))
		if err != nil || code != 0 {
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			stdlibMissing = lines[len(lines)-1]
		}
	})
	return stdlibMissing
}

// checkLibProgram is checkProgram with CPython's pure-Python standard
// library on sys.path, as `peephole run` has it. It is skipped while the
// core lacks sys.implementation.
func checkLibProgram(t *testing.T, src string) {
	t.Helper()
	oracle.Require(t)
	lib := vm.DefaultPyLib()
	if lib == "" {
		t.Skip("no CPython 3.13 Lib/ folder on this machine")
	}
	if why := stdlibReady(lib); why != "" {
		t.Skip("the core cannot run the standard library yet: " + why)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "prog.py")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	want := oracle.Run(t, nil, path)
	out, errs, code, err := runLib(path, lib, []byte(src))
	if err != nil {
		t.Fatalf("the run was stopped: %v\nstdout:\n%s\nstderr:\n%s", err, out, errs)
	}
	if out != string(want.Stdout) || code != want.ExitCode || errs != string(want.Stderr) {
		t.Errorf("program:\n%s\n--- CPython (exit %d)\nstdout:\n%s\nstderr:\n%s\n--- peephole (exit %d)\nstdout:\n%s\nstderr:\n%s",
			src, want.ExitCode, want.Stdout, want.Stderr, code, out, errs)
	}
}

// showHelper is the Python prelude of the table programs: show(f) prints
// f()'s result, or the type and message of what it raised.
const showHelper = `
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
`

// writeFile writes a file into dir and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
