# Pure-Python versions of staticmethod, classmethod and property, used side by side.
class MyStatic:
    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, objtype=None):
        return self.fn


class MyClass:
    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, objtype=None):
        if objtype is None:
            objtype = type(obj)

        def bound(*a, **k):
            return self.fn(objtype, *a, **k)
        return bound


class MyProperty:
    def __init__(self, fget=None, fset=None):
        self.fget, self.fset = fget, fset

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return self.fget(obj)

    def __set__(self, obj, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(obj, value)

    def setter(self, fset):
        return MyProperty(self.fget, fset)


class Thing:
    def __init__(self, v):
        self._v = v

    @MyStatic
    def add(a, b):
        return a + b

    @MyClass
    def make(cls, v):
        return cls(v)

    @MyProperty
    def v(self):
        return self._v

    @v.setter
    def v(self, val):
        self._v = val * 10

    @MyProperty
    def ro(self):
        return "read-only"


class SubThing(Thing):
    pass


t = Thing(1)
print(Thing.add(2, 3), t.add(4, 5), type(Thing.make(7)).__name__, type(SubThing.make(8)).__name__, SubThing.make(9).v)
t.v = 5
print(t.v, t._v)
try:
    t.ro = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Thing.v).__name__, Thing.ro.fget(t))
