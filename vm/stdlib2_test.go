package vm_test

import "testing"

// More of the pure-Python standard library, and the VM pieces it needs
// (found by the module probe): each program runs under the VM and under
// CPython 3.13 and must print the same.

// TestCompileIncompleteInput checks compile()'s PyCF_ALLOW_INCOMPLETE_INPUT
// and PyCF_DONT_IMPLY_DEDENT flags: _IncompleteInputError for sources cut
// short, the ordinary errors for the others, in the three modes.
func TestCompileIncompleteInput(t *testing.T) {
	checkProgram(t, `
flags = 0x4000 | 0x200
srcs = ['if x:', 'if x:\n', '(1,', '(1,\n', '"""abc', "'abc", 'def f():\n  return 1',
        'def f():\n  return 1\n', 'def f():\n  return 1\n\n', 'x = [', 'x = [\n1',
        'for i in x:\n  pass', 'a b', '1 +', '1 +\n', 'if x:\n  pass\nelse:', '@dec', '@dec\n',
        'class A:', 'lambda:', 'f(**', 'if 1:\n  x\n y', '\\', 'x = 1\\\n', 'try:\n pass\n',
        'match x:', 'match x:\n', 'with a as b:', "f'{", 'import (a,', 'x = 1 if', 'x = 1',
        '', '# c', 'x = """a\nb', 'print(1)\nprint(2)', '1 2 3\n', ')', 'if x:\n  1\nelif y:',
        'async def f():\n await x']
for s in srcs:
    for mode in ['single', 'exec', 'eval']:
        for fl in [flags, 0x4000, 0]:
            try:
                compile(s, '<i>', mode, fl)
                r = 'ok'
            except SyntaxError as e:
                r = f'{type(e).__name__}: {e.msg!r} {e.lineno} {e.offset} {e.text!r} {e.end_lineno} {e.end_offset}'
            print(repr(s), mode, fl, r)
E = _IncompleteInputError
print(E.__mro__, E.__module__, E.__doc__, repr(E('m')), issubclass(E, SyntaxError))
for fl in [0x4000 | 0x400, 0x400]:
    try:
        compile('if x:', 'f', 'single', fl)
    except SyntaxError as e:
        print(type(e).__name__, e)
`)
}

// TestStdlibCodeop checks codeop.compile_command and the code module's
// interpreter and console, which tell incomplete input by
// _IncompleteInputError.
func TestStdlibCodeop(t *testing.T) {
	checkLibProgram(t, `
import codeop, code, sys
for s in ['x = 1', 'if x:', 'def f():\n  return 1\n', 'def f():\n  return 1\n\n', '1 +', '(1,', 'a b',
          '', '# only a comment', 'x = """', 'for i in []:\n  pass\n', '1/0', 'lambda x:', '@d\n']:
    for sym in ['single', 'exec', 'eval']:
        try:
            r = codeop.compile_command(s, '<in>', sym)
            print(repr(s), sym, None if r is None else type(r).__name__)
        except SyntaxError as e:
            print(repr(s), sym, type(e).__name__, e)
c = codeop.CommandCompiler()
print(type(c("x = 1")).__name__, c("if 1:"))
i = code.InteractiveInterpreter()
print(i.runsource('x = 6*7'))
print(i.runsource('print(x)'))
print(i.runsource('if x:'))
sys.stderr = sys.stdout
print(i.runsource('1/0'))
print(i.runsource('a b'))
con = code.InteractiveConsole()
print(con.push('def f():'), con.push('  return 3'), con.push(''), con.push('print(f())'))
print(con.push('for i in range(2):'), con.push('  print(i)'), con.push(''))
`)
}

// TestStdlibFileLayers checks encoding='locale' and the raw layer of
// buffered files (tempfile.NamedTemporaryFile renames it), and the
// modules that use them.
func TestStdlibFileLayers(t *testing.T) {
	checkLibProgram(t, `
import tempfile, os, io, fileinput
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'f.txt')
    with open(p, 'w', encoding='locale') as f:
        print(f.encoding, f.write('hello\n'))
    with open(p, encoding='locale') as f:
        print(f.read(), f.encoding)
    with open(p, 'rb') as f:
        r = f.raw
        print(type(r).__name__, r.mode, r.name == p, r.readable(), r.writable(), r is f.raw)
        r.name = 'other'
        print(f.name, repr(f).replace(d, 'D'))
        try:
            f.name = 'x'
        except AttributeError as e:
            print('AttributeError')
    with open(p, 'r+') as f:
        f.reconfigure(encoding='locale')
        print(f.encoding, f.buffer.raw.mode)
        f.buffer.raw.name = 7
        print(f.name, f.buffer.name)
    with tempfile.NamedTemporaryFile('w+', dir=d, suffix='.x', delete=False) as f:
        f.write('abc'); f.seek(0); print(f.read(), f.name.endswith('.x'), os.path.dirname(f.name) == d)
    with tempfile.NamedTemporaryFile() as f:
        f.write(b'xyz'); f.seek(0); print(f.read(), os.path.exists(f.name))
    print(os.path.exists(f.name))
    with tempfile.TemporaryFile('w+') as f:
        f.write('tt'); f.seek(0); print(f.read())
    with tempfile.SpooledTemporaryFile(max_size=10) as f:
        f.write(b'a' * 5); print(f._rolled); f.write(b'b' * 10); print(f._rolled); f.seek(0); print(f.read())
    q = os.path.join(d, 'g.txt')
    for n in (p, q):
        with open(n, 'w') as f:
            f.write('x\ny\n')
    with fileinput.input([p, q]) as fi:
        print([(fi.filename() == p, fi.lineno(), fi.filelineno(), l) for l in fi])
    print(sorted(os.listdir(d)) == sorted(os.listdir(d)), len(os.listdir(d)))
`)
}

// TestReduceBuiltins checks the __reduce__ of builtin functions and
// methods, SimpleNamespace, range, slice and bytearray, and pickle and
// copy over them in every protocol.
func TestReduceBuiltins(t *testing.T) {
	checkLibProgram(t, `
import codecs, types, math, sys, pickle, copy, operator
for f in [len, codecs.encode, math.sqrt, [].append, {}.get, sys.exit, 'a'.join, int.from_bytes, object.__new__, dict.fromkeys]:
    r = f.__reduce__()
    print(getattr(f, '__module__', '-'), f.__qualname__, r if isinstance(r, str) else (r[0] is getattr, type(r[1][0]).__name__, r[1][1]), f.__reduce_ex__(2) == r)
for f in [lambda: len.__reduce__(1), lambda: types.SimpleNamespace().__reduce__(1), lambda: [].append.__reduce__(x=1),
          lambda: range(3).__reduce__(1), lambda: slice(3).__reduce__(1), lambda: object().__reduce__(1), lambda: int.__reduce_ex__(),
          lambda: bytearray().__reduce_ex__(1, 2), lambda: bytearray().__reduce_ex__('x')]:
    try: f()
    except TypeError as e: print(e)
class S(types.SimpleNamespace): pass
s = S(a=1); r = s.__reduce__(); print(r, r[2] is s.__dict__)
ns = types.SimpleNamespace(a=[1], b='x')
print(ns.__reduce__(), copy.deepcopy(ns), copy.copy(ns).a is ns.a, copy.deepcopy(ns).a is ns.a)
for p in (0, 2, 3, 5):
    print(bytearray().__reduce_ex__(p), bytearray(b'ab').__reduce_ex__(p))
print(bytearray(b'q').__reduce__(), range(1, 9, 3).__reduce__(), slice(1).__reduce_ex__(2), slice('a', [1], None).__reduce__())
data = [len, codecs.encode, math.sqrt, dict.fromkeys, ns, S(z=2), b'xyz', bytearray(b'ba'), range(2, 20, 3), slice(1, None, -1), [].append, operator.itemgetter(1)]
for p in range(6):
    out = pickle.loads(pickle.dumps(data, p))
    print(p, out[:3], out[4:10], out[10].__self__, out[3](['k']), out[11]('ab'), len(pickle.dumps(data, p)))
print(pickle.dumps(len, 0), pickle.dumps(math.sqrt, 2), pickle.dumps(b'ab', 0), pickle.dumps(range(3), 2), pickle.dumps(ns, 4))
print(copy.copy(range(3)), copy.deepcopy([slice(1, 2), range(4)]), copy.deepcopy(len) is len, copy.copy(sys.exit) is sys.exit)
`)
}

// TestPickleBuffer checks pickle.PickleBuffer (the VM's _pickle holds only
// it) and pickle's protocol 5 bytearray and buffer opcodes.
func TestPickleBuffer(t *testing.T) {
	checkLibProgram(t, `
from pickle import PickleBuffer as PB
import pickle
print(PB, PB.__module__, PB.__doc__, PB.raw.__doc__, PB.release.__doc__)
b = bytearray(b'abc'); p = PB(b)
m = memoryview(p); print(m.readonly, m.format, m.shape, m.obj is p, bytes(m)); m[0] = 0x7a; print(b)
r = p.raw(); print(r.format, r.shape, r.readonly, r.obj is b, r.tobytes())
p2 = PB(memoryview(b'abcdef').cast('B', (2, 3))); r2 = p2.raw(); print(r2.shape, r2.tobytes(), memoryview(p2).shape)
try: PB(memoryview(b'abcdef')[::2]).raw()
except Exception as e: print(type(e).__name__, e)
p.release()
for f in [lambda: p.raw(), lambda: memoryview(p), lambda: PB(1), lambda: PB(), lambda: PB(b'', b''), lambda: PB(obj=b'x'), lambda: p.release()]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for proto in (0, 2, 4, 5):
    for o in [bytearray(), bytearray(b'xy'), PB(b'ab'), PB(bytearray(b'cd'))]:
        try: print(proto, pickle.dumps(o, proto), pickle.loads(pickle.dumps(o, proto)))
        except Exception as e: print(proto, type(e).__name__, e)
bufs = []
s = pickle.dumps([PB(b'q'), PB(bytearray(b'w'))], 5, buffer_callback=bufs.append); print(s, len(bufs), [bytes(x) for x in pickle.loads(s, buffers=bufs)])
print(repr(p)[:25], PB.__name__, PB.__qualname__)
try:
    class Sub(PB): pass
except TypeError as e: print(e)
try: pickle.dumps(PB(b'x'), 4)
except Exception as e: print(type(e).__name__, e)
`)
}

// TestHeapq checks the _heapq module: heap orders, the comparisons made
// (counted and logged), the errors, and the lists mutated by a
// comparison.
func TestHeapq(t *testing.T) {
	checkLibProgram(t, `
import heapq, _heapq, random
print(sorted(n for n in dir(_heapq) if not n.startswith('__')), heapq.heappush is _heapq.heappush, heapq.heappush.__module__, heapq.heapify.__doc__)
log = []
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o): log.append((self.v, o.v)); return self.v < o.v
    def __repr__(self): return 'C%d' % self.v
random.seed(5)
for n in [0, 1, 2, 3, 10, 100, 2501, 3000]:
    data = [random.randrange(1000) for _ in range(n)]
    h = [C(x) for x in data]; log.clear()
    heapq.heapify(h)
    print(n, len(log), hash(tuple(log)) if n > 20 else log, [c.v for c in h][:12])
    log.clear(); out = [heapq.heappop(h).v for _ in range(min(n, 50))]
    print(out[:10], len(log), hash(tuple(log)))
    m = list(data); heapq._heapify_max(m); print(m[:8], [heapq._heappop_max(m) for _ in range(min(n, 5))])
h = []
for x in [5, 3, 8, 1, 9, 2]:
    heapq.heappush(h, x)
print(h, heapq.heappushpop(h, 0), heapq.heappushpop(h, 4), h, heapq.heapreplace(h, 7), h, heapq._heapreplace_max([9, 3, 5], 4))
print(heapq.nsmallest(3, [5, 1, 4, 1, 5, 9, 2, 6]), heapq.nlargest(3, 'heapqueue'), list(heapq.merge([1, 4, 7], [2, 5, 8], [0])), list(heapq.merge([7, 4], [8, 1], reverse=True)))
for f, a in [(heapq.heappush, ((), 1)), (heapq.heappop, ([],)), (heapq.heappop, ((),)), (heapq.heapreplace, ([], 1)), (heapq.heappushpop, ((), 1)),
             (heapq.heapify, ({},)), (heapq.heappush, ([],)), (heapq.heappop, ()), (heapq._heappop_max, ([],)), (heapq._heapify_max, (1,)),
             (heapq.heappush, ([1, 'a'], 2)), (heapq.heappush, ([1, 2], 'a')), (heapq.heapify, ([3, 'a', 1],)), (heapq.heappushpop, ([1], 'x')),
             (heapq.heapreplace, ([1, 2], 1, 2)), (heapq._heapreplace_max, ((), 1))]:
    try: print(f(*a))
    except Exception as e: print(type(e).__name__, e)
for f in [lambda: heapq.heappush(h=[], item=1), lambda: heapq.heappop(heap=[]), lambda: heapq.heapify([], x=1)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
class Evil:
    def __init__(self, v, h): self.v = v; self.h = h
    def __lt__(self, o):
        self.h.clear(); return True
h = []; h.extend(Evil(i, h) for i in range(5))
for f in [lambda: heapq.heapify(h), lambda: heapq.heappush(h, Evil(9, h))]:
    h[:] = [Evil(i, h) for i in range(5)]
    try: f()
    except RuntimeError as e: print(type(e).__name__, e, len(h))
class Bad:
    def __lt__(self, o): raise ValueError('no order')
try: heapq.heappush([Bad()], Bad())
except ValueError as e: print(e)
`)
}
