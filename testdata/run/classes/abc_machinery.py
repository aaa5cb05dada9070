# needs: stdlib
# ABCMeta's machinery: abstract method sets, virtual subclasses, __subclasshook__, caches, collections.abc.
import abc
import collections.abc as cabc


class Store(abc.ABC):
    @abc.abstractmethod
    def get(self, key): ...

    @abc.abstractmethod
    def put(self, key, value): ...

    @property
    @abc.abstractmethod
    def size(self): ...

    @staticmethod
    @abc.abstractmethod
    def kind(): ...

    def describe(self):
        return f"{self.kind()} store with {self.size} items"


print(sorted(Store.__abstractmethods__), type(Store.__abstractmethods__).__name__, type(Store).__name__)
for attr in ["get", "put", "size", "kind", "describe"]:
    print(attr, getattr(getattr(Store, attr), "__isabstractmethod__", False))
try:
    Store()
except TypeError as e:
    print(type(e).__name__, e)


class Partial(Store):
    def get(self, key):
        return self.data.get(key)

    @staticmethod
    def kind():
        return "partial"


print(sorted(Partial.__abstractmethods__))
try:
    Partial()
except TypeError as e:
    print(type(e).__name__, e)


class DictStore(Partial):
    def __init__(self):
        self.data = {}

    def put(self, key, value):
        self.data[key] = value

    @property
    def size(self):
        return len(self.data)

    @staticmethod
    def kind():
        return "dict"


s = DictStore()
s.put("a", 1)
s.put("b", 2)
print(sorted(DictStore.__abstractmethods__), s.describe(), s.get("a"), isinstance(s, Store), issubclass(DictStore, Partial))

# Abstract methods added after class creation need update_abstractmethods.
DictStore.clear = abc.abstractmethod(lambda self: None)
print(sorted(DictStore.__abstractmethods__), type(DictStore()).__name__)
abc.update_abstractmethods(DictStore)
print(sorted(DictStore.__abstractmethods__))
try:
    DictStore()
except TypeError as e:
    print(type(e).__name__, e)
del DictStore.clear
abc.update_abstractmethods(DictStore)
print(sorted(DictStore.__abstractmethods__), DictStore().kind())


# Virtual subclasses.
class Anything:
    pass


class Child(Anything):
    pass


token = abc.get_cache_token()
print(issubclass(Anything, Store), isinstance(Child(), Store))
print(Store.register(Anything) is Anything, abc.get_cache_token() != token, abc.get_cache_token() - token)
print(issubclass(Anything, Store), issubclass(Child, Store), isinstance(Child(), Store), Store in Anything.__mro__)
print(Store.register(DictStore) is DictStore, abc.get_cache_token() - token)
print(Store.register(Store) is Store, issubclass(Store, Store))
try:
    Partial.register(Store)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    Store.register(Anything())
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(Anything(), Store)
except TypeError as e:
    print(type(e).__name__, e)


@Store.register
class Decorated:
    pass


print(Decorated.__name__, issubclass(Decorated, Store), isinstance(Decorated(), Partial))


# __subclasshook__ decides first; NotImplemented falls back to the normal checks.
class Closeable(abc.ABC):
    seen = []

    @classmethod
    def __subclasshook__(cls, other):
        cls.seen.append(other.__name__)
        if cls is Closeable:
            if any("close" in vars(k) for k in other.__mro__):
                return True
            if other.__name__.startswith("Never"):
                return False
        return NotImplemented


class File:
    def close(self):
        pass


class SubFile(File):
    pass


class Plain:
    pass


class NeverClose:
    pass


print(issubclass(File, Closeable), issubclass(SubFile, Closeable), issubclass(Plain, Closeable), issubclass(NeverClose, Closeable))
print(issubclass(File, Closeable), issubclass(Plain, Closeable), Closeable.seen)
Closeable.register(NeverClose)
print(issubclass(NeverClose, Closeable), issubclass(Plain, Closeable), Closeable.seen)


class BadHook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, other):
        return "yes"


try:
    issubclass(int, BadHook)
except AssertionError as e:
    print(type(e).__name__, e)


# isinstance asks about type(obj) and obj.__class__.
class Liar:
    @property
    def __class__(self):
        return File


print(isinstance(Liar(), Closeable), isinstance(Liar(), File), type(Liar()).__name__)

# A custom metaclass deriving from ABCMeta, and ABCs with keyword arguments.
class Meta(abc.ABCMeta):
    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = kw.get("tag", "none")
        return super().__new__(mcls, name, bases, ns)


class Tagged(metaclass=Meta, tag="t1"):
    @abc.abstractmethod
    def run(self): ...


class Runner(Tagged):
    def run(self):
        return "ran"


print(type(Tagged).__name__, Tagged.tag, Runner.tag, Runner().run(), sorted(Tagged.__abstractmethods__), isinstance(Runner(), Tagged))

# collections.abc against builtins and one-method protocols.
checks = [
    ([], cabc.MutableSequence), ((), cabc.MutableSequence), ((), cabc.Sequence), ("", cabc.Sequence), (b"", cabc.Sequence), (bytearray(), cabc.MutableSequence),
    (range(1), cabc.Sequence), ({}, cabc.MutableMapping), ({}.keys(), cabc.Set), ({}.items(), cabc.Set), ({}.values(), cabc.Set),
    ({}.values(), cabc.ValuesView), (set(), cabc.MutableSet), (frozenset(), cabc.MutableSet), (frozenset(), cabc.Hashable),
    ([], cabc.Hashable), (iter([]), cabc.Iterator), ([], cabc.Iterator), ((x for x in []), cabc.Generator), (len, cabc.Callable),
    (1, cabc.Callable), (memoryview(b""), cabc.Sequence), (reversed([]), cabc.Reversible), ([], cabc.Reversible), ({}, cabc.Reversible),
    (1, cabc.Hashable), (None, cabc.Sized), ("x", cabc.Container), (3j, cabc.Hashable),
]
for obj, kind in checks:
    print(type(obj).__name__, kind.__name__, isinstance(obj, kind))


class OnlyLen:
    def __len__(self):
        return 0


class OnlyIter:
    def __iter__(self):
        return iter(())


class OnlyContains:
    def __contains__(self, x):
        return True


class NoHash:
    __hash__ = None


class Fn:
    def __call__(self):
        return 1


for cls in [OnlyLen, OnlyIter, OnlyContains, NoHash, Fn]:
    print(cls.__name__, [k.__name__ for k in (cabc.Sized, cabc.Iterable, cabc.Container, cabc.Hashable, cabc.Callable, cabc.Collection, cabc.Iterator) if issubclass(cls, k)])


class Col(OnlyLen, OnlyIter, OnlyContains):
    pass


print(issubclass(Col, cabc.Collection), issubclass(Col, cabc.Sequence), issubclass(Col, cabc.Reversible))
OnlyLen.__iter__ = None
print(issubclass(OnlyLen, cabc.Iterable), isinstance(OnlyLen(), cabc.Sized))


# Mixin methods of the collections.abc classes.
class Span(cabc.Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * 10


sp = Span(4)
print(list(sp), 20 in sp, sp.index(30), sp.count(10), list(reversed(sp)), len(sp), sp[3])
try:
    sp.index(25)
except ValueError as e:
    print(type(e).__name__, e)


class Reg(cabc.MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k.lower()]

    def __setitem__(self, k, v):
        self.d[k.lower()] = v

    def __delitem__(self, k):
        del self.d[k.lower()]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


r = Reg()
r["A"] = 1
r.update(B=2, c=3)
print(sorted(r.items()), r.get("b"), r.pop("C"), r.setdefault("d", 4), "a" in r, len(r), r == {"a": 1, "b": 2, "d": 4}, sorted(r.keys()))
print(r.popitem(), sorted(r), isinstance(r.keys(), cabc.KeysView), r.keys() & {"b", "z"})
r.clear()
print(len(r), dict(r))
try:
    r.popitem()
except KeyError as e:
    print(type(e).__name__, e)


class Bits(cabc.Set):
    def __init__(self, items=()):
        self.items = sorted(set(items))

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return f"Bits({self.items})"


a, b = Bits([1, 2, 3]), Bits([2, 3, 4])
print(a & b, a | b, a - b, a ^ b, a <= Bits([1, 2, 3, 4]), a < a, a == Bits([3, 2, 1]), a.isdisjoint([9]), a & Bits([2, 9]), a | {7})
