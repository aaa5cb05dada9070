# type: ignore
import os  # type: ignore
import sys  # type: ignore[import]
from x import y  # type: ignore[attr-defined, misc]  # trailing comment
x = []  # type: List[int]
a, b = 1, 2  # type: int, int
c = d = None  # type: Optional[str]
for i in range(3):  # type: int
    pass
else:
    pass
async def g():
    async for j in x:  # type: int
        pass
    async with m as n:  # type: Lock
        pass
with open("f") as f:  # type: IO[str]
    pass
with a, b:  # type: ignore
    pass


def f(a, b):
    # type: (int, str) -> bool
    return True


def g(a,  # type: int
      b,  # type: str
      *args,  # type: Any
      c=1,  # type: float
      **kwargs  # type: dict
      ):
    # type: (...) -> None
    pass


def h(a, b):  # type: (int, int) -> int
    return a + b


async def k(x):  # type: (int) -> None
    pass


def posonly(a,  # type: int
            /,
            b,  # type: int
            ):
    pass


def last_arg(a, b  # type: int
             ):
    pass


def lam():  # type: () -> None
    pass


x = 1  # type:int
y = 2  #type: str
z = 3  # type: ignore
w = 4  # type: ignore  
v = 5  # not a type comment: int
u = 6  # type:ignore[abc]
t = 7  # type: ignored
s = 8  # type: ignore-this
r = 9  # type: ignore ignore
