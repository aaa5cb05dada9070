"""Functions: every parameter kind, defaults, annotations, decorators."""


def plain():
    pass


def positional(a, b, c=1, d=2):
    return a + b + c + d


def posonly(a, b, /, c, d=4, *, e, f=6, **kwargs):
    return a, b, c, d, e, f, kwargs


def posonly_defaults(a=1, b=2, /, c=3):
    return a


def only_posonly(a, /):
    return a


def star_args(*args, key=None, **kw):
    return args, key, kw


def bare_star(a, *, b, c=3):
    return b


def kwonly_no_default(*, x, y=2, z):
    return x, y, z


def annotated(a: int, b: "str" = "x", *args: tuple[int, ...], c: list[int] = [], **kw: dict) -> None:
    pass


def annotated_posonly(a: int = 1, /, b: float = 2.0, *, c: complex = 3j) -> "int | None":
    ...


def star_annotation(*args: *Ts):
    pass


def trailing_comma(
    a,
    b,
    /,
    c,
    *,
    d,
    **e,
):
    return (
        a,
        b,
    )


def gen():
    x = yield
    y = yield 1
    z = yield from range(3)
    yield x, y, z
    return


def gen2():
    yield 1, 2
    yield *a, b
    w = yield *a, b
    return *a, b


async def coroutine(x):
    await x
    y = await x + 1
    return await coroutine(await x)


def outer():
    counter = 0

    def inner():
        nonlocal counter
        counter += 1
        return counter

    global GLOBAL_NAME, OTHER
    return inner


@decorator
def decorated():
    pass


@decorator(arg, key=value)
@other.attr
@a[0].b(c)
def multiply_decorated(x):
    return x


lam0 = lambda: 0
lam1 = lambda x: x
lam2 = lambda x, y=1, /, z=2, *args, k, m=3, **kw: (x, y, z, args, k, m, kw)
lam3 = lambda *, a: a
lam4 = lambda *args, **kwargs: None
lam5 = lambda a, /: a
lam6 = lambda a=1, /, b=2: lambda c: a + b + c
