async def main():
    await asyncio.sleep(1)
    result = await fetch()
    async for item in aiter_():
        print(item)
    async with lock:
        pass
    async with a as b, c as d:
        pass
    x = [i async for i in agen()]
    y = {i: j async for i, j in agen()}
    z = (await i for i in agen())
    w = [await f() async for f in agen() if await f()]
    return await gather(*[f() for f in fs])


async def agen():
    yield 1
    await x
    yield await x


class A:
    async def method(self):
        async def inner():
            pass
        return await inner()


@decorator
async def decorated():
    pass


async def nested():
    async with a:
        async for b in c:
            async with d as e:
                await e


def not_async():
    await_ = 1
    async_ = 2
    return (x async for x in y)


await x
async_value = [x async for x in y]
