# globals(), locals(), vars() and dir() without arguments.
x = 1
print(sorted(k for k in globals() if not k.startswith("__")), globals()["x"])
globals()["made_up"] = "created through globals()"
print(made_up)


def f(a, b=2):
    c = a + b
    inner = [v for v in (a, b)]
    return sorted(locals()), dir()


print(f(1))


def g():
    y = 1
    loc = locals()
    loc["y"] = 99
    loc["new"] = 5
    return y, sorted(loc)


print(g())


class C:
    cls_attr = 1

    def __init__(self):
        self.inst = 2

    def show(self):
        return vars(self)


c = C()
print(vars(c), c.show(), sorted(k for k in vars(C) if not k.startswith("__")))
print(vars(C)["cls_attr"], type(vars(C)).__name__)
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    vars(c, c)
except TypeError as e:
    print(type(e).__name__, e)


class Body:
    p = 1
    q = sorted(k for k in locals() if not k.startswith("__"))


print(Body.q)
print(globals() is vars(), sorted(dir())[-3:])
