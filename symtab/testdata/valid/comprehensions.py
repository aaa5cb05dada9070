# Comprehension variables, inlined (PEP 709) or not, walrus targets, and
# lambdas capturing comprehension variables.
import asyncio

def f(xs, ys):
    squares = [x * x for x in xs]
    pairs = {(x, y) for x in xs for y in ys if x != y}
    table = {k: v for k, v in zip(xs, ys)}
    gen = (x for x in xs if x)
    funcs = [lambda: x for x in xs]
    if any((found := x) > 3 for x in xs):
        return found
    total = [last := y for y in ys]
    nested = [[a + b for a in xs] for b in ys]
    return squares, pairs, table, gen, funcs, total, last, nested

async def g(aiter):
    return [x async for x in aiter], [await x for x in aiter]

module_level = [i for i in range(3)]
[w := 1 for _ in range(2)]
