# Attributes defined on the metaclass: visible on classes, not on instances.
class Meta(type):
    meta_attr = "from meta"

    def meta_method(cls):
        return f"meta_method on {cls.__name__}"

    @property
    def upper_name(cls):
        return cls.__name__.upper()


class Thing(metaclass=Meta):
    own = "own"


print(Thing.meta_attr, Thing.meta_method(), Thing.upper_name)
t = Thing()
for name in ["meta_attr", "meta_method", "upper_name", "own"]:
    try:
        print(name, getattr(t, name))
    except AttributeError as e:
        print(name, type(e).__name__, e)
print("meta_attr" in dir(Thing), "own" in dir(Thing), "meta_attr" in dir(t))


class WithSame(metaclass=Meta):
    meta_attr = "class wins"


print(WithSame.meta_attr, Meta.meta_attr)


class DataMeta(type):
    @property
    def shadow(cls):
        return "meta data descriptor wins"


class Shadowed(metaclass=DataMeta):
    shadow = "class attribute"


print(Shadowed.shadow, Shadowed().shadow)


class Sized(type):
    def __len__(cls):
        return 99

    def __iter__(cls):
        return iter(["x", "y"])

    def __contains__(cls, item):
        return item == "magic"


class Container(metaclass=Sized):
    pass


print(len(Container), list(Container), "magic" in Container, "other" in Container)
