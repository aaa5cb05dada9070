# object() and type(): the roots of the object model.
o = object()
print(type(o).__name__, type(o) is object, isinstance(o, object), o == o, o != object())
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(object.__name__, object.__bases__, object.__mro__, type.__bases__, type(type) is type)
print(sorted(n for n in dir(object) if n.startswith("__"))[:10])
print(isinstance(int, type), isinstance(type, type), issubclass(type, object), issubclass(object, type))
print(type(1), type("s"), type([]), type({}), type(()), type(set()), type(None), type(...), type(NotImplemented))
print(type(print), type(len), type(lambda: 0), type(type), type(object), type(range(1)), type(slice(1)))
print(int.__name__, int.__qualname__, int.__module__, list.__doc__.splitlines()[0])
print(object.__doc__, type.__doc__.splitlines()[0])
print(callable(object), callable(o), object.__init__ is object().__init__.__func__ if hasattr(object().__init__, "__func__") else "no __func__")
print(o.__class__ is object, o.__class__.__class__ is type, object.__class__, (5).__class__.__name__)
print(o.__eq__(o), o.__eq__(1), o.__ne__(1), o.__hash__() == hash(o), o.__str__() == o.__repr__())
print(object.__new__(object).__class__.__name__, type.__call__(int, "5"), type.__new__(type, "N", (), {}).__name__)
print(type("X", (), {}).__mro__[-1] is object, bool.__base__, int.__base__, object.__base__)
print(object.__subclasshook__(int), object.__init_subclass__())
print(issubclass(type(object.__init__), object), format(object(), "") == str(o) or "differ")
