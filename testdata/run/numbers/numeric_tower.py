# Result types of mixed arithmetic and the reflected operators of numbers.
vals = [True, 3, 2.5, 1 + 1j]
for a in vals:
    for b in vals:
        r = a + b
        q = a * b
        print(f"{a!r:>8} {b!r:>8} + -> {r!r:<12} {type(r).__name__:<8} * -> {q!r:<14} {type(q).__name__}")
print(type(3 / 1).__name__, type(3 // 1).__name__, type(3.0 // 1).__name__, type(True / True).__name__)
print((3).__radd__(2.0), (2.0).__radd__(3), (2.0).__rsub__(3), (2.0).__rtruediv__(1), (3).__rpow__(2))
print((1).__truediv__(0.5), (1.5).__floordiv__(True), (1.5).__mod__(1j))
for op in ("+", "-", "*", "/", "//", "%", "**", "<"):
    for a, b in [(1, "a"), ("a", 1.0), ([1], 2.0), (None, None), (1j, {})]:
        try:
            r = eval(f"a {op} b")
            print(repr(a), op, repr(b), "->", repr(r))
        except TypeError as e:
            print(repr(a), op, repr(b), "->", type(e).__name__, e)
