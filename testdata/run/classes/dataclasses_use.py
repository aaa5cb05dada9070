# needs: stdlib
# dataclasses: generated __init__/__repr__/__eq__, defaults, order, frozen, field(), asdict.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)

    def total(self, qty):
        return self.price * qty


i = Item("pen", 1.5)
print(i, i == Item("pen", 1.5), i.total(4), Item("x"), asdict(i), astuple(i), [f.name for f in fields(Item)])
i.tags.append("office")
print(i, Item("pen", 1.5) == i, replace(i, price=2.0))


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


vs = sorted([Version(1, 2), Version(0, 9, "beta"), Version(1, 0)])
print(vs, Version(1) < Version(1, 1), hash(Version(1, 2)) == hash(Version(1, 2, "x")), Version(1, 2) == Version(1, 2, "x"))
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class BadDefault:
        x: list = []
except ValueError as e:
    print(type(e).__name__, e)


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list, repr=False)

    def __post_init__(self):
        self.value *= 10


n = Node(1, [Node(2)])
print(n, n.children, Node.__dataclass_fields__.keys())


@dataclass(slots=True, kw_only=True)
class Opts:
    verbose: bool = False
    level: int = 1


print(Opts(level=3), hasattr(Opts(), "__dict__"))
try:
    Opts(True)
except TypeError as e:
    print(type(e).__name__, e)
