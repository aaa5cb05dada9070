# Code objects whose prefix prepare_localsplus writes: free variables,
# cells (parameters among them), generators, coroutines.
def outer(a, b, *args, c, **kw):
    d = 1
    def inner(e):
        nonlocal d
        d = e + a + c
        return b, kw, args
    def gen():
        yield a
        yield from inner(d)
    async def coro():
        await gen()
        async for x in gen():
            yield x + d
    return inner, gen, coro


def cells_only(x, y):
    return lambda: x + y


def generator_with_cell(n):
    total = 0
    def add(k):
        nonlocal total
        total += k
    for i in range(n):
        add(i)
        yield total


class C:
    def method(self):
        return super().method(), __class__

    def closure(self, v):
        return [lambda: v + w for w in range(3)]


def generic[T](x: T) -> T:
    def inner() -> T:
        return x
    return inner
