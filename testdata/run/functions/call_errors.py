# The TypeErrors of bad calls: CPython's exact messages.
def f(a, b, c=3, *, d, e=5):
    return a, b, c, d, e


def g(x, /, y, *args, z, **kw):
    return x, y, args, z, kw


def h():
    return "h"


class K:
    def m(self, a):
        return a

    @staticmethod
    def s(a):
        return a

    @classmethod
    def c(cls, a):
        return a


print(f(1, 2, d=4), f(1, b=2, c=0, d=4, e=6), g(1, 2, 3, 4, z=5, q=6), g(1, y=2, z=3))
calls = [
    "f()", "f(1)", "f(1, 2)", "f(1, 2, 3, 4)", "f(1, 2, d=4, a=1)", "f(1, 2, d=4, zz=1)", "f(1, 2, 3, 4, 5, d=1)",
    "g(x=1, y=2, z=3)", "g(1, 2)", "g()", "h(1)", "h(a=1)", "K().m()", "K().m(1, 2)", "K.m(1)", "K.s()",
    "K.c(1, 2)", "len()", "len(1, 2)", "len(x=1)", "abs()", "int(1, 2, 3)", "print(sep=1)", "sorted()",
    "divmod(1)", "isinstance(1)", "(lambda: 0)(1)", "(lambda x, *, y: 0)(1, 2)", "max()", "max(1)", "min([])",
    "f(1, 2, **{'d': 1, 'a': 2})", "dict(1, 2)", "[].append()", "'x'.join()", "getattr(1)", "K(1)", "object(1)",
    "f(*[1, 2, 3, 4, 5])",
]
for src in calls:
    try:
        print(src, "->", eval(src))
    except (TypeError, ValueError) as e:
        print(src, "->", type(e).__name__, e)
