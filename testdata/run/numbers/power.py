# The power operator and pow(): negative exponents, modular inverse, zero.
print(2 ** 10, 2 ** -1, 2 ** -2, (-2) ** 3, (-2) ** -3)
print(0 ** 0, 0.0 ** 0, 0 ** 5, 1 ** 10 ** 10)
print(10 ** 20, 10.0 ** 20, 10 ** -20)
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3))
print((-8) ** (1 / 3))
print((-1) ** 0.5)
print(type((-1) ** 0.5).__name__)
print(pow(3, 4), pow(3, 4, 5), pow(3, -1, 7), pow(-3, 3, 7), pow(2, 100, 10 ** 9 + 7))
print(pow(38, -1, 97) * 38 % 97)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__, e)
print(2 ** 1000 % 1000007)
print(len(str(7 ** 1000)))
print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(pow(2, 3.0), pow(2.5, 2), pow(-2.5, 2), pow(9, 0.5))
print(1.5 ** 2, 1.1 ** 10, 1e10 ** 30)
print(complex(0, 1) ** 2, (1 + 1j) ** 8)
print(pow(-1, 2 ** 65), pow(-1, 2 ** 65 + 1))
b = 3
b **= 4
print(b)
