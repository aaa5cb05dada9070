l = [3, 1, 2]
l.append(5)
l.extend([4, 0])
l.insert(1, 9)
print(l, sorted(l), sorted(l, reverse=True), l.pop(), l.pop(0), l)
l.sort(key=lambda v: -v)
print(l, l.index(2), l.count(3), l[::2], l[1:-1], list(reversed(l)))
del l[0]
l[1:3] = [7, 7, 7]
print(l, len(l), 7 in l, l * 2, l + [1])
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.values()), list(d.items()), d.get("z", 0), d.pop("a"), d)
d.update(x=9)
print(d, {**d, "y": 0}, dict(zip("ab", [1, 2])), dict.fromkeys("xy", 0), d | {"q": 1})
s = {3, 1, 2}
s.add(5)
s.discard(1)
print(sorted(s), s & {2, 3}, sorted(s | {9}), sorted(s - {2}), sorted(s ^ {3, 4}), {1, 2} <= {1, 2, 3})
print(set("hello") == set("olleh"), frozenset([1, 2]) == {2, 1}, len({1, 1, 2}))
t = (1, 2, 3)
a, b, c = t
x, *y = t
*p, q = t
print(a, b, c, x, y, p, q, t + (4,), t[1:], t.index(3), (1,) * 3, tuple("ab"))
nested = [[1, 2], [3, 4]]
print([v for row in nested for v in row], {k: v for k, v in zip("ab", "xy")}, {v % 3 for v in range(10)})
print(list(map(str, range(3))), list(filter(None, [0, 1, "", "a"])), list(enumerate("ab", 1)))
print(any([0, 0, 1]), all([1, 2, 0]), list(zip([1, 2, 3], "ab")), list(range(10, 0, -3)))
print(sorted(["banana", "Apple", "cherry"], key=str.lower), max(["aa", "b"], key=len))
m = [[0] * 3 for _ in range(2)]
m[0][1] = 5
print(m, [row[:] for row in m] == m, [r is m[0] for r in m])
