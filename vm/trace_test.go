package vm_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/vm"
)

// traceRecord is one event of the trace hook, as the tests keep it.
type traceRecord struct {
	frame    *vm.Frame
	kind     vm.TraceKind
	qualname string
	offset   int
	op       compiler.Opcode
	arg      int
	depth    int
}

// traceVM runs src (as the file path) with the trace hook recording
// every event.
func traceVM(t *testing.T, path, src string) ([]traceRecord, string) {
	t.Helper()
	var out, errb bytes.Buffer
	in := vm.NewInterp(vm.Config{Stdout: &out, Stderr: &errb, Argv: []string{path}, Limits: vm.Limits{MaxSteps: 1e8}})
	var recs []traceRecord
	ops := map[*compiler.Code]map[int]compiler.Instruction{}
	in.Thread().SetTrace(func(th *vm.Thread, ev *vm.TraceEvent) {
		co := ev.Frame.Code().Compiler()
		m := ops[co]
		if m == nil {
			m = map[int]compiler.Instruction{}
			for _, ins := range co.Instructions() {
				m[ins.Offset] = ins
			}
			ops[co] = m
		}
		ins := m[ev.Offset]
		recs = append(recs, traceRecord{ev.Frame, ev.Kind, ev.Frame.Code().Qualname(), ev.Offset, ins.Op, ins.Arg, len(ev.Frame.Stack())})
	})
	if _, err := in.RunMain(vm.Program{Filename: path, Source: []byte(src), IsFile: true}); err != nil {
		t.Fatalf("the run was stopped: %v", err)
	}
	return recs, errb.String()
}

// traceActivations groups a VM trace as activationsOf groups optrace.py's
// lines, without the RESUME instructions and what a frame runs before its
// first RESUME (CPython's tracing starts at a frame's RESUME and does not
// report RESUME).
func traceActivations(recs []traceRecord) string {
	index := map[*vm.Frame]int{}
	resumed := map[*vm.Frame]bool{}
	activations := 0
	var b strings.Builder
	for _, r := range recs {
		if r.offset == 0 {
			// A frame's first instruction: a new activation (the VM may
			// reuse the Frame of one that ended).
			delete(index, r.frame)
			delete(resumed, r.frame)
		}
		if r.op == compiler.RESUME {
			resumed[r.frame] = true
			continue
		}
		if !resumed[r.frame] {
			continue
		}
		k, ok := index[r.frame]
		if !ok {
			k = activations
			activations++
			index[r.frame] = k
		}
		fmt.Fprintf(&b, "%d %s %d\n", k, r.qualname, r.offset)
	}
	return activationsOf(b.String())
}

// activationsOf turns "ACTIVATION QUALNAME OFFSET" lines into one line
// per frame activation, in the order the activations started: its
// qualified name and the offsets it ran. (CPython reports an instruction
// before it runs, the VM's hook after it: a CALL comes before the
// callee's instructions in one and after them in the other, but each
// frame runs the same instructions in the same order.)
func activationsOf(lines string) string {
	var acts []string
	for _, l := range strings.Split(strings.TrimSpace(lines), "\n") {
		f := strings.Fields(l)
		if len(f) != 3 {
			continue
		}
		var k int
		fmt.Sscan(f[0], &k)
		for len(acts) <= k {
			acts = append(acts, "")
		}
		if acts[k] == "" {
			acts[k] = f[1] + ":"
		}
		acts[k] += " " + f[2]
	}
	return strings.Join(acts, "\n") + "\n"
}

// tracePrograms exercise the kinds of control flow: loops, calls,
// generators, exceptions, with, classes, closures, comprehensions.
var tracePrograms = []string{`
def add_nums(a, b):
    total = 0
    for i in range(a, b):
        total += i
    return total

x = 10
y = 20
result = x + y * 2
print(add_nums(1, 4), result)
`, `
def gen(n):
    for i in range(n):
        got = yield i
        if got:
            print("got", got)
    return "done"

def outer():
    r = yield from gen(3)
    print(r)

g = outer()
print(next(g), g.send(None), g.send(5))
for v in g:
    print(v)
print([x * x for x in range(4) if x % 2], {k: k for k in "ab"})
print(list(v + 1 for v in (1, 2)))
`, `
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, typ, exc, tb):
        print("exit", typ)
        return typ is KeyError

def work(n):
    try:
        if n == 0:
            raise ValueError("zero")
        return 10 // n
    except ValueError as e:
        print("caught", e)
        return -1
    finally:
        print("finally", n)

for n in (2, 0):
    print(work(n))
with Resource("a") as r:
    raise KeyError("k")
try:
    with Resource("b"):
        1 / 0
except ZeroDivisionError:
    print("zero")
`, `
class Base:
    count = 0
    def __init__(self, v):
        self.v = v
        Base.count += 1
    def get(self):
        return self.v

class Derived(Base):
    def get(self):
        return super().get() * 2

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c = counter()
c()
print(c(), Derived(21).get(), Base.count)
f = lambda a, *args, k=3, **kw: (a, args, k, kw)
print(f(1, 2, k=4, z=5))
match (1, [2, 3]):
    case (1, [a, *rest]):
        print(a, rest)
i = 0
while True:
    i += 1
    if i > 3:
        break
    if i == 2:
        continue
    print(i)
else:
    print("never")
def fail():
    return {}["missing"]
fail()
`}

// TestTraceLikeCPython: the trace hook reports the instructions CPython
// runs, at the same offsets, in the same frames and order (CPython's
// sys.settrace with f_trace_opcodes, through testdata/optrace.py).
func TestTraceLikeCPython(t *testing.T) {
	py := oracle.Require(t)
	_ = py
	optrace, err := filepath.Abs("testdata/optrace.py")
	if err != nil {
		t.Fatal(err)
	}
	for i, src := range tracePrograms {
		dir := t.TempDir()
		path := filepath.Join(dir, fmt.Sprintf("prog%d.py", i))
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		want := oracle.Run(t, nil, optrace, path)
		recs, _ := traceVM(t, path, src)
		got := traceActivations(recs)
		if wantActs := activationsOf(string(want.Stderr)); got != wantActs {
			t.Errorf("program %d: the traces differ:\n%s", i, lineDiff(wantActs, got))
		}
	}
}

// lineDiff shows where two texts of lines first differ.
func lineDiff(want, got string) string {
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
			return fmt.Sprintf("line %d: CPython %q, peephole %q\nCPython around it:\n%s\npeephole around it:\n%s",
				i+1, a, b, strings.Join(w[lo:min(len(w), i+4)], "\n"), strings.Join(g[lo:min(len(g), i+4)], "\n"))
		}
	}
	return "(no difference)"
}

// TestTraceStackEffects: the stack the hook shows after each instruction
// has the depth the compiler's stack effects give, step after step
// (where the frame went on from its previous event: not after a raise,
// a handler's entry or a resumption).
func TestTraceStackEffects(t *testing.T) {
	for i, src := range tracePrograms {
		recs, _ := traceVM(t, fmt.Sprintf("prog%d.py", i), src)
		last := map[*vm.Frame]traceRecord{}
		checked := 0
		for _, r := range recs {
			prev, ok := last[r.frame]
			last[r.frame] = r
			if r.offset == 0 {
				// A new activation (the Frame may be reused).
				continue
			}
			if !ok || prev.kind != vm.TraceStep || r.kind == vm.TraceRaise {
				continue
			}
			effect := r.depth - prev.depth
			e1, ok1 := compiler.StackEffect(r.op, r.arg, false)
			e2, ok2 := compiler.StackEffect(r.op, r.arg, true)
			switch {
			case r.kind == vm.TraceYield:
				// The value sent in comes with the resumption.
				effect++
			case r.op == compiler.FOR_ITER && effect == -1:
				// An exhausted FOR_ITER pops the iterator and jumps past
				// END_FOR (the stack effect counts END_FOR's pop at the
				// jump's target).
				effect = e2
			}
			if !(ok1 && effect == e1) && !(ok2 && effect == e2) {
				t.Errorf("program %d: %s offset %d %s %d: the stack went from %d to %d; the stack effect is %d (no jump) or %d (jump)",
					i, r.qualname, r.offset, r.op, r.arg, prev.depth, r.depth, e1, e2)
			}
			checked++
		}
		if checked < 50 {
			t.Errorf("program %d: only %d instructions checked", i, checked)
		}
	}
}

// TestTextTracer: the lines of `peephole trace`, as the README documents
// them.
func TestTextTracer(t *testing.T) {
	src := `def add_nums(a, b):
    c = a + b
    return c
x = 10
y = 20
print(add_nums(x, y * 2))
try:
    1 / 0
except ZeroDivisionError:
    pass
`
	var out, trace bytes.Buffer
	in := vm.NewInterp(vm.Config{Stdout: &out, Stderr: &out})
	in.Thread().SetTrace(vm.NewTextTracer(&trace, nil).Func())
	if code, err := in.RunMain(vm.Program{Filename: "add.py", Source: []byte(src)}); code != 0 || err != nil {
		t.Fatalf("exit %d, %v\n%s", code, err, out.String())
	}
	for _, want := range []string{
		"<module>        0  RESUME                   0                   line 0     Stack: []\n",
		"<module>        2  LOAD_CONST               0 (<code object add_nums>)  line 1     Stack: [<code object add_nums>]\n",
		"<module>       10  STORE_NAME               1 (x)               line 4     Stack: []  x = 10\n",
		"add_nums        2  LOAD_FAST_LOAD_FAST      1 (a, b)            line 2     Stack: [10, 40]\n",
		"add_nums        4  BINARY_OP                0 (+)               line 2     Stack: [50]\n",
		"add_nums        8  STORE_FAST               2 (c)               line 2     Stack: []  c = 50\n",
		"add_nums       12  RETURN_VALUE                                 line 3     Stack: []  -> returns 50\n",
		"  BINARY_OP               11 (/)               line 8     Stack: [1]  !! raises ZeroDivisionError: division by zero\n",
		"  PUSH_EXC_INFO                                line -     Stack: [None, ZeroDivisionError('division by zero')]\n",
	} {
		if !strings.Contains(trace.String(), want) {
			t.Errorf("the trace has no line with %q:\n%s", want, trace.String())
		}
	}
	if out.String() != "50\n" {
		t.Errorf("the program wrote %q", out.String())
	}
}

// TestTraceNoPythonCode: the text tracer shows instances of classes
// without calling their __repr__, and the hook is off while it runs.
func TestTraceNoPythonCode(t *testing.T) {
	src := `class Loud:
    def __repr__(self):
        print("repr called")
        return "Loud()"
l = [Loud(), (1, "two", [3.5, None]), {"k": Loud()}]
print(len(l))
`
	var out, trace bytes.Buffer
	in := vm.NewInterp(vm.Config{Stdout: &out, Stderr: &out})
	in.Thread().SetTrace(vm.NewTextTracer(&trace, nil).Func())
	if code, err := in.RunMain(vm.Program{Filename: "loud.py", Source: []byte(src)}); code != 0 || err != nil {
		t.Fatalf("exit %d, %v\n%s", code, err, out.String())
	}
	if out.String() != "3\n" {
		t.Errorf("the program wrote %q", out.String())
	}
	if want := "Stack: []  l = [<Loud object>, (1, 'two', [3.5, None]), {'k': <Loud object>}]\n"; !strings.Contains(trace.String(), want) {
		t.Errorf("no line with %q:\n%s", want, trace.String())
	}

	// A hook that runs Python code is not traced itself.
	var events int
	in = vm.NewInterp(vm.Config{Stdout: &out, Stderr: &out})
	in.Thread().SetTrace(func(th *vm.Thread, ev *vm.TraceEvent) {
		events++
		for _, v := range ev.Frame.Stack() {
			if !v.IsNull() {
				vm.Repr(th, v)
			}
		}
	})
	out.Reset()
	if code, err := in.RunMain(vm.Program{Filename: "loud.py", Source: []byte(src)}); code != 0 || err != nil {
		t.Fatalf("exit %d, %v\n%s", code, err, out.String())
	}
	if events == 0 || !strings.Contains(out.String(), "repr called") {
		t.Errorf("%d events; the program wrote %q", events, out.String())
	}
}
