# The examples of the articles peephole grew from.
def add_nums(a, b):
    total = 0
    for n in (a, b):
        total = total + n
    return total


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def outer(x):
    def inner():
        return x * 2
    return inner


class A:
    def method(self):
        return "A"


class B(A):
    def method(self):
        return "B" + super().method()


class C(A):
    def method(self):
        return "C" + super().method()


class D(B, C):
    pass


print(add_nums(10, 20))
print(factorial(10), factorial(30))
print(outer(21)())
print(D().method(), [k.__name__ for k in D.__mro__])
