# needs: stdlib
# PEP 695 type parameters (3.12+): generic functions and classes, the type statement.
# (CPython imports typing.py behind the scenes for Box[int] and the Generic base.)
def first[T](items: list[T]) -> T:
    return items[0]


class Box[T]:
    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item

    def map[U](self, f: "Callable[[T], U]") -> "Box[U]":
        return Box(f(self.item))


type IntList = list[int]
type Pair[K, V] = tuple[K, V]
print(first([3, 4]), first("xy"), Box(5).get(), Box(2).map(str).get())
print(first.__type_params__, Box.__type_params__, Box.map.__type_params__)
T = first.__type_params__[0]
print(type(T).__name__, T.__name__, T.__bound__, T.__constraints__, repr(T))
print(IntList, type(IntList).__name__, IntList.__value__, IntList.__name__, IntList.__type_params__)
print(Pair, Pair.__type_params__, Pair[str, int], Pair.__value__)
print(Box[int], Box.__mro__[1:], Box.__parameters__ if hasattr(Box, "__parameters__") else "-")


def bounded[N: (int, float), S: str](n: N, s: S) -> str:
    return s * int(n)


N, S = bounded.__type_params__
print(bounded(3, "ab"), N.__constraints__, S.__bound__)


def variadic[*Ts, **P](*args: *Ts) -> None:
    pass


print(variadic.__type_params__, [type(p).__name__ for p in variadic.__type_params__])
type Recursive = list[Recursive] | int
print(Recursive.__value__)


class Plain:
    pass


print(Plain.__type_params__ if hasattr(Plain, "__type_params__") else "no attribute", first.__annotations__)
