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
