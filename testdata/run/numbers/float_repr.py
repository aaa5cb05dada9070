# float repr is the shortest string that round-trips; str is the same.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5,
        1.0, -0.0, 100.0, 1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
        float("inf"), float("-inf"), float("nan"), 0.30000000000000004, 9007199254740993.0,
        3.141592653589793, 2.718281828459045, 1.5e300 * 1.5e300, 123.456, 0.000123, 1e100]
for v in vals:
    print(repr(v), str(v), v.hex() if v == v and abs(v) != float("inf") else "-")
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print((0.1).as_integer_ratio(), (0.5).as_integer_ratio(), (-2.25).as_integer_ratio())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), float.fromhex("0x1.fffffffffffffp1023"))
print((3.0).is_integer(), (3.5).is_integer(), (1e300).is_integer())
print(float(2 ** 53), float(2 ** 53 + 1), float(10 ** 20), float(-(10 ** 17)))
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
print(1e308 * 10, -1e308 * 10, 1e308 * 10 - 1e308 * 10)
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, [nan] == [nan], nan in [nan])
print(2 ** 0.5 * 2 ** 0.5, 1.1 * 3, 0.1 * 3, 1 - 0.9)
print(sum([0.1] * 10), 0.1 * 10)
import math
print(math.fsum([0.1] * 10), math.pi, math.e, math.tau, math.inf, -math.inf)
print(1e-7, 1e-6, 0.0001, 12345678.9, 1234567890123456.7, 12345678901234567.0)
print(float("1_000.25"), float(" -12.5e-3 "), float("+inf"), float("-Infinity"), float("nAn"))
