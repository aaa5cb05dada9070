# Exceptions through await chains, with tracebacks of coroutine frames and finally blocks.
class Yield:
    def __await__(self):
        yield


async def level3(x):
    await Yield()
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x * 2


async def level2(x):
    try:
        return await level3(x)
    finally:
        print(f"  level2 finally for {x}")


async def level1(xs):
    out = []
    for x in xs:
        try:
            out.append(await level2(x))
        except ValueError as e:
            out.append(f"error({e})")
            tb = e.__traceback__
            names = []
            while tb:
                names.append(tb.tb_frame.f_code.co_name)
                tb = tb.tb_next
            print("  traceback frames:", names)
    return out


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


print(run(level1([1, -2, 3])))


async def group():
    errors = []
    for x in [-1, 2, -3]:
        try:
            await level3(x)
        except ValueError as e:
            errors.append(e)
    raise ExceptionGroup("async failures", errors)


try:
    run(group())
except* ValueError as eg:
    print("except*:", [str(e) for e in eg.exceptions])


async def raise_stop():
    await Yield()
    raise StopIteration("inside coroutine")


try:
    run(raise_stop())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
