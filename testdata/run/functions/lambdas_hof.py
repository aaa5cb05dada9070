# Lambdas and higher-order functions: map, filter, sorted keys, composition.
nums = [5, 3, 8, 1, 9, 2]
print(list(map(lambda x: x * 2, nums)), list(filter(lambda x: x % 2, nums)), list(map(pow, [2, 3], [3, 2])))
print(list(map(str.upper, ["a", "b"])), list(filter(None, [0, 1, "", "x", None, [], [0]])))


def compose2(*fs):
    def run(x):
        for f in fs:
            x = f(x)
        return x
    return run


inc_then_double = compose2(lambda x: x + 1, lambda x: x * 2)
print(inc_then_double(5), compose2()(7), compose2(str, len)(12345))
adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print({k: f(10) for k, f in adders.items()})
f = lambda: None
print(f.__name__, f.__qualname__, f(), (lambda *a, **k: (a, k))(1, b=2), (lambda x=1, /, *, y=2: x + y)())
m = map(int, "123")
print(next(m), list(m), list(m))
fl = filter(str.isdigit, "a1b2c3")
print("".join(fl))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), max([(1, "b"), (1, "a")], key=lambda t: t[1]))


def apply_n(fn, n, x):
    for _ in range(n):
        x = fn(x)
    return x


print(apply_n(lambda v: v * 3, 5, 1), apply_n(lambda s: s + "!", 3, "hi"))


def curry(fn):
    def c(a):
        def d(b):
            return fn(a, b)
        return d
    return c


print(curry(lambda a, b: a - b)(10)(3))
print(list(map(lambda p: p[0] * p[1], zip(range(5), range(5, 10)))), sum(map(len, ["ab", "cde"])))
print(list(zip(*map(lambda r: (r, r * r), range(4)))))
try:
    list(map(lambda x, y: x, [1]))
except TypeError as e:
    print(type(e).__name__, e)
print(list(map(lambda x, y: x + y, [1, 2, 3], [10, 20])), callable(f), callable(5))
