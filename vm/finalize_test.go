package vm_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// The tests of finalization on drop (finalize.go): __del__ and the close
// of suspended generators run when CPython's reference counting would run
// them, compared with CPython.

const finNoisy = `class N:
    def __init__(self, name): self.name = name
    def __del__(self): print('  del', self.name)
`

func TestFinalizeDrops(t *testing.T) {
	for _, src := range []string{
		// del of the last reference, and not the last; rebinding.
		finNoisy + `a = N('a'); b = a
del a; print('after del a')
b = None; print('after b = None')
x = N('x1'); x = N('x2'); print('after rebind')
del x; print('after del x')
`,
		// Lists, tuples and dicts.
		finNoisy + `l = [N(1), N(2), N(3)]
l.clear(); print('clear')
l = [N(1), N(2), N(3), N(4)]
l.pop(0); print('pop')
l.pop(); print('pop end')
kept = l.pop(); print('kept', kept.name)
l.remove(l[0]); print('remove')
l = [N(5), N(6), N(7), N(8)]
del l[1:3]; print('del slice')
del l[0]; print('del item')
l[0] = 'x'; print('store item')
l = None; print('l = None')
d = {'a': N('da'), 'b': N('db'), 'c': N('dc')}
del d['a']; print('del key')
d['b'] = 1; print('overwrite key')
d.pop('c'); print('dict pop')
d['e'] = N('de'); d.clear(); print('dict clear')
t = (N('t1'), N('t2')); t = None; print('tuple')
nested = [[N('n1'), N('n2')], {'k': N('n3')}]
nested = None; print('nested')
`,
		// Functions: locals at return, arguments, closures, attributes.
		finNoisy + `def scope():
    a = N('fa'); b = N('fb')
    print('  leaving')
scope(); print('after scope')
def arg(x):
    print('  in arg', x.name)
arg(N('arg')); print('after arg')
def ret():
    r = N('returned')
    return r
k = ret(); print('kept', k.name); k = None; print('dropped')
def outer():
    c = N('cell')
    def inner(): return c.name
    print(' ', inner())
outer(); print('after outer')
class Holder: pass
h = Holder(); h.x = N('attr'); h.x = None; print('attr overwritten')
h.y = N('attr2'); del h.y; print('attr deleted')
h.z = N('attr3'); h = None; print('holder dropped')
for i in range(3):
    o = N(f'loop{i}')
print('after loop')
del o
items = [N('i1'), N('i2')]
for it in items:
    pass
print('iterated')
def chain():
    a = N('outer-obj'); a.child = N('child'); a.child.grand = N('grand')
chain(); print('after chain')
print('end')
`,
		// Generators with finally and with, dropped in these ways.
		`class R:
    def __init__(self, n): self.n = n
    def __enter__(self): print('  open', self.n); return self
    def __exit__(self, *a): print('  close', self.n, a[0].__name__ if a[0] else None)
def withgen(n):
    with R(n):
        yield 1
        yield 2
def fingen(n):
    try:
        yield 1
        yield 2
    finally:
        print('  finally', n)
def plain():
    yield 1
    yield 2
g = fingen('del'); next(g); del g; print('after del')
g = fingen('rebind'); next(g); g = fingen('second'); print('after rebind'); next(g); g = None; print('after None')
gs = [withgen(i) for i in range(3)]
for x in gs: next(x)
del x
gs.clear(); print('after clear')
def first(it):
    for v in it:
        return v
print(first(withgen('arg')))
print('after first')
def local():
    g = fingen('local'); next(g)
    print('  leaving')
local(); print('after local')
p = plain(); next(p); p = None; print('plain dropped')
g = fingen('done'); print(list(g)); g = None; print('exhausted')
g = fingen('kept'); next(g)
h = g
g = None; print('still held')
h = None; print('dropped')
k = fingen('exit'); next(k)
print('end')
`,
		// Delegation: yield from and await.
		`def inner():
    try:
        yield 1
        yield 2
    finally:
        print('  inner finally')
def outer():
    yield from inner()
g = outer(); next(g); g = None; print('after')
async def co():
    try:
        await aw()
    finally:
        print('  co finally')
class aw:
    def __await__(self):
        yield 1
c = co(); c.send(None); c = None; print('after co')
`,
		// Objects alive at exit, in CPython's order.
		finNoisy + `a = N('a')
l = [N(1), N(2)]
_p = N('_p'); q = N('q'); __r = N('__r')
d = {'k': N('dk')}
def f(): pass
z = N('z')
print('end')
`,
	} {
		checkProgram(t, src)
	}
}

// TestFinalizeResurrection checks that __del__ runs once, even when it
// makes its object reachable again.
func TestFinalizeResurrection(t *testing.T) {
	checkProgram(t, `saved = []
class Phoenix:
    def __del__(self):
        print('  del', id(self) == id(self))
        saved.append(self)
p = Phoenix()
p = None
print('saved', len(saved))
saved.clear()
print('cleared again')
class Maker:
    def __del__(self):
        print('  maker del')
        global made
        made = Made()
class Made:
    def __del__(self): print('  made del')
m = Maker(); m = None
print('made', type(made).__name__)
made = None
print('end')
`)
}

// TestFinalizeCycles checks objects on reference cycles with
// gc.collect(): only cycles that do not run through the finalizable
// object are finalized by the Go collector (see finalize.go).
func TestFinalizeCycles(t *testing.T) {
	checkProgram(t, finNoisy+`import gc
l = [N('in cycle')]
l.append(l)
l = None
gc.collect()
print('after collect')
`)
}

var addrRE = regexp.MustCompile(`0x[0-9a-f]+`)

// TestFinalizeUnraisable checks the reports of errors in __del__ and in
// a generator's close (addresses masked).
func TestFinalizeUnraisable(t *testing.T) {
	oracle.Require(t)
	src := `class Bad:
    def __del__(self):
        raise ValueError('boom')
b = Bad()
del b
print('after')
def g():
    try:
        yield 1
    finally:
        raise KeyError('in finally')
x = g(); next(x); x = None
print('after gen')
def ignore():
    try:
        yield 1
    except GeneratorExit:
        yield 2
y = ignore(); next(y); y = None
print('end')
`
	path := filepath.Join(t.TempDir(), "prog.py")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	want := oracle.Run(t, nil, path)
	stdout, stderr, code := runVM(t, path, []byte(src), "")
	ws := addrRE.ReplaceAllString(string(want.Stderr), "0x")
	gs := addrRE.ReplaceAllString(stderr, "0x")
	if stdout != string(want.Stdout) || code != want.ExitCode || gs != ws {
		t.Errorf("--- CPython (exit %d)\n%s\n%s--- peephole (exit %d)\n%s\n%s", want.ExitCode, want.Stdout, ws, code, stdout, gs)
	}
}

// TestFinalizeAsyncio checks finalization inside asyncio programs: a
// generator and an instance dropped in coroutines run by tasks and
// gather are finalized as CPython finalizes them, while asyncio's own
// futures, tasks and loop (not tracked, see finalize.go) cost nothing.
func TestFinalizeAsyncio(t *testing.T) {
	checkLibProgram(t, `import asyncio
class N:
    def __init__(s, n): s.n = n
    def __del__(s): print("del", s.n)
def gen(n):
    try:
        yield n
    finally:
        print("gen finally", n)
async def work(i):
    g = gen(i); next(g)
    await asyncio.sleep(0)
    n = N(i)
    del g
    print("after del", i)
    await asyncio.sleep(0.03 * i)
    return i
async def main():
    print(await asyncio.gather(*(work(i) for i in range(3))))
    t = asyncio.create_task(work(7))
    await t
    del t
    print("task done")
asyncio.run(main())
print("end")
`)
}
