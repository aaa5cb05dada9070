# The iteration protocol: __iter__/__next__, __getitem__ fallback, iter(callable, sentinel).
class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(3)), 2 in Countdown(3))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
try:
    next(c)
except StopIteration as e:
    print(type(e).__name__, repr(e), e.value)


class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i


print(list(Squares()), 9 in Squares(), 10 in Squares(), list(reversed([*Squares()])))
it = iter(Squares())
print(type(it).__name__, next(it), next(it))
vals = iter([1, 2, 3, 0, 4])
print(list(iter(lambda: next(vals), 0)))


class Pairs:
    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        for i in range(0, len(self.items) - 1, 2):
            yield self.items[i], self.items[i + 1]

    def __len__(self):
        return len(self.items) // 2


p = Pairs(1, "a", 2, "b", 3)
print(list(p), dict(p), len(p), list(enumerate(p)))
for bad in [5, None, Countdown]:
    try:
        iter(bad)
    except TypeError as e:
        print(type(e).__name__, e)


class BadIter:
    def __iter__(self):
        return 42


try:
    for x in BadIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
it = iter([1, 2, 3])
for x in it:
    print("first loop", x)
    break
for x in it:
    print("second loop", x)
print(list(it), iter(it) is it)
