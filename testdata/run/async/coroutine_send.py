# Coroutines driven by hand with send(): no event loop, no asyncio.
class Suspend:
    """An awaitable that suspends once, handing `value` to whoever drives the coroutine."""

    def __init__(self, value):
        self.value = value

    def __await__(self):
        reply = yield self.value
        return reply


async def add(a, b):
    x = await Suspend(("asking for", a))
    y = await Suspend(("asking for", b))
    return x + y


async def main():
    r1 = await add(1, 2)
    r2 = await add(10, 20)
    return r1 * r2


c = main()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_frame is not None)
value = c.send(None)
step = 0
try:
    while True:
        step += 1
        print("step", step, "coroutine yielded", value)
        value = c.send(value[1] * 100)
except StopIteration as e:
    print("result:", e.value)
print(c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)


async def simple():
    return "no awaits"


s = simple()
try:
    s.send(None)
except StopIteration as e:
    print("simple:", e.value)


async def await_twice(co):
    return await co


inner = simple()
outer1 = await_twice(inner)
try:
    outer1.send(None)
except StopIteration as e:
    print("first await:", e.value)
outer2 = await_twice(inner)
try:
    outer2.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    iter(simple_co := simple())
except TypeError as e:
    print(type(e).__name__, e)
simple_co.close()
print(hasattr(simple_co, "__await__"), hasattr(simple_co, "__next__"), hasattr(simple_co, "send"))
