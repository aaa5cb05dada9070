package vm_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// checkStdout is checkProgram for programs whose stderr depends on
// reference counting (CPython's "coroutine ... was never awaited"
// warnings, finalizers run at exit): stdout and the exit status must be
// CPython's.
func checkStdout(t *testing.T, src string) {
	t.Helper()
	oracle.Require(t)
	path := filepath.Join(t.TempDir(), "prog.py")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	want := oracle.Run(t, nil, path)
	stdout, stderr, code := runVM(t, path, []byte(src), "")
	if stdout != string(want.Stdout) || code != want.ExitCode {
		t.Errorf("program:\n%s\n--- CPython (exit %d)\nstdout:\n%s\n--- peephole (exit %d)\nstdout:\n%s\nstderr:\n%s",
			src, want.ExitCode, want.Stdout, code, stdout, stderr)
	}
}

// The tests of the VM's core objects (code objects, cells, functions,
// classes, descriptors, generators), each program compared with CPython.

// TestCodeObjects checks the co_* attributes, co_lines/co_positions,
// replace(), cells and the function constructor.
func TestCodeObjects(t *testing.T) {
	for _, src := range []string{
		`def f(a, b=1, *c, d, **e):
    x = 1
    def g(): return x + a
    return g
c = f.__code__
for n in dir(c):
    if n.startswith('co_') and n not in ('co_lnotab',): print(n, repr(getattr(c, n)) if n not in ('co_consts','co_lines','co_positions') else '')
print(c.co_consts[:2])
print(list(c.co_lines()))
print(list(c.co_positions()))
print(c.co_lnotab)
print(type(c.co_lines()), type(c.co_positions()))
print(c.replace(co_name='g').co_name)
try: c.replace(1)
except Exception as e: print(type(e).__name__, e)
try: c.replace(co_bogus=1)
except Exception as e: print(type(e).__name__, e)
try: c.replace(co_name=1)
except Exception as e: print(type(e).__name__, e)
try: c.co_argcount = 3
except Exception as e: print(type(e).__name__, e)
try: c.co_varnames = 3
except Exception as e: print(type(e).__name__, e)
try: c.foo = 3
except Exception as e: print(type(e).__name__, e)
try: c.co_code = 3
except Exception as e: print(type(e).__name__, e)
print(type(c).co_argcount, type(c).co_varnames, type(c).co_lines)
CellType = type(f(1, d=2).__closure__[0])
try: CellType(1,2)
except Exception as e: print(type(e).__name__, e)
x = CellType()
try: x.cell_contents
except Exception as e: print(type(e).__name__, e)
x.cell_contents = 5; print(x.cell_contents, x == CellType(5), x < CellType(6))
del x.cell_contents
print(repr(x)[:8], repr(x)[-6:])
try: del x.cell_contents
except Exception as e: print(type(e).__name__, e)
print(CellType() == CellType(), CellType() < CellType(1))
try: hash(x)
except Exception as e: print(type(e).__name__, e)
print(f.__code__.replace(co_varnames=('q','b','d','c','e','g')).co_varnames)
print(c == c.replace(), hash(c) == hash(c.replace()), c.replace() is c)
g = f(1, d=2)
g2 = type(g)(g.__code__.replace(co_name='zz'), globals(), None, None, g.__closure__)
print(g2(), g2.__name__)
`,
		`F = type(lambda:0)
def f(a, b=1):
    return a+b
c = f.__code__
def mk(x):
    def g(): return x
    return g
for args in [(), (c,), (1, {}), (c, 1), (c, {}, 1), (c, {}, 'n', 1), (c, {}, 'n', (1,), 5), (c, {}, None, None, None, 3), (mk(1).__code__, {}), (mk(1).__code__, {}, None, None, (1,)), (c, {}, None, None, (1,))]:
    try: print(F(*args))
    except Exception as e: print(type(e).__name__, e)
g = F(c, {}, 'n', (5,))
print(g(1), g.__name__, g.__qualname__, g.__defaults__, g.__module__)
g = F(c, {'__name__': 'mod'}, kwdefaults={'a': 1})
print(g.__kwdefaults__, g.__module__, g.__qualname__)
try: F(code=c, globals={}, bad=1)
except Exception as e: print(type(e).__name__, e)
print(F(code=c, globals={}).__name__)
h = F(mk(1).__code__, {}, None, None, mk(7).__closure__)
print(h())
`,
	} {
		checkProgram(t, src)
	}
}

// TestObjectAttributes checks attributes the builtin types expose: range's count/index/hash/big slices, iterators' __setstate__, type's layout attributes and __annotations__, generators' __del__ and __class_getitem__, object.__getstate__.
func TestObjectAttributes(t *testing.T) {
	for _, src := range []string{
		`it = iter([1,2,3]); it.__setstate__(2); print(list(it))
it = iter([1,2,3]); it.__setstate__(-5); print(list(it))
it = iter((1,2,3)); it.__setstate__(7); print(list(it))
it = reversed([1,2,3]); it.__setstate__(1); print(list(it))
it = reversed([1,2,3]); it.__setstate__(9); print(list(it))
z = zip([1],[2]); print(z.__setstate__(True))
try: list(zip([1,2],[3], strict=False).__setstate__(1))
except Exception as e: print(type(e).__name__, e)
z = zip([1,2],[3]); z.__setstate__(1)
try: print(list(z))
except Exception as e: print(type(e).__name__, e)
print(len.__text_signature__ is None or True)
for v in [7, 7.0, True, 'x']:
    for r in [range(10), range(0, 20, 3), range(10, 0, -2)]:
        try: print(r.count(v), r.index(v))
        except Exception as e: print(type(e).__name__, e)
print(hash(range(0)) == hash(range(5, 5)), hash(range(3, 4)) == hash(range(3, 9, 10)), hash(range(1, 10, 2)) == hash(range(1, 11, 2)))
big = range(10**20)
print(big[::10**19], big[-5::-10**19][:3], big[10**19:-10**19:3])
try: big[::0]
except Exception as e: print(type(e).__name__, e)
try: big['a':]
except Exception as e: print(type(e).__name__, e)
`,
		`print(memoryview._from_flags(b'ab', 0).tobytes())
try: memoryview._from_flags(1, 0)
except Exception as e: print(type(e).__name__, e)
try: memoryview._from_flags(b'')
except Exception as e: print(type(e).__name__, e)
try: memoryview._from_flags(b'', 'x')
except Exception as e: print(type(e).__name__, e)
class A: pass
class B: __slots__=('x',)
class C(int): pass
for t in (object, int, type, A, B, C, str):
    print(t.__name__, t.__basicsize__, t.__itemsize__, t.__dictoffset__, t.__weakrefoffset__, t.__text_signature__)
for t in (object, int, A, B, list, str, tuple):
    print(t.__name__, t.__flags__)
A.__annotations__
print(A.__annotations__)
class D:
    x: int
print(D.__annotations__)
D.__annotations__ = {'y': 1}; print(D.__annotations__)
del D.__annotations__
try: del D.__annotations__
except Exception as e: print(type(e).__name__, e)
try: int.__annotations__
except Exception as e: print(type(e).__name__, e)
try: int.__annotations__ = {}
except Exception as e: print(type(e).__name__, e)
def g(): yield
print(type(g()).__class_getitem__(int))
async def c(): pass
x = c(); print(x.cr_origin); x.close()
def h():
    try: yield 1
    finally: print('fin')
k = h(); next(k); k.__del__(); print(k.gi_frame)
def bad():
    try: yield 1
    finally: raise ValueError('boom')
k = bad(); next(k)
try: k.close()
except ValueError as e: print('close:', e)
class O: pass
o = O(); o.a = 1
print(o.__getstate__(), O().__getstate__(), object().__getstate__())
class S:
    __slots__ = ('p', 'q')
s = S(); s.p = 1
print(s.__getstate__())
`,
	} {
		checkProgram(t, src)
	}
}

// TestCoreMessages checks messages of the object core: slot wrappers' arities and self checks, super(), with/async with, await, descriptors that lack __set__ or __delete__, metaclass conflicts, AttributeErrors from getters, recursive tuples, sequence patterns.
func TestCoreMessages(t *testing.T) {
	for _, src := range []string{
		`for v in [memoryview(b'ab'), bytearray(b'ab'), range(2), [1,2], (1,2), b'ab', 'ab']:
    match v:
        case [a, b]: print(type(v).__name__, 'seq', a, b)
        case _: print(type(v).__name__, 'no')
t = ([],)
t[0].append(t)
print(t, [t], (t,))
`,
		`class A:
    def __aenter__(self): pass
    def __aexit__(self, *a): pass
class B:
    def __enter__(self): pass
class C:
    def __enter__(self): pass
    def __exit__(self, *a): pass
for x in [A(), B(), 1, C()]:
    try:
        with x: pass
    except Exception as e: print(type(e).__name__, e)
async def f(x):
    async with x: pass
for x in [A(), B(), 1, C()]:
    try:
        f(x).send(None)
    except Exception as e: print(type(e).__name__, e)
class D:
    async def __aenter__(self): pass
async def g():
    async with D(): pass
try: g().send(None)
except Exception as e: print(type(e).__name__, e)
`,
		`class A: pass
class B(A): pass
for args in [(int, 'x'), (A, 5), (B, A()), (A, B), (B, A), (int, str), (1, 2), (int,), (), (int, 1, 2)]:
    try: print(super(*args))
    except Exception as e: print(type(e).__name__, e)
try: super(A, B()).nosuch
except Exception as e: print(type(e).__name__, e)
`,
		`for f in [lambda: int.__add__('a', 1), lambda: int.__add__(), lambda: list.append(), lambda: list.append('a', 1), lambda: object.__setattr__(1), lambda: object.__setattr__(), lambda: int.__repr__(), lambda: str.join(), lambda: dict.fromkeys(), lambda: int.__dict__['__add__'].__get__('a'), lambda: list.__dict__['append'].__get__('a'), lambda: int.__new__(), lambda: int.__new__(str)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
`,
		`class D:
    def __get__(s, o, t=None): pass
    def __set__(s, o, v): pass
tests = [lambda: object.__setattr__(1, 2, 3, 4), lambda: object.__delattr__(1), lambda: list.__setitem__([1], 1), lambda: list.__delitem__([1]), lambda: property.__get__(property()), lambda: property.__get__(property(), 1, 2, 3), lambda: property.__set__(property(), 1), lambda: property.__delete__(property()), lambda: int.__pow__(1), lambda: int.__pow__(1, 2, 3, 4), lambda: int.__rpow__(1), lambda: dict.__getitem__({}), lambda: int.__neg__(1, 2), lambda: list.__len__([], 1), lambda: int.__hash__(1, 2), lambda: int.__lt__(1), lambda: list.__contains__([]), lambda: list.__init__([], 1, 2), lambda: object.__getattribute__(1), lambda: int.__bool__(1, 2), lambda: list.__iter__([], 1), lambda: list.__imul__([]), lambda: list.__mul__([])]
for f in tests:
    try: f(); print('ok')
    except Exception as e: print(type(e).__name__, repr(str(e)))
`,
		`class Flaky:
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        raise AttributeError("flaky is unavailable")
class N:
    flaky = Flaky()
    @property
    def broken(self):
        return self.missing_attr
n = N()
for name in ["flaky", "broken"]:
    try:
        getattr(n, name)
    except AttributeError as e:
        print(type(e).__name__, e, "| name:", e.name, "| obj is n:", e.obj is n)
try: n.flaky
except AttributeError as e: print(e.name, e.obj is n)
print(hasattr(n, "flaky"), hasattr(n, "broken"), getattr(n, "flaky", "default"))
class DelOnly:
    def __delete__(self, obj): print("delete")
class SetOnly:
    def __set__(self, obj, v): print("set")
class D:
    x = DelOnly()
    y = SetOnly()
d = D()
del d.x
try: d.x = 5
except AttributeError as e: print(type(e).__name__, e, e.name)
d.y = 1
try: del d.y
except AttributeError as e: print(type(e).__name__, e)
class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
for bases in [(A, B), (5,), (A, 5), (int, 5)]:
    try: type("X", bases, {})
    except TypeError as e: print(type(e).__name__, e)
`,
	} {
		checkProgram(t, src)
	}
}

// TestClassCreation checks class creation through metaclasses: a metaclass's __prepare__ namespace, the winning metaclass's __new__ getting type()'s keywords, slots assigned a wrapper of another dunder (enum's __str__ = int.__repr__), types.MethodType.
func TestClassCreation(t *testing.T) {
	for _, src := range []string{
		`class ND(dict):
    def __init__(self):
        super().__init__()
        self._member_names = []
    def __setitem__(self, k, v):
        if not k.startswith('__'):
            self._member_names.append(k)
        super().__setitem__(k, v)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return ND()
    def __new__(mcls, name, bases, ns, **kw):
        print(type(ns).__name__, ns._member_names)
        return super().__new__(mcls, name, bases, dict(ns))
class A(metaclass=Meta):
    x = 1
    y = 2
    def f(self): pass
print(A.x)
class _C:
    def m(self): pass
MethodType = type(_C().m)
def f(self, a): return (self, a)
m = MethodType(f, 5)
print(m(1), m.__self__, m.__func__ is f)
for args in [(), (f,), (f, 1, 2), (1, 2)]:
    try: MethodType(*args)
    except Exception as e: print(type(e).__name__, e)
try: MethodType(f, obj=1)
except Exception as e: print(type(e).__name__, e)
`,
		`print(int.__str__ is object.__str__, '__str__' in int.__dict__, float.__str__ is object.__str__, str.__str__ is object.__str__)
print([k for k in ('__str__', '__repr__', '__format__', '__hash__') if k in int.__dict__])
class I(int): pass
I.__str__ = int.__repr__
print(str(I(5)))
class R(int):
    def __repr__(self): return '<R %d>' % self
R.__str__ = int.__repr__
print(R.__str__, str(R(3)), repr(R(3)), f'{R(4)}')
class Meta(type):
    def __new__(mcls, name, bases, ns, *, flag=False, **kw):
        print('Meta.__new__', name, flag, kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print('Meta.__init__', name, kw)
class Base(metaclass=Meta): pass
X = type('X', (Base,), {}, flag=True)
print(type(X).__name__, X.__mro__)
Y = type('Y', (Base,), {})
class Odd(type):
    def __new__(mcls, name, bases, ns, **kw):
        return 42
class OB(metaclass=type): pass
class P(metaclass=Odd): pass
print(P)
try: type('Z', (OB, 1), {})
except TypeError as e: print(e)
`,
	} {
		checkProgram(t, src)
	}
}

// TestGenerators checks generators, coroutines and async generators: send/throw/close and their messages, yield from, athrow/aclose on finished async generators, the (type, exc, tb) deprecation.
func TestGenerators(t *testing.T) {
	for _, src := range []string{
		`def g():
    try:
        x = yield 1
        print('got', x)
        yield 2
    except ValueError as e:
        print('caught', e)
        yield 'after'
    finally:
        print('fin')
it = g()
print(next(it), it.send('s'), it.throw(ValueError('v')))
try: next(it)
except StopIteration: print('stop')
it = g(); 
try: it.send(1)
except TypeError as e: print(e)
it = g(); next(it); print(it.close(), it.gi_frame, it.gi_running, it.gi_suspended)
def r():
    yield 1
    return 5
def outer():
    v = yield from r()
    print('v', v)
    return v * 2
o = outer()
print(list(o))
try: next(o)
except StopIteration as e: print('again', e.value)
def bad():
    yield 1
    raise StopIteration
try: list(bad())
except RuntimeError as e: print(e, type(e.__cause__).__name__)
def running():
    yield it2.send(None)
it2 = running()
try: next(it2)
except ValueError as e: print(e)
def ignore():
    try: yield
    except GeneratorExit: print('ignored')
    yield
ig = ignore(); next(ig)
try: ig.close()
except RuntimeError as e: print(e)
try: next(ig)
except StopIteration: print('done')
def throw_types():
    yield
t = throw_types(); next(t)
try: t.throw(1)
except TypeError as e: print(e)
try: t.throw(ValueError, ValueError('x'), None)
except ValueError as e: print(repr(e))
def gen_ret():
    return 3
    yield
try: next(gen_ret())
except StopIteration as e: print(e.value, e.args)
ge = (x*x for x in range(3))
print(ge.__name__, ge.__qualname__, list(ge), list(ge))
def closing():
    try:
        yield 1
    finally:
        return 'retval'
c = closing(); next(c); print(c.close())
import sys
def frame_gen():
    f = sys._getframe()
    yield f.f_code.co_name
print(next(frame_gen()))
def yf():
    yield from [1, 2]
    yield from (3, 4)
    yield from range(5, 7)
print(list(yf()))
def thrower():
    try:
        yield from inner_t()
    except KeyError as e:
        print('outer caught', e)
        yield 'o'
def inner_t():
    yield 'i'
th = thrower(); print(next(th), th.throw(KeyError('k')))
`,
		`def run(coro):
    try:
        while True:
            print('  yielded', coro.send(None))
    except StopIteration as e:
        return ('SI', e.value)
    except BaseException as e:
        return (type(e).__name__, str(e))
async def ag():
    yield 1
    yield 2
async def raiser():
    yield 1
    raise KeyError('r')
# state after KeyError thrown in
for label, mk, first in [('throw', ag, lambda g: g.athrow(KeyError('k'))), ('raise', raiser, lambda g: g.__anext__()), ('exhaust', ag, None), ('close', ag, lambda g: g.aclose()), ('fresh', ag, 'none')]:
    g = mk()
    if first != 'none':
        print(label, 'anext', run(g.__anext__()))
        if first is None:
            print(label, 'anext', run(g.__anext__()), run(g.__anext__()))
        else:
            print(label, 'first', run(first(g)))
    print(label, 'athrow', run(g.athrow(ValueError('v'))))
    print(label, 'aclose', run(g.aclose()))
    print(label, 'anext', run(g.__anext__()))
    print(label, 'asend', run(g.asend(None)))
    print(label, 'aclose', run(g.aclose()))
`,
	} {
		checkProgram(t, src)
	}
}

// TestGeneratorMessages checks the arity messages of the generator, coroutine and async generator methods and their awaitables (stdout only: CPython warns about the never-awaited ones at exit).
func TestGeneratorMessages(t *testing.T) {
	for _, src := range []string{
		`def run(coro):
    try:
        while True:
            print('  yielded', coro.send(None))
    except StopIteration as e:
        return e.value
class P:
    def __await__(self):
        yield 'p'
async def ag():
    try:
        await P()
        x = yield 1
        print('x', x)
        yield 2
    finally:
        print('ag fin')
a = ag()
print(type(a.__anext__()).__name__, a.ag_running, a.ag_frame is not None)
print(run(a.asend(None)))
print(run(a.asend('sent')))
try: run(a.__anext__())
except StopAsyncIteration as e: print('SAI', repr(e))
a = ag()
print(run(a.aclose()))
b = ag()
run(b.__anext__())
try: run(b.athrow(KeyError('k')))
except KeyError as e: print('KE', e)
try: run(b.athrow(KeyError('k2')))
except Exception as e: print(type(e).__name__, e)
async def ign():
    try:
        yield 1
    except GeneratorExit:
        yield 2
c = ign()
run(c.__anext__())
try: run(c.aclose())
except RuntimeError as e: print(e)
gg = ag()
aw = gg.asend(None)
run(aw)
try: run(aw)
except RuntimeError as e: print(e)
run(gg.aclose())
async def comp():
    return [x async for x in ag()]
print(run(comp()))
async def agen2():
    yield 1
g2 = agen2()
print(repr(g2)[:30], g2.__name__, g2.__qualname__, g2.ag_code.co_name)
try: g2.asend()
except TypeError as e: print(e)
try: run(g2.athrow())
except TypeError as e: print(e)
an = anext(agen2())
print(type(an).__name__)
try: run(anext(agen2(), 'default'))
except Exception as e: print(type(e).__name__, e)
async def e2():
    if False: yield
print(run(anext(e2(), 'dflt')))
try: run(anext(e2()))
except StopAsyncIteration: print('SAI2')
try: anext(1)
except TypeError as e: print(e)
try: aiter(1)
except TypeError as e: print(e)
async def noret():
    yield 1
    return
`,
		`def g(): yield
async def c(): pass
async def a(): yield
made = []
def mk(f):
    o = f()
    made.append(o)
    return o
def run(co):
    made.append(co)
    try:
        while True: co.send(None)
    except StopIteration: pass
tests = [lambda: mk(g).send(), lambda: mk(c).send(), lambda: mk(a).asend(), lambda: mk(g).throw(), lambda: mk(c).throw(),
         lambda: mk(a).aclose(1), lambda: mk(g).close(1), lambda: mk(lambda: mk(a).asend(None)).send(),
         lambda: mk(lambda: mk(a).asend(None)).throw(), lambda: mk(lambda: mk(a).athrow(ValueError)).send(),
         lambda: mk(lambda: mk(a).asend(None)).close(1), lambda: mk(lambda: mk(c).__await__()).send(),
         lambda: mk(lambda: mk(c).__await__()).throw(), lambda: mk(g).throw(ValueError(), 2, 3, 4),
         lambda: run(mk(a).athrow(ValueError())), lambda: run(mk(a).athrow()),
         lambda: run(mk(a).athrow(1)), lambda: mk(lambda: mk(a).aclose()).close(1)]
for f in tests:
    try: f()
    except TypeError as e: print(e)
print(repr(mk(a))[:26], repr(mk(c))[:20], type(mk(lambda: mk(a).athrow(1))).__name__, type(mk(lambda: mk(a).aclose())).__name__)
for o in made:
    o.close()
`,
	} {
		checkStdout(t, src)
	}
}

// TestClassFeatures checks __slots__ (also on subclasses of builtin types), __init_subclass__, __set_name__, __class_getitem__, properties, class/static methods, __abstractmethods__, attribute hooks and their messages.
func TestClassFeatures(t *testing.T) {
	for _, src := range []string{
		`class A:
    __slots__ = ('x', 'y')
a = A()
try: a.z = 1
except AttributeError as e: print(e)
try: a.x
except AttributeError as e: print(e)
a.x = 1; print(a.x, A.x, type(A.x).__name__)
try: del a.y
except AttributeError as e: print(e)
class B(A):
    __slots__ = ('__dict__',)
b = B(); b.z = 3; print(b.__dict__)
try:
    class C(int): __slots__ = ('a',)
except TypeError as e: print(e)
try:
    class D: __slots__ = ('a',); a = 1
except ValueError as e: print(e)
try:
    class E: __slots__ = 1
except TypeError as e: print(e)
try:
    class F: __slots__ = ('1a',)
except TypeError as e: print(e)
class G:
    __slots__ = ['__weakref__', 'q']
print(G.__slots__, hasattr(G(), '__dict__'))
class H:
    __slots__ = '__x'
print(H.__dict__.keys() - object.__dict__.keys())
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        print('init_subclass', cls.__name__, tag)
class K(Base, tag='k'): pass
try:
    class L(Base, bogus=1): pass
except TypeError as e: print(e)
class Named:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
class M:
    a = Named()
    b = Named()
class Bad:
    def __set_name__(self, owner, name): raise ValueError('nope')
try:
    class N:
        q = Bad()
except Exception as e: print(type(e).__name__, e, e.__notes__ if hasattr(e, '__notes__') else None)
class CG:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(CG[int], CG[1, 2])
try: object[int]
except TypeError as e: print(e)
print(list[int], dict[str, int], tuple[int, ...], type[int])
print(list[int].__origin__, list[int].__args__, list[int]() )
`,
		`class L(list):
    __slots__ = ('a',)
l = L([1]); l.a = 5; print(l.a, l)
try: l.b = 1
except AttributeError as e: print(e)
class E(Exception):
    __slots__ = ('code',)
e = E('x'); e.code = 3; print(e.code, e.args)
class DD(dict):
    __slots__ = ('meta',)
d = DD(a=1); d.meta = 'm'; print(d.meta, d)
`,
		`class A(int): pass
for bases in [(A,), (tuple,), (bytes,), (type,), (str,), (float,)]:
    try:
        C = type('C', bases, {'__slots__': ('x',)})
        print('ok', C.__name__)
    except TypeError as e: print(e)
    try:
        C = type('C', bases, {'__slots__': ('__dict__',)})
        print('ok dict')
    except TypeError as e: print(e)
    try:
        C = type('C', bases, {'__slots__': ()})
        print('ok empty')
    except TypeError as e: print(e)
`,
		`import sys
class P:
    def __init__(self): self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v): self._x = v
p = P(); p.x = 3; print(p.x, P.x.__doc__, type(P.x).__name__)
try: del p.x
except AttributeError as e: print(e)
class Q:
    y = property(lambda self: 1)
try: Q().y = 2
except AttributeError as e: print(e)
try: del Q().y
except AttributeError as e: print(e)
class R:
    @property
    def z(self): return 1
try: R().z = 5
except AttributeError as e: print(e)
print(property.__doc__[:20])
try: property()(1)
except TypeError as e: print(e)
try: property().__get__(1)
except AttributeError as e: print(e)
class S:
    @classmethod
    def c(cls, a): return (cls.__name__, a)
    @staticmethod
    def s(a): return a
print(S.c(1), S().c(2), S.s(3), S().s(4), S.__dict__['c'].__func__.__name__, S.__dict__['s'].__func__.__name__)
print(repr(S.__dict__['s'])[:30], S.__dict__['c'].__wrapped__.__name__)
class Abstract:
    __abstractmethods__ = frozenset({'f', 'g'})
class AB:
    def f(self): pass
    def g(self): pass
AB.__abstractmethods__ = frozenset({'f', 'g'})
try: AB()
except TypeError as e: print(e)
AB.__abstractmethods__ = frozenset({'g'})
try: AB()
except TypeError as e: print(e)
AB.__abstractmethods__ = frozenset()
print(AB().f())
try: print(int.__abstractmethods__)
except AttributeError as e: print(e)
class T:
    def __getattr__(self, n): return n * 2
    def __getattribute__(self, n):
        if n == 'boom': raise AttributeError(n)
        return object.__getattribute__(self, n)
t = T(); print(t.boom, t.abc)
class U:
    def __setattr__(self, k, v): print('set', k, v); super().__setattr__(k, v)
    def __delattr__(self, k): print('del', k); super().__delattr__(k)
u = U(); u.a = 1; del u.a
try: del u.a
except AttributeError as e: print(e)
class V:
    def __dir__(self): return ['b', 'a']
print(dir(V()))
class W:
    __slots__ = ()
try: W().x = 1
except AttributeError as e: print(e)
try: object().x = 1
except AttributeError as e: print(e)
try: (1).x = 1
except AttributeError as e: print(e)
try: int.x = 1
except TypeError as e: print(e)
try: setattr(int, 'x', 1)
except TypeError as e: print(e)
try: del int.real
except TypeError as e: print(e)
try: (1).real = 2
except AttributeError as e: print(e)
try: print.x = 1
except AttributeError as e: print(e)
`,
	} {
		checkProgram(t, src)
	}
}

// TestNoInternalErrors runs programs that set, delete and read every
// attribute of objects of the builtin types, call their methods (bound
// and unbound) with arguments of the wrong kinds, and instantiate the
// builtin types and their subclasses: whatever Python errors they raise,
// the VM itself must not fail.
func TestNoInternalErrors(t *testing.T) {
	for i, src := range []string{
		`import sys
def f(a=1): pass
class C:
    def m(self): pass
def gen(): yield
async def co(): pass
async def ag(): yield
samples = [f, C, C(), C().m, gen(), co(), ag(), 1, 1.5, 1j, 'x', b'x', bytearray(), [], (), {}, set(), frozenset(), range(1), slice(1), None, object(), type, len, [].append, property(), staticmethod(f), classmethod(f), ValueError('x'), OSError(1, 'x'), UnicodeDecodeError('utf-8', b'x', 0, 1, 'r'), SyntaxError('x'), StopIteration(1), SystemExit(1), KeyError(1), ImportError('x'), AttributeError('x'), NameError('x'), sys, sys._getframe(), f.__code__, memoryview(b''), {}.keys(), iter([]), super(C, C()), NotImplemented, ..., BaseExceptionGroup('x', [ValueError()]), sys.stdout, sys.flags, sys.version_info, int, int | str, list[int]]
try:
    raise ValueError
except ValueError as e:
    samples.append(e.__traceback__)
weird = [None, 0, 'zz', object(), (), {}, -1, 10**30]
for s in samples:
    names = set()
    for k in type(s).__mro__:
        names |= set(vars(k))
    if isinstance(s, type):
        names |= set(vars(s))
    for n in sorted(names):
        if n in ('__class__',):
            continue
        for w in weird:
            try: setattr(s, n, w)
            except Exception: pass
        try: delattr(s, n)
        except Exception: pass
        try: getattr(s, n)
        except Exception: pass
    try: repr(s); str(s)
    except Exception: pass
print('done')
`,
		`import sys
def f(a=1): pass
class C:
    def m(self): pass
def gen(): yield
async def co(): pass
async def ag(): yield
def mk():
    return [f, C, C(), C().m, gen(), co(), ag(), 1, 1.5, 1j, True, 'x', b'x', bytearray(b'ab'), [1], (1,), {1: 2}, {1}, frozenset({1}), range(3), slice(1), None, object(), len, [].append, property(), staticmethod(f), classmethod(f), ValueError('x'), OSError(1, 'x'), UnicodeDecodeError('utf-8', b'x', 0, 1, 'r'), SyntaxError('x'), StopIteration(1), KeyError(1), ImportError('x'), f.__code__, memoryview(b'ab'), {1: 2}.keys(), {1: 2}.items(), iter([1]), iter((1,)), iter('ab'), reversed([1]), enumerate([1]), zip([1]), map(f, [1]), filter(None, [1]), super(C, C()), NotImplemented, ..., BaseExceptionGroup('x', [ValueError()]), int | str, list[int], gen().gi_code, type(f).__dict__['__name__'], int.__dict__['__add__'], (1).__add__, C.__dict__, ag().asend(None), ag().athrow(ValueError), co().__await__()]
weird = [None, 0, -1, 'zz', (), b'', 1.5, object(), [], 2]
skip = {'__del__', '__init__', 'clear', '__setstate__', '__delitem__'}
n = 0
for s in mk():
    names = set()
    for k in type(s).__mro__:
        names |= set(vars(k))
    for name in sorted(names):
        if name in skip: continue
        try: m = getattr(s, name)
        except Exception: continue
        if not callable(m): continue
        for args in [()] + [(w,) for w in weird] + [(a, b) for a in weird[:5] for b in weird[:5]]:
            try:
                r = m(*args)
                n += 1
                if hasattr(r, '__next__') and not isinstance(r, type(gen())):
                    try: next(r)
                    except Exception: pass
            except Exception: pass
print('done')
`,
		`import sys
def f(a=1): pass
def gen(): yield
types_ = set()
for v in [f, gen(), 1, 1.5, 1j, True, 'x', b'x', bytearray(), [], (), {}, set(), frozenset(), range(1), slice(1), None, object(), len, [].append, property(), staticmethod(f), classmethod(f), ValueError(), OSError(), f.__code__, memoryview(b''), {}.keys(), iter([]), reversed([]), enumerate([]), zip(), map(f, []), filter(None, []), NotImplemented, ..., int | str, list[int], super(int, 1), type, BaseExceptionGroup('x', [ValueError()]), sys.flags, sys.version_info]:
    types_.add(type(v))
weird = [None, 0, 'zz', (), b'', 1.5, object(), [], {}]
skip = {'__del__', '__setstate__', '__init__'}
for tp in sorted(types_, key=lambda t: t.__name__):
    for name, d in sorted(vars(tp).items()):
        if name in skip or not callable(d): continue
        for args in [()] + [(w,) for w in weird] + [(a, b) for a in weird[:4] for b in weird[:4]] + [(a, b, c) for a in weird[:3] for b in weird[:3] for c in weird[:3]]:
            try: d(*args)
            except Exception: pass
            try: d(*args, x=1)
            except Exception: pass
print('done')
`,
		`import sys, builtins
def f(a=1): pass
def gen(): yield
types_ = {v for v in vars(builtins).values() if isinstance(v, type)}
for v in [f, gen(), f.__code__, memoryview(b''), {}.keys(), iter([]), int | str, list[int], super(int, 1), sys.flags, type(sys._getframe()), type(None), type(...), type(NotImplemented)]:
    types_.add(v if isinstance(v, type) else type(v))
weird = [None, 0, 'zz', (), b'ab', 1.5, object(), [1], {1: 2}, -1]
for tp in sorted(types_, key=lambda t: t.__name__):
    if tp.__name__ in ('KeyboardInterrupt', 'SystemExit', 'input', 'open', 'print', 'breakpoint', 'help'): continue
    cands = [tp]
    try:
        class S(tp): pass
        cands.append(S)
    except TypeError: pass
    for c in cands:
        for args in [()] + [(w,) for w in weird] + [(a, b) for a in weird[:5] for b in weird[:5]] + [(a, b, c) for a in weird[:3] for b in weird[:3] for c in weird[:3]]:
            for kw in ({}, {'x': 1}):
                try:
                    o = c(*args, **kw)
                except Exception: continue
                for op in (repr, str, hash, bool, len, iter, dir, lambda o: o == o, lambda o: o < o, lambda o: o + o, lambda o: o * 2, lambda o: -o, lambda o: o[0], lambda o: o(), lambda o: list(o) if not isinstance(o, (type(gen()),)) else None, lambda o: format(o, ''), lambda o: vars(o)):
                    try: op(o)
                    except Exception: pass
print('done')
`,
	} {
		path := filepath.Join(t.TempDir(), "prog.py")
		stdout, stderr, code := runVM(t, path, []byte(src), "")
		if code != 0 || !strings.HasSuffix(stdout, "done\n") {
			t.Errorf("program %d: exit %d\nstdout:\n%s\nstderr:\n%s", i, code, stdout, stderr)
		}
	}
}

// TestAttributeEdges checks setting and deleting the special attributes of functions and classes, and builtin class methods called with the wrong class.
func TestAttributeEdges(t *testing.T) {
	for _, src := range []string{
		`def f(a, b=2, *args, c, d=4, **kw) -> int:
    "doc"
    return a
print(f.__defaults__, f.__kwdefaults__, f.__annotations__, f.__doc__, f.__name__, f.__qualname__, f.__module__)
print(f.__code__.co_flags, f.__type_params__, f.__closure__, f.__dict__, f.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else 'x')
f.__defaults__ = (9,); print(f(1, c=3))
try: f.__defaults__ = 5
except TypeError as e: print(e)
try: f.__kwdefaults__ = 5
except TypeError as e: print(e)
try: f.__name__ = 5
except TypeError as e: print(e)
try: f.__qualname__ = None
except TypeError as e: print(e)
try: f.__annotations__ = 5
except TypeError as e: print(e)
try: f.__code__ = None
except TypeError as e: print(e)
try: f.__closure__ = None
except AttributeError as e: print(e)
try: f.__globals__ = {}
except AttributeError as e: print(e)
try: del f.__name__
except TypeError as e: print(e)
del f.__defaults__; print(f.__defaults__)
del f.__annotations__; print(f.__annotations__)
del f.__doc__; print(f.__doc__)
f.attr = 1; print(f.__dict__, f.attr)
del f.__dict__
try: del f.__type_params__
except TypeError as e: print(e)
def g[T](x: T) -> T: return x
print(g.__type_params__, g.__annotations__)
g.__type_params__ = (); print(g.__type_params__)
def wrap(fn):
    def inner(*a, **k): return fn(*a, **k)
    inner.__wrapped__ = fn
    return inner
print(wrap(f).__wrapped__ is f)
def h(x):
    def inner(): return x
    return inner
c = h(5).__closure__[0]
print(type(c).__name__, c.cell_contents)
print(f.__repr__()[:12], repr(lambda: 0)[:19])
print((lambda x, /, y, *, z: 0).__code__.co_posonlyargcount)
print(sorted(set(dir(f)) - set(dir(object))))
class K:
    def m(self): pass
    @classmethod
    def cm(cls): pass
k = K()
print(k.m.__func__ is K.m, k.m.__self__ is k, K.cm.__self__ is K, k.m == k.m, k.m is k.m, hash(k.m) == hash(k.m))
print(repr(k.m)[:22], repr(K.cm)[:32])
try: k.m.x = 1
except AttributeError as e: print(e)
K.m.x = 5; print(k.m.x)
print(k.m.__name__, k.m.__qualname__, k.m.__doc__, k.m.__module__)
`,
		`class C:
    'doc'
    x: int
for name in ['__name__', '__qualname__', '__doc__', '__module__', '__bases__', '__mro__', '__dict__', '__annotations__', '__type_params__', '__abstractmethods__', '__text_signature__', '__basicsize__']:
    try:
        delattr(C, name); print(name, 'deleted ->', repr(getattr(C, name, 'MISSING'))[:30])
    except Exception as e: print(name, type(e).__name__, e)
for name, v in [('__name__', 1), ('__qualname__', 1), ('__module__', 1), ('__doc__', 1), ('__bases__', 1), ('__bases__', ()), ('__type_params__', 1), ('__mro__', ()), ('__name__', 'a\x00b'), ('__name__', 'D')]:
    try:
        setattr(C, name, v); print(name, 'set ->', repr(getattr(C, name, 'MISSING'))[:30])
    except Exception as e: print(name, type(e).__name__, e)
for name, v in [('__name__', 'x'), ('__qualname__', 'x'), ('__module__', 'x'), ('__doc__', 'x'), ('__bases__', (object,)), ('__type_params__', ()), ('__annotations__', {})]:
    try:
        setattr(int, name, v)
    except Exception as e: print(name, type(e).__name__, e)
    try:
        delattr(int, name)
    except Exception as e: print(name, type(e).__name__, e)
`,
		`d = dict.__dict__['fromkeys']
for a in [(None,), (int, [1]), (), (dict, [1])]:
    try: print(d(*a))
    except Exception as e: print(type(e).__name__, e)
d = object.__dict__['__init_subclass__']
for a in [(None,), (int,), ()]:
    try: print(d(*a))
    except Exception as e: print(type(e).__name__, e)
print(d.__get__(None, int).__name__, d.__get__(1).__self__)
for a in [(None, None), (None, 5)]:
    try: d.__get__(*a)
    except Exception as e: print(type(e).__name__, e)
try: dict.__dict__['fromkeys'].__get__(None, int)
except Exception as e: print(type(e).__name__, e)
class D(dict): pass
print(D.fromkeys([1]), type(D.fromkeys([1])).__name__, dict.__dict__['fromkeys'](D, 'ab'))
`,
	} {
		checkProgram(t, src)
	}
}

// TestMatchMetaDescr checks match statements' class patterns and their errors, metaclasses (__call__, __prepare__, keywords, function metaclasses, type.__init__), descriptor precedence, property/classmethod/staticmethod details and __class__ assignment between layouts.
func TestMatchMetaDescr(t *testing.T) {
	for _, src := range []string{
		`class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y): self.x, self.y = x, y
def m(v):
    match v:
        case Point(0, 0): return 'origin'
        case Point(x=0, y=yy): return f'y-axis {yy}'
        case Point(xx, 0): return f'x-axis {xx}'
        case [1, *rest]: return f'list1 {rest}'
        case {'a': 1, **kw}: return f'map {kw}'
        case str() | bytes(): return 'strish'
        case int(n) if n > 10: return f'big {n}'
        case (1 | 2 | 3) as small: return f'small {small}'
        case float(f): return f'float {f}'
        case {}: return 'empty-ish map'
        case _: return 'other'
for v in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), [1, 2, 3], (1,), {'a': 1, 'b': 2}, 'x', b'y', 50, 2, 2.5, {}, {'z': 1}, None]:
    print(m(v))
class NoArgs:
    pass
def m2(v):
    match v:
        case NoArgs(a): return a
try: m2(NoArgs())
except TypeError as e: print(e)
class TooMany:
    __match_args__ = ('a',)
def m3(v):
    match v:
        case TooMany(a, b): return 1
try: m3(TooMany())
except TypeError as e: print(e)
def m4(v):
    match v:
        case TooMany(x=1, x2=2): return 1
        case _: return 'no'
print(m4(TooMany()))
class BadMA:
    __match_args__ = 5
def m5(v):
    match v:
        case BadMA(a): return 1
try: m5(BadMA())
except TypeError as e: print(e)
class BadMA2:
    __match_args__ = (1,)
def m6(v):
    match v:
        case BadMA2(a): return 1
try: m6(BadMA2())
except TypeError as e: print(e)
def m7(v):
    match v:
        case int(a, b): return 1
try: m7(5)
except TypeError as e: print(e)
F = 5
class NS: F = 5
def m8(v):
    match v:
        case NS.F(): return 1
try: m8(5)
except TypeError as e: print(e)
`,
		`class Meta(type):
    def __call__(cls, *a, **k):
        print('Meta.__call__', cls.__name__, a, k)
        return super().__call__(*a, **k)
    def __prepare__(name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
    def __new__(mcls, name, bases, ns, **kw):
        print('new', name, sorted(ns), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print('init', name, kw)
        super().__init__(name, bases, ns)
class A(metaclass=Meta, flag=1):
    def __init__(self, v): self.v = v
a = A(5); print(a.v, A.injected)
class BadPrep(type):
    @classmethod
    def __prepare__(mcls, name, bases): return 5
try:
    class X(metaclass=BadPrep): pass
except TypeError as e: print(e)
try:
    class Y(metaclass=5): pass
except TypeError as e: print(e)
def fmeta(name, bases, ns, **kw):
    print('fmeta', name, bases, sorted(k for k in ns if not k.startswith('__')), kw)
    return 42
class Z(int, metaclass=fmeta, q=2):
    a = 1
print(Z)
class Single(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst: cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class S(metaclass=Single): pass
print(S() is S())
try:
    class W(metaclass=type, bad=1): pass
except TypeError as e: print(e)
try: type.__new__(type, 'x', (), {}, bad=1)
except TypeError as e: print(e)
try: type('x', (), {}, bad=1)
except TypeError as e: print(e)
print(type.__prepare__('x', ()), type.__prepare__(1, 2, 3, a=4))
class M2(type):
    def __new__(mcls, *a, **k): return type.__new__(mcls, *a)
class Q(metaclass=M2, extra=5): pass
print(type(Q).__name__)
try: type.__init__(Q, 1, 2, 3, 4)
except TypeError as e: print(e)
try: type.__init__(Q, 'a', (), {}, x=1)
except TypeError as e: print(e)
class NS:
    def __init_subclass__(cls, **kw): print('isc', kw)
try: type('T', (NS,), {}, k=1)
except TypeError as e: print(e)
print(type('T2', (NS,), {}).__name__)
class Meta3(type):
    def mm(cls): return 'meta method ' + cls.__name__
class C3(metaclass=Meta3): pass
print(C3.mm())
try: C3().mm()
except AttributeError as e: print(e)
print(type(C3).__mro__)
`,
		`class Q: pass
for a in [(Q, 1, 2, 3, 4), (Q,), (Q, 1), (Q, 1, 2), (Q, 1, 2, 3), (Q, 'a', (), {}), (1,)]:
    try: print(type.__init__(*a))
    except TypeError as e: print(e)
try: print(type.__init__(Q, 'a', (), {}, x=1))
except TypeError as e: print(e)
try: print(type.__init__(Q, x=1))
except TypeError as e: print(e)
try: print(type.__init__(Q, 1, x=1))
except TypeError as e: print(e)
class M(type): pass
print(M('N', (), {}).__name__)
try: M('N')
except TypeError as e: print(e)
try: M('N', (), {}, k=1)
except TypeError as e: print(e)
`,
		`class D:
    def __get__(self, o, t=None): return ('D.get', o is not None, t.__name__ if t else None)
class ND:
    def __get__(self, o, t=None): return 'nd'
class Data:
    def __get__(self, o, t=None): return 'data'
    def __set__(self, o, v): print('data set', v)
class C:
    d = D(); nd = ND(); data = Data()
c = C()
c.__dict__.update(nd='inst', data='inst')
print(c.d, C.d, c.nd, c.data)
c.data = 5
class CM:
    @classmethod
    @property
    def p(cls): return 'cp'
print(type(CM.__dict__['p']).__name__)
try: print(CM.p)
except Exception as e: print(type(e).__name__, e)
sm = staticmethod(len)
print(sm('abc'), sm.__func__ is len, sm.__wrapped__ is len, repr(sm)[:30])
cm = classmethod(len)
print(cm.__func__ is len, repr(cm)[:30], cm.__isabstractmethod__)
def af(): pass
af.__isabstractmethod__ = True
print(staticmethod(af).__isabstractmethod__, classmethod(af).__isabstractmethod__, property(af).__isabstractmethod__)
class P2(property):
    pass
class UP:
    @P2
    def x(self): return 1
print(UP().x, type(UP.__dict__['x']).__name__)
p = property(lambda s: 1, doc='docstr')
print(p.__doc__, property(af).__doc__, p.fget is not None, p.fset, p.fdel)
try: property(1)(2)
except TypeError as e: print(e)
q = property().getter(lambda s: 2)
print(q.__get__(1), type(q).__name__)
class Named:
    @property
    def nm(self): raise AttributeError('inner')
try: Named().nm
except AttributeError as e: print(e, e.name)
class SetOnly:
    x = property(None, lambda s, v: None)
try: SetOnly().x
except AttributeError as e: print(e)
try: del SetOnly().x
except AttributeError as e: print(e)
print(property.__name__ if hasattr(property, '__name__') else '', UP.__dict__['x'].__name__ if hasattr(UP.__dict__['x'], '__name__') else 'noname')
class A: pass
class B: pass
a = A(); a.__class__ = B; print(type(a).__name__)
try: a.__class__ = int
except TypeError as e: print(e)
try: (1).__class__ = bool
except TypeError as e: print(e)
class SL:
    __slots__ = ('a',)
class SL2:
    __slots__ = ('b',)
try: SL().__class__ = SL2
except TypeError as e: print(e)
`,
		`class A: pass
class B: pass
class S1: __slots__ = ('a',)
class S2: __slots__ = ('a',)
class S3: __slots__ = ('b',)
class S4: __slots__ = ('a', '__dict__')
class S5(S1): pass
class S6(S1): pass
class Lst(list): pass
class Lst2(list): pass
class Dct(dict): pass
for x, y in [(A, B), (S1, S2), (S1, S3), (S1, S4), (S5, S6), (S1, S5), (A, S1), (Lst, Lst2), (Lst, Dct), (Lst, A)]:
    try:
        o = x(); o.__class__ = y; print(x.__name__, '->', type(o).__name__)
    except TypeError as e: print(e)
`,
	} {
		checkProgram(t, src)
	}
}

// TestSpecialMethods checks the special methods of classes through the builtins and operators: results of the wrong type, dunders set to None, sequence fallbacks, NotImplemented and reflected operands.
func TestSpecialMethods(t *testing.T) {
	for _, src := range []string{
		`class L:
    def __init__(self, v): self.v = v
    def __len__(self): return self.v
for v in [-1, 'x', 2**70, 3.0, True]:
    try: print(len(L(v)))
    except Exception as e: print(type(e).__name__, e)
    try: print(bool(L(v)))
    except Exception as e: print(type(e).__name__, e)
class B:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
for v in [1, None, True]:
    try: print(bool(B(v)))
    except Exception as e: print(type(e).__name__, e)
class H:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v
for v in [1.5, 'x', 2**70, -1, True, None]:
    try: print(hash(H(v)))
    except Exception as e: print(type(e).__name__, e)
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
for v in [1.5, True, 5]:
    try: print([0, 1, 2, 3, 4, 5][I(v)], bin(I(v)))
    except Exception as e: print(type(e).__name__, e)
class It:
    def __iter__(self): return 5
try: iter(It())
except TypeError as e: print(e)
try:
    for x in It(): pass
except TypeError as e: print(e)
class R:
    def __repr__(self): return 5
try: repr(R())
except TypeError as e: print(e)
class S:
    def __str__(self): return b'x'
try: str(S())
except TypeError as e: print(e)
class F:
    def __float__(self): return 1
try: float(F())
except TypeError as e: print(e)
class In:
    def __int__(self): return 1.5
try: int(In())
except TypeError as e: print(e)
class Cx:
    def __complex__(self): return 1
try: complex(Cx())
except TypeError as e: print(e)
class Fmt:
    def __format__(self, s): return 5
try: format(Fmt())
except TypeError as e: print(e)
class Ctn:
    def __contains__(self, x): return []
print(1 in Ctn())
class GI:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i
print(list(GI()), 2 in GI(), list(reversed([1,2])))
try: reversed(GI())
except TypeError as e: print(e)
class Rev:
    def __len__(self): return 2
    def __getitem__(self, i): return i * 10
print(list(reversed(Rev())))
class Call:
    __call__ = 5
try: Call()()
except TypeError as e: print(e)
class NE:
    __eq__ = None
try: NE() == 1
except TypeError as e: print(e)
class NH:
    __hash__ = None
try: hash(NH())
except TypeError as e: print(e)
class NI:
    __iter__ = None
try: iter(NI())
except TypeError as e: print(e)
class NL:
    __len__ = None
try: len(NL())
except TypeError as e: print(e)
class NC:
    __contains__ = None
try: 1 in NC()
except TypeError as e: print(e)
`,
		`class NI:
    __iter__ = None
    def __getitem__(self, i): return i
for f in [lambda: iter(NI()), lambda: list(NI()), lambda: [x for x in NI()], lambda: 1 in NI(), lambda: (lambda *a: a)(*NI())]:
    try: f()
    except TypeError as e: print(e)
class NR:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
try: reversed(NR())
except TypeError as e: print(e)
class NA:
    __aiter__ = None
async def co():
    async for x in NA(): pass
try: co().send(None)
except TypeError as e: print(e)
`,
		`class V:
    def __init__(self, v): self.v = v
    def __add__(self, o): return NotImplemented
    def __repr__(self): return f'V({self.v})'
class W(V):
    def __radd__(self, o): return 'W.radd'
print(V(1) + W(2))
try: V(1) + 1
except TypeError as e: print(e)
try: 1 + V(1)
except TypeError as e: print(e)
try: V(1) < V(2)
except TypeError as e: print(e)
try: V(1) @ V(2)
except TypeError as e: print(e)
class IA:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return 'add'
x = IA(); x += 1; print(x)
class OnlyI:
    def __iadd__(self, o): return NotImplemented
y = OnlyI()
try: y += 1
except TypeError as e: print(e)
try: y -= 1
except TypeError as e: print(e)
try: y **= 1
except TypeError as e: print(e)
try: pow(V(1), 2, 3)
except TypeError as e: print(e)
class P:
    def __pow__(self, o, m=None): return ('pow', o, m)
    def __rpow__(self, o, m=None): return ('rpow', o, m)
print(P() ** 2, 2 ** P(), pow(P(), 2, 5))
try: print(pow(2, P(), 5))
except TypeError as e: print(e)
class Neg:
    def __neg__(self): return 'neg'
print(-Neg())
try: +Neg()
except TypeError as e: print(e)
try: ~Neg()
except TypeError as e: print(e)
try: abs(Neg())
except TypeError as e: print(e)
class Cmp:
    def __eq__(self, o): return NotImplemented
    def __lt__(self, o): return NotImplemented
print(Cmp() == Cmp(), Cmp() != Cmp())
try: Cmp() < Cmp()
except TypeError as e: print(e)
try: Cmp() >= 1
except TypeError as e: print(e)
print(divmod(7, 2), )
try: divmod(V(1), 2)
except TypeError as e: print(e)
class M:
    def __matmul__(self, o): return 'mm'
    def __rmatmul__(self, o): return 'rmm'
    def __imatmul__(self, o): return 'imm'
m = M(); print(m @ 1, 1 @ m); m @= 2; print(m)
class GS:
    def __getitem__(self, k): return k
print(GS()[1:2, ...], GS()[::], GS()[1])
try: GS()[1] = 2
except TypeError as e: print(e)
try: del GS()[1]
except TypeError as e: print(e)
`,
	} {
		checkProgram(t, src)
	}
}

// TestLoopOwnedGenerators checks that a generator made for a for or async for loop is closed when the loop drops it (break, return, an exception), as CPython's reference counting does, and not when something else holds it (stdout only: the unraisable report has an address).
func TestLoopOwnedGenerators(t *testing.T) {
	for _, src := range []string{
		`def reader(name):
    try:
        for i in range(5):
            yield f'{name}:{i}'
    finally:
        print('  close', name)
for x in reader('a'):
    if x.endswith('1'): break
print('after break')
def find(n):
    for x in reader('b'):
        if x.endswith(str(n)): return x
print(find(2))
def boom():
    for x in reader('c'):
        raise ValueError(x)
try: boom()
except ValueError as e: print('caught', e)
try:
    for x in reader('d'):
        raise KeyError(x)
except KeyError as e: print('caught2', e)
g = reader('e')
for x in g:
    break
print('e kept', next(g))
g.close()
for x in (y * 2 for y in reader('f')):
    break
print('after genexpr')
for x in reader('g'):
    for y in reader('h'):
        break
    break
print('nested')
def bad():
    try:
        yield 1
    finally:
        raise RuntimeError('in finally')
for x in bad():
    break
print('after bad')
def gen_loop():
    for x in reader('i'):
        yield x
gl = gen_loop()
print(next(gl))
gl.close()
print('after gl close')
for x in reader('j'):
    continue
print('exhausted')
for i, x in enumerate(['k']):
    break
print('enum')
async def ag():
    try:
        yield 1
        yield 2
    finally:
        print('  ag fin')
async def use():
    async for v in ag():
        break
    print('after async break')
try: use().send(None)
except StopIteration: pass
while True:
    for x in reader('l'):
        break
    break
print('end')
`,
	} {
		checkStdout(t, src)
	}
}

// TestCallErrors checks the TypeErrors of bad calls of Python functions (too many or missing arguments, keywords), in CPython's order.
func TestCallErrors(t *testing.T) {
	for _, src := range []string{
		`def f(a, b, /, c, *, d): pass
def g(a, /, b=1): pass
def h(*, k): pass
def j(a, b=2, *, c=3): pass
class K:
    def m(self, a, /, b): pass
tests = [lambda: f(1, 2, 3, 4), lambda: f(1, 2, 3, 4, d=5), lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, 3), lambda: f(a=1, b=2, c=3, d=4),
         lambda: g(1, 2, 3), lambda: g(a=1), lambda: g(), lambda: h(1), lambda: h(1, k=2), lambda: h(), lambda: j(1, 2, 3), lambda: j(1, 2, 3, c=4),
         lambda: j(), lambda: j(1, a=2), lambda: j(1, x=2), lambda: K().m(), lambda: K().m(1, 2, 3), lambda: K.m(), lambda: K().m(a=1, b=2),
         lambda: f(1, 2, 3, d=4, e=5), lambda: j(1, 2, 3, 4, c=5), lambda: (lambda: 0)(1), lambda: (lambda x: 0)(), lambda: (lambda *a, **k: 0)(1, x=2),
         lambda: f(*[1, 2], **{'c': 3}), lambda: f(1, 2, **{'c': 3, 'd': 4, 'b': 9}), lambda: f(1, **{1: 2}), lambda: f(*1), lambda: f(**1),
         lambda: f(1, 2, 3, **{'d': 1}, d=2)]
for t in tests:
    try: t(); print('ok')
    except TypeError as e: print(e)
`,
		`def f(a, b=1, *args, c, d=2, **kw): return (a, b, args, c, d, kw)
def g(a, /, b, *, c): return (a, b, c)
def h(a, /, **kw): return (a, kw)
tests = [lambda: f(1, c=3), lambda: f(1, 2, 3, 4, c=5, e=6), lambda: f(), lambda: f(1), lambda: f(1, b=2, a=3, c=1), lambda: f(c=1, b=2),
         lambda: g(1, 2, 3), lambda: g(1, 2, 3, c=4), lambda: g(1, b=2, c=3, z=1), lambda: g(1, 2, 3, z=1), lambda: g(a=1, b=2, c=3),
         lambda: h(1, a=2), lambda: h(a=1), lambda: h(1, 2), lambda: g(1, 2, 3, 4, c=5, b=6)]
for t in tests:
    try: print(t())
    except TypeError as e: print(e)
`,
	} {
		checkProgram(t, src)
	}
}
