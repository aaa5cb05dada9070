# Subclasses of str: which methods keep the subclass, and overridden dunders.
class Tag(str):
    def __new__(cls, value, kind="plain"):
        obj = super().__new__(cls, value.strip())
        obj.kind = kind
        return obj

    def __repr__(self):
        return f"Tag({str.__repr__(self)}, {self.kind!r})"

    def __add__(self, other):
        return Tag(str(self) + "+" + str(other), self.kind)


t = Tag("  hello ", "greeting")
print(t, repr(t), len(t), t.kind, t.upper(), type(t.upper()).__name__, type(t[1:]).__name__)
print(t + "x", type(t + "x").__name__, "x" + t, type("x" + t).__name__, t * 2, type(t * 2).__name__)
print(t == "hello", "ell" in t, t.startswith("he"), isinstance(t, str), str(t), type(str(t)).__name__)
print(f"{t}", f"{t!r}", "%s|%r" % (t, t), "{0}".format(t), hash(t) == hash("hello"))
print(sorted([Tag("b"), Tag("a"), "c"]), {t: 1}["hello"])


class Upper(str):
    def __str__(self):
        return self.upper()

    def __format__(self, spec):
        return "<" + str.__format__(self, spec) + ">"


u = Upper("shout")
print(u, str(u), f"{u}", f"{u:>8}", format(u), "%s" % u, [u], u + "!")
