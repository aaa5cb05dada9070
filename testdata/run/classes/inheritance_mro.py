# Inheritance and the C3 method resolution order (the seeds' D(B, C) example).
class A:
    def method(self):
        return "A"


class B(A):
    def method(self):
        return "B"


class C(A):
    def method(self):
        return "C"


class D(B, C):  # Multiple inheritance
    pass


print(D.__mro__)
print([k.__name__ for k in D.mro()], D().method(), super(B, D()).method(), super(C, D()).method())
print(issubclass(D, A), issubclass(A, D), isinstance(D(), C), D.__bases__, A.__subclasses__())


class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass


print([k.__name__ for k in M.__mro__])
try:
    class Bad(X, K1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Dup(X, X):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class FromInt(int, str):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class FromBool(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class FromInstance(5):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class Animal:
    sound = "..."

    def speak(self):
        return f"{type(self).__name__} says {self.sound}"


class Dog(Animal):
    sound = "woof"


class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeaky)"


for a in [Animal(), Dog(), Puppy()]:
    print(a.speak())
print(Puppy.__mro__[1:], Puppy.sound, "speak" in Puppy.__dict__, "speak" in Dog.__dict__)
