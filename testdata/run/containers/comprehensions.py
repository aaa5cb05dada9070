# List, dict, set and generator comprehensions, nesting and scoping.
print([x * x for x in range(10)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)], [[y for y in range(x)] for x in range(4)])
print({x: x ** 3 for x in range(5)}, {c for c in "mississippi"} == set("misp"), sorted({c for c in "hello"}))
print(sum(x for x in range(101)), max((len(w), w) for w in "a bb ccc dd".split()), list(x for x in "ab"))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == 1], [[r[i] for r in matrix] for i in range(3)])
print([v for row in matrix for v in row], [x if x % 2 else -x for x in range(6)])
x = "outer"
print([x for x in range(3)], x)
y = 10
print([y + i for i in range(3)], {i: y for i in range(2)})
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
print([(yield_ := n) for n in range(2)], yield_ if False else "skip")
print([last := n * 2 for n in range(4)], last)


class K:
    base = 10
    vals = [base + 1 for _ in range(2)] if False else None
    try:
        vals = [base + i for i in range(3)]
    except NameError as e:
        err = str(e)


print(K.vals if hasattr(K, "vals") else None, getattr(K, "err", "no error"))
g = (n * n for n in range(4))
print(next(g), next(g), list(g), list(g))
try:
    print([1 / n for n in [1, 0]])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print([c for c in "héllo" if not c.isascii()], [w[::-1] for w in "ab cd".split()], {k: v for k, v in zip("ab", "xy")})
print([[i * j for j in range(1, 4)] for i in range(1, 4)], [i for i in range(3) for i in "ab"])
