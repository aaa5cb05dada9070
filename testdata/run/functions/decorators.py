# Decorators: plain, with arguments, stacked, class-based, on methods.
def trace(fn):
    def wrapper(*args, **kwargs):
        print(f"  call {fn.__name__}{args}{kwargs if kwargs else ''}")
        result = fn(*args, **kwargs)
        print(f"  {fn.__name__} -> {result!r}")
        return result
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


@trace
def add(a, b=0):
    """Adds."""
    return a + b


print(add(1, 2), add(5, b=7), add.__name__, add.__doc__)


def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco


@repeat(3)
def hello(name):
    return f"hi {name}"


print(hello("bob"))


def tag(name):
    def deco(fn):
        def wrapper():
            return f"<{name}>{fn()}</{name}>"
        return wrapper
    return deco


@tag("b")
@tag("i")
def text():
    return "styled"


print(text())


class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)


@CountCalls
def square(x):
    return x * x


print(square(3), square(4), square.calls, type(square).__name__)
registry = {}


def register(fn):
    registry[fn.__name__] = fn
    return fn


@register
def alpha():
    return "a"


@register
def beta():
    return "b"


print(sorted(registry), registry["beta"]())


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper


@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)


print(slow_fib(80), len(slow_fib.cache))
order = []


def d1(f):
    order.append("d1")
    return f


def d2(f):
    order.append("d2")
    return f


@d1
@d2
def both():
    pass


print(order)


class Service:
    def __repr__(self):
        return "Service()"

    @trace
    def run(self, x):
        return x * 10


print(Service().run(4))
print((lambda f: f)(lambda: "decorated lambda")())


@(lambda f: lambda: f().upper())
def shout():
    return "quiet"


print(shout())
