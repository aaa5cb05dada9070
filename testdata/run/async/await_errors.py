# What can and cannot be awaited, and coroutine throw()/close().
def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def await_value(v):
    return await v


for bad in [5, "s", None, [1]]:
    co = await_value(bad)
    try:
        drive(co)
    except TypeError as e:
        print(type(e).__name__, e)


class BadAwait:
    def __await__(self):
        return 42


class AwaitReturnsCoro:
    def __await__(self):
        async def inner():
            return 1
        self.made = inner()
        return self.made


for obj in [BadAwait(), AwaitReturnsCoro()]:
    try:
        drive(await_value(obj))
    except TypeError as e:
        print(type(e).__name__, e)
    if hasattr(obj, "made"):
        obj.made.close()


class Good:
    def __await__(self):
        yield "suspend"
        return "good value"


print(drive(await_value(Good())))


class Step:
    def __await__(self):
        return (yield "step")


async def careful():
    try:
        await Step()
        await Step()
    except KeyError as e:
        print("  careful caught", repr(e))
        return "recovered"
    finally:
        print("  careful finally")
    return "normal"


c = careful()
print(c.send(None))
try:
    c.throw(KeyError("injected"))
except StopIteration as e:
    print("after throw:", e.value)
c2 = careful()
c2.send(None)
print("close:", c2.close(), c2.cr_frame)


async def uses_generator_style():
    return 1


co = uses_generator_style()
print(co.cr_await, co.cr_code.co_name)
co.close()
try:
    co.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
