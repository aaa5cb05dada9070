# dir() of the core types: the full attribute lists CPython 3.13 exposes.
def gen():
    yield


async def coro():
    pass


c = coro()
samples = [1, 1.5, 1j, True, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), range(1), slice(1), None,
           object(), type, len, gen, gen(), c, NotImplemented, ..., memoryview(b""), {}.keys(), iter([]), property(),
           staticmethod(len), classmethod(len), super(int, 1), zip(), map(len, []), enumerate([]), reversed([]),
           ValueError(), BaseException, (x for x in [])]
for s in samples:
    names = dir(s)
    print(f"{type(s).__name__} ({len(names)}):", " ".join(names))
c.close()


class User:
    a = 1

    def m(self):
        pass


print(dir(User()))
print([n for n in dir(User) if not n.startswith("__")], len(dir(User)) == len(dir(User())))
