# property: getters, setters, deleters, validation, read-only and computed attributes.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @property
    def celsius(self):
        print("  get celsius")
        return self._c

    @celsius.setter
    def celsius(self, value):
        print("  set celsius", value)
        if value < -273.15:
            raise ValueError(f"below absolute zero: {value}")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("  delete celsius")
        del self._c

    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit, vars(t))
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Temperature.celsius).__name__, Temperature.celsius.fget.__name__, Temperature.fahrenheit.fset)


class Old:
    def get_x(self):
        return self._x

    def set_x(self, v):
        self._x = v * 2

    x = property(get_x, set_x, None, "the x doc")


o = Old()
o.x = 5
print(o.x, Old.x.__doc__)


class Lazy:
    @property
    def value(self):
        if "_value" not in self.__dict__:
            print("  computing")
            self._value = 42
        return self._value


lz = Lazy()
print(lz.value, lz.value)


class Child(Temperature):
    @property
    def celsius(self):
        return "overridden"


print(Child.__mro__[1].__name__, Child.celsius.fset)
try:
    Child(5)
except AttributeError as e:
    print(type(e).__name__, e)
p = property()
try:
    p.__get__(o, Old)
except AttributeError as e:
    print(type(e).__name__, e)
