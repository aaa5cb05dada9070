# yield from: delegation, return values, send/throw forwarding, flattening.
def inner():
    x = yield "inner-1"
    print("  inner received", x)
    y = yield "inner-2"
    print("  inner received", y)
    return f"inner result ({x}, {y})"


def outer():
    print("  outer start")
    result = yield from inner()
    print("  outer got", result)
    yield "outer-done"
    return "outer result"


g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("final:", e.value)


def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x


print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))


def chain(*its):
    for it in its:
        yield from it


print(list(chain("ab", range(3), (x * 10 for x in range(2)), {"k": 1})))


def catcher():
    while True:
        try:
            yield "waiting"
        except KeyError as e:
            print("  catcher handled", repr(e))


def delegator():
    yield from catcher()


d = delegator()
next(d)
print(d.throw(KeyError("forwarded")))
d.close()


class Iterable:
    def __iter__(self):
        return iter([7, 8])


def from_iterable():
    r = yield from Iterable()
    return r


print(list(from_iterable()))


def recursive_range(n):
    if n > 0:
        yield from recursive_range(n - 1)
        yield n


print(list(recursive_range(10)))
