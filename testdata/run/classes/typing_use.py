# needs: stdlib
# typing at run time: NamedTuple, TypedDict, Protocol, generics, get_type_hints, cast.
from typing import NamedTuple, TypedDict, Protocol, runtime_checkable, Optional, Union, Generic, TypeVar, cast, get_type_hints, Any


class Point(NamedTuple):
    x: int
    y: int = 0

    def dist(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5


p = Point(3, 4)
print(p, p.dist(), Point(1), p._fields, p._field_defaults, Point.__annotations__, isinstance(p, tuple))


class Movie(TypedDict, total=False):
    title: str
    year: int


m: Movie = {"title": "Blade Runner", "year": 1982}
print(m, type(m).__name__, Movie.__required_keys__, sorted(Movie.__optional_keys__))


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class File:
    def close(self):
        pass


print(isinstance(File(), Closable), isinstance(5, Closable))
T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), Stack[int], Stack.__parameters__, T)
print(Optional[int], Union[int, str], Union[int, None] == Optional[int], int | None, list[Any])
print(cast(int, "not really"), get_type_hints(Point.dist), get_type_hints(Point))


def f(a: "int", b: Optional[str] = None) -> list[int]:
    return [a]


print(get_type_hints(f))
