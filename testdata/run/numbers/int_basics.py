# Integers of any size: arithmetic, comparisons, conversions.
a = 2 ** 100
b = 3 ** 64
print(a, b)
print(a + b, a - b, b - a)
print(a * b)
print(a // b, a % b, divmod(a, b))
print(-a // b, -a % b, divmod(-a, b))
print(a // -b, a % -b)
print(a == 2 ** 100, a is not None, a > b, a < b)
print(a.bit_length(), b.bit_length(), (-a).bit_length())
print(abs(-a), -(-a), +a)
print(int(a / 3), a / 3)
print(a // 3)
x = 1
for i in range(1, 40):
    x *= i
print("39! =", x)
print(len(str(x)), sum(int(c) for c in str(x)))
print(x % 1000003, x % -1000003)
print(2 ** 64 - 1, -(2 ** 63), 2 ** 63 - 1)
print(0xFFFFFFFFFFFFFFFF + 1, 0o777, 0b1010_1010)
print(1_000_000 * 1_000_000)
print(10 ** 30 // 7, 10 ** 30 % 7)
print((10 ** 30 + 1) * (10 ** 30 - 1) == 10 ** 60 - 1)
n = 12345678901234567890
print(n.to_bytes(9, "big"), n.to_bytes(9, "little"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xfe", "big", signed=True))
print((-1234).to_bytes(4, "big", signed=True))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-1).to_bytes(2, "big")
except OverflowError as e:
    print(type(e).__name__, e)
print(True + True, True * 10, False - 1, -True)
print(int(True), bool(0), bool(-1), bool(2 ** 200))
print(7 .__add__(3), (7).__radd__(3), (7).__sub__(10))
print((5).__truediv__(2), (5).__floordiv__(2), (5).__mod__(-2))
print(int.__add__(1, 2), (1).__add__(1.5))
print(sum(range(10 ** 6)))
print(max(2 ** 70, 3 ** 44, 5 ** 30), min(-2 ** 70, -3 ** 44))
print(abs(-2 ** 80) == 2 ** 80, -2 ** 2, (-2) ** 2)
