# Slice reading, slice assignment, extended slices and deletion.
a = list(range(10))
print(a[2:5], a[-3:], a[:-7], a[::3], a[::-2], a[8:2:-2], a[100:], a[-100:2], a[5:5])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = [10, 20, 30]
print(b)
b[:] = "abc"
print(b)
c = list(range(10))
c[::2] = [0] * 5
print(c)
c[1::2] = "ABCDE"
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    c[1:3] = 5
except TypeError as e:
    print(type(e).__name__, e)
d = list(range(10))
del d[::3]
print(d)
del d[1:3]
print(d)
del d[-1]
print(d)
e = list(range(6))
e[len(e):] = [6, 7]
e[:0] = [-1]
e[-2:] = []
print(e)
f = [1, 2, 3]
f[5:10] = [4]
print(f)
f[-10:1] = ["start"]
print(f)
g = list(range(5))
g[3:1] = ["in"]
print(g)
h = list(range(8))
h[::-1] = h
print(h)
s = slice(1, 7, 2)
print(h[s], s.start, s.stop, s.step, s.indices(4))
try:
    [1][2]
except IndexError as e:
    print(type(e).__name__, e)
try:
    x = [1]
    x[2] = 0
except IndexError as e:
    print(type(e).__name__, e)
try:
    del [1][5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    key = "a"
    [1][key]
except TypeError as e:
    print(type(e).__name__, e)
