# Class bodies that shadow globals, methods using __class__ and super(),
# private names, and class-level comprehensions.
value = 1
items = [1, 2]


class Shadow:
    value = value + 1
    items = [value for _ in items]
    __secret = 3

    def method(self):
        return value, self.__secret, __class__

    def uses_super(self):
        return super().method()

    class Inner:
        def get(self):
            return Shadow.__secret

    def _private(self, __arg):
        __local = __arg
        return __local


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
