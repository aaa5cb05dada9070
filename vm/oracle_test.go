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

// runVM runs src as the file name in dir with a fresh interpreter and
// returns its stdout, stderr and exit status.
func runVM(t *testing.T, path string, src []byte, stdin string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	in := vm.NewInterp(vm.Config{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Argv: []string{path}, Path: []string{vm.ScriptPath(path)},
		Limits: vm.Limits{MaxSteps: 2e9},
	})
	code, err := in.RunMain(vm.Program{Filename: path, Source: src, IsFile: true})
	if err != nil {
		t.Fatalf("%s: the run was stopped: %v\nstdout:\n%s\nstderr:\n%s", path, err, out.String(), errb.String())
	}
	return out.String(), errb.String(), code
}

// checkProgram runs the Python source src under the VM and under CPython
// 3.13 (as a file in a temporary folder) and fails the test when stdout,
// the exit status or stderr differ.
func checkProgram(t *testing.T, src string) {
	t.Helper()
	oracle.Require(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "prog.py")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	want := oracle.Run(t, nil, path)
	stdout, stderr, code := runVM(t, path, []byte(src), "")
	if stdout != string(want.Stdout) || code != want.ExitCode || stderr != string(want.Stderr) {
		t.Errorf("program:\n%s\n--- CPython (exit %d)\nstdout:\n%s\nstderr:\n%s\n--- peephole (exit %d)\nstdout:\n%s\nstderr:\n%s",
			src, want.ExitCode, want.Stdout, want.Stderr, code, stdout, stderr)
	}
}

// TestSeeds runs the seeds' examples.
func TestSeeds(t *testing.T) {
	checkProgram(t, `
def add_nums(a, b):
    total = 0
    for i in range(a, b):
        total += i
    return total
print(add_nums(1, 10))

def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)
print(factorial(30))

def outer():
    x = 10
    def inner():
        return x + 1
    return inner
print(outer()())

class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
class B(A):
    def get(self):
        return super().get() * 2
print(B(21).get(), [1, 2.5, "s", (1,), {"a": 1}])
`)
}
