# sets of small ints: operations, methods and errors (int hashes fix the order).
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {1, 2} <= a, {1, 2} < a, a >= {1}, a.isdisjoint({9}))
print(a.union([8], (9,)), a.intersection(range(3, 10)), a.difference({1}, {2}), a.symmetric_difference([5, 6]))
c = set()
c.add(3)
c.add(3)
c.update([1, 2], {10})
c.discard(99)
c.remove(10)
print(c, len(c), 2 in c, c.pop(), c)
try:
    c.remove(42)
except KeyError as e:
    print(type(e).__name__, e)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
d = {1, 2, 3}
d |= {4}
d &= {1, 2, 4, 8}
d -= {1}
d ^= {8, 9}
print(d)
print(set(range(10, 0, -1)), set("aaa"), {x % 4 for x in range(20)}, {True, 1, 1.0, 0, False})
print(sorted({-5, 3, -1, 100, 7}), list({100, 1, 50, 2}), {2 ** 64, 1, 2 ** 64 + 1}, {-1, -2, -3})
print(frozenset([1, 2]) | {3}, {3} | frozenset([1, 2]), type({3} | frozenset()).__name__, type(frozenset() | {3}).__name__)
fs = frozenset([1, 2, 3])
print(fs, {fs: "key"}[frozenset({3, 2, 1})], hash(fs) == hash(frozenset({1, 2, 3})), fs == {1, 2, 3})
try:
    fs.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
print(set([1, 2]) == frozenset([2, 1]), {1} < {1, 2}, {1, 2} > {1, 2}, min({4, 2, 8}), max(frozenset({4, 2, 8})))
