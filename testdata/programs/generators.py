def gen(n):
    for i in range(n):
        x = yield i * i
        if x:
            print("got", x)
    return "done"


g = gen(4)
print(next(g), g.send("hello"), next(g))
try:
    next(g)
    next(g)
except StopIteration as e:
    print("stop", e.value)


def delegate():
    result = yield from gen(2)
    print("result", result)
    yield "end"


print(list(delegate()))
print(sum(x * x for x in range(10)), list(zip(gen(3), "abc")))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(15)])


def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closed")


c = closer()
print(next(c))
c.close()


def thrower():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)


t = thrower()
next(t)
t.throw(ValueError("boom"))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "default"))


async def agen():
    yield 1
    yield 2


async def coro():
    out = []
    async for v in agen():
        out.append(v)
    return out


co = coro()
try:
    co.send(None)
except StopIteration as e:
    print("coro", e.value)
