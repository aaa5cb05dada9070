# __init_subclass__ and __set_name__ and __class_getitem__.
class Plugin:
    registry = {}

    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        Plugin.registry[key] = cls
        print(f"  registered {key} -> {cls.__name__}")


class Csv(Plugin):
    pass


class Json(Plugin, name="json-v2"):
    pass


class Sub(Json):
    pass


print(sorted(Plugin.registry), Plugin.registry["json-v2"] is Json)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class Field:
    def __set_name__(self, owner, name):
        print(f"  __set_name__({owner.__name__}, {name!r})")
        self.name = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, None)

    def __set__(self, obj, value):
        setattr(obj, self.private, value)


class Model:
    title = Field()
    count = Field()


m = Model()
m.title = "hi"
print(m.title, m.count, Model.title.name, vars(m))
later = Field()
Model.extra = later
print(hasattr(later, "name"))


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"


print(Box[int], Box["x"], Box[int, str], list[int], dict[str, list[int]], tuple[int, ...])
print(type(list[int]).__name__, list[int].__origin__, list[int].__args__, list[int]([1, 2]))
try:
    Plugin[int]
except TypeError as e:
    print(type(e).__name__, e)
