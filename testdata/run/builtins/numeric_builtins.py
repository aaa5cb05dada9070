# abs, divmod, pow, round, hash and bool/int/float/complex/index on user classes.
class Num:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"Num({self.v})"

    def __abs__(self):
        return Num(abs(self.v))

    def __divmod__(self, o):
        return ("divmod", self.v, o)

    def __rdivmod__(self, o):
        return ("rdivmod", o, self.v)

    def __pow__(self, e, mod=None):
        return ("pow", self.v, e, mod)

    def __rpow__(self, b, mod=None):
        return ("rpow", b, self.v, mod)

    def __round__(self, n=None):
        return ("round", self.v, n)

    def __int__(self):
        return int(self.v)

    def __float__(self):
        return float(self.v)

    def __complex__(self):
        return complex(self.v, 1)

    def __index__(self):
        return int(self.v)

    def __bool__(self):
        return self.v != 0

    def __neg__(self):
        return Num(-self.v)

    def __pos__(self):
        return Num(+self.v)

    def __invert__(self):
        return Num(~int(self.v))


n = Num(-7)
print(abs(n), divmod(n, 2), divmod(2, n), n ** 2, pow(n, 2, 5), 2 ** n, pow(2, n), round(n), round(n, 1))
print(int(n), float(n), complex(n), bool(n), bool(Num(0)), -n, +n, ~n, [10, 20, 30, 40, 50, 60, 70, 80][Num(3)])
print(bin(Num(5)), hex(Num(255)), oct(Num(8)), range(Num(3)), "abcdef"[Num(1):Num(4)], [0] * Num(3))
try:
    pow(2, Num(3), 5)
except TypeError as e:
    print(type(e).__name__, e)
print(abs(-5), abs(-2.5), abs(3 + 4j), abs(True), abs(-0.0), divmod(-7, 2), divmod(7.5, -2), round(2.5), round(-0.5))
print(pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(-2, 3), pow(0, 0), pow(2.0, 0.5), pow(-8, 1 / 3))
print(int("10", base=16), int(x="10") if False else int("10"), float("1e3"), complex(real=1, imag=2), round(number=1.25, ndigits=1))
