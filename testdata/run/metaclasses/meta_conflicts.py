# Metaclass conflicts, the most derived metaclass, and type() as a function and a class.
class M1(type):
    pass


class M2(type):
    pass


class A(metaclass=M1):
    pass


class B(metaclass=M2):
    pass


try:
    class C(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class M3(M1, M2):
    pass


class C(A, B, metaclass=M3):
    pass


print(type(C).__name__, [m.__name__ for m in type(C).__mro__])


class SubM1(M1):
    pass


class D(A, metaclass=type):
    pass


print(type(D).__name__)


class E(metaclass=SubM1):
    pass


class F(A, E):
    pass


print(type(F).__name__)
print(type(5), type("x"), type(type), type.__name__)
for args in [(), (1, 2), ("X", (), {}, 4)]:
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    type("X", (5,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", (), [])
except TypeError as e:
    print(type(e).__name__, e)
T = type("T", (), {"__slots__": ("a",), "__repr__": lambda self: "T!"})
print(T(), T.__slots__, T.__name__)
