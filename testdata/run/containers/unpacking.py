# Iterable unpacking: starred targets, nested targets and the error messages.
a, b, c = [1, 2, 3]
print(a, b, c)
first, *rest = "hello"
print(first, rest)
*init, last = range(5)
print(init, last)
h, *mid, t = (1, 2)
print(h, mid, t)
(p, q), [r, *s] = "ab", (1, 2, 3)
print(p, q, r, s)
for i, (x, y) in enumerate({"k1": "v1", "k2": "v2"}.items()):
    print(i, x, y)
print(*[1, 2], *"ab", *range(2), sep="|")
print([*range(3), *"xy"], (*"ab",), {*"aab"} == {"a", "b"}, {**{"a": 1}, **dict(b=2)})
x = y = z = 0
x, y = y, x = 1, 2
print(x, y, z)
data = [(1, "a", True), (2, "b", False)]
for num, *others in data:
    print(num, others)
cases = ["a, b = [1]", "a, b = [1, 2, 3]", "a, b = 5", "a, *b, c = [1]", "a, b = 'xyz'", "(a, b), c = [1, 2], 3",
         "a, b = {}", "a, b = iter([1])"]
for src in cases:
    try:
        exec(src)
        print(src, "ok")
    except (ValueError, TypeError) as e:
        print(src, "->", type(e).__name__, e)
m, n = {"x": 1, "y": 2}
print(m, n)
(a), b = 1, 2
[c] = [3]
print(a, b, c)
d = {}
d["k"], d["j"] = 1, 2
lst = [0, 0, 0]
i = 0
i, lst[i] = 2, 9
print(d, lst, i)


def f(*args, **kwargs):
    return args, kwargs


print(f(*[1, 2], 3, *(4,), k=1, **{"m": 2}), f(**{"a": 1}), f())
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)
