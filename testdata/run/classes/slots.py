# __slots__: fixed attributes, no __dict__, inheritance and errors.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = P(1, 2)
print(p.x, p.y, P.__slots__, hasattr(p, "__dict__"), type(P.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
del p.y
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
p.y = 5
print(p.y)


class Q(P):
    pass


q = Q(1, 2)
q.z = 3
print(q.z, vars(q), hasattr(q, "__dict__"))


class R(P):
    __slots__ = ("z",)


r = R(1, 2)
r.z = 3
print(r.x, r.z, hasattr(r, "__dict__"))
try:
    r.w = 1
except AttributeError as e:
    print(type(e).__name__, e)


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, vars(w))
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print(type(e).__name__, e)


class Single:
    __slots__ = "only"


s = Single()
s.only = "x"
print(s.only, Single.__slots__)
try:
    vars(p)
except TypeError as e:
    print(type(e).__name__, e)


class Empty:
    __slots__ = ()


try:
    Empty().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
