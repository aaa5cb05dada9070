# Closures three deep, nonlocal rebinding, and free variables that only
# pass through a block (their order is the order of a CPython set).
def outer(x):
    a = b = c = d = 1

    def middle(y):
        def inner(z):
            nonlocal y
            y += z
            return x + a + b + c + d + y

        return inner

    def counter():
        count = 0

        def inc():
            nonlocal count
            count += 1
            return count

        return inc

    return middle, counter


def seeds():
    def add_nums(a, b):
        c = a + b
        return c

    def factorial(n):
        if n <= 1:
            return 1
        return n * factorial(n - 1)

    return add_nums, factorial
