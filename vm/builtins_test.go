package vm_test

import "testing"

// TestBuiltinFunctions holds sorted, min, max, sum, any, all, zip, map, filter, enumerate, reversed and __import__ against CPython, their errors included.
func TestBuiltinFunctions(t *testing.T) {
	for _, src := range []string{
		`tests = [
 lambda: sorted(), lambda: sorted(1), lambda: sorted([3,1], reverse=1), lambda: sorted([1], key=1), lambda: sorted([1,'a']),
 lambda: sorted([1], 2), lambda: sorted(iterable=[1]), lambda: sorted([1], foo=1), lambda: sorted([2,1], None, True), lambda: sorted('cba'), lambda: sorted({3: 1, 1: 2}),
 lambda: min(), lambda: min(1), lambda: min([]), lambda: min([], default=5), lambda: min(1, 2, default=3), lambda: min([1,'a']),
 lambda: min(1, 2, key=lambda x: -x), lambda: min([3,1,2], key=None), lambda: min([1], foo=2), lambda: max(()), lambda: max(1,2,3,key=1),
 lambda: max([1], [2], key=len, default=0), lambda: min(x=1), lambda: max(iter([]), default=None), lambda: max(1, 2, foo=3), lambda: max('hello'),
 lambda: max([(1, 'b'), (1, 'a')]), lambda: min([[2], [1, 5]]), lambda: max(1, 1.0) if False else max([3, 3], key=lambda x: 0), lambda: max(key=len),
 lambda: sum(), lambda: sum(1), lambda: sum(['a','b'], ''), lambda: sum([[1],[2]], []), lambda: sum([1,2], start=10),
 lambda: sum([b'a'], b''), lambda: sum([0.1]*10, 0.0), lambda: sum([1e100, 1.0, -1e100, 1.0], 0.0),
 lambda: sum([1,'a']), lambda: sum([], 1, 2), lambda: sum(x for x in range(5)), lambda: sum([True, True]),
 lambda: sum([1e308, 1e308, -1e308], 0.0), lambda: sum([2**62, 2**62, 2**62]), lambda: sum([-2**63, -1]), lambda: sum([(1,), (2,)], ()), lambda: sum(iterable=[1]),
 lambda: sum([1, 2, 3], 0.5), lambda: sum([1e16, 1.0, -1e16], 0.0), lambda: sum([[1]], start=[0]),
 lambda: any(), lambda: any(1), lambda: any([0, 1]), lambda: all([]), lambda: all([1, 0]), lambda: any(x=1), lambda: all(1, 2), lambda: any(iter([[], ()])),
 lambda: list(zip()), lambda: list(zip(1)), lambda: list(zip([1,2],[3])), lambda: list(zip([1,2],[3], strict=True)), lambda: list(zip([1],[3,4], strict=True)),
 lambda: list(zip([1],[2],[3,4], strict=True)), lambda: list(zip([1,2],[3],[4], strict=True)), lambda: zip(x=1), lambda: list(zip('ab', range(3), strict=False)),
 lambda: list(zip([1], [2], strict=True)), lambda: list(zip(*[[1, 2], [3, 4]])),
 lambda: list(map()), lambda: list(map(len)), lambda: list(map(1, [1])), lambda: list(map(max, [2,3], [3])), lambda: map(len, [1], x=1), lambda: list(map(len, 1)),
 lambda: list(map(lambda a, b: a - b, [5, 6, 7], [1, 2])),
 lambda: list(filter()), lambda: list(filter(None, [0,1,2,''])), lambda: list(filter(1, [1])), lambda: filter(None, [1], x=1), lambda: list(filter(lambda x: x > 1, [1,2,3])),
 lambda: list(filter(bool, [0, 3])), lambda: filter(None),
 lambda: list(enumerate()), lambda: list(enumerate('ab', 1)), lambda: list(enumerate('ab', start=5)), lambda: list(enumerate(1)), lambda: enumerate('a', 'b'), lambda: list(enumerate(iterable='a', start=2)),
 lambda: list(enumerate('ab', 2**70)), lambda: enumerate('a', x=1), lambda: enumerate('a', 1, 2), lambda: list(enumerate(start=3, iterable='xy')), lambda: enumerate(start=1),
 lambda: list(enumerate('ab', 2**63 - 1)), lambda: enumerate[int],
 lambda: reversed(), lambda: reversed(1), lambda: list(reversed([1,2])), lambda: list(reversed((1,2))), lambda: list(reversed('ab')), lambda: reversed({1}), lambda: list(reversed({1:2, 3:4})),
 lambda: list(reversed(range(3))), lambda: list(reversed(range(10, 0, -3))), lambda: reversed([1], 2), lambda: reversed(x=1), lambda: type(reversed((1,))).__name__, lambda: type(reversed({})).__name__, lambda: type(reversed({}.values())).__name__,
 lambda: type(reversed({}.items())).__name__, lambda: type(reversed('')).__name__, lambda: type(reversed(range(2))).__name__, lambda: type(iter(range(2**70))).__name__,
 lambda: list(reversed(range(2**65, 2**65 + 3))), lambda: reversed((1, 2, 3)).__length_hint__(),
 lambda: zip, lambda: map, lambda: filter, lambda: enumerate, lambda: reversed, lambda: type(zip()).__name__, lambda: zip.__doc__[:20], lambda: sorted.__doc__[:30],
]
for f in tests:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), reversed(Seq()).__length_hint__())
class NoRev:
    __reversed__ = None
    def __len__(self): return 0
    def __getitem__(self, i): raise IndexError
try: reversed(NoRev())
except TypeError as e: print(e)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        print('next', self.n)
        return self.n
print(list(zip(It(), 'ab')), list(zip('ab', It())))
print(list(map(lambda x: x * 2, It())), any(x > 1 for x in It()), all(x < 2 for x in It()))
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): print('lt', self.v, o.v); return self.v < o.v
    def __gt__(self, o): print('gt', self.v, o.v); return self.v > o.v
    def __repr__(self): return f'C{self.v}'
print(min(Cmp(3), Cmp(1), Cmp(2)), max(Cmp(3), Cmp(1), Cmp(5)))
print(min([Cmp(2), Cmp(2)]), max([1, 2, 3], key=lambda x: Cmp(-x)))
e = enumerate('abc'); print(next(e), list(e), type(e).__name__)
z = zip([1, 2], [3, 4]); next(z); print(list(z))
print(__import__('sys').__name__, __import__('sys', fromlist=['x']).__name__, __import__(name='sys').__name__)
for f in [lambda: __import__(), lambda: __import__(1), lambda: __import__('sys', level=-1), lambda: __import__(''),
          lambda: __import__('nonexist_mod_zz'), lambda: __import__('sys', {}, {}, [], 0).__name__,
          lambda: __import__('sys', 1, 2, 3, 4, 5), lambda: __import__('sys', level='a'), lambda: repr(__import__), lambda: __import__.__doc__[:40],
          ]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
`,
	} {
		checkProgram(t, src)
	}
}

// TestBuiltinStopIteration holds how map, filter and the consumers of
// iterators take a StopIteration raised while computing an item.
func TestBuiltinStopIteration(t *testing.T) {
	checkProgram(t, `def f(x):
    if x == 3: raise StopIteration
    return x
print(list(map(f, range(6))), [y for y in map(f, range(6))], list(filter(f, range(6))), sorted(map(f, range(6))), sum(map(f, range(6))))
def g():
    yield 1
    raise StopIteration
try: print(list(g()))
except RuntimeError as e: print('RuntimeError', e)
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration('v')
print(list(It()), list(zip(It(), [1])), list(enumerate(It())), set(It()), dict.fromkeys(It()))
`)
}

// TestBuiltinExec holds eval, exec, compile, locals, vars and dir against CPython.
func TestBuiltinExec(t *testing.T) {
	for _, src := range []string{
		`x = 1
def f(a, b=2):
    c = 3
    def g(): return c + a
    print(sorted(locals()), locals() is locals())
    loc = locals(); loc['zz'] = 1; print('zz' in locals())
    print([sorted(locals().items(), key=lambda kv: kv[0])[:2] for q in range(1)])
    print([sorted(locals()) for q in range(1)])
    del c
    print(sorted(locals()))
    return g
f(1)
print([sorted(locals())[:3] for q in range(1)])
print(locals() is globals())
class C:
    y = 2
    print(sorted(locals()), [sorted(locals()) for z in range(1)])
print(vars() is globals(), 'y' in vars(C))
try: vars(1)
except TypeError as e: print(e)
try: vars(1, 2)
except TypeError as e: print(e)
try: locals(1)
except TypeError as e: print(e)
def h():
    u = 1
    return eval('u + 1'), eval('locals()'), exec('u = 5') or u, eval('v', {'v': 3}), eval('w', None, {'w': 4})
print(h())
print(eval('x'), eval(' \t x'), eval(b'x'), eval('x', {'x': 9}), eval('x + y', {'x': 1}, {'y': 2}))
g = {}
exec('a = 1', g); print(sorted(g), g['__builtins__'] is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else type(g['__builtins__']))
for args in [(1,), ('x', 1), ('x', {}, 1), ('x', [] ), ('1 +',), ('x\0',), ("x", {}, [])]:
    try: print(eval(*args))
    except SyntaxError as e: print(type(e).__name__, e.args)
    except Exception as e: print(type(e).__name__, e)
for args in [(1,), ('x', 1), ('x', {}, 1), ('1 +',), ('x\0',), ('a=1', {}, {}, 1)]:
    try: print(exec(*args))
    except SyntaxError as e: print(type(e).__name__, e.args)
    except Exception as e: print(type(e).__name__, e)
c = compile('a = 5\nprint(a)', 'f.py', 'exec'); exec(c)
c = compile('3 + 4', '<s>', 'single'); exec(c)
for args in [('x', 'f', 'bad'), ('x', 1, 'exec'), (1, 'f', 'exec'), ('x', 'f', 'exec', 0, False, 5), ('x', 'f', 'exec', 0xffffffff), ('x', 'f'), ('def', 'f.py', 'exec')]:
    try: print(compile(*args))
    except SyntaxError as e: print(type(e).__name__, e.args)
    except Exception as e: print(type(e).__name__, e)

`,
		`for args in [('1 +',), ('x\0',), ('  1 +',), ('(1,\n2',), ('a = 1',)]:
    try: print(eval(*args))
    except SyntaxError as e: print(type(e).__name__, e.args)
for args in [('1 +',), ('def f(:\n  pass',), ('x = (',), ('if 1:\n  pass\n else:\n  pass',)]:
    try: print(exec(*args))
    except SyntaxError as e: print(type(e).__name__, e.args)
for args in [('1 +', 'f.py', 'exec'), ('a b', 'f.py', 'eval'), ('a = 1\nb = 2', 'f.py', 'single'), ('', 'f', 'single')]:
    try: print(compile(*args))
    except SyntaxError as e: print(type(e).__name__, e.args)
    except Exception as e: print(type(e).__name__)
c = compile('1 + 2', 'f.py', 'eval'); print(type(c).__name__, eval(c))
c = compile('a = 5\nprint(a)', 'f.py', 'exec'); exec(c)
c = compile('3 + 4', '<s>', 'single'); exec(c)
c = compile('None', '<s>', 'single'); exec(c)
exec('import sys; print(sys.argv is not None)')
print(eval('__name__'), eval('__builtins__') is not None)
def outer():
    z = 10
    def inner(): return z
    return inner
co = outer.__code__ if hasattr(outer, '__code__') else None
try: exec(outer().__code__)
except TypeError as e: print(e)
print(exec(outer().__code__, {}, None, closure=outer().__closure__) if hasattr(outer(), '__closure__') else 'x')
try: exec('pass', closure=(1,))
except TypeError as e: print(e)
try: eval(outer().__code__)
except TypeError as e: print(e)
`,
	} {
		checkProgram(t, src)
	}
}

// TestBuiltinMisc holds input at EOF, aiter/anext, exit/quit/help and sys.breakpointhook against CPython.
func TestBuiltinMisc(t *testing.T) {
	for _, src := range []string{
		`print(repr(exit), repr(quit), repr(help), type(exit).__name__)
import sys
print(sys.__breakpointhook__ is sys.breakpointhook)
try: input(1, 2)
except TypeError as e: print(e)
try: input('prompt> ')
except EOFError as e: print('EOFError', e)
try: print(input())
except EOFError as e: print('EOFError', e)
class Agen:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2: raise StopAsyncIteration
        return self.i
async def main():
    it = aiter(Agen())
    a = await anext(it)
    b = await anext(it, 'dflt')
    c = await anext(it, 'exhausted')
    out = [a, b, c]
    async def gen():
        yield 10
        yield 20
    g = gen()
    out.append(await anext(g))
    out.append(await anext(g, None))
    out.append(await anext(g, 'end'))
    try: await anext(g)
    except StopAsyncIteration: out.append('SAI')
    return out
co = main()
try: co.send(None)
except StopIteration as e: print(e.args[0])
for f in [lambda: aiter(1), lambda: anext(1), lambda: aiter(), lambda: anext(), lambda: anext(Agen(), 1, 2), lambda: aiter(Agen()).__class__.__name__]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class BadAiter:
    def __aiter__(self): return 1
try: aiter(BadAiter())
except TypeError as e: print(e)
try: exit(3)
except SystemExit as e: print('exit', e.args)
try: quit()
except SystemExit as e: print('quit', e.args)
print(sys.stdin.closed)
`,
	} {
		checkProgram(t, src)
	}
}

// TestSysInfo holds sys.flags, float_info, int_info, hash_info, implementation, getsizeof and types.SimpleNamespace against CPython.
func TestSysInfo(t *testing.T) {
	for _, src := range []string{
		`import sys
print(sys.flags)
print(sys.implementation)
print(sys.float_info)
print(sys.int_info)
print(sys.hash_info)
print(sys.maxunicode, sys.api_version, sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(sys.float_repr_style, sys.maxsize, sys.byteorder, sys.platform, sys.copyright[:30])
print(type(sys.flags), type(sys.float_info), type(sys.implementation))
print(sys.flags.optimize, sys.float_info.epsilon, sys.float_info[0], len(sys.float_info), sys.int_info.bits_per_digit, sys.hash_info.width)
print(sys.getsizeof(1), sys.getsizeof([]), sys.getsizeof({}), sys.getsizeof(''), sys.getsizeof('abc'), sys.getsizeof(()), sys.getsizeof(1.5), sys.getsizeof(None), sys.getsizeof(2**100), sys.getsizeof(range(3)), sys.getsizeof('\u20ac'), sys.getsizeof(1j), sys.getsizeof(set(range(10))), sys.getsizeof({'a': 1}))
print(sys.getrefcount is not None, sys.version_info, sys.version_info.major, sys.version_info[:2], sys.hexversion)
print(sys.implementation.name, sys.implementation.cache_tag, sys.implementation.version)
print(sys.thread_info, sys.prefix is not None, sys.dont_write_bytecode, sys.argv[1:])
print(sys.flags[0], sys.flags.dev_mode, sys.flags.utf8_mode, sys.flags.safe_path, sys.flags.int_max_str_digits, sys.flags.warn_default_encoding, sys.flags.gil if hasattr(sys.flags, 'gil') else 'nogil')
try: sys.flags.optimize = 1
except Exception as e: print(type(e).__name__, e)
try: type(sys.flags)()
except Exception as e: print(type(e).__name__, e)
try: sys.getsizeof()
except Exception as e: print(type(e).__name__, e)
print(sys.getsizeof(1, 5), sys.getsizeof(object()), sys.getsizeof(set()), sys.getsizeof(b'ab'), sys.getsizeof(True), sys.getsizeof(2**64))
print(sys.breakpointhook, sys.__breakpointhook__ is sys.breakpointhook, sys.is_finalizing(), sys.getswitchinterval())
print(sys.float_info.max, sys.float_info.min, sys.float_info.dig, sys.float_info.mant_dig, sys.float_info.radix, sys.float_info.rounds)
print(sys.platlibdir, sys.abiflags, sys.pycache_prefix)
`,
		`import sys
types = type(sys)('types'); types.SimpleNamespace = type(sys.implementation)
class C: pass
class S:
    __slots__ = ('a', 'b')
print(sys.getsizeof(C()), sys.getsizeof(S()), sys.getsizeof(object()), sys.getsizeof(0), sys.getsizeof(2**30), sys.getsizeof(2**60), sys.getsizeof(-1), sys.getsizeof(False), sys.getsizeof(frozenset()), sys.getsizeof(list(range(10))))
class Sz:
    def __sizeof__(self): return 100
print(sys.getsizeof(Sz()))
class Bad:
    def __sizeof__(self): return -1
try: sys.getsizeof(Bad())
except Exception as e: print(type(e).__name__, e)
class Bad2:
    def __sizeof__(self): return 'x'
try: sys.getsizeof(Bad2())
except Exception as e: print(type(e).__name__, e)
print(sys.getrefcount(object()) > 0)
print(types.SimpleNamespace(a=1, b='x'), types.SimpleNamespace({'q': 2}, r=3), types.SimpleNamespace() == types.SimpleNamespace())
n = types.SimpleNamespace(a=1); n.b = 2; del n.a; print(n, vars(n), n.__dict__)
try: types.SimpleNamespace(1, 2)
except Exception as e: print(type(e).__name__, e)
try: types.SimpleNamespace({1: 2})
except Exception as e: print(type(e).__name__, e)
class NS(types.SimpleNamespace): pass
print(NS(x=1), repr(types.SimpleNamespace), NS(x=1) == types.SimpleNamespace(x=1), types.SimpleNamespace(a=[1]) != types.SimpleNamespace(a=[2]))
r = types.SimpleNamespace(); r.self = r; print(r)
print(sys.implementation.name, sys.implementation.cache_tag, type(sys.implementation).__name__, sys.implementation.version.major)
m = types.SimpleNamespace(a=1, b=2).__replace__(b=3); print(m)
`,
	} {
		checkProgram(t, src)
	}
}

// TestSysHooks holds sys's hook functions (audit hooks, asyncgen hooks,
// switch interval…) against CPython.
func TestSysHooks(t *testing.T) {
	checkProgram(t, `import sys
for f in [lambda: sys.gettrace(), lambda: sys.getprofile(), lambda: sys.settrace(None), lambda: sys.setprofile(None), lambda: sys.settrace(), lambda: sys.audit(), lambda: sys.audit(1), lambda: sys.audit('x', 1, 2),
          lambda: sys.addaudithook(), lambda: sys.call_tracing(len, ([1],)), lambda: sys.call_tracing(len, [1]), lambda: sys.get_asyncgen_hooks(), lambda: sys.set_asyncgen_hooks(firstiter=1),
          lambda: sys.get_coroutine_origin_tracking_depth(), lambda: sys.set_coroutine_origin_tracking_depth(-1), lambda: sys.getallocatedblocks() >= 0, lambda: sys.getunicodeinternedsize() >= 0,
          lambda: sys.is_stack_trampoline_active(), lambda: sys.deactivate_stack_trampoline(), lambda: sys.getdlopenflags(), lambda: sys.setswitchinterval(0), lambda: sys.setswitchinterval(0.01), lambda: sys.getswitchinterval(),
          lambda: sys.unraisablehook, lambda: sys.__unraisablehook__ is sys.unraisablehook, lambda: type(sys.get_asyncgen_hooks()).__name__, lambda: sys.get_asyncgen_hooks().firstiter,
          lambda: sys.call_tracing(), lambda: sys.setdlopenflags(2), lambda: sys.getdlopenflags(), lambda: sys.set_asyncgen_hooks(None, None), lambda: sys.get_asyncgen_hooks()]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
def hook(event, args): print('hook', event, args)
sys.addaudithook(hook)
sys.audit('my.event', 1, 'a')

`)
}

// TestStarArgsErrors holds the messages of bad * and ** arguments
// (callables named as _PyObject_FunctionStr names them) against CPython.
func TestStarArgsErrors(t *testing.T) {
	checkProgram(t, `def f(*a, **k): pass
class C:
    def __init__(self, *a): pass
    def m(self, *a): pass
    def __call__(self, *a): pass
import sys
for g in [f, C, C().m, len, [].append, int, sys.exit]:
    try: g(*1)
    except TypeError as e: print(e)
    try: g(**1)
    except TypeError as e: print(e)
def f(**k): pass
try: f(**{"a": 1}, **1)
except TypeError as e: print(e)
try: f(**{"a": 1}, **{"a": 2})
except TypeError as e: print(e)
class C:
    def m(self, **k): pass
try: C().m(**{"a": 1}, **[1])
except TypeError as e: print(e)
try: print(**{"sep": 1}, **{"sep": 2})
except TypeError as e: print(e)
`)
}

// TestClassDictDescriptors holds the __dict__ and __weakref__ attributes classes add against CPython.
func TestClassDictDescriptors(t *testing.T) {
	for _, src := range []string{
		`class C:
    y = 2
class D(C): pass
class E:
    __slots__ = ('a',)
class F(E): pass
class G:
    __slots__ = ('__dict__',)
class H(int): pass
class I(Exception): pass
class J:
    "doc"
    y = 1
class L(list): pass
class St(str): pass
for k in (C, D, E, F, G, H, I, J, L, St): print(list(vars(k)))
c = C(); c.z = 1; print(c.__dict__, vars(c), C.__dict__['__dict__'], C.__dict__['__weakref__'], c.__weakref__)
c.__dict__ = {'q': 1}; print(c.q)
try: c.__dict__ = 1
except TypeError as e: print(e)
del c.__dict__
print(c.__dict__)
print(vars(L()), L().__dict__, G().__dict__)
try: E().__dict__
except AttributeError as e: print(e)
`,
	} {
		checkProgram(t, src)
	}
}
