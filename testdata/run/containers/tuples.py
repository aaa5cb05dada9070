# Tuples: packing, unpacking, immutability, methods, comparisons and hashing.
t = (1, "two", 3.0, [4])
print(t, len(t), t[1], t[-1], t[1:3], t.count(1), t.index("two"), t + (5,), t * 2, (1,) * 3)
t[3].append(5)
print(t)
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.append(1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    hash(t)
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1, 2).index(3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    (1,) + [2]
except TypeError as e:
    print(type(e).__name__, e)
x = 1, 2, 3
y = (x)
z = (x,)
print(x, y, z, (), (1,), tuple(), tuple("abc"), tuple([1, 2]), tuple(range(3)), tuple({3: 4}))
a, b = 1, 2
a, b = b, a
print(a, b)
print((1, 2) < (1, 2, 3), (2,) > (1, 9), (1, "a") == (1, "a"), (1, 2) != (2, 1), max((1, 2), (1, 3)))
print(sorted([(2, "b"), (1, "z"), (2, "a")]), tuple(sorted((3, 1, 2))), sum((1, 2, 3)))
coords = [(0, 0), (3, 4), (-1, 1)]
for i, (px, py) in enumerate(coords):
    print(i, px, py, (px ** 2 + py ** 2) ** 0.5)
print(divmod(17, 5), tuple(divmod(17, 5)), type(divmod(17, 5)).__name__)
print({(1, 2): "pt"}[(1, 2)], (1, 2) in {(1, 2)}, (1, (2, 3)) == (1, (2, 3)))
print(tuple(x * 2 for x in range(4)), tuple(zip("ab", (1, 2))), tuple(enumerate("xy")))
