# needs: stdlib
# The operator module: function forms of operators, itemgetter, attrgetter, methodcaller.
import operator as op
print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(-7, 3), op.pow(2, 8))
print(op.neg(5), op.pos(-5), op.abs(-3), op.invert(5), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.lt(1, 2), op.le(2, 2), op.eq("a", "a"), op.ne(1, 1), op.ge(3, 2), op.gt(1, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 4), op.rshift(256, 4), op.matmul.__name__)
print(op.concat([1], [2]), op.contains("abc", "b"), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.getitem("xyz", 1))
lst = [1, 2, 3]
op.setitem(lst, 0, 10)
op.delitem(lst, 1)
print(lst, op.length_hint(iter(range(5))), op.index(7))
rows = [("ann", 31, "paris"), ("bob", 25, "rome"), ("cy", 31, "oslo")]
print(sorted(rows, key=op.itemgetter(1, 0)), list(map(op.itemgetter(0), rows)), op.itemgetter(0, 2)(rows[0]))


class P:
    def __init__(self, name, city):
        self.name = name
        self.addr = type("A", (), {"city": city})()

    def greet(self, greeting, punct="!"):
        return f"{greeting}, {self.name}{punct}"


ps = [P("x", "rome"), P("y", "oslo")]
print([op.attrgetter("name", "addr.city")(p) for p in ps], sorted(ps, key=op.attrgetter("addr.city"))[0].name)
print(op.methodcaller("greet", "hi")(ps[0]), op.methodcaller("greet", "yo", punct="?")(ps[1]))
print(op.methodcaller("upper")("abc"), op.itemgetter(slice(1, 3))("abcdef"), op.attrgetter("real")(3 + 4j))
x = [1]
x = op.iadd(x, [2])
print(x, op.iconcat("a", "b"), op.imul([0], 3))
try:
    op.itemgetter(5)([1])
except IndexError as e:
    print(type(e).__name__, e)
print(repr(op.itemgetter(1)), repr(op.attrgetter("a.b")), repr(op.methodcaller("m", 1, k=2)))
