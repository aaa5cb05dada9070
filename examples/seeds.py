"""The examples of the articles peephole grew from.

Run it, disassemble it, or hover over it in an editor: every name here is
bound a different way (a fast local, a global, a builtin, a cell shared with
a closure, a class attribute), and CPython 3.13 emits a different
instruction for each.
"""


def add_nums(a, b):
    c = a + b
    return c


def add_many(n):
    total = 0
    for i in range(n):
        total = add_nums(total, i)
    return total


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def outer(x):
    def inner():
        return x  # 'x' is a free variable in inner()
    return inner


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


print(add_nums(10, 20))
print(add_many(5))
print(factorial(5))
print(outer(42)())
print(D().method(), [k.__name__ for k in D.__mro__])
