# __new__ versus __init__: immutables, caching instances, returning other types.
class Celsius(float):
    def __new__(cls, value):
        print(f"  __new__({cls.__name__}, {value})")
        return super().__new__(cls, round(value, 1))

    def __init__(self, value):
        print(f"  __init__({value})")

    def __repr__(self):
        return f"{float(self)}°C"


c = Celsius(21.456)
print(c, c + 1, type(c + 1).__name__, isinstance(c, float))


class Interned:
    _cache = {}

    def __new__(cls, key):
        if key not in cls._cache:
            print(f"  creating {key}")
            obj = super().__new__(cls)
            obj.key = key
            cls._cache[key] = obj
        return cls._cache[key]


a, b, c2 = Interned("x"), Interned("y"), Interned("x")
print(a is c2, a is b, len(Interned._cache))


class NotMe:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never called")


print(NotMe(), type(NotMe()).__name__)


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    @property
    def first(self):
        return self[0]


p = Pair(1, 2)
print(p, p.first, len(p), p + (3,), type(p + (3,)).__name__)


class InitReturns:
    def __init__(self):
        return 5


try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)


class Args:
    def __init__(self, a, b=2):
        self.a, self.b = a, b


for args in [(), (1, 2, 3)]:
    try:
        Args(*args)
    except TypeError as e:
        print(type(e).__name__, e)


class NoInit:
    pass


try:
    NoInit(1)
except TypeError as e:
    print(type(e).__name__, e)


class OnlyNew:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.args = args
        return inst


print(OnlyNew(1, 2).args)
try:
    object.__new__(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.__new__(str)
except TypeError as e:
    print(type(e).__name__, e)
