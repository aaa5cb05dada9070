# Rich comparisons: reflection, NotImplemented fallbacks, identity fallback for ==.
class V:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"V({self.v})"

    def __eq__(self, o):
        print(f"  {self!r}.__eq__({o!r})")
        return self.v == o.v if isinstance(o, V) else NotImplemented

    def __lt__(self, o):
        print(f"  {self!r}.__lt__({o!r})")
        return self.v < o.v if isinstance(o, V) else NotImplemented

    def __hash__(self):
        return hash(self.v)


print(V(1) == V(1), V(1) == 1, 1 == V(1), V(1) != V(2), V(1) < V(2), V(2) > V(1))
try:
    V(1) <= V(2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    V(1) < 5
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([V(3), V(1), V(2)]))
print(V(2) in [V(1), V(2)], [V(1)].index(V(1)), [V(5)].count(V(5)))


class Plain:
    pass


p = Plain()
print(p == p, p != p, p == Plain(), p is p, [p].count(p), p in [Plain()])
try:
    p < p
except TypeError as e:
    print(type(e).__name__, e)


class Sub(V):
    def __eq__(self, o):
        print(f"  Sub {self!r}.__eq__({o!r})")
        return "sub-eq"

    __hash__ = V.__hash__


print(V(1) == Sub(1))
print(Sub(1) == V(1))


class AlwaysEq:
    def __eq__(self, o):
        return True


class NeverEq:
    def __eq__(self, o):
        return False

    def __ne__(self, o):
        return "custom ne"


print(AlwaysEq() == 5, 5 == AlwaysEq(), AlwaysEq() != 5, NeverEq() != 1, [AlwaysEq()] == [1], 1 in [AlwaysEq()])
nan = float("nan")
print([nan] == [nan], nan in [nan], (nan,) == (nan,), {nan: 1}.get(nan))
print(float("nan") in [float("nan")])
