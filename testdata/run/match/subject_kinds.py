# needs: stdlib
# Which subjects sequence and mapping patterns accept: builtins, collections, ABC subclasses and registered classes.
import collections
import collections.abc as cabc
import types


def kind(x):
    match x:
        case {"k": v, **rest}:
            return f"mapping with k={v!r} rest={dict(rest)}"
        case {}:
            return f"mapping len={len(x)}"
        case []:
            return "empty sequence"
        case [only]:
            return f"one item {only!r}"
        case [first, *others]:
            return f"sequence {first!r} + {len(others)} more"
        case _:
            return "neither"


class Seq(cabc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


class Map(cabc.Mapping):
    def __init__(self, **kw):
        self.kw = kw

    def __getitem__(self, k):
        return self.kw[k]

    def __iter__(self):
        return iter(self.kw)

    def __len__(self):
        return len(self.kw)


class Duck:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if isinstance(i, str):
            return 99
        return [7, 8][i]

    def keys(self):
        return ["k"]

    def get(self, k, default=None):
        return 99 if k == "k" else default


class LaterSeq(Duck):
    pass


class LaterMap(Duck):
    pass


subjects = [
    [], [1], (1, 2, 3), range(0), range(5), "abc", b"ab", bytearray(b"z"), memoryview(b"xy"), {1, 2}, frozenset(),
    {}, {"k": 1, "z": 2}, {"a": 1}, collections.OrderedDict(k=0), collections.defaultdict(int, k=5), collections.Counter("kk"),
    collections.ChainMap({"k": 1}, {"z": 3}), types.MappingProxyType({"k": "p"}), collections.UserDict(k=3), collections.UserList([4, 5]),
    collections.deque([9]), collections.deque(), collections.namedtuple("P", "x y")(1, 2), {}.keys(), {"k": 1}.items(), iter([1]),
    Seq(), Seq(1, 2), Map(), Map(k="m", other=0), Duck(), 42, None,
]
for s in subjects:
    print(type(s).__name__, "->", kind(s))

# Registering decides; the flag then follows subclasses.
cabc.Sequence.register(LaterSeq)
cabc.Mapping.register(LaterMap)
print(kind(LaterSeq()), "|", kind(LaterMap()), "|", kind(Duck()))


class SubLaterSeq(LaterSeq):
    pass


class SubLaterMap(LaterMap):
    pass


print(kind(SubLaterSeq()), "|", kind(SubLaterMap()))


# The last registration wins for a class, and reaches its existing subclasses.
class Both:
    def __len__(self):
        return 1

    def __getitem__(self, i):
        if i == 0:
            return "item"
        if i == "k":
            return "val"
        raise IndexError(i)

    def keys(self):
        return ["k"]

    def get(self, k, default=None):
        return "val" if k == "k" else default


class BothChild(Both):
    pass


cabc.Sequence.register(Both)
print(kind(Both()), "|", kind(BothChild()))
cabc.Mapping.register(Both)
print(kind(Both()), "|", kind(BothChild()))
cabc.Sequence.register(BothChild)
print(kind(Both()), "|", kind(BothChild()))
cabc.Sequence.register(str)
print(kind("still a string"), isinstance("x", cabc.Sequence))


# The mapping pattern reads keys with get(key, sentinel), in pattern order, after one check of duplicates.
class Logged(dict):
    log = []

    def get(self, key, default=None):
        Logged.log.append(key)
        return super().get(key, default)


class LoggedMap(Map):
    log = []

    def get(self, key, default=None):
        LoggedMap.log.append(key)
        return super().get(key, default)


def keys(x):
    match x:
        case {"a": 1, "b": 2, "c": 3}:
            return "abc"
        case {"b": 2, "a": a}:
            return f"ba a={a}"
        case {"z": _}:
            return "z"
        case _:
            return "none"


print(keys(Logged(a=5, b=2)), Logged.log)
print(keys(LoggedMap(a=5, b=2)), LoggedMap.log)
print(keys(LoggedMap(a=1, b=2, c=3)), LoggedMap.log[-3:], keys(Map(z=None)), keys(Map()))


class NoneMap(Map):
    def get(self, key, default=None):
        return None


print(keys(NoneMap(a=1)), kind(NoneMap()))


class Strict(Map):
    def get(self, key, default=None):
        raise LookupError(f"no get for {key!r}")


try:
    keys(Strict(a=1))
except LookupError as e:
    print(type(e).__name__, e)
k1 = "a"


class K:
    a = "a"
    b = "a"


try:
    match {"a": 1, "b": 2}:
        case {K.a: 1, K.b: 2}:
            print("matched")
except ValueError as e:
    print(type(e).__name__, e)


# Sequence patterns check len() first, then unpack (iterating) or index and slice for star patterns.
class Counting(cabc.Sequence):
    calls = []

    def __init__(self, n):
        self.n = n

    def __len__(self):
        Counting.calls.append("len")
        return self.n

    def __getitem__(self, i):
        Counting.calls.append(i)
        if isinstance(i, slice):
            return [v * 2 for v in range(self.n)][i]
        if not -self.n <= i < self.n:
            raise IndexError(i)
        return i % self.n * 2


def seq(x):
    match x:
        case [a, b]:
            return ("two", a, b)
        case [a, *mid, b] if len(mid) > 1:
            return ("star", a, mid, b)
        case [*_, last]:
            return ("last", last)
    return "none"


for n in [0, 1, 2, 3, 5]:
    Counting.calls.clear()
    print(n, seq(Counting(n)), Counting.calls)
