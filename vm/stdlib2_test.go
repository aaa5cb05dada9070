package vm_test

import (
	"os"
	"testing"
)

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

// TestStdlibFileLayers checks encoding='locale', the raw layer of
// buffered files (tempfile.NamedTemporaryFile renames it), open() of a
// descriptor os.open made (one Go file per descriptor: a second one
// would close it again when collected), and the modules that use them.
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
	checkLibProgram(t, `
import os, tempfile, gc
d = tempfile.mkdtemp(); p = os.path.join(d, 'x')
fd = os.open(p, os.O_RDWR | os.O_CREAT)
f = open(fd, 'w+'); f.write('hi'); f.close()
try: os.close(fd)
except OSError as e: print('OSError', e.errno)
fd2 = os.open(p, os.O_RDONLY)
g = open(fd2, closefd=False); print(g.read()); g.close(); print(os.read(fd2, 5) if os.lseek(fd2, 0, 0) == 0 else ''); os.close(fd2)
with open(p, opener=lambda path, flags: os.open(path, flags)) as h: print(h.read())
for i in range(50):
    with tempfile.TemporaryFile() as t: t.write(b'x')
    with tempfile.NamedTemporaryFile() as t: t.write(b'y')
gc.collect(); print('ok')
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

// TestJSONAccelerator checks the _json module against CPython's: the
// scanner's values, errors and positions (non-ASCII documents too), the
// string encoders, and the encoder's output with every option, indent
// included, its errors and its circular-reference and recursion checks.
func TestJSONAccelerator(t *testing.T) {
	checkLibProgram(t, `
import json, _json, decimal, collections, math, enum, sys
from json import decoder, scanner, encoder
print(sorted(n for n in dir(_json) if not n.startswith('__')), _json.__doc__, _json.make_scanner, _json.make_encoder)
print(decoder.scanstring is _json.scanstring, scanner.make_scanner is _json.make_scanner, encoder.c_make_encoder is _json.make_encoder)
print(_json.scanstring.__doc__); print(_json.encode_basestring.__doc__, '|', _json.encode_basestring_ascii.__doc__, '|', _json.make_scanner.__doc__, '|', _json.make_encoder.__doc__)
for s in ['"abc"', '"a\\u00e9\\ud83d\\ude00b"', '"\\ud800x"', '"\\ud800\\u0041"', '"\\udc00"', '"tab\\t\\n\\r\\b\\f\\/\\\\\\""', '"é😀"', '"\\x"', '"abc', '"a\\', '"\\u12"', '"\\u12g4"', '"\\ud800\\u12"', '"\\ud800\\uzzzz"', '"ctl\x01"', '"ctl\n"', '"a\\u0000"', '"\\ud83d\\ude0"', '"\\ud83d\\"']:
    for strict in (True, False):
        try: print(repr(s), strict, _json.scanstring(s, 1, strict))
        except json.JSONDecodeError as e: print(repr(s), strict, 'JDE', e, e.pos, e.lineno, e.colno)
for bad in [lambda: _json.scanstring(b'"x"', 1), lambda: _json.scanstring('"x"', 5), lambda: _json.scanstring('"x"', -1), lambda: _json.scanstring('"x"'), lambda: _json.scanstring('"x"', 1, 2, 3),
            lambda: _json.scanstring('"x"', 1.5), lambda: _json.encode_basestring(1), lambda: _json.encode_basestring_ascii(b'x'), lambda: _json.scanstring('"x"', 1, strict=False)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
for s in ['', 'abc', 'é\u2028\x00"\\\x1f\x7f', '😀\ud800', 'a/b\tc\x08\x0c']:
    print(ascii(_json.encode_basestring(s)), _json.encode_basestring_ascii(s))
docs = ['{"a": 1.5e3, "b": -0, "c": 1E400, "d": [true, false, null], "e": {}, "f": []}', ' [1, 2 , 3 ] ', '{"a":1,"a":2}', '"x"', '123', '-1.5', '1e5', '1E-2', '0.5e+3',
        '[NaN, Infinity, -Infinity]', '{"é": "😀"}', '[1.0, 10000000000000000000000000000, -0.0, 1e-400]', '[0, -0, 00]', '[1.]', '[1e]', '[-]', '[01]', '[1.5e+]', '["a" "b"]',
        '{"a":}', '[1,]', '', '"\\x"', '{"a" 1}', 'nul', '[1] x', '{"a":1,}', '{,}', '[,]', '{1:2}', '[', '{', '{"a"', '{"a":1', '[1', ' ', '\ufeff[]', '[tru]', '[nulll]', 'True', 'NaNx', '-Inf', '-Infinity',
        '{"a": [1, {"b": null}], "c": "\\u00e9"}', '\n\n  [1,\n  2,,]', '[1, 2, 3]    ', '   {}', '[[[[[]]]]]', '{"a": 1} {"b": 2}', '1 2', '"\\ud800"', '[1e308, 1e309, -1e309, 2.5e-324, 123456789012345678901234567890.5]']
for d in docs:
    try: print(repr(d), repr(json.loads(d)))
    except json.JSONDecodeError as e: print(repr(d), 'JDE', e, e.pos, e.lineno, e.colno)
    except Exception as e: print(repr(d), type(e).__name__, e)
print(json.loads('{"a": 1.5, "b": 7}', parse_float=decimal.Decimal, parse_int=lambda s: 'int:' + s), json.loads('[NaN, -Infinity]', parse_constant=lambda c: 'const:' + c))
print(json.loads('{"a": [1, 2], "b": {"c": 3}}', object_pairs_hook=lambda p: ('pairs', p)), json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1}', object_hook=lambda d: 'hook', object_pairs_hook=lambda p: 'pairs'), json.loads('"ctl\x01"', strict=False), json.loads(b'[1]'), json.loads(bytearray(b'{"k": "\xc3\xa9"}')))
d = json.loads('[{"key": 1}, {"key": 2}]'); print(list(d[0])[0] is list(d[1])[0])
try: json.loads('[' * 100000 + ']' * 100000)
except RecursionError as e: print('RecursionError', e)
dec = json.JSONDecoder(); print(dec.raw_decode('  [1, 2] rest', 2) if False else dec.raw_decode('[1, 2] rest'), dec.scan_once('"abc" x', 0))
try: dec.scan_once('', 0)
except StopIteration as e: print('StopIteration', e.value)
try: dec.scan_once('x', 0)
except StopIteration as e: print('StopIteration', e.value)
try: dec.scan_once('[1', 5)
except StopIteration as e: print('StopIteration', e.value)
try: dec.scan_once('[1', -1)
except Exception as e: print(type(e).__name__, e)
sc = _json.make_scanner(dec); print(sc.strict, sc.object_hook, sc.parse_float, sc.parse_int, sc.parse_constant == dec.parse_constant, sc.object_pairs_hook, sc('[1]', 0))
try: sc(1, 0)
except Exception as e: print(type(e).__name__, e)
try: _json.make_scanner(1)
except Exception as e: print(type(e).__name__, e)
try: sc('[1]', idx=0, extra=1)
except Exception as e: print(type(e).__name__, e)
# encoder
class E(enum.IntEnum):
    A = 1
class FE(float):
    def __repr__(self): return 'FE!'
class SS(str): pass
class LL(list): pass
class DD(dict):
    def items(self): return [('z', 1), ('a', 2)]
objs = [{'b': 1, 'a': [1, 2.5, None, True, False, 'x']}, [1, (2, 3)], 'é\u2028😀', 1e100, -0.0, 2**100, E.A, FE(1.5), SS('s'), LL([1]), DD(q=1), {1: 2, 2.5: 3, True: 4, None: 5, E.A: 6},
        {'k': float('inf')}, [float('nan')], {}, [], ((),), {'a': {}}, [[[]]], {SS('k'): 1}, {FE(2.0): 1}]
for o in objs:
    for kw in [{}, {'ensure_ascii': False}, {'sort_keys': True}, {'separators': (',', ':')}, {'allow_nan': False}]:
        try: print(json.dumps(o, **kw))
        except Exception as e: print(type(e).__name__, e)
for o, kw in [({(1, 2): 3}, {}), ({(1, 2): 3, 'a': 1}, {'skipkeys': True}), ({1: 1, 'a': 2}, {'sort_keys': True}), (object(), {}), ({1, 2}, {}), (b'x', {}), (1j, {}), ({'a': object()}, {'default': lambda o: type(o).__name__}), (decimal.Decimal('1.5'), {'default': str}),
              ([1, 2], {'check_circular': False}), ({'a': 1}, {'indent': 2}), ([{'a': [1]}], {'indent': '\t', 'sort_keys': True}), ({'a': 1}, {'cls': json.JSONEncoder, 'default': lambda o: 1}), ([1], {'separators': (', ', ': ')})]:
    try: print(json.dumps(o, **kw))
    except Exception as e: print(type(e).__name__, str(e).split(' at 0x')[0])
a = []; a.append(a)
for o in [a, {'x': a}]:
    try: json.dumps(o)
    except ValueError as e: print(e)
d = {}; d['d'] = d
try: json.dumps(d)
except ValueError as e: print(e)
class C: pass
c = C()
try: json.dumps([c], default=lambda o: [o])
except ValueError as e: print(e)
deep = []
for i in range(20000): deep = [deep]
try: json.dumps(deep)
except RecursionError as e: print('RecursionError', e)
enc = _json.make_encoder(None, str, _json.encode_basestring_ascii, None, ':', ',', False, False, True)
print(enc([1, {'a': 'é'}], 0), enc.markers, enc.default, enc.encoder, enc.indent, enc.key_separator, enc.item_separator, enc.sort_keys, enc.skipkeys)
enc2 = _json.make_encoder({}, str, lambda s: 'S', None, ': ', ', ', True, True, False)
print(enc2({'b': 'x', 'a': [1, 'y'], 'c': {(1,): 2}}, 0))
enc3 = _json.make_encoder(None, str, lambda s: 1, None, ':', ',', False, False, True)
for f in [lambda: enc3(['x'], 0), lambda: _json.make_encoder([], str, str, None, ':', ',', False, False, True), lambda: _json.make_encoder(None, str, str, None, 1, ',', False, False, True),
          lambda: enc(1), lambda: enc(1, 0, 2), lambda: enc(obj=1, _current_indent_level=0), lambda: _json.make_encoder(None)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(json.dumps({'a': 1, 'b': [1, 2]}, indent=1), json.JSONEncoder().encode('x'), list(json.JSONEncoder().iterencode([1, 'é'])))
`)
	checkLibProgram(t, `
import _json, json
for ind in [2, '  ', b'x', None, 0, '', 1.5]:
  try:
    e=_json.make_encoder(None, str, _json.encode_basestring, ind, ':', ',', False, True, True)
    print(repr(e({'a': [1, {}, [], {(1,): 2}], 'b': {'c': None}}, 1)), repr(e(5, 0)))
  except Exception as ex: print(type(ex).__name__, ex)
print(json.dumps({'a': [1, {(1,): 2}]}, indent=2, skipkeys=True))
print(repr(json.dumps([1], indent=0)), repr(json.dumps({'a': [1, 2, {'b': ()}]}, indent='\t', sort_keys=True)))
data = {'k%d' % i: [i, str(i) * 3, {'x': i / 7, 'y': [None, True, False]}] for i in range(3000)}
s = json.dumps(data); t = json.loads(s); print(t == data, len(s), json.dumps(data, indent=2) == json.dumps(data, indent=2))
`)
	checkLibProgram(t, `
import json, _json
for d in ['["é", "x\\q"]', '["😀", 1,]', '{"é" 1}', '["ü", tru]', '["😀😀", "\\ud83d\\ude00", "\\ud83dé\\ude00"]', '["é\\ud800\\u12"]', '["é\\ud800\\uDC00é"]', '"é\\u00e9', '["é", 1e5x]', '  ["é"]  é', '[' * 3 + '"😀"' + ']' * 2, 'é']:
    try: print(repr(d), ascii(json.loads(d)))
    except json.JSONDecodeError as e: print(repr(d), 'JDE', e, e.pos, e.lineno, e.colno)
print(_json.scanstring('é"😀"', 2), _json.scanstring('😀😀"a\\n"x', 3), json.JSONDecoder().raw_decode('é' * 0 + '["😀"] tail'), json.JSONDecoder().scan_once('é😀"x"', 2))
try: json.JSONDecoder().scan_once('é😀', 2)
except StopIteration as e: print('stop', e.value)
`)
}

// TestZlibStreams checks zlib.decompressobj and zlib._ZlibDecompressor
// (testdata/zlibstreams.py: streams of every block kind, fed in pieces
// and with output limits, and zlib's errors), and the modules reading
// through them: gzip, zipfile, tarfile.
func TestZlibStreams(t *testing.T) {
	src, err := os.ReadFile("testdata/zlibstreams.py")
	if err != nil {
		t.Fatal(err)
	}
	checkLibProgram(t, string(src))
	checkLibProgram(t, `
import zipfile, tarfile, gzip, io, base64
# A zip with a deflated and a stored member, and a .tar.gz, made by CPython.
ZIP = base64.b64decode(b'UEsDBBQAAAAIAAAAIVB4v+tzIAAAALICAAAMAAAAZGVmbGF0ZWQudHh0c0lNy0ksSU1RSM7PK0nNK1HIycxL1eNyGRUeFR6cwgBQSwMEFAAAAAAAAAAhUP95DLUyAAAAMgAAAAoAAABzdG9yZWQuYmluAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDFQSwECFAMUAAAACAAAACFQeL/rcyAAAACyAgAADAAAAAAAAAAAAAAAgAEAAAAAZGVmbGF0ZWQudHh0UEsBAhQDFAAAAAAAAAAhUP95DLUyAAAAMgAAAAoAAAAAAAAAAAAAAIABSgAAAHN0b3JlZC5iaW5QSwUGAAAAAAIAAgByAAAApAAAAAAA')
TGZ = base64.b64decode(b'H4sIAF7DAWsC/+3TwQpAQBDG8Tl7Ck/A0rDPs3KgJLHK49tclItSSP6/w3zTXOb0ucQvXu5lglJ1y+CYxljd9+1e2txKbOQB8+TdGF7KP7luaFx0bQo+r27HtEqqtn+x/1oc+29VM/oPAAAAAAAAAAAAAAAAnFkBxfQDlQAoAAA=')
with zipfile.ZipFile(io.BytesIO(ZIP)) as z:
    for i in z.infolist():
        print(i.filename, i.compress_type, i.file_size, i.compress_size, z.read(i.filename)[:40])
    with z.open('deflated.txt') as f:
        print(f.read(7), f.read(3), len(f.read()))
    print(z.testzip())
with tarfile.open(fileobj=io.BytesIO(TGZ)) as tf:
    print(tf.getnames(), [m.size for m in tf.getmembers()], tf.extractfile('a.txt').read())
with tarfile.open(fileobj=io.BytesIO(gzip.decompress(TGZ))) as tf:
    print(tf.getnames())
with tarfile.open(fileobj=io.BytesIO(TGZ), mode='r:gz') as tf:
    print(len(tf.getmembers()))
try:
    tarfile.open(fileobj=io.BytesIO(b'not a tar at all' * 40))
except tarfile.ReadError as e:
    print('ReadError', str(e).splitlines()[0])
try:
    gzip.decompress(b'\x1f\x8b\x08\x00' + bytes(6) + b'\xff\xff')
except Exception as e:
    print(type(e).__name__, e)
with gzip.GzipFile(fileobj=io.BytesIO(TGZ)) as g:
    print(len(g.read()), g.read(), g.seek(10), len(g.read(5)))
`)
}

// TestPosixMore checks os.pipe, os.statvfs/fstatvfs (shutil.disk_usage)
// and the platform module's parse of sys.version.
func TestPosixMore(t *testing.T) {
	checkLibProgram(t, `
import os, shutil
print(os.statvfs_result, os.statvfs_result.n_fields, os.statvfs_result.n_sequence_fields, os.statvfs_result.__module__)
s = os.statvfs('/'); t = os.statvfs(b'/'); print(s == t, s.f_namemax, len(s), s.f_bsize > 0, s.f_fsid == os.fstatvfs(os.open('/', os.O_RDONLY)).f_fsid, type(s.f_fsid))
for f in [lambda: os.statvfs('/nonexist'), lambda: os.statvfs(), lambda: os.statvfs(1.5), lambda: os.pipe(1), lambda: os.fstatvfs(0) and 'ok', lambda: os.fstatvfs(999)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
r, w = os.pipe(); print(os.get_inheritable(r), os.write(w, b'abc'), os.read(r, 10)); os.close(r); os.close(w)
du = shutil.disk_usage('/'); print(type(du).__name__, du.total >= du.used, du._fields)
import platform; print(platform.python_implementation(), platform.python_compiler() != '', platform.processor() in ('', 'unknown', 'x86_64'))
print(platform.python_version(), platform.python_version_tuple(), platform.system())
`)
}

// TestPwdGrp checks the pwd and grp modules (read from /etc/passwd and
// /etc/group, as CPython sees them here) and what uses them: getpass,
// pathlib's owner and group, expanduser.
func TestPwdGrp(t *testing.T) {
	checkLibProgram(t, `
import pwd, grp
print(pwd.struct_passwd, pwd.struct_passwd.n_fields, pwd.struct_passwd.n_sequence_fields, pwd.getpwuid(0), pwd.getpwnam('root').pw_dir, len(pwd.getpwall()) > 0, pwd.getpwall()[:2])
print(grp.struct_group, grp.struct_group.n_fields, grp.getgrgid(0), grp.getgrnam('root'), grp.getgrall()[:2], grp.getgrgid(0) == ('root', 'x', 0, []))
for f in [lambda: pwd.getpwuid(999999), lambda: pwd.getpwnam('nosuchuser'), lambda: pwd.getpwuid('x'), lambda: pwd.getpwnam(1), lambda: pwd.getpwuid(-5), lambda: pwd.getpwuid(-1), lambda: pwd.getpwuid(2**40), lambda: grp.getgrgid(999999), lambda: grp.getgrnam('nogroup_x'), lambda: grp.getgrgid('x'), lambda: grp.getgrgid(5.0), lambda: pwd.getpwnam('a\x00b'), lambda: pwd.getpwuid(), lambda: pwd.getpwnam(name='root'), lambda: pwd.getpwall(1), lambda: pwd.getpwuid(True)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
print(pwd.__doc__, grp.__doc__, pwd.struct_passwd.__doc__, pwd.getpwuid.__doc__, grp.getgrall.__doc__, pwd.getpwuid.__module__)
import getpass, os, pathlib, tempfile
print(getpass.getuser() == pwd.getpwuid(os.getuid()).pw_name or 'env')
with tempfile.TemporaryDirectory() as d:
    p = pathlib.Path(d); print(p.owner() == pwd.getpwuid(os.getuid()).pw_name, p.group() == grp.getgrgid(os.getgid()).gr_name)
print(os.path.expanduser('~root'))
`)
}

// TestTextSignatures checks __text_signature__ and inspect.signature of
// builtin functions, methods (bound, unbound, class and static) and
// types, for the builtins and the native modules.
func TestTextSignatures(t *testing.T) {
	checkLibProgram(t, `
import inspect, math, itertools, operator, functools, collections, time, sys, gc, heapq, zlib, binascii, struct, os, random, json, _json, pwd
def sig(o):
    try: return str(inspect.signature(o))
    except (ValueError, TypeError) as e: return type(e).__name__
objs = [len, sorted, print, max, min, iter, next, getattr, isinstance, round, pow, divmod, open, sum, abs, any, callable, chr, compile,
        delattr, dir, eval, exec, format, hash, hex, id, input, issubclass, locals, ord, repr, setattr, vars, __import__, __build_class__,
        zip, enumerate, range, int, float, bool, str, bytes, list, dict, set, frozenset, tuple, object, type, complex, slice, property,
        str.split, str.join, str.encode, str.format, str.replace, str.startswith, str.maketrans, bytes.decode, bytes.maketrans, bytes.fromhex,
        list.append, list.sort, list.index, list.pop, dict.get, dict.pop, dict.setdefault, dict.fromkeys, dict.update, set.add, set.union,
        int.to_bytes, int.from_bytes, int.bit_length, float.hex, float.fromhex, float.is_integer, object.__init__, object.__new__, type.__call__,
        'a'.split, [].append, (1).to_bytes, {}.get, dict.fromkeys, b''.hex,
        math.sqrt, math.log, math.isclose, math.gcd, math.prod, math.dist, itertools.accumulate, itertools.count, itertools.islice, itertools.product,
        operator.add, operator.itemgetter, operator.attrgetter, operator.length_hint, functools.reduce, functools.partial, heapq.heappush, heapq.heapify,
        zlib.decompress, zlib.crc32, zlib.decompressobj, binascii.hexlify, binascii.b2a_base64, struct.pack, struct.unpack_from, struct.Struct,
        os.stat, os.listdir, os.getcwd, os.open, os.read, os.pipe, os.statvfs, random.Random, random.Random.getrandbits, time.sleep, time.strftime,
        time.time, sys.exit, sys.getrecursionlimit, sys.intern, gc.collect, gc.get_threshold, _json.scanstring, _json.make_encoder,
        collections.deque, collections.deque.append, collections.deque.rotate, collections.deque().appendleft, collections.defaultdict, pwd.getpwnam]
for o in objs:
    print(getattr(o, '__qualname__', o), sig(o), getattr(o, '__text_signature__', '-'))
class C: pass
class D:
    def __init__(self, a, *, b=2): pass
print(sig(C), sig(D), sig(lambda x, /, y=1: 0), sig(functools.partial(max, 1)), sig(json.dumps))
print(inspect.signature(len).parameters['obj'].kind, inspect.signature(sorted).parameters['key'].default)
`)
}

// TestPyexpat checks the pyexpat module against CPython's (Expat 2.6.3):
// callbacks, their arguments and positions, character data pieces, the
// default handler, namespaces, DOCTYPE and internal subsets, errors and
// their positions, input fed in pieces (reparse deferral), encodings.
func TestPyexpat(t *testing.T) {
	for _, src := range []string{`import pyexpat
docs = ['<a><b></a>', '<a>', '', '   ', '<a></a><b/>', '<a></a>junk', '<a x="1" x="2"/>', '<a>&foo;</a>', '<a><</a>', '<a attr=1/>', '<a>text', '<a><!-- c', '<a><![CDATA[x</a>',
        '<?xml version="1.0"?>\n<root>\n  <child>\n</root>', '<a>\n\n   <b x="&#0;"/></a>', '<p:a/>', '<a>&#xZZ;</a>', 'abc', '<a></b>', '<a b="<"/>', '\n\n<a>\n<b>\n</c>', '<a>é</b>', '<a>x\x01</a>', '<?xml version="1.0"?><?xml version="1.0"?><a/>',
        '<!DOCTYPE a><a/>', '<a><b/></a>\n<!-- trailing ok -->\n', '<a>\r\nline2\rline3</a>']
for d in docs:
    for ns in (None, '}'):
        p = pyexpat.ParserCreate(None, ns)
        evs = []
        p.StartElementHandler = lambda n, a: evs.append(('S', n, a))
        p.EndElementHandler = lambda n: evs.append(('E', n))
        p.CharacterDataHandler = lambda s: evs.append(('C', s))
        try:
            p.Parse(d, True)
            print(repr(d), ns, 'OK', evs)
        except pyexpat.ExpatError as e:
            print(repr(d), ns, 'ERR', e, e.code, e.lineno, e.offset, p.ErrorByteIndex, evs)
`, `import pyexpat
def run(d, ns=None, bt=False, oa=False, nsp=False, chunks=None, **hs):
    p = pyexpat.ParserCreate(None, ns)
    p.buffer_text = bt; p.ordered_attributes = oa; p.namespace_prefixes = nsp
    evs = []
    for h in ['StartElementHandler', 'EndElementHandler', 'CharacterDataHandler', 'ProcessingInstructionHandler', 'CommentHandler', 'StartCdataSectionHandler', 'EndCdataSectionHandler',
              'XmlDeclHandler', 'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'StartNamespaceDeclHandler', 'EndNamespaceDeclHandler', 'DefaultHandler', 'DefaultHandlerExpand', 'SkippedEntityHandler', 'EntityDeclHandler', 'NotStandaloneHandler']:
        if hs.get(h, h not in ('DefaultHandler', 'DefaultHandlerExpand')):
            setattr(p, h, (lambda h: lambda *a: evs.append((h[:-7], p.CurrentLineNumber, p.CurrentColumnNumber) + a) or (1 if h == 'NotStandaloneHandler' else None))(h))
    try:
        if chunks:
            for c in chunks: p.Parse(c, False)
            p.Parse(b'', True)
        else:
            p.Parse(d, True)
        print(repr(d)[:60], 'OK')
    except pyexpat.ExpatError as e:
        print(repr(d)[:60], 'ERR', e)
    for e in evs: print('   ', e)
run('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<!-- top -->\n<?pi data?>\n<root a="1" b=\'x &amp; y\'>\n  text &lt; more\n  <![CDATA[cd <x>\nata]]>\n  <e/>\n</root>\n<!-- after -->\n')
run('<r xmlns="http://d" xmlns:p="http://p"><p:x p:a="1" b="2"><y/></p:x></r>', ns='}')
run('<r xmlns="http://d" xmlns:p="http://p"><p:x p:a="1" b="2"><y/></p:x></r>', ns=' ', nsp=True, oa=True)
run('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html>&nbsp;x</html>', DefaultHandlerExpand=True)
run('<!DOCTYPE doc [\n<!ENTITY e "expanded">\n<!ELEMENT doc ANY>\n]>\n<doc>&e; &#65;&#x42;</doc>', DefaultHandler=True)
run('<a>one\ntwo\n\nthree&amp;four]x]]y</a>')
run('<a>one\ntwo</a>', bt=True)
run(b'<a>chunked text here</a>', chunks=[b'<a>chu', b'nked te', b'xt here</a>'])
run('<a b="x\ty\nz  &#10;w"/>')
`, `import pyexpat
def run(d, **kw):
    p = pyexpat.ParserCreate(None, '}')
    p.buffer_text = 1; p.ordered_attributes = 1
    evs = []
    p.DefaultHandlerExpand = lambda t: evs.append(('D', p.CurrentLineNumber, p.CurrentColumnNumber, t))
    p.StartElementHandler = lambda n, a: evs.append(('S', n, a))
    p.EndElementHandler = lambda n: evs.append(('E', n))
    p.CharacterDataHandler = lambda t: evs.append(('C', t))
    p.CommentHandler = lambda t: evs.append(('!', t))
    p.ProcessingInstructionHandler = lambda a, b: evs.append(('?', a, b))
    p.StartNamespaceDeclHandler = lambda a, b: evs.append(('NS', a, b))
    p.EndNamespaceDeclHandler = lambda a: evs.append(('/NS', a))
    try: p.Parse(d, True); print('OK')
    except pyexpat.ExpatError as e: print('ERR', e)
    for e in evs: print('  ', e)
run('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">&nbsp;<p>x</p></html>\n')
run('<!DOCTYPE note SYSTEM "Note.dtd" [ <!ENTITY writer "Donald"> ]>\n<note>&writer;&#169;</note>')
run('<!DOCTYPE x>\n<x>&y;</x>')
run('<!-- c --><?p d?><x/><!-- e -->  ')
`, `import pyexpat
data = b'<a>\n<title>Introduction to XSL</title>\n\t\t<b/></a>'
for ch in (3, 5, 7):
    p = pyexpat.ParserCreate()
    evs = []
    p.CharacterDataHandler = lambda t: evs.append((p.CurrentByteIndex, t))
    p.StartElementHandler = lambda n, a: evs.append((p.CurrentByteIndex, n))
    for i in range(0, len(data), ch): p.Parse(data[i:i+ch], False); evs.append('|')
    p.Parse(b'', True)
    print(ch, evs)
`, `import pyexpat
for d in ['<a><![CDATA[a]b]]c]]]>x]y]]z</a>', '<a>p]]q</a>', '<a>]</a>', '<a><![CDATA[]]]]><![CDATA[]]></a>', '<a><![CDATA[x\ry\r\nz]]></a>', '<a>\ta\tb</a>', '<a>x]]>y</a>', '<a><![CDATA[\x01]]></a>', '<a><!--a-b--></a>', '<a><!--a--b--></a>', '<a><?pi?></a>', '<a><?pi  x  ?></a>', '<a><?xml-stylesheet x?></a>', '<a><?XML x?></a>', '<a><?p:q x?></a>', '<?xml version="1.0"  encoding="utf-8" ?><a/>', '<?xml version="1.0" standalone="maybe"?><a/>', '<?xml encoding="utf-8"?><a/>', '<a\n b\n=\n"1"\n/>', '<a b="1"c="2"/>', '<a></a >', '<a></ a>', '< a/>', '<a/ >', '<1a/>', '<a b="&lt;&#60;&gt;&quot;&apos;"/>', '<a>&#x10FFFF;&#xD800;</a>', '<a>&#65;&#x41</a>', '<a b="x&y"/>', '<a xmlns:x="u"><x:b xmlns:x="v"><x:c/></x:b><x:d/></a>']:
    for ch in (None, 3):
        p = pyexpat.ParserCreate(None, '|'); ev = []
        for h in ['StartElementHandler', 'EndElementHandler', 'CharacterDataHandler', 'ProcessingInstructionHandler', 'CommentHandler', 'StartCdataSectionHandler', 'EndCdataSectionHandler', 'XmlDeclHandler', 'DefaultHandler']:
            setattr(p, h, (lambda h: lambda *a: ev.append((h[:4], p.CurrentColumnNumber) + a))(h))
        try:
            if ch:
                b = d.encode()
                for i in range(0, len(b), ch): p.Parse(b[i:i+ch])
                p.Parse(b'', True)
            else: p.Parse(d, True)
            r = 'OK'
        except pyexpat.ExpatError as e: r = 'ERR %s' % e
        print(repr(d), ch, r, ev)
`} {
		checkLibProgram(t, src)
	}
}

// TestXMLModules checks xml.etree.ElementTree, xml.dom.minidom and
// pulldom, xml.sax and plistlib over pyexpat, and the XML files of
// CPython's test data when they are installed.
func TestXMLModules(t *testing.T) {
	for _, src := range []string{`import xml.etree.ElementTree as ET, io
doc = '''<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE catalog SYSTEM "catalog.dtd">
<!-- the catalog -->
<catalog xmlns="urn:books" xmlns:x="urn:extra">
  <book id="b1" x:rating="5">
    <title>Dune &amp; more</title>
    <price currency="USD">9.99</price>
    <?render bold?>
  </book>
  <book id="b2"><title><![CDATA[<raw> text]]></title><price>12</price></book>
</catalog>'''
root = ET.fromstring(doc)
ns = {'b': 'urn:books', 'x': 'urn:extra'}
print(root.tag, root.attrib, len(root), [b.get('id') for b in root.findall('b:book', ns)], root.find('b:book/b:title', ns).text)
print([(e.tag, (e.text or '').strip()) for e in root.iter()][:8])
print(root.find('b:book', ns).attrib, root.findtext('b:book[@id="b2"]/b:title', namespaces=ns))
print(ET.tostring(root, encoding='unicode')[:200])
tree = ET.parse(io.StringIO(doc)); print(tree.getroot().tag, tree.docinfo if hasattr(tree, 'docinfo') else '')
for ev, el in ET.iterparse(io.BytesIO(doc.encode()), events=('start', 'end', 'start-ns', 'end-ns', 'comment', 'pi')):
    print(ev, el if isinstance(el, (str, tuple)) else getattr(el.tag, '__name__', el.tag))
p = ET.XMLPullParser(events=('start', 'end')); p.feed('<a><b>t'); print([(e, x.tag) for e, x in p.read_events()]); p.feed('</b></a>'); print([(e, x.tag) for e, x in p.read_events()]); p.close()
tb = ET.TreeBuilder(insert_comments=True, insert_pis=True); pr = ET.XMLParser(target=tb); pr.feed('<r><!--c--><?p d?>x</r>'); r = pr.close(); print([c.tag for c in r], ET.tostring(r))
for bad in ['<a><b></a>', '<a>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html>&nbsp;</html>', 'junk', '<a></a><b/>', '<p:a/>']:
    try: ET.fromstring(bad); print('ok?')
    except ET.ParseError as e: print(type(e).__name__, e, e.code, e.position)
parser = ET.XMLParser(); parser.entity['nbsp'] = '\u00a0'
print(repr(ET.fromstring('<!DOCTYPE html PUBLIC "x" "y"><html>a&nbsp;b</html>', parser=parser).text))
class Target:
    def __init__(self): self.ev = []
    def start(self, tag, attrib): self.ev.append(('start', tag, attrib))
    def end(self, tag): self.ev.append(('end', tag))
    def data(self, d): self.ev.append(('data', d))
    def doctype(self, name, pubid, system): self.ev.append(('doctype', name, pubid, system))
    def close(self): return self.ev
print(ET.XMLParser(target=Target()).feed('<!DOCTYPE note PUBLIC "-//x//EN" "note.dtd"><note a="1">hi</note>') or 'fed')
t = Target(); xp = ET.XMLParser(target=t); xp.feed('<!DOCTYPE note PUBLIC "-//x//EN" "note.dtd"><note a="1">hi</note>'); print(xp.close())
e = ET.Element('root'); ET.SubElement(e, 'k', a='1').text = 'v'; ET.indent(e); print(ET.tostring(e, xml_declaration=True, encoding='utf-8'))
print(ET.canonicalize('<a  b="2" a="1"><c/></a>'))
`, `from xml.dom import minidom, pulldom
import xml.sax, xml.sax.handler, io, plistlib, datetime
doc = minidom.parseString('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY e "ent">]>\n<r xmlns:p="urn:p" a="1"><p:c p:x="y">text &e; &amp; <![CDATA[cd]]></p:c><!--cm--><?pi v?><e/></r>')
print(doc.documentElement.tagName, doc.documentElement.getAttribute('a'), doc.doctype.name if doc.doctype else None)
c = doc.getElementsByTagName('p:c')[0]; print(c.namespaceURI, c.localName, c.prefix, c.getAttributeNS('urn:p', 'x'), [n.nodeType for n in c.childNodes], c.firstChild.data)
print(doc.toxml()); print(doc.toprettyxml(indent='  ')[:300])
events = []
for ev, node in pulldom.parseString('<a><b x="1">t</b></a>'):
    events.append((ev, getattr(node, 'tagName', getattr(node, 'data', None))))
print(events)
class H(xml.sax.handler.ContentHandler):
    def __init__(self): self.ev = []
    def startElement(self, name, attrs): self.ev.append(('start', name, dict(attrs)))
    def endElement(self, name): self.ev.append(('end', name))
    def characters(self, content): self.ev.append(('chars', content))
    def processingInstruction(self, target, data): self.ev.append(('pi', target, data))
h = H(); xml.sax.parseString(b'<?xml version="1.0"?><doc a="1">hi<x/><?p d?></doc>', h); print(h.ev)
class NH(xml.sax.handler.ContentHandler):
    def __init__(self): self.ev = []
    def startElementNS(self, name, qname, attrs): self.ev.append(('start', name, qname, dict(attrs)))
    def endElementNS(self, name, qname): self.ev.append(('end', name, qname))
    def startPrefixMapping(self, prefix, uri): self.ev.append(('map', prefix, uri))
p = xml.sax.make_parser(); p.setFeature(xml.sax.handler.feature_namespaces, True); nh = NH(); p.setContentHandler(nh); p.parse(io.BytesIO(b'<r xmlns="urn:d" xmlns:q="urn:q"><q:i q:a="1"/></r>')); print(nh.ev)
try: xml.sax.parseString(b'<a><b></a>', xml.sax.handler.ContentHandler())
except xml.sax.SAXParseException as e: print('SAX', e, e.getLineNumber(), e.getColumnNumber())
pl = plistlib.dumps({'name': 'x', 'n': 3, 'f': 1.5, 'l': [True, False], 'd': datetime.datetime(2020, 1, 2, 3, 4, 5), 'b': b'\x00\x01'})
print(pl.decode()[:200]); print(plistlib.loads(pl))
print(minidom.parseString('<a>é&#233;</a>').documentElement.firstChild.data, minidom.parseString(b'<?xml version="1.0" encoding="iso-8859-1"?><a>\xe9</a>').documentElement.firstChild.data)
try: minidom.parseString('<a><b></a>')
except Exception as e: print(type(e).__name__, e)
`, `import sys, pyexpat, glob, os
files = sorted(glob.glob('/root/.pyenv/versions/3.13.0/lib/python3.13/test/xmltestdata/**/*.xml', recursive=True))[::8] + []
for path in files:
    with open(path, 'rb') as f: data = f.read()
    for ns in (None, '}'):
        for chunk in (None, 7):
            p = pyexpat.ParserCreate(None, ns)
            evs = []
            for h in ['StartElementHandler', 'EndElementHandler', 'CharacterDataHandler', 'ProcessingInstructionHandler', 'CommentHandler', 'StartCdataSectionHandler', 'EndCdataSectionHandler',
                      'XmlDeclHandler', 'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'StartNamespaceDeclHandler', 'EndNamespaceDeclHandler', 'DefaultHandlerExpand', 'SkippedEntityHandler']:
                setattr(p, h, (lambda h: lambda *a: evs.append((h[:5], p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex) + a))(h))
            try:
                if chunk:
                    for i in range(0, len(data), chunk): p.Parse(data[i:i+chunk], False)
                    p.Parse(b'', True)
                else: p.Parse(data, True)
                r = 'OK'
            except pyexpat.ExpatError as e: r = 'ERR %s' % e
            h = hash(repr(evs)) if chunk else repr(evs)[:3000]
            print(os.path.basename(path), ns, chunk, r, len(evs), h if chunk else '')
            if not chunk: print(repr(evs)[:4000])
`} {
		checkLibProgram(t, src)
	}
}
