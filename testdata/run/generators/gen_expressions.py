# Generator expressions: laziness, scoping of the first iterable, exhaustion.
xs = [1, 2, 3]
g = (x * 10 for x in xs)
xs.append(4)
print(list(g))
xs = [1, 2, 3]
g = (x * 10 for x in xs)
xs = [100]
print(list(g))
calls = []


def src():
    calls.append("src called")
    return range(3)


g = (x for x in src())
print(calls)
g2 = (y for y in range(3) if calls.append(f"cond {y}") is None)
print(calls, list(g2), calls)
try:
    g = (1 / x for x in [1, 0])
    print("created without error")
    print(list(g))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    g = (x for x in 5)
except TypeError as e:
    print("error at creation:", type(e).__name__, e)
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
print(sum(x * x for x in range(10)), any(x > 5 for x in range(10)), all(x < 5 for x in range(3)))
print(sorted((c for c in "generator"), reverse=True), "".join(c.upper() for c in "abc"))
print(max((len(w), w) for w in "a bb ccc".split()), min(x for x in [3, 1, 2]), dict((k, k * 2) for k in "ab"))
it = (x for x in range(3))
print(iter(it) is it, next(it), list(it), list(it))
