# Return values: None by default, tuples, early return, return in loops and generators.
def nothing():
    pass


def bare():
    return


def multi():
    return 1, "two", [3]


def early(xs):
    for x in xs:
        if x < 0:
            return x
    return None


def find(pred, xs, default=-1):
    for i, x in enumerate(xs):
        if pred(x):
            return i
    return default


print(nothing(), bare(), multi(), type(multi()).__name__)
a, b, c = multi()
print(a, b, c, early([3, 1, -4, -1]), early([1, 2]), find(str.isupper, "abCd"), find(str.isupper, "abc"))


def swap(p):
    return p[1], p[0]


print(swap((1, 2)), swap("xy"))


def many_paths(n):
    if n < 0:
        return "negative"
    try:
        if n == 0:
            return "zero"
        return str(n)
    finally:
        if n == 99:
            print("  ninety-nine")


print([many_paths(n) for n in (-1, 0, 5, 99)])


def returns_function():
    def f():
        return "inner result"
    return f


print(returns_function()(), returns_function().__name__)


def stats(xs):
    n = len(xs)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / n
    return {"n": n, "mean": mean, "var": var, "min": min(xs), "max": max(xs)}


print(stats([2, 4, 4, 4, 5, 5, 7, 9]))
