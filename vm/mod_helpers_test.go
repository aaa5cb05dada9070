package vm_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/vm"
)

// checkLibProgram is checkProgram with CPython's pure-Python standard
// library on sys.path, as `peephole run` has it.
func checkLibProgram(t *testing.T, src string) {
	t.Helper()
	oracle.Require(t)
	lib := vm.DefaultPyLib()
	if lib == "" {
		t.Skip("no CPython 3.13 Lib/ folder on this machine")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "prog.py")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	want := oracle.Run(t, nil, path)
	var out, errb bytes.Buffer
	in := vm.NewInterp(vm.Config{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Argv: []string{path}, Path: []string{vm.ScriptPath(path)}, PyLib: lib,
		Limits: vm.Limits{MaxSteps: 2e9},
	})
	code, err := in.RunMain(vm.Program{Filename: path, Source: []byte(src), IsFile: true})
	if err != nil {
		t.Fatalf("the run was stopped: %v\nstdout:\n%s\nstderr:\n%s", err, out.String(), errb.String())
	}
	if out.String() != string(want.Stdout) || code != want.ExitCode || errb.String() != string(want.Stderr) {
		t.Errorf("program:\n%s\n--- CPython (exit %d)\nstdout:\n%s\nstderr:\n%s\n--- peephole (exit %d)\nstdout:\n%s\nstderr:\n%s",
			src, want.ExitCode, want.Stdout, want.Stderr, code, out.String(), errb.String())
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
