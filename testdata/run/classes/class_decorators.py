# Class decorators: adding methods, registering, wrapping, returning a different object.
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls


def count_instances(cls):
    orig_init = cls.__init__
    cls.instances = 0

    def __init__(self, *a, **k):
        cls.instances += 1
        orig_init(self, *a, **k)
    cls.__init__ = __init__
    return cls


@add_repr
@count_instances
class User:
    def __init__(self, name, admin=False):
        self.name = name
        self.admin = admin


print(User("ann"), User("bob", admin=True), User.instances)


def singleton(cls):
    instances = {}

    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get


@singleton
class Config:
    def __init__(self, env="dev"):
        self.env = env


a, b = Config("prod"), Config("test")
print(a is b, a.env, type(Config).__name__)


def frozen(cls):
    def __setattr__(self, k, v):
        if getattr(self, "_frozen", False):
            raise AttributeError(f"{cls.__name__} is frozen, cannot set {k!r}")
        object.__setattr__(self, k, v)
    cls.__setattr__ = __setattr__
    old = cls.__init__

    def __init__(self, *a):
        old(self, *a)
        self._frozen = True
    cls.__init__ = __init__
    return cls


@frozen
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y


pt = Pt(1, 2)
try:
    pt.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(pt.x, pt.y)
