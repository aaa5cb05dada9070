# __format__, __str__ and __repr__ on user classes, and how format() calls them.
class Temp:
    def __init__(self, c):
        self.c = c

    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] + "f") + "°F"
        if spec.endswith("C"):
            return format(self.c, spec[:-1] + "f") + "°C"
        return format(str(self), spec)

    def __str__(self):
        return f"{self.c} degrees"

    def __repr__(self):
        return f"Temp({self.c!r})"


t = Temp(21.5)
print(f"{t}", f"{t:.1F}", f"{t:.3C}", f"{t:>20}", f"{t!r}", f"{t!s:*^20}", str(t), repr(t), [t])
print("{0} {0:.0F} {0!r}".format(t), format(t, ".2C"), "%s %r" % (t, t))


class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr<>"


class OnlyStr:
    def __str__(self):
        return "only-str"


print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}", f"{OnlyStr()}", f"{OnlyStr()!s:>10}")
try:
    format(OnlyStr(), ">10")
    print("format with spec ok")
except TypeError as e:
    print(type(e).__name__, e)
try:
    f"{OnlyRepr():x}"
except TypeError as e:
    print(type(e).__name__, e)


class BadFormat:
    def __format__(self, spec):
        return 42


try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)


class BadStr:
    def __str__(self):
        return None


try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)


class Vec:
    def __init__(self, *xs):
        self.xs = xs

    def __format__(self, spec):
        return "(" + ", ".join(format(x, spec) for x in self.xs) + ")"


print(f"{Vec(1, 2.5, 3):.2f}", f"{Vec(10, 255):#x}", f"{Vec():>3}")
