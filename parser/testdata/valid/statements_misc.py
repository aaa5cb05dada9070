"""Module docstring."""
pass
del x
del x, y
del (x), [y]
del x.a, x[0], x[1:2]
del (x, y), [z, w]
del (x,)
del [x,]
del x,
assert x
assert x, "message"
assert (x, y), f"msg {z}"
x = ...
...
None
True
False
__debug__
x; y; z
x; y;
if x: pass; pass
global g
nonlocal_ = 1


def f():
    """Function docstring."""
    return


def g():
    return 1, 2


def h():
    return *a, *b


def i():
    global a, b
    a = 1


def j():
    x = 1

    def k():
        nonlocal x
        x = 2


class C:
    """Class docstring."""
    b"not a docstring"
