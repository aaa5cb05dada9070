with open("f") as f:
    pass

with a, b:
    pass

with a as x, b as y, c:
    pass

with (a as x, b as y):
    pass

with (a as x, b as y,):
    pass

with (a, b):
    pass

with (
    open("a") as a,
    open("b") as b,
):
    pass

with (a):
    pass

with (a) as b:
    pass

with (yield):
    pass

with a as (x, y), b as [c, d], e as f.g, h as i[0]:
    pass

with a as x: pass


async def f():
    async with a:
        pass
    async with (a as b, c as d):
        pass
