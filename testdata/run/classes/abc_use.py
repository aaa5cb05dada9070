# needs: stdlib
# abc: abstract base classes, abstractmethod, register and isinstance checks.
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__}: area={self.area():.2f} perimeter={self.perimeter():.2f}"


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Half(Shape):
    def area(self):
        return 0


try:
    Shape()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Half()
except TypeError as e:
    print(type(e).__name__, e)
print(Rect(3, 4).describe(), sorted(Shape.__abstractmethods__), Rect.__abstractmethods__)


class Drawable(ABC):
    @abstractmethod
    def draw(self):
        ...


class Legacy:
    def draw(self):
        return "legacy draw"


Drawable.register(Legacy)
print(isinstance(Legacy(), Drawable), issubclass(Legacy, Drawable), Legacy.__mro__)


class HasLen(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is HasLen:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented


print(isinstance([], HasLen), isinstance(5, HasLen), issubclass(dict, HasLen), issubclass(str, HasLen))
