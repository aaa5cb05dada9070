package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/vm"
)

func peepholeRun(args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := runRun(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

const pycProgram = `import_marker = 1
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
def gen(n):
    for i in range(n):
        yield Point(i, i * i)
print(list(gen(3)), {k: len(k) for k in ("a", "bb")})
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e.args)
raise ValueError("the end")
`

// TestRunPyc: `peephole run X.pyc` runs a .pyc written by CPython's
// py_compile as `python3.13 X.pyc` does.
func TestRunPyc(t *testing.T) {
	py := oracle.Require(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "prog.py")
	if err := os.WriteFile(src, []byte(pycProgram), 0o644); err != nil {
		t.Fatal(err)
	}
	pyc := filepath.Join(dir, "prog.pyc")
	cmd := exec.Command(py, "-c", "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)", src, pyc)
	cmd.Env = oracle.Env()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("py_compile: %v\n%s", err, out)
	}
	want := oracle.Run(t, nil, pyc)
	stdout, stderr, code := peepholeRun(pyc)
	if stdout != string(want.Stdout) || code != want.ExitCode || stderr != string(want.Stderr) {
		t.Errorf("--- CPython (exit %d)\n%s%s--- peephole (exit %d)\n%s%s", want.ExitCode, want.Stdout, want.Stderr, code, stdout, stderr)
	}
	// And the source itself.
	want = oracle.Run(t, nil, src)
	stdout, stderr, code = peepholeRun(src)
	if stdout != string(want.Stdout) || code != want.ExitCode || stderr != string(want.Stderr) {
		t.Errorf("--- CPython (exit %d)\n%s%s--- peephole (exit %d)\n%s%s", want.ExitCode, want.Stdout, want.Stderr, code, stdout, stderr)
	}
}

// TestRunErrors: the command line's errors, as python3.13 gives them (the
// program's name aside).
func TestRunErrors(t *testing.T) {
	oracle.Require(t)
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.py")
	want := oracle.Run(t, nil, missing)
	_, stderr, code := peepholeRun(missing)
	_, wantMsg, _ := strings.Cut(string(want.Stderr), ": ")
	_, gotMsg, _ := strings.Cut(stderr, ": ")
	if code != want.ExitCode || gotMsg != wantMsg {
		t.Errorf("missing file: exit %d %q, CPython's exit %d %q", code, stderr, want.ExitCode, want.Stderr)
	}
	want = oracle.Run(t, nil, dir)
	_, stderr, code = peepholeRun(dir)
	_, wantMsg, _ = strings.Cut(string(want.Stderr), ": ")
	_, gotMsg, _ = strings.Cut(stderr, ": ")
	if code != want.ExitCode || gotMsg != wantMsg {
		t.Errorf("a folder: exit %d %q, CPython's exit %d %q", code, stderr, want.ExitCode, want.Stderr)
	}
	// -c: sys.argv and the exit status of SystemExit.
	want = oracle.Run(t, nil, "-c", "raise SystemExit(7)", "a", "b")
	_, _, code = peepholeRun("-c", "raise SystemExit(7)", "a", "b")
	if code != want.ExitCode {
		t.Errorf("-c: exit %d, CPython's %d", code, want.ExitCode)
	}
	if _, _, code := peepholeRun(); code != 2 {
		t.Errorf("no arguments: exit %d", code)
	}
	if _, _, code := peepholeRun("-c"); code != 2 {
		t.Errorf("-c without code: exit %d", code)
	}
}

// TestTraceCommand: `peephole trace` prints the program's output in order
// with the trace, or the trace to a file with -o.
func TestTraceCommand(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "t.py")
	if err := os.WriteFile(src, []byte("x = 6\nprint(x * 7)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := runTrace([]string{src}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(out.String(), "\n")
	printAt, callAt := -1, -1
	for i, l := range lines {
		if l == "42" {
			printAt = i
		}
		if strings.Contains(l, " CALL ") && strings.Contains(l, "Stack: [None]") {
			callAt = i
		}
	}
	if printAt < 0 || callAt != printAt+1 || !strings.Contains(out.String(), "STORE_NAME               0 (x)") {
		t.Errorf("the trace:\n%s", out.String())
	}

	out.Reset()
	traceFile := filepath.Join(dir, "trace.txt")
	if code := runTrace([]string{"-o", traceFile, src}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	data, err := os.ReadFile(traceFile)
	if out.String() != "42\n" || err != nil || !strings.Contains(string(data), "BINARY_OP                5 (*)") {
		t.Errorf("stdout %q; trace file (%v):\n%s", out.String(), err, data)
	}
}

// TestRunInternalError: a failure of the VM (a hook that panics) is
// reported as a bug, with status 1, instead of crashing the command.
func TestRunInternalError(t *testing.T) {
	s := &script{prog: vm.Program{Filename: "<string>", Source: []byte("print(1)\n")}, argv: []string{"-c"}, path: []string{""}}
	var out, errb bytes.Buffer
	code := s.run(strings.NewReader(""), &out, &errb, func(*vm.Interp) vm.TraceFunc {
		return func(*vm.Thread, *vm.TraceEvent) { panic("boom") }
	})
	if code != 1 || !strings.HasPrefix(errb.String(), "peephole: internal error (a bug in the VM): boom\n") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}
