print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 / 2, 2 ** 10, 2 ** -2, 10 ** 30)
print(3 & 5, 3 | 5, 3 ^ 5, ~5, 1 << 70, (1 << 70) >> 3, -(2 ** 64) // 7)
print(1.5 + 2, 0.1 + 0.2, 1e300 * 10, -1e-320, 2.5 // 1, 7.5 % 2, round(2.675, 2))
print(divmod(17, -5), divmod(-17.5, 4), pow(3, 4, 5), abs(-3), abs(-2.5))
print(complex(1, 2) * (3 - 4j), (1 + 2j).conjugate(), abs(3 + 4j))
print(int("42"), int("-0x1f", 16), int("101", 2), float("1.25"), float("inf"), float("-nan"))
print(True + True, True * 3, False - 1, int(True), 5 == 5.0, hash(1) == hash(1.0))
print(max(3, 7, 1), min([4, 2, 8]), sum(range(101)), sum([0.1] * 10))
print(round(3.5), round(4.5), round(-0.5), round(1234.5678, -2), round(7, -1))
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
x <<= 2
x >>= 1
x |= 8
x &= 13
x ^= 6
print(x)
print(0.1 * 3, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1.0, -0.0, 5e-324)
print(float(10 ** 20), 10 ** 20 / 3, 7 .bit_length(), (255).to_bytes(2, "big"))
