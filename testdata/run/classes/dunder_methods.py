# Container and protocol special methods on a user class.
class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __repr__(self):
        return f"Bag({', '.join(map(repr, self.items))})"

    def __str__(self):
        return f"<bag of {len(self)}>"

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Bag(*self.items[i])
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, v):
        print(f"  __contains__({v!r})")
        return v in self.items

    def __iter__(self):
        return iter(self.items)

    def __reversed__(self):
        return reversed(self.items)

    def __bool__(self):
        return bool(self.items)

    def __eq__(self, other):
        return isinstance(other, Bag) and sorted(map(repr, self.items)) == sorted(map(repr, other.items))

    __hash__ = None

    def __call__(self, extra):
        return Bag(*self.items, extra)


b = Bag(1, "two", 3.0)
print(repr(b), str(b), len(b), b[0], b[-1], b[1:], "two" in b, 5 in b, list(b), list(reversed(b)))
b[0] = "one"
del b[1]
print(b, bool(b), bool(Bag()), b == Bag(3.0, "one"), b != Bag(), b(4), b(4)(5)[::-1])
print(f"{b}", f"{b!r}", [b], "%s %r" % (b, b), str([b]))
try:
    hash(b)
except TypeError as e:
    print(type(e).__name__, e)
try:
    b[10]
except IndexError as e:
    print(type(e).__name__, e)


class Seq:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return i * 10

    def __len__(self):
        return 4


s = Seq()
print(list(s), 20 in s, list(reversed(s)), sorted(s, reverse=True), len(s))


class NoLen:
    pass


for op in [len, bool, iter, reversed]:
    try:
        print(op.__name__, op(NoLen()))
    except TypeError as e:
        print(op.__name__, type(e).__name__, e)


class BadLen:
    def __len__(self):
        return -1


class BigLen:
    def __len__(self):
        return 2 ** 70


for obj in [BadLen(), BigLen()]:
    try:
        len(obj)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
