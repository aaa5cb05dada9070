# Arithmetic special methods, reflected operands, NotImplemented and in-place operators.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented

    def __sub__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x - o.x, self.y - o.y)
        return NotImplemented

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return NotImplemented

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __matmul__(self, o):
        return f"matmul {self} @ {o}"

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __pow__(self, n, mod=None):
        return f"pow({self}, {n}, {mod})"


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, a * b, -a, abs(b), a == Vec(1, 2), a != b, a @ b, b / 2, b // 2, a ** 2, pow(a, 2, 5))
for expr in ["a + 1", "1 + a", "a * 'x'", "'x' - a", "a < b", "a @ 1" if False else "a % 2", "~a"]:
    try:
        print(expr, "->", eval(expr))
    except TypeError as e:
        print(expr, "->", type(e).__name__, e)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __add__(self, o):
        print(f"  Money.__add__({o!r})")
        if isinstance(o, Money):
            return Money(self.cents + o.cents)
        if isinstance(o, int):
            return Money(self.cents + o)
        return NotImplemented

    def __radd__(self, o):
        print(f"  Money.__radd__({o!r})")
        return self.__add__(o)

    def __iadd__(self, o):
        print(f"  Money.__iadd__({o!r})")
        self.cents += o.cents if isinstance(o, Money) else o
        return self


m = Money(100)
print(m + 5, 5 + m, sum([Money(1), Money(2)]), sum([Money(1)], Money(10)))
before = m
m += Money(50)
print(m, m is before)


class Sub(Money):
    def __radd__(self, o):
        print("  Sub.__radd__ first because Sub overrides it")
        return Sub(o.cents + self.cents + 1000)

    def __repr__(self):
        return f"Sub({self.cents})"


print(Money(1) + Sub(2))


class Left:
    def __add__(self, o):
        print("  Left.__add__ -> NotImplemented")
        return NotImplemented


class Right:
    def __radd__(self, o):
        print("  Right.__radd__")
        return "right handled"


print(Left() + Right())
try:
    Left() + Left()
except TypeError as e:
    print(type(e).__name__, e)


class NoIadd:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return NoIadd(self.v + o)


n = NoIadd(1)
n2 = n
n += 5
print(n.v, n2.v, n is n2)
lst = [1]
alias = lst
lst += [2]
t = (1,)
t2 = t
t += (2,)
print(alias, lst is alias, t2, t is t2)
