# The second seed's factorial, recursive as in the article, checked against an iterative one.
def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def factorial_iter(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


for n in [0, 1, 2, 5, 10, 20, 25, 50, 100]:
    f = factorial(n)
    assert f == factorial_iter(n)
    print(n, f, len(str(f)))
print(factorial(-3), factorial(1.5), factorial(True))
print(factorial.__name__, factorial.__code__.co_names, factorial.__code__.co_consts)
