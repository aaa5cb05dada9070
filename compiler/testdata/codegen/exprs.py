a = b if c else d
a = not b
a = -b + ~c * +d
a = b and c or d and not e
a = b < c <= d == e != f > g >= h
a = b is c is not d
a = b in c not in d
if a < b < c:
    pass
if not (a and (b or c)):
    pass
x = [1, 2, 3]
x = [1, 2]
x = [a, b, *c, d]
x = (a, *b)
x = {1, 2, 3}
x = {a, *b}
x = {}
x = {"a": 1, "b": 2}
x = {a: 1, **b, c: 2}
x = {**a}
x = {1: 2}
x = [v for v in range(10) if v if not v]
x = {k: v for k, v in items()}
x = {s for s in t for u in s}
x = (g for g in gen)
x = [(yield_, w) for yield_ in q for w in [yield_]]
x = list(range(40))
x = [i0, i1, i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, i12, i13, i14, i15, i16, i17, i18, i19, i20, i21, i22, i23, i24, i25, i26, i27, i28, i29, i30, i31]
x = {k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9, k10: 10, k11: 11, k12: 12, k13: 13, k14: 14, k15: 15, k16: 16, k17: 17}
f(a, b, *c, d=1, **e)
f(*a)
f(**a)
f(a, k=1)
f(*a, *b, k=2, **c, j=3)
o.m(1, 2)
o.m(1, k=2)
o.m(*a)
o.a.b.c(1)
o[1:2]
o[1:2:3]
o[::]
o[a, b:c]
lambda: 0
lambda a, b=1, *c, d, e=2, **f: a
lambda *, k=3: k
x = f"plain"
x = f"{a}"
x = f"{a}{b}"
x = f"{a!s}{b!a}{c:>{d}}"
x = "%s %r" % (a, b)
x = y[0]
x = y.z
x = super
x = __debug__
