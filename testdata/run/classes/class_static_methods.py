# classmethod and staticmethod: alternative constructors, binding and calling forms.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d

    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))

    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"


class MyDate(Date):
    pass


print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"), Date(1, 2, 3).from_string("5-6-7"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024), [y for y in range(1896, 1910) if Date.is_leap(y)])
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
print(type(Date.from_string).__name__, Date.from_string.__self__ is Date, type(Date.is_leap).__name__)
cm = Date.__dict__["from_string"]
sm = Date.__dict__["is_leap"]
print(cm.__func__.__name__, sm.__func__.__name__, sm(2020), callable(sm), callable(cm))


class Counter:
    count = 0

    def __init__(self):
        type(self).count += 1

    @classmethod
    def how_many(cls):
        return f"{cls.__name__}: {cls.count}"


class SubCounter(Counter):
    count = 0


Counter()
Counter()
SubCounter()
print(Counter.how_many(), SubCounter.how_many())


def free(x):
    return x * 2


class Holder:
    f = free
    s = staticmethod(free)


print(Holder.f(3), Holder.s(3), Holder().s(4))
try:
    Holder().f(3)
except TypeError as e:
    print(type(e).__name__, e)
