# __getattr__, __getattribute__, __setattr__, __delattr__ and __dir__.
class Record:
    def __init__(self, **fields):
        object.__setattr__(self, "_fields", dict(fields))
        object.__setattr__(self, "log", [])

    def __getattr__(self, name):
        self.log.append(f"getattr {name}")
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__!r} has no field {name!r}") from None

    def __setattr__(self, name, value):
        self.log.append(f"setattr {name}")
        self._fields[name] = value

    def __delattr__(self, name):
        self.log.append(f"delattr {name}")
        del self._fields[name]

    def __dir__(self):
        return sorted(self._fields) + ["log"]


r = Record(a=1, b=2)
r.c = 3
print(r.a, r.c, getattr(r, "b"), getattr(r, "zz", "default"), hasattr(r, "zz"))
del r.a
try:
    r.a
except AttributeError as e:
    print(type(e).__name__, e)
print(dir(r), r.log)


class Spy:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        if not name.startswith("__"):
            print(f"  __getattribute__({name!r})")
        return super().__getattribute__(name)

    def __getattr__(self, name):
        print(f"  __getattr__({name!r}) fallback")
        return f"<{name}>"

    def method(self):
        return self.x


s = Spy()
print(s.x, s.method(), s.missing)


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if callable(attr):
            def wrapped(*a, **k):
                print(f"  -> {name}{a}")
                return attr(*a, **k)
            return wrapped
        return attr


lst = Proxy([3, 1, 2])
lst.append(0)
lst.sort()
print(lst._target, lst.count(1))
try:
    len(lst)
except TypeError as e:
    print(type(e).__name__, e)


class Strict:
    __slots__ = ()

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")


try:
    Strict().y = 1
except AttributeError as e:
    print(type(e).__name__, e)


class GetattrRaisesOther:
    def __getattr__(self, name):
        raise KeyError(name)


try:
    hasattr(GetattrRaisesOther(), "q")
except KeyError as e:
    print(type(e).__name__, e)
try:
    getattr(1, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(getattr(GetattrRaisesOther, "mro")()[0].__name__)
