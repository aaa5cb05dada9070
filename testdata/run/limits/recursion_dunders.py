# Recursion through special methods, __getattr__, __repr__ and eq also ends in RecursionError.
class Loop:
    def __getattr__(self, name):
        return getattr(self, "x_" + name)


try:
    Loop().a
except RecursionError as e:
    print("__getattr__:", type(e).__name__, e)


class Add:
    def __add__(self, other):
        return self + other


try:
    Add() + 1
except RecursionError as e:
    print("__add__:", type(e).__name__, e)


class Rep:
    def __repr__(self):
        return repr(self)


try:
    repr(Rep())
except RecursionError as e:
    print("__repr__:", type(e).__name__, e)


class Eq:
    def __eq__(self, other):
        return self == other


try:
    Eq() == Eq()
except RecursionError as e:
    print("__eq__:", type(e).__name__, e)


class Itr:
    def __iter__(self):
        return iter(self)


try:
    iter(Itr())
except RecursionError as e:
    print("__iter__:", type(e).__name__, e)


class Prop:
    @property
    def p(self):
        return self.p


try:
    Prop().p
except RecursionError as e:
    print("property:", type(e).__name__, e)


def gen(n):
    yield from gen(n + 1)


try:
    next(gen(0))
except RecursionError as e:
    print("yield from:", type(e).__name__, e)
print("survived all of them")
