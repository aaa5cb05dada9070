# float() from strings and numbers, and its error messages.
for s in ["3.14", "  -2.5  ", "1e10", "1E-3", ".5", "5.", "-.5e1", "1_0.0_1", "inf", "-INF",
          "infinity", "nan", "-nan", "0x10" if False else "10", "\t42\n", "١.٥"]:
    print(repr(s), float(s))
for s in ["", "abc", "1.2.3", "1e", "e5", "1_", "_1", "0x10", "1__0", "in f", "--1", "1,5"]:
    try:
        float(s)
    except ValueError as e:
        print(type(e).__name__, e)
for v in [None, [1.0], {}]:
    try:
        float(v)
    except TypeError as e:
        print(type(e).__name__, e)
print(float(7), float(-0), float(True), float(2 ** 1023))


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 9


class Bad:
    def __float__(self):
        return "no"


print(float(F()), float(I()))
try:
    float(Bad())
except TypeError as e:
    print(type(e).__name__, e)
print(float(b"1.5"), float(bytearray(b"-2")))
