package vm_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/vm"
)

// runLimited runs src under the VM with limits and returns what it wrote,
// its exit status and the error that stopped it.
func runLimited(t *testing.T, src string, lim vm.Limits, setup func(*vm.Interp)) (string, string, int, error) {
	t.Helper()
	var out, errb bytes.Buffer
	in := vm.NewInterp(vm.Config{Stdout: &out, Stderr: &errb, Argv: []string{"prog.py"}, Limits: lim})
	if setup != nil {
		setup(in)
	}
	code, err := in.RunMain(vm.Program{Filename: "prog.py", Source: []byte(src)})
	return out.String(), errb.String(), code, err
}

// wantAbort checks that err is an *vm.Abort of the kind.
func wantAbort(t *testing.T, err error, kind vm.AbortKind) {
	t.Helper()
	var a *vm.Abort
	if !errors.As(err, &a) {
		t.Fatalf("the run was not aborted: err = %v", err)
	}
	if a.Kind != kind {
		t.Fatalf("aborted by %v (%q), want kind %v", a.Kind, a.Reason, kind)
	}
}

const infiniteLoop = `
n = 0
while True:
    n += 1
`

const infiniteRecursionWithCatch = `
def f():
    try:
        f()
    except RecursionError:
        f()
f()
`

func TestLimitSteps(t *testing.T) {
	for _, src := range []string{infiniteLoop, "def f():\n    while True:\n        pass\nf()\n", infiniteRecursionWithCatch} {
		start := time.Now()
		_, _, _, err := runLimited(t, src, vm.Limits{MaxSteps: 200_000}, nil)
		wantAbort(t, err, vm.AbortSteps)
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("stopping took %v", d)
		}
	}
	// A program within the bound ends normally.
	out, _, code, err := runLimited(t, "n = 0\nwhile n < 1000:\n    n += 1\nprint(n)\n", vm.Limits{MaxSteps: 1_000_000}, nil)
	if err != nil || code != 0 || out != "1000\n" {
		t.Errorf("got %q, %d, %v", out, code, err)
	}
}

func TestLimitTimeout(t *testing.T) {
	for _, src := range []string{infiniteLoop, infiniteRecursionWithCatch} {
		start := time.Now()
		_, _, _, err := runLimited(t, src, vm.Limits{Timeout: 100 * time.Millisecond}, nil)
		wantAbort(t, err, vm.AbortTimeout)
		if d := time.Since(start); d < 100*time.Millisecond || d > 5*time.Second {
			t.Errorf("stopped after %v, want about 100ms", d)
		}
	}
}

func TestLimitContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, _, _, err := runLimited(t, infiniteLoop, vm.Limits{Context: ctx}, nil)
	wantAbort(t, err, vm.AbortCancelled)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopped after %v", d)
	}

	// A context cancelled before the run starts stops it at once.
	_, _, _, err = runLimited(t, infiniteLoop, vm.Limits{Context: ctx}, nil)
	wantAbort(t, err, vm.AbortCancelled)

	// A context's deadline is a timeout.
	dctx, dcancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer dcancel()
	_, _, _, err = runLimited(t, infiniteLoop, vm.Limits{Context: dctx}, nil)
	wantAbort(t, err, vm.AbortTimeout)

	// Handlers and finally blocks do not catch an abort.
	ctx2, cancel2 := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel2)
	out, _, _, err := runLimited(t, `
try:
    while True:
        pass
except BaseException:
    print("caught")
finally:
    print("finally")
`, vm.Limits{Context: ctx2}, nil)
	wantAbort(t, err, vm.AbortCancelled)
	if out != "" {
		t.Errorf("the program ran on after the abort: %q", out)
	}
}

func TestLimitOutput(t *testing.T) {
	out, errOut, _, err := runLimited(t, "while True:\n    print('spam' * 10)\n", vm.Limits{MaxOutput: 10_000}, nil)
	wantAbort(t, err, vm.AbortOutput)
	if len(out) != 10_000 || !strings.HasPrefix(out, "spamspam") {
		t.Errorf("stdout has %d bytes, want the first 10000 written", len(out))
	}
	if errOut != "" {
		t.Errorf("stderr: %q", errOut)
	}
	// stdout and stderr share the bound; exponential output is stopped too.
	out, errOut, _, err = runLimited(t, `
s = "x"
while True:
    s = s + s
    print(s)
`, vm.Limits{MaxOutput: 1 << 20}, nil)
	wantAbort(t, err, vm.AbortOutput)
	if len(out)+len(errOut) != 1<<20 {
		t.Errorf("wrote %d bytes", len(out)+len(errOut))
	}
}

func TestLimitMemory(t *testing.T) {
	const limit = 64 << 20
	// Allocating forever: a MemoryError with the program's traceback, as
	// CPython gives when malloc fails.
	start := time.Now()
	_, errOut, code, err := runLimited(t, `
hoard = []
while True:
    hoard.append([0] * 10000)
`, vm.Limits{MaxMemory: limit, Timeout: time.Minute}, nil)
	if err != nil || code != 1 || !strings.HasSuffix(errOut, "\nMemoryError\n") {
		t.Fatalf("got exit %d, err %v, stderr:\n%s", code, err, errOut)
	}
	t.Logf("MemoryError after %v", time.Since(start))

	// A program that catches the MemoryError and goes on hoarding is
	// aborted.
	_, _, _, err = runLimited(t, `
hoard = []
def grow():
    while True:
        hoard.append([0] * 10000)
while True:
    try:
        grow()
    except MemoryError:
        pass
`, vm.Limits{MaxMemory: limit, Timeout: time.Minute}, nil)
	wantAbort(t, err, vm.AbortMemory)

	// One that lets go of its memory goes on, and may fail again.
	out, _, code, err := runLimited(t, `
for i in range(2):
    hoard = []
    try:
        while True:
            hoard.append([0] * 10000)
    except MemoryError:
        hoard = None
        print("MemoryError", i)
print("done")
`, vm.Limits{MaxMemory: limit, Timeout: time.Minute}, nil)
	if err != nil || code != 0 || out != "MemoryError 0\nMemoryError 1\ndone\n" {
		t.Errorf("got %q, exit %d, err %v", out, code, err)
	}

	// A single allocation past the bound is refused before it is made.
	out, _, _, err = runLimited(t, `
for make in (lambda: [0] * 10**8, lambda: "x" * 10**9, lambda: (1, 2) * 10**8):
    try:
        make()
    except MemoryError as e:
        print("MemoryError", e.args)
`, vm.Limits{MaxMemory: limit}, nil)
	if err != nil || out != strings.Repeat("MemoryError ()\n", 3) {
		t.Errorf("got %q, %v", out, err)
	}
}

// TestHugeAllocation: without a memory bound, an allocation larger than
// the machine raises MemoryError as in CPython, instead of killing the
// process.
func TestHugeAllocation(t *testing.T) {
	checkProgram(t, `
for make in (lambda: [0] * 10**12, lambda: "x" * 10**13, lambda: (1, 2) * 10**12, lambda: [1, 2] * 2**62):
    try:
        make()
    except MemoryError as e:
        print("MemoryError", e.args)
`)
}

// recursionPrograms recurse without end through Python functions, special
// methods and native code; CPython stops each with RecursionError at a
// depth the programs print.
var recursionPrograms = []string{`
depth = 0
def f():
    global depth
    depth += 1
    f()
try:
    f()
except RecursionError as e:
    print("f", depth, e)
depth = 0
def g(n):
    global depth
    depth += 1
    return [g(n + 1) for _ in range(1)]
try:
    g(0)
except RecursionError as e:
    print("comprehension", depth, e)
depth = 0
def gen():
    global depth
    depth += 1
    yield from gen()
try:
    next(gen())
except RecursionError as e:
    print("gen", depth, e)
depth = 0
def lam():
    global depth
    depth += 1
    return (lambda: lam())()
try:
    lam()
except RecursionError as e:
    print("lambda", depth, e)
depth = 0
def key(x):
    global depth
    depth += 1
    [1, 2].sort(key=key)
    return x
try:
    [1].sort(key=key)
except RecursionError as e:
    print("sort key", depth, e)
`, `
depth = 0
class A:
    def __getattr__(self, name):
        global depth
        depth += 1
        return getattr(self, name)
try:
    A().x
except RecursionError as e:
    print("getattr", depth, e)
depth = 0
class A2:
    def __getattr__(self, name):
        global depth
        depth += 1
        return self.y
try:
    A2().x
except RecursionError as e:
    print("getattr2", depth, e)
depth = 0
class B:
    def __repr__(self):
        global depth
        depth += 1
        return repr(self)
try:
    repr(B())
except RecursionError as e:
    print("repr", depth, e)
depth = 0
class C:
    def __eq__(self, o):
        global depth
        depth += 1
        return self == o
try:
    C() == C()
except RecursionError as e:
    print("eq", depth, e)
depth = 0
class D:
    def __hash__(self):
        global depth
        depth += 1
        return hash(self)
try:
    hash(D())
except RecursionError as e:
    print("hash", depth, e)
depth = 0
class E:
    def __len__(self):
        global depth
        depth += 1
        return len(self)
try:
    len(E())
except RecursionError as e:
    print("len", depth, e)
depth = 0
class F:
    def __getitem__(self, i):
        global depth
        depth += 1
        return self[i]
try:
    F()[0]
except RecursionError as e:
    print("getitem", depth, e)
depth = 0
class G:
    def __add__(self, o):
        global depth
        depth += 1
        return self + o
try:
    G() + 1
except RecursionError as e:
    print("add", depth, e)
depth = 0
class I:
    def __bool__(self):
        global depth
        depth += 1
        return not self
try:
    if I():
        pass
except RecursionError as e:
    print("bool", depth, e)
depth = 0
class K:
    @property
    def p(self):
        global depth
        depth += 1
        return self.p
try:
    K().p
except RecursionError as e:
    print("property", depth, e)
depth = 0
class L:
    def __iter__(self):
        global depth
        depth += 1
        return iter(self)
try:
    iter(L())
except RecursionError as e:
    print("iter", depth, e)
depth = 0
class M:
    def __lt__(self, o):
        global depth
        depth += 1
        return o > self
try:
    M() < M()
except RecursionError as e:
    print("lt/gt", depth, e)
`, `
def nest(n):
    l = []
    for i in range(n):
        l = [l]
    return l
for n in (9997, 9998):
    try:
        print(n, len(repr(nest(n))))
    except RecursionError as e:
        print(n, "repr", e)
for n in (9998, 9999):
    try:
        print(n, nest(n) == nest(n))
    except RecursionError as e:
        print(n, "eq", e)
d = {}
for i in range(9998):
    d = {i: d}
try:
    print(len(repr(d)))
except RecursionError as e:
    print("dict repr", e)
class A: pass
def nesti(n):
    d = A
    for i in range(n):
        d = (int, d)
    return d
for n in (9000, 10001):
    try:
        print(n, isinstance(A(), nesti(n)), isinstance(1, nesti(n)))
    except RecursionError as e:
        print(n, "isinstance", e)
    try:
        print(n, issubclass(A, nesti(n)))
    except RecursionError as e:
        print(n, "issubclass", e)
try:
    print(len(repr(nest(100000))))
except RecursionError as e:
    print("repr", e)
l = [1]
l.append(l)
print(l, repr(l))
d = {}
d[1] = d
print(d)
`}

// TestRecursionLikeCPython: the programs stop at CPython's depths with
// CPython's messages.
func TestRecursionLikeCPython(t *testing.T) {
	for _, src := range recursionPrograms {
		checkProgram(t, src)
	}
}

var caretLine = regexp.MustCompile(`(?m)^ +[~^]+\n`)

// TestRecursionTraceback: an uncaught RecursionError prints CPython's
// traceback, the repeated frames folded. The lines of carets are left out
// of the comparison (they are the traceback printer's business, tested
// elsewhere): the frames, their count and the message are compared.
func TestRecursionTraceback(t *testing.T) {
	oracle.Require(t)
	for _, src := range []string{
		"def f(n):\n    return f(n + 1)\n\nf(0)\n",
		"def f(n):\n    x = n + 1\n    g(x)\n\ndef g(n):\n    f(n)\n\nf(0)\n",
		"class A:\n    def __getattr__(self, name):\n        return self.y\n\nA().x\n",
		"l = []\nfor i in range(20000):\n    l = [l]\nprint(l)\n",
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "prog.py")
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		want := oracle.Run(t, nil, path)
		stdout, stderr, code := runVM(t, path, []byte(src), "")
		wantErr := caretLine.ReplaceAllString(string(want.Stderr), "")
		gotErr := caretLine.ReplaceAllString(stderr, "")
		if stdout != string(want.Stdout) || code != want.ExitCode || gotErr != wantErr {
			t.Errorf("program:\n%s\n--- CPython (exit %d)\n%s%s--- peephole (exit %d)\n%s%s", src, want.ExitCode, want.Stdout, wantErr, code, stdout, gotErr)
		}
	}
}

// deepNativePrograms recurse through Go code without Python frames, where
// CPython 3.13 crashes (a C stack overflow): the VM raises RecursionError.
var deepNativePrograms = []string{`
t = ()
for i in range(200000):
    t = (t,)
try:
    hash(t)
except RecursionError as e:
    print("hash", e)
`, `
class A: pass
t = A
for i in range(200000):
    t = (t,)
try:
    isinstance(1, t)
except RecursionError as e:
    print("isinstance", e)
`, `
l = []
for i in range(200000):
    l = [l]
try:
    print(l)
except RecursionError as e:
    print("print", e)
try:
    l == [l]
except RecursionError as e:
    print("eq", e)
try:
    l < [l]
except RecursionError as e:
    print("lt", e)
`, `
d = {}
for i in range(200000):
    d = {1: d}
try:
    repr(d)
except RecursionError as e:
    print("dict", e)
`}

// TestNoGoStackOverflow runs deep recursions of every kind with a Go
// stack limit 30 times smaller than Go's default: the recursion limits
// stop them long before it, so no Python program can overflow the Go
// stack (a crash Go cannot recover from).
func TestNoGoStackOverflow(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(32 << 20))
	for _, src := range append(append([]string(nil), recursionPrograms...), deepNativePrograms...) {
		out, errOut, code, err := runLimited(t, src, vm.Limits{}, nil)
		if err != nil || code != 0 || !strings.Contains(out, "maximum recursion depth exceeded") {
			t.Errorf("program:\n%s\ngot exit %d, err %v\nstdout:\n%s\nstderr:\n%s", src, code, err, out, errOut)
		}
	}
}

// pythonOnlyRecursions recurse with a Python frame at each level and no
// native recursion counted apart: only the recursion limit stops them.
var pythonOnlyRecursions = []string{
	"def f():\n    f()\nf()\n",
	"class A:\n    def __getattr__(self, n):\n        return self.y\nA().x\n",
	"class F:\n    def __getitem__(self, i):\n        return self[i]\nF()[0]\n",
	"class G:\n    def __add__(self, o):\n        return self + o\nG() + 1\n",
	"class I:\n    def __bool__(self):\n        return not self\nnot I()\n",
	"class K:\n    @property\n    def p(self):\n        return self.p\nK().p\n",
	"def gen():\n    yield from gen()\nnext(gen())\n",
	"def lam():\n    return (lambda: lam())()\nlam()\n",
	"def g():\n    return [g() for _ in range(1)]\ng()\n",
}

// TestRecursionLimitStack: at the highest recursion limit the VM allows
// (100000), the deepest Python recursions fit in Go's default stack (at
// most 1e9 bytes, so 512 MiB as stacks double): 20000 levels of each kind
// fit in 128 MiB (at most 6.7 KB a level; they measure 1.7 to 3.4 KB), so
// 100000 levels need at most 512 MiB at 5.3 KB a level.
func TestRecursionLimitStack(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(128 << 20))
	for _, src := range pythonOnlyRecursions {
		_, errOut, code, err := runLimited(t, src, vm.Limits{}, func(in *vm.Interp) { in.SetRecursionLimit(20000) })
		if err != nil || code != 1 || !strings.HasSuffix(errOut, "RecursionError: maximum recursion depth exceeded\n") {
			t.Errorf("program:\n%s\ngot exit %d, err %v, stderr ending %q", src, code, err, errOut[max(0, len(errOut)-200):])
		}
	}
	in := vm.NewInterp(vm.Config{})
	in.SetRecursionLimit(1 << 30)
	if got := in.RecursionLimit(); got != 100000 {
		t.Errorf("the recursion limit is capped at %d, want 100000", got)
	}
}

// TestInterrupt: Interrupt (SIGINT) raises KeyboardInterrupt in the
// program, which may catch it; uncaught, it ends the run with status 130.
func TestInterrupt(t *testing.T) {
	var out, errb bytes.Buffer
	in := vm.NewInterp(vm.Config{Stdout: &out, Stderr: &errb, Limits: vm.Limits{Timeout: time.Minute}})
	time.AfterFunc(50*time.Millisecond, in.Interrupt)
	time.AfterFunc(300*time.Millisecond, in.Interrupt)
	code, err := in.RunMain(vm.Program{Filename: "prog.py", Source: []byte(`
try:
    while True:
        pass
except KeyboardInterrupt:
    print("caught")
while True:
    pass
`)})
	if err != nil || code != 130 || out.String() != "caught\n" || !strings.HasSuffix(errb.String(), "\nKeyboardInterrupt\n") {
		t.Errorf("got exit %d, err %v, stdout %q, stderr:\n%s", code, err, out.String(), errb.String())
	}
}
