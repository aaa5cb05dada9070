# The with statement: __enter__/__exit__, exceptions, suppression, nesting.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print(f"enter {self.name}")
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}: {exc_type.__name__ if exc_type else None} {exc!r} tb={tb is not None}")
        return self.suppress


with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise ValueError("suppressed")
print("after b")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with CM("outer") as o, CM("inner") as i:
    print("both", o, i)
with (CM("p1") as p1,
      CM("p2", suppress=True) as p2):
    print("parenthesized", p1, p2)
    1 / 0
print("after p")


def early():
    with CM("ret"):
        return "returned"


print(early())
for k in range(3):
    with CM(f"loop{k}"):
        if k == 1:
            continue
        if k == 2:
            break
        print("loop body", k)


class NoEnter:
    pass


try:
    with NoEnter():
        pass
except TypeError as e:
    print(type(e).__name__, e)


class OnlyEnter:
    def __enter__(self):
        return self


try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(type(e).__name__, e)


class ExitRaises:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise RuntimeError("from exit")


try:
    with ExitRaises():
        raise ValueError("original")
except RuntimeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
