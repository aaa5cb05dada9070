# memoryview over native formats: cast to a format and a shape, N-d views, item packing and its errors
def show(label, f):
    try:
        r = f()
        if isinstance(r, memoryview):
            r = ('view', r.format, r.shape, r.strides)
        print(label, r)
    except Exception as e:
        print(label, type(e).__name__, e)

data = bytes(range(32))
m = memoryview(data)
for fmt in 'BbcHhIiLlQqNnfde?':
    v = m.cast(fmt)
    print(fmt, v.itemsize, len(v), v.nbytes, v.tolist()[:3])

grid = m.cast('H', (4, 4))
print(grid.shape, grid.strides, grid.ndim, grid.tolist()[1])
print(grid[2, 3], grid[-1, -1], grid.cast('B').shape)
show('sub-view', lambda: grid[1])
show('too many', lambda: grid[1, 2, 3])
show('bounds', lambda: grid[4, 0])
show('multi-slice', lambda: grid[0:1, 0:1])
show('non-byte', lambda: grid.cast('I'))
show('bad shape', lambda: m.cast('I', (3, 3)))
show('bad format', lambda: m.cast('Z'))
show('zero', lambda: m.cast('B', (0, 32)))
show('strided', lambda: m[::2].cast('H'))
show('rows reversed', lambda: m.cast('B', (2, 16))[::-1].tolist()[0][:4])

scalar = m[:8].cast('d', ())
print(scalar.shape, scalar.ndim, scalar[()] == m[:8].cast('d')[0])
show('0-d len', lambda: len(scalar))
show('0-d index', lambda: scalar[0])

buf = bytearray(16)
w = memoryview(buf).cast('i')
w[0] = 1000
w[1] = -2
w[2:4] = memoryview(bytes(range(8))).cast('i')
print(buf.hex(), w.tolist())
for bad in (2**31, 'x', 1.5, None):
    def put(v=bad):
        w[3] = v
    show(repr(bad), put)
show('wrong structure', lambda: w.__setitem__(slice(0, 2), b'12345678'))

f = memoryview(bytearray(8)).cast('d')
f[0] = float('nan')
print(f == f, f.tolist()[0] != f.tolist()[0])
print(memoryview(b'abc').cast('c') == b'abc', memoryview(b'abc') == b'abc')
show('hash I', lambda: hash(m.cast('I')))
print(hash(memoryview(b'xy').cast('c')) == hash(b'xy'))
print(m.cast('B', (2, 4, 4)).tobytes('F')[:8].hex(), m.cast('I').hex(':', 4)[:26])
