a + b - c * d / e // f % g @ h ** i
a << b >> c & d ^ e | f
-a + +b - ~c
not a
not not a
a and b or c and not d
a or b or c
a and b and c
(a or b) and c
a < b <= c > d >= e == f != g
a is b is not c in d not in e
a if b else c
a if b else c if d else e
(a if b else c) if d else e
lambda: a if b else c
-a ** -b
a ** b ** c
(-a) ** b
-a ** b
~a ** b
await_ = 1
a * (b + c)
(a + b) * c
a - (b - c)
a - b - c
a / b * c % d // e @ f
a | b & c ^ d
a == b == c
not a == b
not a in b
a + b if c else d - e
x = a or b if c and d else e or f
x = [a for b in c if d or e if f and g]
x = a[b:c, d:e:f, ...]
x = (yield)
x = a.b.c(d).e[f](g)
x = 1 .real
x = 1.0.real
x = 1j.imag
x = 0x1.bit_length()
x = "s".join
x = ... + ...
x = a<b>c
x = a-1
x = a--1
x = a+-+-1
x = a**-1
x = -1**2
