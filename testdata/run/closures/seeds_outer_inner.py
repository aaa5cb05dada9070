# The seeds' closure example: 'x' is a free variable of inner(), a cell of outer().
def outer(x):
    def inner():
        return x  # 'x' is a free variable in inner()
    return inner


f = outer(10)
g = outer("text")
print(f(), g(), f is g, f.__code__ is g.__code__)
print(outer.__code__.co_cellvars, f.__code__.co_freevars)
print(type(f.__closure__[0]).__name__, f.__closure__[0].cell_contents, g.__closure__[0].cell_contents)
funcs = [outer(i) for i in range(5)]
print([h() for h in funcs])


def outer2(x):
    def inner():
        return x
    x += 1
    return inner


print(outer2(1)())


def outer3():
    x = []

    def inner(v):
        x.append(v)
        return x
    return inner


acc = outer3()
acc(1)
acc(2)
print(acc(3), acc.__closure__[0].cell_contents)
