# needs: stdlib
# io.BytesIO.getbuffer and its exports, pickling and copying instances, doctest, hashlib and zlib checksums
import io, pickle, copy, hashlib, zlib, doctest

b = io.BytesIO(b'hello world')
view = b.getbuffer()
view[0] = ord('J')
print(b.getvalue(), len(view), view.readonly, type(view.obj).__name__)
for op in (lambda: b.write(b'!'), lambda: b.truncate(3), lambda: b.close()):
    try:
        op()
    except BufferError as e:
        print('BufferError', e)
view.release()
b.write(b'!')
print(b.getvalue())
with b.getbuffer() as v2:
    print(bytes(v2[:5]))
b.seek(0, 2)
b.write(b'?')
print(b.getvalue())

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'Point({self.x}, {self.y})'

class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self, a):
        self.a = a
    def __repr__(self):
        return f'Slotted({self.a})'

class Tagged(list):
    pass

t = Tagged([1, 2, 3])
t.tag = 'x'
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    back = pickle.loads(pickle.dumps([Point(1, 2), Slotted('s'), t], proto))
    print(proto, back, back[2].tag)
p = Point([1], {'k': 2})
q = copy.deepcopy(p)
q.x.append(9)
print(p, q, copy.copy(p).x is p.x)
s = io.BytesIO(b'state')
s.read(2)
s2 = copy.deepcopy(s)
print(s2.getvalue(), s2.tell())

for name in ('md5', 'sha1', 'sha256', 'sha3_256', 'blake2b', 'blake2s'):
    h = hashlib.new(name, b'peephole')
    print(name, h.digest_size, h.block_size, h.hexdigest()[:32])
print(hashlib.blake2b(b'x', digest_size=16, key=b'k', salt=b's', person=b'p').hexdigest())
print(zlib.crc32(b'peephole'), zlib.adler32(b'peephole'), zlib.decompress(b'x\x9c+HM-\xc8\xc8\xcfI\x05\x00\x0f\x03\x03S'))

def double(n):
    """
    >>> double(4)
    8
    >>> [double(i) for i in range(3)]
    [0, 2, 4]
    """
    return 2 * n

print(doctest.testmod())
try:
    pickle.dumps(Slotted(1), 1)
except TypeError as e:
    print('TypeError', e)
