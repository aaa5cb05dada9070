# round(), int(), math.floor/ceil/trunc: banker's rounding and float surprises.
import math
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.675, 0.125, 0.375, 1e16 + 0.5]:
    print(v, round(v), round(v, 2), round(v, 1), math.floor(v), math.ceil(v), math.trunc(v), int(v))
for v in [12345, -12345, 15, 25, 35, 45, 2 ** 70 + 5]:
    print(v, round(v, -1), round(v, -2), round(v, 0), round(v, 3))
print(round(1234.5678, -2), round(1234.5678, -5), round(-0.0), round(0.0, 1))
print(round(2.5), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(1e300, 2), round(5e-324, 400))
print(round(True), round(7))
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 2))
print(math.floor(-0.0), math.ceil(-0.5), math.floor(2 ** 60 + 0.0))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __round__(self, n=None):
        return f"round({self.cents}, {n})"


print(round(Money(5)), round(Money(5), 2))
try:
    round("x")
except TypeError as e:
    print(type(e).__name__, e)
