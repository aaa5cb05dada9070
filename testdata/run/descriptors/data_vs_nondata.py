# Data descriptors beat the instance __dict__; non-data descriptors lose to it.
class Data:
    def __get__(self, obj, objtype=None):
        print(f"  Data.__get__(obj={type(obj).__name__}, type={objtype.__name__})")
        return "from data descriptor"

    def __set__(self, obj, value):
        print(f"  Data.__set__({value!r})")
        obj.__dict__["d"] = value


class NonData:
    def __get__(self, obj, objtype=None):
        print(f"  NonData.__get__(obj={type(obj).__name__})")
        return "from non-data descriptor"


class C:
    d = Data()
    n = NonData()


c = C()
print(c.d, c.n)
c.d = "assigned"
c.n = "instance value"
print(vars(c))
print(c.d, c.n)
print(C.d, C.n)
c.__dict__["d"] = "direct"
print(c.d)
del c.n
print(c.n)


class GetOnlyInClass:
    def __get__(self, obj, objtype=None):
        return "class-level"


class Holder:
    pass


h = Holder()
h.attr = GetOnlyInClass()
print(type(h.attr).__name__)
Holder.attr2 = GetOnlyInClass()
print(h.attr2)


class DelOnly:
    def __delete__(self, obj):
        print("  __delete__ called")


class D:
    x = DelOnly()


dd = D()
del dd.x
try:
    dd.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(type(D.__dict__["x"]).__name__)
