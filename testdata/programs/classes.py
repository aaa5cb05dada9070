class Animal:
    kind = "animal"
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    @classmethod
    def create(cls, name):
        return cls(name)

    @staticmethod
    def helper(x):
        return x * 2

    @property
    def upper(self):
        return self.name.upper()


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return super().speak() + " (woof)"


d = Dog.create("rex")
print(d, d.speak(), d.kind, Animal.kind, d.upper, Dog.helper(4), Animal.count)
print(isinstance(d, Animal), issubclass(Dog, Animal), type(d) is Dog, Dog.__mro__)


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)

    def __iter__(self):
        yield self.x
        yield self.y

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)


v = Vec(1, 2) + Vec(3, 4)
print(v, 2 * v, v * 3, list(v), len(v), v[1], v == Vec(4, 6), v != Vec(0, 0))


class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)


class Tagged(metaclass=Meta):
    pass


print(Tagged.tag, type(Tagged).__name__)


class Base:
    def __init_subclass__(cls, **kw):
        cls.extra = kw.get("extra", 0)


class Sub(Base, extra=5):
    pass


print(Sub.extra, Sub.__static_attributes__ if hasattr(Sub, "__static_attributes__") else None)


class Temp:
    def __init__(self):
        self._c = 0

    @property
    def c(self):
        return self._c

    @c.setter
    def c(self, v):
        self._c = max(0, v)


t = Temp()
t.c = -5
t.c += 3
print(t.c, Temp.__static_attributes__, vars(t))
