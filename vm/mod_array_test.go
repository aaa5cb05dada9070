package vm_test

import "testing"

// The tests of the array module (mod_array.go): each program runs under
// the VM and under CPython 3.13 and prints results, stderr (the 'u'
// DeprecationWarning) and the messages of the errors included.

// TestArrayConstruct checks every typecode: construction from lists,
// iterables, bytes, str and arrays, the overflow and type errors of each
// typecode's setter, and the constructor's argument errors.
func TestArrayConstruct(t *testing.T) {
	checkProgram(t, `import array, sys
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(array.typecodes, array.ArrayType is array.array, array.array.__module__, array.array.__name__)
print(sorted(k for k in dir(array) if not k.startswith('__')))
print(sorted(k for k in dir(array.array) if not k.startswith('__')))
print(sorted(k for k in dir(array.array) if k.startswith('__')))
for tc in 'bBhHiIlLqQfd':
    a = array.array(tc, [1, 2, 3])
    print(tc, a, a.itemsize, a.typecode, len(a), a[0], a[-1], a.tolist(), a.tobytes(), repr(a[1:]), type(a[0]).__name__)
t(lambda: array.array('u', 'héllo'))
t(lambda: array.array('w', 'héllo\U0001F600'))
t(lambda: array.array('u', 'abc').tounicode())
t(lambda: array.array('w', 'abc').tounicode())
t(lambda: array.array('i', 'abc'))
t(lambda: array.array('i').tounicode())
t(lambda: array.array('x'))
t(lambda: array.array(''))
t(lambda: array.array('ii'))
t(lambda: array.array(1))
t(lambda: array.array(b'i'))
t(lambda: array.array())
t(lambda: array.array('i', [1], 3))
t(lambda: array.array('i', initializer=[1]))
t(lambda: array.array(typecode='i'))
t(lambda: array.array('i', 5))
t(lambda: array.array('i', b'\x01\x00\x00\x00\x02\x00\x00\x00'))
t(lambda: array.array('i', b'\x01\x00'))
t(lambda: array.array('i', bytearray(b'\x01\x00\x00\x00')))
t(lambda: array.array('b', [127, -128]))
t(lambda: array.array('b', [128]))
t(lambda: array.array('b', [-129]))
t(lambda: array.array('B', [256]))
t(lambda: array.array('B', [-1]))
t(lambda: array.array('h', [2**15]))
t(lambda: array.array('H', [2**16]))
t(lambda: array.array('H', [-1]))
t(lambda: array.array('i', [2**31]))
t(lambda: array.array('I', [2**32]))
t(lambda: array.array('I', [-1]))
t(lambda: array.array('l', [2**63]))
t(lambda: array.array('L', [2**64]))
t(lambda: array.array('L', [-1]))
t(lambda: array.array('q', [2**63]))
t(lambda: array.array('Q', [2**64]))
t(lambda: array.array('Q', [-1]))
t(lambda: array.array('i', [1.5]))
t(lambda: array.array('i', ['a']))
t(lambda: array.array('d', ['a']))
t(lambda: array.array('d', [1, 2.5, True]))
t(lambda: array.array('f', [0.1, 1e40, -1e40]))
t(lambda: array.array('f', [2**1000]))
t(lambda: array.array('d', [2**1100]))
t(lambda: array.array('u', ['ab']))
t(lambda: array.array('u', [1]))
t(lambda: array.array('u', ['a', 'b']))
t(lambda: array.array('w', ['a', 'b']))
t(lambda: array.array('i', array.array('d', [1.0])))
t(lambda: array.array('d', array.array('i', [1, 2])))
t(lambda: array.array('i', array.array('u', 'ab')))
t(lambda: array.array('u', array.array('i', [97])))
t(lambda: array.array('w', array.array('u', 'ab')))
t(lambda: array.array('u', array.array('w', 'ab')))
t(lambda: array.array('B', range(5)))
t(lambda: array.array('i', (x*x for x in range(4))))
class Idx:
    def __index__(self): return 7
t(lambda: array.array('i', [Idx()]))
t(lambda: array.array('i', [True]))
t(lambda: array.array('d', [Idx()]))
t(lambda: array.array('f', [float('nan'), float('inf')]))
t(lambda: array.array('d', [-0.0, 1e-320]))
`)
}

// TestArrayMethods checks indexing, slicing, slice assignment and
// deletion, the list-like methods, concatenation and repetition,
// comparison, byteswap, frombytes/fromlist/fromunicode, repr, subclasses,
// copying, __reduce_ex__ and pickling, _array_reconstructor and the
// iterator.
func TestArrayMethods(t *testing.T) {
	checkLibProgram(t, `import array, sys
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
A = array.array
t(lambda: A('w', ['ab']))
t(lambda: A('w', [1]))
t(lambda: A('w', 'a').append('bc'))
t(lambda: A('u', 'a').append(''))
t(lambda: A('b', [2**20]))
t(lambda: A('b', [2**70]))
t(lambda: A('B', [2**70]))
t(lambda: A('h', [-2**15-1]))
t(lambda: A('H', [2**40]))
t(lambda: A('i', [-2**31-1]))
t(lambda: A('i', [2**70]))
t(lambda: A('I', [2**70]))
t(lambda: A('I', [1.0]))
t(lambda: A('L', [1.0]))
t(lambda: A('Q', ['x']))
t(lambda: A('l', [-2**63-1]))
t(lambda: A('q', [-2**63-1]))
t(lambda: A('q', [2**70]))
t(lambda: A('b', [None]))
t(lambda: A('f', [None]))
t(lambda: A('d', [1j]))
a = A('i', range(10))
print(a[2:5], a[::2], a[::-1], a[-3:], a[5:2], a[100:], a[-100:2])
t(lambda: a[10]); t(lambda: a[-11]); t(lambda: a['x']); t(lambda: a[1.0])
t(lambda: a.__getitem__(2**70))
b = A('i', a)
b[2:5] = A('i', [7]); print(b)
b[::2] = A('i', [0]*len(b[::2])); print(b)
t(lambda: b.__setitem__(slice(None, None, 2), A('i', [1])))
t(lambda: b.__setitem__(slice(0, 2), [1, 2]))
t(lambda: b.__setitem__(slice(0, 2), A('d', [1.0])))
t(lambda: b.__setitem__(0, 'x'))
t(lambda: b.__setitem__(100, 1))
t(lambda: b.__setitem__('a', 1))
b[1:1] = b; print(b)
del b[::3]; print(b)
del b[0]; print(b)
del b[-2:]; print(b)
t(lambda: b.__delitem__(100))
b[3:1] = A('i', [9, 9]); print(b)
b[::-2] = A('i', range(len(b[::-2]))); print(b)
del b[::-2]; print(b)
c = A('d', [1.5, 2.5])
c.append(3); c.extend([4, 5.5]); c.extend(A('d', [6])); c.insert(0, -1); c.insert(-1, 99); c.insert(100, 7); c.insert(-100, 8)
print(c); print(c.pop(), c.pop(0), c.pop(-3), c)
t(lambda: c.pop(100)); t(lambda: A('i').pop()); t(lambda: c.pop('x'))
t(lambda: c.extend(A('i', [1]))); t(lambda: c.extend(3)); t(lambda: c.extend(['a']))
print(c, c.count(99), c.index(99), c.index(99, 2), 99 in c, 100 in c, 'x' in c)
t(lambda: c.index(1000)); t(lambda: c.index(99, 5, 6)); t(lambda: c.remove(1000))
c.remove(99); print(c); c.reverse(); print(c)
t(lambda: c.index(7.0, -3)); t(lambda: c.index(7.0, 0, -1)); t(lambda: c.index(1, 'a'))
print(A('i', [1, 2]) + A('i', [3]), A('i', [1, 2]) * 3, 2 * A('b', [5]), A('i', [1]) * -1, A('i',[1,2]) * 0)
t(lambda: A('i') + A('d')); t(lambda: A('i') + [1]); t(lambda: [1] + A('i')); t(lambda: A('i') * 'x')
x = A('h', [1, 2]); y = x; x += A('h', [3]); x *= 2; print(x, y is x)
def iadd(): 
    global x
    x += [1]
t(iadd)
print(A('i', [1, 2]) == A('i', [1, 2]), A('i', [1, 2]) == A('d', [1.0, 2.0]), A('i', [1]) < A('i', [1, 0]), A('i', [2]) > A('d', [1.5]), A('i', [1]) == [1], A('b') <= A('B'))
t(lambda: A('i') < [1]); t(lambda: A('u', 'ab') < A('w', 'ac'));  t(lambda: A('f', [float('nan')]) == A('f', [float('nan')]))
t(lambda: hash(A('i')))
print(len(A('Q', [1, 2, 3])), list(reversed(A('i', [1, 2, 3]))), sorted(A('d', [3, 1, 2])), sum(A('i', range(5))), max(A('H', [4, 9, 2])))
z = A('i', [1, 2, 3, 4])
z.byteswap(); print(z); z.byteswap(); print(z)
for tc in 'bBhHiIlLqQfduw':
    q = A(tc, 'ab' if tc in 'uw' else [1, 2])
    q.byteswap(); print(tc, q.tobytes())
print(A('i', [1, 2]).buffer_info()[1], type(A('i').buffer_info()[0]))
t(lambda: A('i', [1]).frombytes('ab')); t(lambda: A('i', [1]).frombytes(b'abc'))
q = A('h'); q.frombytes(b'\x01\x00\x02\x00'); q.frombytes(bytearray(b'\x03\x00')); q.frombytes(memoryview(b'\x04\x00')); print(q)
t(lambda: q.frombytes(A('i', [5])))
t(lambda: q.frombytes(memoryview(b'\x00'*8).cast('i')))
q.fromlist([5, 6]); print(q); t(lambda: q.fromlist((1,))); t(lambda: q.fromlist([1, 'x'])); print(q)
t(lambda: q.fromunicode('ab')); u = A('u'); u.fromunicode('xy\U0001F600'); print(u, len(u)); t(lambda: u.fromunicode(3))
w = A('w', 'a'); w.fromunicode('bc'); print(w, w.tounicode(), w.itemsize, u.itemsize)
print(q.tolist(), A('u', 'hi').tolist(), A('w', 'hi').tolist())
t(lambda: A('i', [1]).tounicode())
print(repr(A('u')), repr(A('w')), str(A('d', [1])), repr(A('u', 'a\'"\n')))
class MyA(A): pass
m = MyA('i', [1, 2]); print(m, type(m[0:1]), type(m + m), type(m * 2), type(m.__copy__()))
m.attr = 5; print(m.attr, m.__dict__)
t(lambda: MyA('i', x=1))
class MyB(A):
    def __init__(self, tc, init=(), extra=0): self.extra = extra
mb = MyB('i', [1], extra=3); print(mb, mb.extra)
import copy
print(copy.copy(A('i', [1])), copy.deepcopy(A('d', [2])))
print(A('i', [1, 2]).__reduce_ex__(3))
print(A('i', [1, 2]).__reduce_ex__(2))
print(m.__reduce_ex__(4))
print(A('u', 'ab').__reduce_ex__(4), A('w', 'ab').__reduce_ex__(4), A('f', [1]).__reduce_ex__(1))
t(lambda: A('i').__reduce_ex__('x'))
t(lambda: A('i').__reduce__())
import pickle
for proto in range(6):
    p = pickle.loads(pickle.dumps(A('d', [1.5, 2]), proto)); print(proto, p)
print(pickle.loads(pickle.dumps(m)), pickle.loads(pickle.dumps(m)).attr)
print(array._array_reconstructor(A, 'i', 8, b'\x01\x00\x00\x00'))
print(array._array_reconstructor(A, 'i', 9, b'\x00\x00\x00\x01'))
print(array._array_reconstructor(A, 'd', 17, b'?\xf0\x00\x00\x00\x00\x00\x00'))
t(lambda: array._array_reconstructor(A, 'u', 21, b'\x00\x00\x00a'))
t(lambda: array._array_reconstructor(int, 'i', 8, b''))
t(lambda: array._array_reconstructor(3, 'i', 8, b''))
t(lambda: array._array_reconstructor(A, 'x', 8, b''))
t(lambda: array._array_reconstructor(A, 'i', 30, b''))
t(lambda: array._array_reconstructor(A, 'i', 8, 'ab'))
t(lambda: array._array_reconstructor(A, 'i', 9, b'abc'))
t(lambda: array._array_reconstructor(A, 'ii', 8, b''))
it = iter(A('i', [1, 2, 3])); print(type(it), next(it), it.__reduce__(), list(it), it.__reduce__())
it = iter(A('i', [1, 2, 3])); it.__setstate__(2); print(list(it))
print(A('i', [1, 2]).__sizeof__() > 0)
print(A.__doc__[:60])
print(array.__doc__)
t(lambda: A.__class_getitem__(int))
`)
}

// TestArrayBuffer checks the buffer an array exports: memoryview (and the
// BufferError of a resize while a view lives), bytes/bytearray/join/
// struct/hashlib over an array, tofile/fromfile.
func TestArrayBuffer(t *testing.T) {
	checkLibProgram(t, `import array, sys, io
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
A = array.array
a = A('i', [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.readonly, m.shape, m.tolist(), m[1], bytes(a), bytearray(a), bytes(m))
m[0] = 10; print(a)
t(lambda: a.append(4))
t(lambda: a.pop())
t(lambda: a.extend([1]))
t(lambda: a.__delitem__(0))
t(lambda: a.__setitem__(slice(0, 1), A('i')))
a[0:1] = A('i', [7]); print(a)
t(lambda: a.frombytes(b''))
t(lambda: a.frombytes(b'\x00\x00\x00\x00'))
t(lambda: a.__imul__(2))
t(lambda: a.__iadd__(A('i')))
t(lambda: a.clear())
m.release()
a.append(4); print(a)
with memoryview(a) as mm:
    t(lambda: a.append(5))
a.append(5); print(a)
for tc in 'bBhHiIlLqQfduw':
    mv = memoryview(A(tc, 'ab' if tc in 'uw' else [1]))
    print(tc, mv.format, mv.itemsize)
    t(lambda: mv.tolist())
t(lambda: memoryview(A('d', [1.5, 2.5])).cast('B').tolist()[:4])
t(lambda: A('d', [1.5]) == memoryview(A('d', [1.5])))
t(lambda: memoryview(A('d', [1.5])) == A('d', [1.5]))
b = bytearray(8); b[:] = A('i', [1, 2]); print(b)
print(b''.join([A('B', [65, 66]), b'C']))
f = io.BytesIO()
A('h', [1, 2, 3]).tofile(f); print(f.getvalue())
f.seek(0); g = A('h'); g.fromfile(f, 2); print(g)
t(lambda: g.fromfile(f, 5)); print(g)
t(lambda: g.fromfile(f, -1))
t(lambda: g.fromfile(io.StringIO('abc'), 1))
t(lambda: g.tofile(3))
t(lambda: g.fromfile(f))
print(int.from_bytes(A('B', [1, 2])), A('i', [1]).tobytes().hex())
import struct
print(struct.unpack('2i', A('i', [5, 6])))
t(lambda: type(A('i', [1]).__buffer__(0)).__name__)
t(lambda: len(memoryview(A('B', b'xyz')).tobytes()))
print(A('i') == A('i'), A('i', [0]) != A('i', [0]))
t(lambda: A('i', [1, 2]).index(2, 0, 1))
import hashlib
print(hashlib.md5(A('B', b'abc')).hexdigest())
print(A('i', [1, 2]).__contains__(2), A('i').__len__())
print(str(b'x' + A('B', [65])) if False else '')
t(lambda: b'x' + A('B', [65]))
t(lambda: bytearray(b'x') + A('B', [65]))
t(lambda: A('B', [65]).decode())
t(lambda: bytes(A('B', [65])).decode())
`)
}

// TestArrayEdges checks the argument errors of the methods, invalid
// characters in 'u'/'w' arrays, the iterator's state, __sizeof__ through
// array_resize's over-allocation, the registration as a MutableSequence
// and pattern matching.
func TestArrayEdges(t *testing.T) {
	checkLibProgram(t, `import array
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
A = array.array
a = A('i', [1])
t(lambda: a.append()); t(lambda: a.append(1, 2)); t(lambda: a.append(v=1))
t(lambda: a.insert(1)); t(lambda: a.insert('x', 1)); t(lambda: a.insert(2**70, 1))
t(lambda: a.pop(1, 2)); t(lambda: a.pop(2**70))
t(lambda: a.index()); t(lambda: a.index(1, 2, 3, 4)); t(lambda: a.index(1, 2**70)); t(lambda: a.index(1, None))
t(lambda: a.count()); t(lambda: a.remove()); t(lambda: a.extend()); t(lambda: a.tolist(1)); t(lambda: a.tobytes(1))
t(lambda: a.frombytes()); t(lambda: a.fromlist()); t(lambda: a.fromunicode()); t(lambda: a.byteswap(1)); t(lambda: a.reverse(1))
t(lambda: a.fromfile(1)); t(lambda: a.tofile()); t(lambda: a.__reduce_ex__()); t(lambda: a.__deepcopy__())
t(lambda: a.fromfile(None, 'x')); t(lambda: a.buffer_info(2)); t(lambda: a.clear(1)); t(lambda: a.__copy__(1))
t(lambda: A.append(3, 1))
t(lambda: A('u', [chr(0x10FFFF)]))
b = A('u'); b.frombytes(b'\xff\xff\xff\xff\x00\xd8\x00\x00'); t(lambda: b[0]); t(lambda: b[1]); t(lambda: b.tounicode()); t(lambda: repr(b)); t(lambda: b.tolist())
w = A('w'); w.frombytes(b'\x00\x00\x11\x00\x00\xd8\x00\x00'); t(lambda: w[0]); t(lambda: w[1]); t(lambda: w.tounicode()); t(lambda: repr(w))
t(lambda: A('u', '\ud800'))
t(lambda: A('w', '\ud800x').tolist())
it = iter(A('i', [1, 2, 3]))
t(lambda: it.__setstate__(-5)); print(list(it))
it = iter(A('i', [1, 2, 3])); it.__setstate__(10); print(list(it))
it = iter(A('i', [1, 2, 3])); t(lambda: it.__setstate__('x'))
print(type(it).__name__, type(it).__module__, type(it).__qualname__)
t(lambda: type(it)())
a = A('i', [1, 2, 3]); it = iter(a); next(it); a.append(4); print(list(it))
a = A('i', [1, 2, 3]); it = iter(a); next(it); del a[:]; print(list(it)); a.append(9); print(list(it))
import sys
print(A('i').__sizeof__(), A('i', [1]).__sizeof__(), A('d', range(100)).__sizeof__())
x = A('b')
for i in range(40):
    x.append(i)
    print(x.__sizeof__(), end=' ')
print()
for i in range(40):
    x.pop()
    print(x.__sizeof__(), end=' ')
print()
x = A('i', [1, 2]); x.extend(range(20)); print(x.__sizeof__()); x.frombytes(b'\0'*40); print(x.__sizeof__())
x *= 3; print(x.__sizeof__()); del x[::2]; print(x.__sizeof__()); x[1:5] = A('i'); print(x.__sizeof__()); x.clear(); print(x.__sizeof__())
y = A('u', 'abcdef'); print(y.__sizeof__())
class MyA(A): pass
print(MyA('i').__sizeof__())
class MyS(A): __slots__ = ('p',)
print(MyS('i').__sizeof__())
print(array.array.__new__(MyA, 'i', [1]))
t(lambda: A.__new__(int, 'i'))
t(lambda: A('i', [1]).__reduce_ex__(2**100))
t(lambda: A('i', [1]).__reduce_ex__(True))
print(A('B', [1]).__reduce_ex__(-1))
print(A('i',[1]).typecode.__class__, A.typecode, A.itemsize)
t(lambda: setattr(A('i'), 'typecode', 'd'))
t(lambda: setattr(A('i'), 'x', 1))
t(lambda: setattr(A, 'x', 1))
match A('i', [1, 2]):
    case [x, y]: print('seq', x, y)
import collections.abc as cabc
print(isinstance(A('i'), cabc.Sequence), isinstance(A('i'), cabc.MutableSequence), isinstance(A('i'), cabc.Iterable), isinstance(A('i'), cabc.Reversible))
print(A('i', [1, 2]) * True, 3 in A('d', [3.0]), 'a' in A('w', 'abc'), A('i', [5, 6]).index(6.0))
`)
}

// TestArrayPickleHelpers checks memoryview's error for the 'w' format,
// pickling builtin functions by name, __buffer__ and __release_buffer__.
func TestArrayPickleHelpers(t *testing.T) {
	checkLibProgram(t, `import array, pickle
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
mv = memoryview(array.array('w', 'ab'))
t(lambda: mv[0]); t(lambda: mv.tolist()); t(lambda: list(mv)); t(lambda: mv == mv); t(lambda: mv.tobytes()); t(lambda: mv.cast('B').tolist())
t(lambda: mv.__setitem__(0, 'x'))
t(lambda: pickle.dumps(len))
t(lambda: len.__reduce__())
t(lambda: [].append.__reduce__())
t(lambda: array.array('i', [3]).__buffer__(0).tolist())
t(lambda: array.array('i').__release_buffer__(3))
`)
}
