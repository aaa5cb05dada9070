# The steps of class creation: body execution, __set_name__, __init_subclass__, decorators.
def log(msg):
    print("  " + msg)


class Desc:
    def __init__(self, label):
        log(f"Desc({label}) created in class body")
        self.label = label

    def __set_name__(self, owner, name):
        log(f"__set_name__ {owner.__name__}.{name}")


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log(f"__prepare__ {name}")
        return {}

    def __new__(mcls, name, bases, ns, **kw):
        log(f"Meta.__new__ {name} start")
        cls = super().__new__(mcls, name, bases, ns, **kw)
        log(f"Meta.__new__ {name} end")
        return cls

    def __init__(cls, name, bases, ns, **kw):
        log(f"Meta.__init__ {name}")
        super().__init__(name, bases, ns)


class Base(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        log(f"__init_subclass__ {cls.__name__} {kw}")
        super().__init_subclass__()


def deco(cls):
    log(f"decorator on {cls.__name__}")
    return cls


log("before class statement")


@deco
class Child(Base, option=1):
    log("class body starts")
    a = Desc("a")
    b = Desc("b")
    log("class body ends")


log("after class statement")
print(Child.__name__, type(Child).__name__)


class Outer:
    log("Outer body")

    class Inner:
        log("Inner body")

    log("Outer body continues")


print(Outer.Inner.__qualname__)
