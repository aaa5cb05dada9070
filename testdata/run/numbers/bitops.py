# Bitwise operators on ints of any sign and size.
for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (2 ** 70 + 5, 2 ** 65 - 1), (-(2 ** 70), 255)]:
    print(a, b, a & b, a | b, a ^ b, ~a, ~b)
for v in [1, -1, 5, -5, 2 ** 64, -(2 ** 64) - 1]:
    print(v, v << 3, v >> 1, v >> 100, v << 70, bin(v), v.bit_count())
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -5
except ValueError as e:
    print(type(e).__name__, e)
try:
    1.0 << 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    3 & 1.5
except TypeError as e:
    print(type(e).__name__, e)
print(True & False, True | False, True ^ True, ~int(True), ~int(False), type(True & True).__name__)
print(0 >> 1000, -1 >> 1000, (2 ** 1000) >> 998)
m = 0
for i in range(0, 64, 3):
    m |= 1 << i
print(m, hex(m), m.bit_length(), m.bit_count())
x = 0xDEADBEEF
x ^= 0xFFFFFFFF
x &= 0xFFFF
x <<= 4
x >>= 2
print(x, oct(x), format(x, "#018b"))
