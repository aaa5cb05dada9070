# type() with three arguments, __dict__, dir(), isinstance/issubclass with tuples and unions.
Dyn = type("Dyn", (object,), {"x": 1, "double": lambda self: self.x * 2})
d = Dyn()
print(Dyn.__name__, Dyn.x, d.double(), type(d) is Dyn, Dyn.__bases__, Dyn.__module__)
Sub = type("Sub", (Dyn,), {"x": 21})
print(Sub().double(), Sub.__mro__)
print(type(Dyn.__dict__).__name__, "double" in Dyn.__dict__, sorted(k for k in Sub.__dict__))
try:
    Dyn.__dict__["y"] = 1
except TypeError as e:
    print(type(e).__name__, e)


class Shown:
    a = 1

    def m(self):
        pass


names = [n for n in dir(Shown) if not n.startswith("__")]
print(names, "__init__" in dir(Shown), len(dir(Shown)) > 20, dir(Shown) == sorted(dir(Shown)))
print(isinstance(1, (str, int)), isinstance(1, int | str), isinstance(None, type(None) | int), issubclass(bool, (str, int)))
print(int | str, type(int | str).__name__, (int | None) == (None | int), list[int] | None)
try:
    isinstance(1, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
print(type(type), type(object), isinstance(type, object), isinstance(object, type), type.__mro__, object.__bases__)
print(callable(Shown), callable(Shown()), Shown.m.__qualname__, Shown.__init__ is object.__init__)
print(getattr(Shown, "__name__"), Shown.__qualname__, Shown.__doc__, Shown.__dict__["a"])
print(vars(Shown)["a"], [k for k in vars(Shown) if not k.startswith("__")])
print(type(len).__name__, type([].append).__name__, type(Shown.m).__name__, type(Shown().m).__name__, type(int.__add__).__name__,
      type((1).__add__).__name__, type(str.join).__name__, type(dict.fromkeys).__name__)
