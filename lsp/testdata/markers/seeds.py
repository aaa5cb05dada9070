#! all
# The examples of the seeds (../shared/seeds), the code users hover first.
# Every name is checked: its binding kind (the oracle's symtable through
# DESIGN §8) and the instructions CPython 3.13 emits for it; every def and
# class: its disassembly, and its section of `python3.13 -m dis`.


def add_nums(a, b):
    c = a + b
    while c > a / 2:
        c = c - 1
    return c


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)
#              ^kind
#          ^instr


def outer(x):
    def inner():
        return x  # 'x' is a free variable in inner()
    return inner
#   ^bytecode


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


# Method Resolution Order (MRO): D -> B -> C -> A -> object
x = 10
y = 20
result = x + y * 2
#        ^instr
#          ^instr


def fast_locals():
    x = 10
    for i in range(1000000):
        y = x + i  # x is local, very fast


global_var = 10


def slower_globals():
    for i in range(1000000):
        y = global_var + i  # global_var requires dict lookup


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def attribute_access():
    p = Point(1, 2)
    for i in range(1000000):
        y = p.x + i
#           ^instr


square = lambda v: v * v
#        ^code


print(add_nums(3, 4))
print(factorial(5))
print(outer(42)())
print(D.__mro__)
print(D().method(), square(7))
# ^bytecode
