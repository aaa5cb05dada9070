x = 1
x = y = z = 2
a, b = b, a
(a, b) = [c, d] = e
[a, *b, c] = range(5)
*a, = b
a.b.c = 1
a[0] = a[1:2] = a[::3] = a[1, 2] = 4
x += 1
x -= 1
x *= 1
x @= m
x /= 1
x //= 1
x %= 1
x **= 2
x >>= 1
x <<= 1
x &= 1
x ^= 1
x |= 1
a.b += 1
a[i] -= 1
x: int
x: int = 1
(x): int = 1
a.b: "str"
a[0]: list[int] = []
a.b.c: int = 2
x: tuple = 1, 2
x: Any = yield
y = yield
z = yield from g
x = *a, *b
x = a, *b
x = a,
x = (n := 10)
[y := f(x), y**2]
if (n := len(a)) > 10:
    pass
while chunk := read():
    pass
f(x := 1, y=(z := 2))
print(a := 1) if (b := 2) else (c := 3)
d = {(k := 1): (v := 2)}
s = a[(i := 0)]
s = a[i := 0]
s = a[i := 0, j := 1]
lam = lambda: (x := 1)
x = yield x
x = await y if 0 else 0
