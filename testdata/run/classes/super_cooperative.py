# Cooperative multiple inheritance with super() and **kwargs.
class Base:
    def __init__(self, **kw):
        print("  Base.__init__ leftover", kw)
        super().__init__()

    def describe(self):
        return ["Base"]


class Named(Base):
    def __init__(self, name, **kw):
        print("  Named.__init__", name)
        self.name = name
        super().__init__(**kw)

    def describe(self):
        return ["Named"] + super().describe()


class Aged(Base):
    def __init__(self, age, **kw):
        print("  Aged.__init__", age)
        self.age = age
        super().__init__(**kw)

    def describe(self):
        return ["Aged"] + super().describe()


class Person(Named, Aged):
    def __init__(self, **kw):
        print("  Person.__init__")
        super().__init__(**kw)

    def describe(self):
        return ["Person"] + super().describe()


p = Person(name="Ann", age=30, extra=1)
print(p.name, p.age, p.describe(), [c.__name__ for c in Person.__mro__])
print(super(Named, p).describe(), super(Aged, p).describe(), super(Person, p).describe())


class Root:
    def hello(self):
        return "root"


class Left(Root):
    def hello(self):
        return "left+" + super().hello()


class Right(Root):
    def hello(self):
        return "right+" + super().hello()


class Bottom(Left, Right):
    def hello(self):
        return "bottom+" + super().hello()


print(Bottom().hello(), Left().hello())
b = Bottom()
print(super(Bottom, b).hello(), super(Left, b).hello(), super(Right, b).hello())
print(super(Bottom, Bottom).hello(b), super(Left, Bottom).hello.__qualname__)


class Cls:
    @classmethod
    def make(cls):
        return cls.__name__


class Sub(Cls):
    @classmethod
    def make(cls):
        return "Sub>" + super().make()


print(Sub.make(), Sub().make())
try:
    super(int, "x")
except TypeError as e:
    print(type(e).__name__, e)
sp = super(Left, b)
print(type(sp).__name__, sp.__thisclass__.__name__, sp.__self_class__.__name__)
