x = "global"


def f1():
    return x


def f2():
    x = "local"

    def g():
        return x

    return g()


def f3():
    def g():
        nonlocal_var = 1

        def h():
            return nonlocal_var + 1
        return h()
    return g()


class K:
    x = "class"
    y = [x for _ in range(1)]

    def m(self):
        return x


print(f1(), f2(), f3(), K.x, K.y, K().m())
print([i for i in range(3)], "i" in dir())
z = [lambda: j for j in range(3)]
print([fn() for fn in z])


def shadow():
    items = [1, 2]
    return [items for items in items]


print(shadow())
