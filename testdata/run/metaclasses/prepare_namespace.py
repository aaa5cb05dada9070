# __prepare__: a custom class namespace that records definition order and duplicates.
class RecordingDict(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        if key in self and not key.startswith("__"):
            raise TypeError(f"duplicate definition of {key!r}")
        self.order.append(key)
        super().__setitem__(key, value)


class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print(f"  __prepare__({name}, kw={kw})")
        return RecordingDict()

    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls._order = [k for k in ns.order if not k.startswith("__")]
        return cls


class Form(metaclass=Ordered, tag="x"):
    username = "text"
    password = "secret"

    def validate(self):
        pass

    email = "mail"


print(Form._order, type(Form.__dict__).__name__)
try:
    class Dup(metaclass=Ordered):
        a = 1
        a = 2
except TypeError as e:
    print(type(e).__name__, e)


class Auto(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        class AutoNS(dict):
            def __missing__(self, key):
                if key.startswith("__"):
                    raise KeyError(key)
                self[key] = f"auto-{key}"
                return self[key]
        return AutoNS()


class Magic(metaclass=Auto):
    first = undefined_name
    second = another


print(Magic.first, Magic.second, Magic.undefined_name)
