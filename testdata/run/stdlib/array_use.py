# needs: stdlib
# array.array: typed storage of machine values for every typecode, the
# overflow errors of each C type, slicing and slice assignment, the list
# methods, byte views (tobytes/frombytes/byteswap, memoryview, struct),
# files, pickling and a small signal-processing exercise.
import array
import io
import pickle
import struct
import sys

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(array.typecodes)
for tc in array.typecodes:
    if tc == "u":
        continue
    a = array.array(tc, "hi" if tc == "w" else [1, 2, 3])
    print(tc, a.itemsize, len(a), a, a.tobytes().hex())

limits = {"b": (-128, 127), "B": (0, 255), "h": (-2**15, 2**15 - 1), "H": (0, 2**16 - 1),
          "i": (-2**31, 2**31 - 1), "I": (0, 2**32 - 1), "q": (-2**63, 2**63 - 1), "Q": (0, 2**64 - 1)}
for tc, (lo, hi) in limits.items():
    print(tc, array.array(tc, [lo, hi]))
    show("  below", lambda: array.array(tc, [lo - 1]))
    show("  above", lambda: array.array(tc, [hi + 1]))
show("float in int array", lambda: array.array("i", [1.5]))
show("str in float array", lambda: array.array("d", ["1"]))
show("str initializer", lambda: array.array("i", "123"))
show("bad typecode", lambda: array.array("z"))
print(array.array("f", [0.1, 1e300, -1e300, float("nan")]))

a = array.array("i", range(10))
print(a[3], a[-1], a[2:8:2], a[::-3])
a[1:4] = array.array("i", [100, 200])
print(a)
a[::2] = array.array("i", [0] * len(a[::2]))
print(a)
del a[::3]
print(a)
show("slice from list", lambda: a.__setitem__(slice(0, 2), [1, 2]))
show("mixed kinds", lambda: a.__setitem__(slice(0, 2), array.array("h", [1, 2])))
show("extended size", lambda: a.__setitem__(slice(None, None, 2), array.array("i", [1])))

b = array.array("d")
b.append(1.5)
b.extend([2.5, 3.5])
b.extend(array.array("d", [4.5]))
b.insert(0, 0.5)
b.insert(-1, 9.0)
print(b, b.pop(), b.pop(0), b.index(9.0), b.count(2.5), 2.5 in b)
b.remove(9.0)
b.reverse()
print(b, b.tolist(), sum(b), sorted(b))
show("index missing", lambda: b.index(42))
show("pop empty", lambda: array.array("b").pop())
show("extend other kind", lambda: b.extend(array.array("f", [1.0])))
print(array.array("h", [1, 2]) + array.array("h", [3]), array.array("b", [7]) * 3)
print(array.array("i", [1, 2]) < array.array("i", [1, 3]), array.array("i", [1]) == array.array("d", [1.0]))

w = array.array("I", [1, 0x01020304])
raw = w.tobytes()
w.byteswap()
print(raw.hex(), w, w.tobytes().hex())
c = array.array("H")
c.frombytes(b"\x01\x00\xff\xff")
c.fromlist([7, 8])
print(c, struct.unpack("<4H", c))
m = memoryview(c)
print(m.format, m.itemsize, m.tolist(), bytes(c))
m[0] = 1000
print(c)
show("append while viewed", lambda: c.append(1))
m.release()
c.append(1)
print(c)

f = io.BytesIO()
array.array("q", [-1, 2**40]).tofile(f)
f.seek(0)
r = array.array("q")
r.fromfile(f, 2)
print(r)
show("short read", lambda: r.fromfile(f, 1))

s = array.array("w", "héllo")
s.fromunicode(" wörld")
print(s, s.tounicode(), s[1], s.itemsize)
show("tounicode on ints", lambda: r.tounicode())

for proto in (0, 2, 4):
    print(proto, pickle.loads(pickle.dumps(array.array("d", [1.25, -2.5]), proto)))
print(array.array("i", [5, 6]).__reduce_ex__(4))

class Samples(array.array):
    def mean(self):
        return sum(self) / len(self)

sig = Samples("f", [0.0, 1.0, 0.5, -0.5, -1.0, 0.25])
print(sig, round(sig.mean(), 4), type(sig[1:]).__name__)
smooth = array.array("f", ((sig[i - 1] + sig[i] + sig[i + 1]) / 3 for i in range(1, len(sig) - 1)))
print([round(x, 3) for x in smooth])
hist = array.array("L", [0] * 4)
for x in sig:
    hist[min(int((x + 1) * 2), 3)] += 1
print(hist, hist.buffer_info()[1])
