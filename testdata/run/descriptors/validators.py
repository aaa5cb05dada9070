# Reusable validating descriptors with __set_name__.
class Validated:
    def __set_name__(self, owner, name):
        self.public = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        self.validate(value)
        setattr(obj, self.private, value)

    def validate(self, value):
        pass


class Number(Validated):
    def __init__(self, minvalue=None, maxvalue=None):
        self.minvalue, self.maxvalue = minvalue, maxvalue

    def validate(self, value):
        if not isinstance(value, (int, float)):
            raise TypeError(f"{self.public}: expected a number, got {type(value).__name__}")
        if self.minvalue is not None and value < self.minvalue:
            raise ValueError(f"{self.public}: {value!r} < {self.minvalue!r}")
        if self.maxvalue is not None and value > self.maxvalue:
            raise ValueError(f"{self.public}: {value!r} > {self.maxvalue!r}")


class OneOf(Validated):
    def __init__(self, *options):
        self.options = set(options)

    def validate(self, value):
        if value not in self.options:
            raise ValueError(f"{self.public}: {value!r} not in {sorted(self.options)}")


class String(Validated):
    def __init__(self, minsize=0):
        self.minsize = minsize

    def validate(self, value):
        if not isinstance(value, str):
            raise TypeError(f"{self.public}: expected str")
        if len(value) < self.minsize:
            raise ValueError(f"{self.public}: too short ({len(value)} < {self.minsize})")


class Component:
    name = String(minsize=2)
    kind = OneOf("wood", "metal", "plastic")
    quantity = Number(minvalue=0)
    price = Number(minvalue=0, maxvalue=1000)

    def __init__(self, name, kind, quantity, price):
        self.name, self.kind, self.quantity, self.price = name, kind, quantity, price

    def __repr__(self):
        return f"Component({self.name!r}, {self.kind!r}, {self.quantity}, {self.price})"


print(Component("bolt", "metal", 10, 0.25))
for args in [("b", "metal", 1, 1), ("nut", "glass", 1, 1), ("nut", "wood", -1, 1), ("nut", "wood", 1, 1001),
             (5, "wood", 1, 1), ("nut", "wood", "many", 1)]:
    try:
        print(Component(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(Component.name.public, Component.price.private, type(Component.__dict__["kind"]).__name__)
