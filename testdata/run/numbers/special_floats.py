# NaN and infinities: identity vs equality in containers, comparisons, arithmetic, conversions.
import math

nan = float("nan")
inf = float("inf")
print(nan, -nan, inf, -inf, repr(nan), str(-inf), nan != nan, nan == nan, inf == inf, -inf < inf)
print(nan is nan, float("nan") is nan, nan < 1, nan > 1, nan <= nan, nan >= nan, nan == 1, nan != 1)

# Containers compare by identity first, then ==.
same = [nan, nan]
print(nan in same, float("nan") in same, same.count(nan), same.index(nan), [nan] == [nan], [nan] == [float("nan")])
print((nan,) == (nan,), (nan, 1) < (nan, 2), [nan, 1] == [nan, 1], {nan: 1} == {nan: 1}, {nan} == {nan})
d = {nan: "a"}
d[nan] = "b"
d[float("nan")] = "c"
print(len(d), sorted(d.values()), d[nan], d.get(float("nan"), "missing"))
s = {nan, nan, float("nan"), float("nan")}
print(len(s), nan in s, float("nan") in s)
lst = [1.0, nan, 2.0]
lst.remove(nan)
print(lst)
try:
    [nan].remove(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    [float("nan")].index(nan)
except ValueError as e:
    print(type(e).__name__, e)

# Every computation makes a new NaN object; copies keep the object.
a = nan
b = nan + 0
c = nan * 1
print(a in [nan], b in [nan], c in [c], b in [b, c], -nan in [nan], abs(nan) in [nan], +nan in [nan])
print(nan.real in [nan], nan.conjugate() in [nan], nan.__float__() in [nan], nan.imag, (nan + 0j).real in [nan])
print(float(nan) in [nan], math.nan in [math.nan], math.nan in [float("nan")], inf - inf in [inf - inf])
x = inf - inf
y = x
print(x != y, x in [y], (x, y).count(x), [x, y].index(y))
pairs = [(nan, "n"), (1.0, "one")]
print(dict(pairs)[nan], dict(pairs).get(float("nan")))
print(max([nan, 1.0, 2.0]), max([1.0, nan, 2.0]), min([nan, 1.0]), min([1.0, nan]), sorted([3.0, nan, 1.0, 2.0]))
print(sorted([inf, -inf, 0.0, -0.0, 1e308, -1e308]), max(-0.0, 0.0), max(0.0, -0.0), min(0.0, -0.0))

# Arithmetic with infinities.
print(inf + 1, inf - inf, inf * 0, inf * -1, -inf * -inf, inf / 1e308, 1 / inf, -1 / inf, 0.0 * -1)
print(inf // 1, -inf // 1, 5 % inf, -5 % inf, 5 // inf, -5 // inf, divmod(5.0, inf), divmod(-5.0, inf))
for expr in ["inf % 1", "1 % 0.0", "divmod(inf, 1)", "inf ** 2", "(-inf) ** 3", "inf ** -1", "2 ** inf", "0.5 ** inf", "(-1) ** inf", "nan ** 0", "1 ** nan", "nan ** 1", "0.0 ** -1", "(-8.0) ** (1/3)"]:
    try:
        print(expr, "=", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)

# Conversions and rounding.
for f in [nan, inf, -inf]:
    for conv in [int, round, math.floor, math.ceil, math.trunc, lambda v: v.as_integer_ratio(), lambda v: round(v, 2), lambda v: v.is_integer(), float.hex]:
        try:
            print(conv(f), end=" ")
        except (ValueError, OverflowError) as e:
            print(type(e).__name__ + ":" + str(e), end=" | ")
    print()
print(float("-nan"), float("+inf"), float(" Infinity "), float("-iNF"), float("nAn"), math.copysign(1, float("-nan")), math.copysign(1, -inf))
print(format(nan, "f"), format(inf, "e"), format(-inf, "g"), format(nan, "+.3f"), format(inf, ">8"), format(-inf, "08.2f"), f"{nan:%}", f"{inf:,.2f}")
print("%f %e %g %r %s" % (nan, inf, -inf, nan, inf), "{:10.3}|{:<6}|{:^7}".format(inf, nan, -inf))
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1e308 * 10), math.isclose(inf, inf), math.isclose(nan, nan), math.isclose(1e308, inf))
print(math.fsum([inf, 1.0]), math.fsum([-inf, -1.0]), math.hypot(inf, nan), math.atan2(inf, inf), math.exp(-inf), math.sqrt(inf))
for fn in [math.sqrt, math.log, math.exp, math.sin, math.fsum]:
    for arg in [-inf, nan, [inf, -inf]]:
        try:
            print(fn.__name__, fn(arg), end="; ")
        except (ValueError, OverflowError, TypeError) as e:
            print(fn.__name__, type(e).__name__, e, end="; ")
    print()
print(hash(inf), hash(-inf), hash(nan) == hash(nan), hash(1e308) == hash(int(1e308)), hash(0.0) == hash(-0.0) == hash(0))
print(1e308 * 10, -1e308 * 10, 1e-320, 5e-324 / 2, 2.0 ** 1023 * 2, sum([inf, -inf]), sum([1e308, 1e308]))
try:
    2.0 ** 1024
except OverflowError as e:
    print(type(e).__name__, e)
try:
    math.exp(1000)
except OverflowError as e:
    print(type(e).__name__, e)
