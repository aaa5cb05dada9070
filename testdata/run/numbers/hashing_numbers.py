# hash() of numbers is defined by the language: equal numbers hash equal.
import sys
print(sys.hash_info.modulus, sys.hash_info.width, sys.hash_info.inf)
for v in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, -(2 ** 61), 2 ** 100, 10 ** 30, 0.5, 1.5, -0.5, 1e100,
          float("inf"), float("-inf"), 3.0, 1 + 2j, 1j, True, False, 2 ** 64 + 0.0]:
    print(repr(v), hash(v))
print(hash(-1) == hash(-2), hash(1.0) == hash(1), hash(0.0) == hash(-0.0))
print(hash(()), hash((1, 2)), hash((1, (2, 3))), hash(frozenset()), hash(frozenset({1, 2, 3})))
print(hash(None) == hash(None), hash(range(3)) == hash(range(3)))
try:
    hash([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash({})
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)


class P:
    def __init__(self, x):
        self.x = x

    def __eq__(self, o):
        return isinstance(o, P) and o.x == self.x

    def __hash__(self):
        return hash(self.x)


class NoHash:
    def __eq__(self, o):
        return True


print(hash(P(5)) == hash(5), P(1) == P(1), len({P(1), P(1), P(2)}))
print(NoHash.__hash__)
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)


class H:
    def __hash__(self):
        return 2 ** 100


print(hash(H()))
