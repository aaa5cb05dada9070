# Generator functions: lazy evaluation, state, exhaustion and generator attributes.
def countdown(n):
    print("  starting countdown")
    while n > 0:
        print(f"  yielding {n}")
        yield n
        n -= 1
    print("  countdown finished")


g = countdown(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print("first next:", next(g))
print("list of rest:", list(g))
print("exhausted:", list(g), next(g, "default"))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(15)])


def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


print(list(take(5, fib())), list(take(0, fib())), list(take(3, "abcdef")))
import itertools
print(list(itertools.islice(fib(), 20, 25)))


def empty():
    return
    yield


print(list(empty()), type(empty()).__name__)


def gen_state():
    yield 1
    yield 2


gs = gen_state()

print(gs.gi_running, gs.gi_frame is not None, gs.gi_suspended if hasattr(gs, "gi_suspended") else "-")
next(gs)
print(gs.gi_frame.f_lineno - gen_state.__code__.co_firstlineno, gs.gi_suspended)
list(gs)
print(gs.gi_frame, gs.gi_suspended)
squares = (x * x for x in range(5))
print(type(squares).__name__, squares.__name__, sum(squares), sum(squares))
