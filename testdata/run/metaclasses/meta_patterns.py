# Metaclass patterns: singletons, attribute validation, automatic properties, instance checks.
class Singleton(type):
    _instances = {}

    def __call__(cls, *a, **k):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]


class Logger(metaclass=Singleton):
    def __init__(self):
        print("  Logger created")
        self.lines = []


l1, l2 = Logger(), Logger()
l1.lines.append("x")
print(l1 is l2, l2.lines)


class RequireDoc(type):
    def __new__(mcls, name, bases, ns):
        for k, v in ns.items():
            if callable(v) and not k.startswith("_") and not getattr(v, "__doc__", None):
                raise TypeError(f"{name}.{k} needs a docstring")
        return super().__new__(mcls, name, bases, ns)


class Good(metaclass=RequireDoc):
    def run(self):
        """Runs."""


try:
    class Bad(metaclass=RequireDoc):
        def run(self):
            pass
except TypeError as e:
    print(type(e).__name__, e)


class Duck(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")

    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")


class Quacker(metaclass=Duck):
    pass


class Mallard:
    def quack(self):
        return "quack"


print(isinstance(Mallard(), Quacker), isinstance(5, Quacker), issubclass(Mallard, Quacker), issubclass(int, Quacker))


class AutoProps(type):
    def __new__(mcls, name, bases, ns):
        for field in ns.get("fields", ()):
            ns[field] = property(lambda self, f=field: self._data[f])
        return super().__new__(mcls, name, bases, ns)


class Row(metaclass=AutoProps):
    fields = ("id", "name")

    def __init__(self, **data):
        self._data = data


r = Row(id=7, name="seven")
print(r.id, r.name, type(Row.id).__name__)
