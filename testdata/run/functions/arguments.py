# Parameters: defaults, *args, **kwargs, keyword-only, positional-only.
def show(*args, **kwargs):
    print("  args =", args, "kwargs =", kwargs)


show()
show(1, 2, x=3)
show(*range(3), **{"a": 1, "b": 2})


def defaults(a, b=[], c={}, d=None):
    b.append(a)
    c[a] = len(b)
    return b, c, d


print(defaults(1), defaults(2), defaults(3, []), defaults.__defaults__)


def kwonly(a, *, key, flag=False):
    return a, key, flag


print(kwonly(1, key="k"), kwonly(a=2, key="k", flag=True), kwonly.__kwdefaults__)


def posonly(a, b, /, c, *, d):
    return a + b + c + d


print(posonly(1, 2, 3, d=4), posonly(1, 2, c=3, d=4))


def mixed(a, b=2, /, c=3, *args, d, e=5, **kw):
    return dict(a=a, b=b, c=c, args=args, d=d, e=e, kw=kw)


print(mixed(1, d=4))
print(mixed(1, 20, 30, 40, 50, d=4, z=9))
print(mixed(1, c=7, d=8, b=9) if False else mixed(1, c=7, d=8, bb=9))


def kw_named_like_pos(a, /, **kw):
    return a, kw


print(kw_named_like_pos(1, a=2))
code = mixed.__code__
print(code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_varnames[:code.co_nlocals])
print(mixed.__name__, mixed.__qualname__, mixed.__defaults__, mixed.__kwdefaults__, mixed.__module__)


def annotated(x: int, y: "str" = "s", *rest: float, z: list[int] = None) -> dict:
    return {}


print(annotated.__annotations__)


def counter(start, /, step=1):
    n = start
    while True:
        yield n
        n += step


c = counter(10, step=5)
print(next(c), next(c), next(c))
