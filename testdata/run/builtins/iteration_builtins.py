# enumerate, zip, map, filter, reversed, iter, next, aiter/anext and all/any.
print(list(enumerate("abc")), list(enumerate("abc", start=10)), list(enumerate([], 5)))
print(list(zip()), list(zip("ab")), list(zip("abc", [1, 2])), list(zip(*[[1, 2, 3], "xyz"])))
try:
    list(zip("ab", "abc", strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip("abc", "ab", "abc", strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b, c: a + b + c, [1, 2], [10, 20], [100, 200, 300])))
print(list(filter(None, [0, 1, [], [2], "", "s"])), list(filter(lambda x: x > 1, (1, 2, 3))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))),
      list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.values())))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
data = iter(["a", "b", "STOP", "c"])
print(list(iter(lambda: next(data), "STOP")), list(data))
print(all([]), any([]), all([1, "x", [0]]), any([0, "", None]), all(x > 0 for x in [1, 2, -1]), any(x > 1 for x in [0, 1, 2]))
calls = []


def check(x):
    calls.append(x)
    return x > 2


print(any(check(x) for x in range(10)), calls)
calls.clear()
print(all(not check(x) for x in range(10)), calls)
e = enumerate("xy")
print(type(e).__name__, next(e), list(e), type(zip()).__name__, type(map(str, [])).__name__, type(reversed([])).__name__)


class AIter:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n


async def use_anext():
    ai = aiter(AIter())
    a = await anext(ai)
    b = await anext(ai)
    c = await anext(ai, "exhausted")
    return a, b, c


co = use_anext()
try:
    co.send(None)
except StopIteration as stop:
    print("aiter/anext:", stop.value)
