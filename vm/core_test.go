package vm_test

import "testing"

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
