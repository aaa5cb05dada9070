package vm_test

import "testing"

// TestBytesIOBuffer checks BytesIO.getbuffer (a writable view; while a
// view lives, writes, truncation, re-initialization and close raise
// BufferError; releasing or dropping the view lifts that) and
// BytesIO's __getstate__/__setstate__ with copy and pickle.
func TestBytesIOBuffer(t *testing.T) {
	for _, src := range []string{`import io
def p(f):
    try: r=f(); print(type(r).__name__ if isinstance(r, memoryview) else repr(r))
    except Exception as e: print(type(e).__name__, e)
b = io.BytesIO(b'abcdef')
m = b.getbuffer()
print(type(m.obj), m.readonly, m.format, len(m), m.tobytes())
m[0] = ord('X')
print(b.getvalue())
p(lambda: b.write(b'zz'))
p(lambda: b.seek(0))
p(lambda: b.write(b'zz'))
p(lambda: b.truncate(2))
p(lambda: b.truncate())
p(lambda: b.close())
p(lambda: b.read())
p(lambda: b.getvalue())
p(lambda: b.writelines([b'a']))
p(lambda: b.__setstate__((b'abc', 0, None)))
p(lambda: b.__init__(b'q'))
p(lambda: b.getbuffer())
m.release()
p(lambda: b.write(b'zz'))
p(lambda: b.getvalue())
with b.getbuffer() as v:
    p(lambda: b.write(b'1'))
p(lambda: b.write(b'1'))
p(lambda: b.getvalue())
v = b.getbuffer()
del v
p(lambda: b.write(b'2'))
b.close()
p(lambda: b.getbuffer())
b2 = io.BytesIO()
p(lambda: b2.getbuffer().tobytes())
p(lambda: b2.getbuffer().nbytes)
b3 = io.BytesIO(b'xyz')
b3.getbuffer()[1] = 65
print(b3.getvalue())
b3.write(b'1234')
print(b3.getvalue())
`, `import io, copy, pickle
def p(f):
    try: r=f(); print(repr(r))
    except Exception as e: print(type(e).__name__, e)
b = io.BytesIO(b'abc'); b.read(1); b.x = 5
p(lambda: b.__getstate__())
c = io.BytesIO()
p(lambda: c.__setstate__((b'hello', 2, {'y': 1})))
p(lambda: (c.getvalue(), c.tell(), c.y))
p(lambda: c.__setstate__((b'hello', 2)))
p(lambda: c.__setstate__([b'hello', 2, None]))
p(lambda: c.__setstate__(('s', 2, None)))
p(lambda: c.__setstate__((b'x', 'a', None)))
p(lambda: c.__setstate__((b'x', -1, None)))
p(lambda: c.__setstate__((b'x', 1, 5)))
p(lambda: c.__setstate__((bytearray(b'xy'), 9, None)))
p(lambda: (c.getvalue(), c.tell()))
d = copy.deepcopy(b); print(d.getvalue(), d.tell(), d.x)
e = pickle.loads(pickle.dumps(b)); print(e.getvalue(), e.tell(), e.x)
b.close()
p(lambda: b.__getstate__())
p(lambda: b.__setstate__((b'', 0, None)))
`} {
		checkLibProgram(t, src)
	}
}
