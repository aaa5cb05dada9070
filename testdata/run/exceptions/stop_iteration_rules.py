# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def leaky():
    yield 1
    raise StopIteration("leaked")


try:
    print(list(leaky()))
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))


def uses_next(it):
    yield next(it)
    yield next(it)


try:
    print(list(uses_next(iter([1]))))
except RuntimeError as e:
    print(type(e).__name__, e)


def returns_value():
    yield 1
    return "the value"


g = returns_value()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
print(list(returns_value()))


def safe_next(it):
    try:
        yield next(it)
    except StopIteration:
        return


print(list(safe_next(iter([]))))


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration("from class is fine")


print(list(It()))
try:
    next(It())
except StopIteration as e:
    print(repr(e))
