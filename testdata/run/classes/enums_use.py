# needs: stdlib
# enum: Enum, IntEnum, Flag, auto, iteration, lookup and errors.
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1


print(Color.RED, repr(Color.GREEN), Color(2), Color["BLUE"], Color.CRIMSON is Color.RED, list(Color), len(Color))
print(Color.RED.name, Color.RED.value, Color.RED == 1, isinstance(Color.RED, Color), Color.__members__.keys())
try:
    Color(7)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Color["PINK"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print(type(e).__name__, e)


class Prio(IntEnum):
    LOW = auto()
    MID = auto()
    HIGH = auto()


print(Prio.LOW, repr(Prio.HIGH), Prio.MID + 1, sorted([Prio.HIGH, Prio.LOW]), Prio.LOW < Prio.HIGH, int(Prio.MID), f"{Prio.MID}")


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), ~Perm.R, Perm(0), bool(Perm(0)))


class Bits(IntFlag):
    A = 1
    B = 2


print(Bits.A | Bits.B, Bits.A | 4, int(Bits.B), Bits(3))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(type(e).__name__, e)


class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.674e-11 * self.mass / self.radius ** 2


for p in Planet:
    print(p.name, f"{p.gravity:.2f}")


class Shape(Enum):
    SQUARE = "sq"

    def describe(self):
        return f"{self.name.lower()} ({self.value})"


print(Shape.SQUARE.describe(), Shape("sq"), Shape.SQUARE.__class__.__name__)
