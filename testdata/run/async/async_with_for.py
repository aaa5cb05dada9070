# async with and async for with user classes.
class Tick:
    def __await__(self):
        yield "tick"


class Connection:
    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail

    async def __aenter__(self):
        await Tick()
        print(f"  connect {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await Tick()
        print(f"  disconnect {self.name} ({exc_type.__name__ if exc_type else 'ok'})")
        return self.fail

    async def query(self, q):
        await Tick()
        if q == "bad":
            raise ValueError(f"bad query on {self.name}")
        return f"{self.name}:{q.upper()}"


class Rows:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Tick()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return {"row": self.i}


async def main():
    async with Connection("db1") as c:
        print(await c.query("select"))
    async with Connection("db2", fail=True) as c:
        await c.query("bad")
    print("suppressed by __aexit__")
    try:
        async with Connection("db3") as c:
            await c.query("bad")
    except ValueError as e:
        print("caught:", e)
    async with Connection("a") as a, Connection("b") as b:
        print(await a.query("x"), await b.query("y"))
    rows = []
    async for r in Rows(3):
        rows.append(r)
    print(rows, [r["row"] async for r in Rows(4)])
    return "main done"


def drive(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks


print(drive(main()))


class NotAsyncCM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass


async def wrong():
    async with NotAsyncCM():
        pass


try:
    drive(wrong())
except TypeError as e:
    print(type(e).__name__, e)


async def wrong_for():
    async for x in [1, 2]:
        pass


try:
    drive(wrong_for())
except TypeError as e:
    print(type(e).__name__, e)
