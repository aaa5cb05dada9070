#! all
# LEGB in all its forms: every name is checked against CPython.
import os
import os.path as osp
from collections import OrderedDict as OD, deque

counter = 0


def bump():
    global counter
    counter += 1
    return counter


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


def shadow(len):
    return len + 1


def deep(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle


class Config:
    debug = False
    names = [n for n in ("a", "b") if n]
    flags = {k: debug for k in names}
#               ^diag=NameError

    def show(self):
        return self.debug, __class__

    @staticmethod
    def build(*args, **kwargs):
        return Config(), args, kwargs


def comprehensions(xs):
    ys = [x * 2 for x in xs if x]
    zs = {x: [y for y in ys] for x in xs}
    gen = (x + counter for x in xs)
    total = sum(x for x in gen)
    fns = [lambda: x for x in xs]
    return ys, zs, total, fns


def walrus(data):
    if (n := len(data)) > 3:
        return n
    return [m for d in data if (m := d)]


def exceptions(path):
    try:
        fh = open(path)
    except OSError as err:
        return err
    else:
        with fh as f:
            data = f.read()
    finally:
        del path
    return data  # unbound if fh.__exit__ swallows an exception of f.read()
#          ^diag=possibly-unbound


def matching(value):
    match value:
        case [first, *rest]:
            return first, rest
        case {"k": v, **others}:
            return v, others
        case int() as number:
            return number
    return None


def unpack(pairs):
    a, b = pairs[0]
    for x, y in pairs:
        a, b = b + x, a + y
    return a, b


def generic[T](items: list[T]) -> T:
    return items[0]


class Box[T]:
    def get(self) -> T:
        return self.item


type Alias[K] = dict[K, int]


@staticmethod
def decorated(q=os.sep, *, r=osp, s=OD):
    return q, r, s, deque


async def coro(it):
    async for v in it:
        await v
    async with it as w:
        return w


def __private_looking():
    pass


class Mangle:
    __secret = 1

    def reveal(self):
        return self.__secret, Mangle.__secret
