# int() from strings: bases, prefixes, underscores, whitespace and the errors.
cases = [("42", 10), (" -17 ", 10), ("+8", 10), ("1_000_000", 10), ("ff", 16), ("0xff", 16),
         ("0xff", 0), ("0o17", 0), ("0b1011", 0), ("z", 36), ("ZZ", 36), ("777", 8),
         ("0", 0), ("00", 0), ("10", 2), ("١٢٣", 10), ("\u0669", 10), ("12", 3), ("  0x_1f ", 16)]
for s, base in cases:
    print(repr(s), base, int(s, base))
bad = [("", 10), ("1.5", 10), ("1e3", 10), ("12a", 10), ("0x1g", 16), ("2", 2), ("010", 0),
       ("1__0", 10), ("_1", 10), ("1_", 10), ("0b", 0), (" ", 10), ("+-1", 10), ("99", 8)]
for s, base in bad:
    try:
        int(s, base)
    except ValueError as e:
        print(type(e).__name__, e)
for base in (1, 37, -1):
    try:
        int("1", base)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int(12, 10)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int([1])
except TypeError as e:
    print(type(e).__name__, e)
print(int(3.99), int(-3.99), int(1e20), int(True), int(b"12"), int(bytearray(b" 7 ")))
for v in (float("inf"), float("-inf"), float("nan")):
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)


class Idx:
    def __index__(self):
        return 7


class Fl:
    def __int__(self):
        return 11


print(int(Idx()), int(Fl()), bin(Idx()), [0, 1, 2, 3, 4, 5, 6, 7, 8][Idx()])
big = "9" * 5000
try:
    int(big)
except ValueError as e:
    print(type(e).__name__, e)
try:
    str(10 ** 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(len(str(10 ** 4299)), hex(10 ** 5000)[:12])
