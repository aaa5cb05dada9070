def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())


print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, z=0))
print(f(*[1, 2, 3], **{"c": 4, "q": 5}))


def pos_only(a, b, /, c):
    return a + b + c


print(pos_only(1, 2, c=3))


def counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


inc = counter()
inc()
inc(5)
print(inc())


def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return f"<{tag}>{fn(*a, **k)}</{tag}>"
        inner.__name__ = fn.__name__
        return inner
    return wrap


@deco("b")
@deco("i")
def text(s):
    return s.upper()


print(text("hi"), text.__name__)
print((lambda x, y=3: x * y)(4), (lambda *a: len(a))(1, 2, 3))
adders = [lambda x, i=i: x + i for i in range(3)]
print([g(10) for g in adders])
G = 1


def use_global():
    global G
    G += 1
    return G


print(use_global(), use_global(), G)


def rec(n):
    return n if n < 2 else rec(n - 1) + rec(n - 2)


print([rec(i) for i in range(15)])


def kwonly(*, key=None):
    return key


print(kwonly(), kwonly(key="k"), f.__defaults__, f.__kwdefaults__, f.__code__.co_varnames)


def annotated(x: int, y: "str" = "s") -> list:
    return [x, y]


print(annotated.__annotations__, annotated(1))
