# Mixed-type numeric comparisons are exact; chained comparisons; bool is an int.
print(1 == 1.0, 1 == True, 0 == False, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53))
print(10 ** 400 > float("inf"), 10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"))
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 == 1.0, 1 < 2 > 0 != 5)
x = 5
print(0 < x <= 5, 0 < x < 5, x in range(6), x not in [1, 2])
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), [3] > [2, 9], "abc" < "abd", "Z" < "a", "" < "a")
print(1 + 0j == 1, 1j == 1j, (1 + 2j) != (1 + 3j))
try:
    print(1j < 2j)
except TypeError as e:
    print(type(e).__name__, e)
for a, b in [(1, "1"), ([1], (1,)), (None, 0), ({}, [])]:
    print(repr(a), repr(b), a == b, a != b)
    try:
        print(a < b)
    except TypeError as e:
        print(type(e).__name__, e)
print(True + 1, True == 1, (True is True) == False, hash(True) == hash(1))
print({1: "int", True: "bool", 1.0: "float"})
print(max(1, 1.0), max(1.0, 1), min(True, 1), sorted([3, 1.5, True, 0, -2.5]))


class Loud:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        print(f"  {self.v} < {o.v}")
        return self.v < o.v


a, b, c = Loud(1), Loud(2), Loud(0)
print("chain:", a < b < c)
print("chain:", b < a < c)
print(float("nan") == float("nan"), float("inf") == float("inf"), -0.0 == 0.0)
print(0.1 + 0.2 > 0.3, 1e16 + 1 == 1e16)
