package vm_test

import "testing"

// The standard library over the native modules: programs that import
// CPython's pure-Python modules (skipped while the core cannot import
// them).

// TestStdlibCollections checks collections (Counter, namedtuple, OrderedDict, ChainMap, the ABCs, UserDict).
func TestStdlibCollections(t *testing.T) {
	checkLibProgram(t, `
import collections
from collections import Counter, namedtuple, OrderedDict, ChainMap, deque, defaultdict
c = Counter('abracadabra')
print(c)
print(c.most_common(2), sorted(c.elements())[:5], c['z'])
c.update('aaz'); print(c)
c2 = Counter(a=1, b=-2)
print(c + c2, c - c2, c & c2, c | c2, +c2, -c2)
print(Counter({'x': 3}).total())
P = namedtuple('P', 'x y')
p = P(1, 2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), P._fields, P._make([3, 4]))
print(P.x, P.__doc__)
Q = namedtuple('Q', ['a', 'b'], defaults=[0])
print(Q(1), Q(1, 2), Q._field_defaults)
try:
    namedtuple('R', 'a a')
except ValueError as e:
    print(e)
od = OrderedDict(a=1, b=2)
od['c'] = 3
od.move_to_end('a')
print(od, list(od), od.popitem(), od.popitem(last=False))
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.new_child({'z': 0}))
import collections.abc
print(issubclass(deque, collections.abc.Sequence), isinstance({}, collections.abc.Mapping))
print(isinstance([], collections.abc.Iterable), isinstance(3, collections.abc.Hashable))
class My(collections.UserDict):
    pass
m = My(a=1); m['b'] = 2
print(m, m.data)
ul = collections.UserList([1, 2]); ul.append(3); print(ul)
us = collections.UserString('abc'); print(us.upper(), len(us))
`)
}

// TestStdlibFunctools checks functools and operator (reduce, partial, lru_cache, cmp_to_key, wraps, total_ordering, cached_property, singledispatch).
func TestStdlibFunctools(t *testing.T) {
	checkLibProgram(t, `
import functools, operator
from functools import reduce, partial, lru_cache, cmp_to_key, wraps, total_ordering, cached_property, singledispatch
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [1, 2, 3], 10))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(e)
p = partial(pow, 2)
print(p(10), p.func, p.args, p.keywords, repr(partial(print, 1, sep='-')))
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@lru_cache(maxsize=2)
def sq(x):
    return x * x
for i in [1, 2, 1, 3, 1, 2]:
    sq(i)
print(sq.cache_info())
sq.cache_clear(); print(sq.cache_info())
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
def deco(f):
    @wraps(f)
    def w(*a, **k):
        return f(*a, **k)
    return w
@deco
def hello():
    "doc here"
    return 1
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2))
class C:
    @cached_property
    def x(self):
        print('computing')
        return 42
c = C(); print(c.x, c.x)
@singledispatch
def f(x):
    return 'obj'
@f.register
def _(x: int):
    return 'int'
@f.register(list)
def _(x):
    return 'list'
print(f(1), f([]), f('s'))
print(operator.itemgetter(1)([1, 2]), operator.itemgetter(0, 2)('abc'), operator.attrgetter('__name__')(len))
print(operator.methodcaller('upper')('a'), operator.mul(3, 4), operator.neg(5), operator.index(7))
print(operator.itemgetter(1), operator.attrgetter('a.b'), operator.methodcaller('f', 1, k=2))
print(functools.partialmethod, functools.WRAPPER_ASSIGNMENTS)
key = cmp_to_key(lambda a, b: a - b)
print(key(1) < key(2), type(key(1)).__name__)
`)
}

// TestStdlibOS checks os and os.path over posix.
func TestStdlibOS(t *testing.T) {
	checkLibProgram(t, `
import os, os.path, stat
base = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'osdir')
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for d, ds, fs in os.walk(base, topdown=False):
    for f in fs:
        os.remove(os.path.join(d, f))
    for x in ds:
        os.rmdir(os.path.join(d, x))
os.mkdir(os.path.join(base, 'sub'))
fd = os.open(os.path.join(base, 'f.txt'), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b'hello\n'))
os.close(fd)
fd = os.open(os.path.join(base, 'f.txt'), os.O_RDONLY)
print(os.read(fd, 3), os.read(fd, 100), os.read(fd, 10))
os.close(fd)
print(sorted(os.listdir(base)), sorted(e.name for e in os.scandir(base)))
print(sorted((e.name, e.is_dir(), e.is_file(), e.is_symlink()) for e in os.scandir(base)))
st = os.stat(os.path.join(base, 'f.txt'))
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(base).st_mode), len(st), type(st).__name__)
print(os.path.exists(base), os.path.isfile(os.path.join(base, 'f.txt')), os.path.getsize(os.path.join(base, 'f.txt')))
os.rename(os.path.join(base, 'f.txt'), os.path.join(base, 'g.txt'))
print(sorted(os.listdir(base)))
show(lambda: os.stat(os.path.join(base, 'nope')).st_size)
show(lambda: os.mkdir(os.path.join(base, 'sub')))
show(lambda: os.rmdir(os.path.join(base, 'nope')))
show(lambda: os.stat(3.5))
show(lambda: os.listdir(5.5))
show(lambda: os.fspath(1))
print(os.fspath('a'), os.fspath(b'a'), os.strerror(2), os.path.normpath('/a/b/../c/./d'))
print(os.stat_result(tuple(range(10))), os.stat_result(tuple(range(10))).st_atime)
show(lambda: os.rename(os.path.join(base, 'x'), os.path.join(base, 'y')))
walk = [(os.path.relpath(d, base), sorted(ds), sorted(fs)) for d, ds, fs in os.walk(base)]
print(sorted(walk))
os.makedirs(os.path.join(base, 'a', 'b'))
print(os.path.isdir(os.path.join(base, 'a', 'b')), os.environ.get('NOPE_NOT_SET'), type(os.environ).__name__)
print('HOME' in os.environ, os.getpid() > 0, os.cpu_count() > 0, len(os.urandom(4)))
print(os.path.splitext('a/b.tar.gz'), os.path.basename('/x/y'), os.path.dirname('/x/y'), os.path.split('/a/b'))
`)
}

// TestStdlibIO checks io: open's layers, StringIO, BytesIO, RawIOBase subclasses, TextIOWrapper.
func TestStdlibIO(t *testing.T) {
	checkLibProgram(t, `
import io, os
base = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'iofile.txt')
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
with open(base, 'w') as f:
    print(f.write('line one\nline two\r\nthird\n'), f.mode, f.encoding, f.closed, type(f).__name__)
    print(f, f.buffer)
print(f.closed)
with open(base) as f:
    print(f.read())
with open(base, newline='') as f:
    print(f.readlines())
with open(base) as f:
    print([l for l in f])
with open(base, 'rb') as f:
    print(f.read(4), f.readline(), f.read(), f)
with open(base, 'a') as f:
    f.write('appended\n')
with open(base) as f:
    print(f.readline(), f.tell(), f.readline(), f.tell())
    f.seek(0)
    print(f.read(5))
with open(base, 'rb', buffering=0) as f:
    print(f, f.read(3), f.readall()[:5])
show(lambda: open(base, 'z'))
show(lambda: open(base, 'rw'))
show(lambda: open(base, 'rbt'))
show(lambda: open(base, 'rb', encoding='utf-8'))
show(lambda: open(base, buffering=0))
show(lambda: open(base + '.missing'))
show(lambda: open(1.5))
show(lambda: open(base, newline='x'))
show(lambda: open(os.path.dirname(base)))
f = open(base)
f.close()
show(lambda: f.read())
s = io.StringIO('ab\ncd')
print(s.read(1), s.readline(), s.tell(), s.read(), s.getvalue())
s = io.StringIO(); s.write('hello'); s.seek(2); s.write('XY'); print(s.getvalue(), s.tell())
s.seek(10); s.write('z'); print(repr(s.getvalue()))
print(io.StringIO('a\r\nb\rc\n', newline=None).read().split('\n'), io.StringIO('a\r\nb\rc\n', newline='').readlines(), io.StringIO('a\r\nb\rc\n').readlines())
show(lambda: io.StringIO(1))
show(lambda: io.StringIO().write(1))
show(lambda: io.StringIO().fileno())
s = io.StringIO(); s.close()
show(lambda: s.write('a'))
b = io.BytesIO(b'xy'); print(b.read(), b.getvalue(), b.tell())
b = io.BytesIO(b'hello'); b.seek(8); b.write(b'z'); print(b.getvalue())
show(lambda: io.BytesIO().write('a'))
b = io.BytesIO(); b.close()
show(lambda: b.read())
print(list(io.BytesIO(b'a\nb\nc')), list(io.StringIO('a\nb')))
print(io.text_encoding(None), isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
class MyRaw(io.RawIOBase):
    def __init__(self):
        self.data = b'abc\ndef\n'
    def readinto(self, b):
        n = min(len(b), len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n
    def readable(self):
        return True
r = MyRaw()
print(r.read(2), r.readline(), r.readall(), r.closed)
br = io.BufferedReader(MyRaw())
print(br.readline(), br.read())
t = io.TextIOWrapper(io.BytesIO(b'caf\xc3\xa9\nx'), encoding='utf-8')
print(t.readline(), t.read(), t.encoding)
t = io.TextIOWrapper(io.BytesIO(), encoding='latin-1')
t.write('café'); t.flush(); print(t.buffer.getvalue())
print(io.FileIO(base).read(4), io.FileIO(base))
with io.FileIO(base, 'w') as raw:
    with io.BufferedWriter(raw) as bw:
        with io.TextIOWrapper(bw, encoding='utf-8') as tw:
            tw.write('via layers\n')
with io.open(base) as f:
    print(f.read())
os.remove(base)
`)
}

// TestStdlibStruct checks struct over _struct: sizes, alignment, packing
// and unpacking of every code, ranges and messages.
func TestStdlibStruct(t *testing.T) {
	checkLibProgram(t, `
import struct, _struct
print(sorted(x for x in dir(_struct) if not x.startswith('__')))
def show(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for fmt in ['i', '<i', '>I', '!h', '=q', '@Q', 'b', 'B', '?', 'h', 'H', 'l', 'L', 'n', 'N', 'e', 'f', 'd', 'c', '5s', '3p', 'P', 'x', '3x', 'ih', 'hi', '@ci', '<ci', '0s', '2i3h', 'iq', 'bq']:
    show(lambda: (fmt, struct.calcsize(fmt)))
show(lambda: struct.pack('<i', 1))
show(lambda: struct.pack('>hH', -2, 65535))
show(lambda: struct.pack('<q', -1))
show(lambda: struct.pack('<Q', 2**64-1))
show(lambda: struct.pack('<d', 1.5))
show(lambda: struct.pack('<f', 0.1))
show(lambda: struct.pack('<e', 0.1))
show(lambda: struct.pack('?', 5))
show(lambda: struct.pack('c', b'x'))
show(lambda: struct.pack('5s', b'ab'))
show(lambda: struct.pack('3s', b'abcdef'))
show(lambda: struct.pack('4p', b'ab'))
show(lambda: struct.pack('@ci', b'a', 7))
show(lambda: struct.pack('2i', 1, 2))
show(lambda: struct.unpack('<i', b'\x01\x00\x00\x00'))
show(lambda: struct.unpack('<hH', b'\xfe\xff\xff\xff'))
show(lambda: struct.unpack('<d', struct.pack('<d', 2.5)))
show(lambda: struct.unpack('<e', b'\x66\x2e'))
show(lambda: struct.unpack('5s', b'abcde'))
show(lambda: struct.unpack('4p', b'\x02abc'))
show(lambda: struct.unpack('?', b'\x02'))
show(lambda: list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')))
show(lambda: struct.unpack_from('<h', b'\x00\x01\x00\x02', 2))
b = bytearray(8); struct.pack_into('<i', b, 2, 5); show(lambda: b)
show(lambda: struct.pack('<i', 2**31))
show(lambda: struct.pack('<I', -1))
show(lambda: struct.pack('<h', 40000))
show(lambda: struct.pack('b', 200))
show(lambda: struct.pack('B', -1))
show(lambda: struct.pack('<i', 'a'))
show(lambda: struct.pack('<i', 1.5))
show(lambda: struct.pack('<d', 'a'))
show(lambda: struct.pack('<i'))
show(lambda: struct.pack('<i', 1, 2))
show(lambda: struct.pack('c', b'ab'))
show(lambda: struct.pack('c', 'a'))
show(lambda: struct.pack('s', 'a'))
show(lambda: struct.pack('z', 1))
show(lambda: struct.pack('3', 1))
show(lambda: struct.unpack('<i', b'\x00'))
show(lambda: struct.unpack_from('<i', b'\x00', 0))
show(lambda: struct.unpack_from('<i', b'\x00' * 8, 6))
show(lambda: struct.unpack_from('<i', b'\x00' * 8, -1))
show(lambda: list(struct.iter_unpack('<h', b'\x01')))
show(lambda: struct.calcsize(1))
show(lambda: struct.Struct('<ih'))
s = struct.Struct('<ih')
show(lambda: (s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00')))
show(lambda: struct.pack('<e', 1e10))
show(lambda: struct.pack('<f', 1e300))
show(lambda: struct.pack('>Q', 1 << 64))
show(lambda: struct.pack('<n', 1))
show(lambda: struct.pack('<P', 1))
show(lambda: struct.error)
show(lambda: struct.pack(b'<i', 3))
show(lambda: struct.unpack('<i', bytearray(b'\x01\x00\x00\x00')))
show(lambda: struct.unpack('<i', memoryview(b'\x01\x00\x00\x00')))
show(lambda: struct.pack('<q', True))
class I:
    def __index__(self): return 7
show(lambda: struct.pack('<i', I()))
show(lambda: struct.pack('<2s', bytearray(b'xy')))
show(lambda: struct.pack('<d', 1))
show(lambda: struct.unpack('>f', b'\x7f\x80\x00\x00'))
show(lambda: struct.pack(' < i h ', 1, 2))
show(lambda: struct.pack('<i', -2**31 - 1))
show(lambda: struct.pack('<?', []))
`)
}
