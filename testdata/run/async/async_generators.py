# Async generators driven by hand: asend, athrow, aclose, and async for inside a coroutine.
class Pause:
    def __await__(self):
        yield "pause"


async def agen(n):
    try:
        for i in range(n):
            await Pause()
            got = yield i * 10
            if got is not None:
                print("  agen received", got)
    finally:
        print("  agen cleanup")


def run(coro):
    """Drive a coroutine to completion, answering every suspension with None."""
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps


g = agen(3)
print(type(g).__name__, g.__name__)
print("anext:", run(g.__anext__()))
print("asend:", run(g.asend("hello")))
print("anext:", run(g.__anext__()))
try:
    run(g.__anext__())
except StopAsyncIteration as e:
    print("exhausted:", type(e).__name__)


async def consume():
    out = []
    async for v in agen(4):
        out.append(v)
    return out


print("async for:", run(consume()))


async def comprehension():
    return [v async for v in agen(3) if v != 10]


print("async comprehension:", run(comprehension()))
g2 = agen(5)
run(g2.__anext__())
try:
    run(g2.athrow(ValueError("thrown in")))
except ValueError as e:
    print("athrow propagated:", repr(e))
g3 = agen(5)
run(g3.__anext__())
print("aclose:", run(g3.aclose()))


async def early_break():
    async for v in agen(10):
        if v >= 20:
            break
    return v


print("break:", run(early_break()))
