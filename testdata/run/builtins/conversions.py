# bin/oct/hex/chr/ord/ascii/repr/bool/str/int/float/complex conversions.
for n in [0, 5, -5, 255, 2 ** 40, -(2 ** 70)]:
    print(n, bin(n), oct(n), hex(n))


class Idx:
    def __index__(self):
        return 10


print(bin(Idx()), hex(Idx()), oct(Idx()))
for bad in [1.5, "1"]:
    try:
        hex(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print([chr(i) for i in (65, 97, 48, 32, 233, 8364, 128512)], [ord(c) for c in "Aa0 é€😀"])
print(ascii("plain"), ascii("é"), ascii(["ü", 1]), repr("é"), ascii(b"\xff"))
print(bool(), bool(0), bool(0.0), bool(""), bool([]), bool(None), bool("0"), bool([0]), bool(-0.0))
print(str(), str(1), str(1.0), str(b"x"), str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"))
print(int(), int("  42\n"), int(4.9), int(-4.9), int("z", 36), int(b"101", 2))
print(float(), float(" 1.5 "), float("-inf"), float(3), complex(), complex(1), complex("2-3j"), complex(1, 2))
print(list(), tuple(), dict(), set(), frozenset(), bytes(), bytearray(), list("ab"), tuple([1]), set("aa"))
print(type(True)(1), type(5)("7"), type("")(5), type(1.0)("2"), type([])("xy"), type(None)())
try:
    type(None)(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    bool(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    str(b"x", "no-such-encoding")
except LookupError as e:
    print(type(e).__name__, e)
