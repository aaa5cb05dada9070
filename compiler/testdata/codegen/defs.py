import functools
def plain(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    "doc"
    return a
@functools.cache
@other(1)
def deco(x: int, *y: str, **z: float) -> None:
    pass
async def coro():
    pass
def gen():
    yield 1
class A:
    pass
class B(A, metaclass=M, flag=True):
    "class doc"
    x: int = 1
    def m(self):
        return super().m()
@dec
class C[T, *Ts, **P](B):
    pass
def generic[T: int, U: (str, bytes) = str](a: T = 0, *, b: U = "") -> T:
    return a
type Alias = list[int]
type GAlias[K, V = int] = dict[K, V]
class D:
    def __init__(self):
        self.a = 1
        self.b, self.c = 2, 3
    def other(self):
        self.d: int = 4
        self.e += 1
class __Private:
    __x = 1
    def __m(self, __a):
        return self.__x + __a
def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
        return v
    return inner
