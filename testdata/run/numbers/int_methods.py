# int's methods and attributes, and the conversions to text.
for v in [0, 1, -1, 255, -255, 2 ** 64, 10 ** 18 + 7]:
    print(v, bin(v), oct(v), hex(v), v.bit_length(), v.bit_count(), v.numerator, v.denominator,
          v.real, v.imag, v.conjugate(), v.as_integer_ratio(), v.is_integer())
print(int.__name__, int.__qualname__, type(int).__name__, int.__mro__)
print((255).__format__("x"), format(255, "08b"), format(-255, "#x"), format(2 ** 70, ","), format(123456789, "_"))
print((10).__index__(), (10).__int__(), (10).__float__(), (10).__bool__(), (0).__bool__())
print((10).__eq__(10.0), (10).__eq__("10"), (10).__lt__(11), (10).__neg__(), (10).__invert__())
print(int.from_bytes([1, 2, 3], "big"), (1).to_bytes(), (65535).to_bytes(2))
print(isinstance(True, int), issubclass(bool, int), type(True + 0).__name__, bool.__mro__)


class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"


m = MyInt(41)
print(m, m + 1, type(m + 1).__name__, repr(m), str(m), m == 41, m.real, type(m.real).__name__)
print(MyInt("101", 2), MyInt(3.7), int(MyInt(9)), -m, type(-m).__name__, abs(MyInt(-3)))
print(sorted([MyInt(3), 1, MyInt(2)]), hash(MyInt(5)) == hash(5))
print(int("7") + MyInt(3), f"{MyInt(255):x}", "%d" % MyInt(12), "%x" % 255, "%o" % 8)
