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
