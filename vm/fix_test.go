package vm_test

import "testing"

// TestNaNIdentity probes NaN identity: every NaN CPython computes is a
// new object, and PyObject_RichCompareBool's identity shortcut makes a NaN
// equal to itself (the same object) but not to another NaN, in
// containment, list.index/count/remove, sequence comparisons and dict and
// set lookups.
func TestNaNIdentity(t *testing.T) {
	for _, src := range []string{
		`nan = float("nan")
print(nan in [nan], float("nan") in [float("nan")], nan in [float("nan")], nan == nan, nan is nan)
print([nan] == [nan], [nan] == [float("nan")], (nan, 1) == (nan, 1), (float("nan"),) == (float("nan"),))
print([nan, 1].index(nan), [nan, nan, float("nan")].count(nan), {nan: 1}.get(nan), {nan: 1}.get(float("nan"), "miss"))
print(len({nan, nan}), len({float("nan"), float("nan")}), len({nan, float("nan")}), nan in {nan}, float("nan") in {float("nan")})
l = [nan, float("nan")]
l.remove(nan)
print(len(l), l[0] is nan, l)
try:
    [float("nan")].index(nan)
except ValueError as e:
    print(type(e).__name__, e)
`,
		`import math
a = math.nan
print(a is math.nan, math.nan in [math.nan], math.inf - math.inf in [math.inf - math.inf])
x = float("inf") * 0
y = x
print(x is y, x in (y,), x + 0 in [x], -x in [x], abs(x) in [x], float(x) is x, float(x) in [x])
d = {}
for v in [x, y, float("nan"), x * 1, a, a]:
    d[v] = d.get(v, 0) + 1
print(sorted(d.values()), len(d))
print({x: 1} == {x: 1}, {x: 1} == {float("nan"): 1}, [x] != [x], [x] != [float("nan")])
print(max([x]) is x, min(x, 1) is x, sorted([x])[0] is x, list(map(lambda v: v, [x]))[0] in [x])
`,
		`import struct
for v in [float("nan"), -float("nan"), float("inf") - float("inf"), struct.unpack("d", struct.pack("d", float("nan")))[0]]:
    print(struct.pack(">d", v).hex(), struct.pack(">f", v).hex(), struct.pack(">e", v).hex(), repr(v), v != v)
n = float("nan")
print(struct.pack("<dd", n, n).hex(), float.hex(n), n.hex(), str(n), format(n, ".3f"), round(-n, 2))
import math
print(math.copysign(1, n), math.copysign(1, -n), math.isnan(n + 1), hash(n) == hash(n))
`,
		`n = float("nan")
print(n.real is n, n.conjugate() is n, n.__float__() is n, +n is n, n.__pos__() is n, float(n) is n, type(n)(n) is n)
print(n.real in [n], (+n) in [n], (-n) in [n], abs(n) in [n], (n * 1) in [n], n.imag, (n + 0j).real in [n])
class F(float): pass
f = F(2.5)
print(type(+f), type(f.real), type(f.conjugate()), type(f.__float__()), type(float(f)), +f, f.real, F(n) in [n])
`,
	} {
		checkLibProgram(t, src)
	}
}

// TestNativeABC probes the _abc module (the native half of abc.ABCMeta):
// abstract method sets, registration, the caches and their invalidation,
// __subclasshook__, its messages, and the pattern-matching flags that
// registering with (or subclassing) collections.abc.Sequence and Mapping
// sets, which MATCH_SEQUENCE and MATCH_MAPPING read.
func TestNativeABC(t *testing.T) {
	for _, src := range []string{
		`import abc, collections.abc as cabc, _abc, sys
print(abc.ABCMeta.__module__, abc.ABCMeta.register.__module__, type(abc.ABC._abc_impl).__name__, type(abc.ABC._abc_impl).__module__)
print(_abc.__doc__, _abc._abc_init.__doc__)
print('_abc' in sys.builtin_module_names, type(abc.get_cache_token()).__name__)

class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
    @classmethod
    @abc.abstractmethod
    def c(cls): ...
    def g(self): return 1
print(sorted(Base.__abstractmethods__), type(Base.__abstractmethods__).__name__)
try:
    Base()
except TypeError as e:
    print(type(e).__name__, e)
class Half(Base):
    def f(self): return 2
print(sorted(Half.__abstractmethods__))
try:
    Half()
except TypeError as e:
    print(type(e).__name__, e)
class Full(Half):
    p = 3
    @classmethod
    def c(cls): return 4
print(sorted(Full.__abstractmethods__), Full().f(), Full().p, Full.c(), isinstance(Full(), Base), issubclass(Full, Half))

class Virtual: pass
t0 = abc.get_cache_token()
print(Base.register(Virtual) is Virtual, abc.get_cache_token() - t0, issubclass(Virtual, Base), isinstance(Virtual(), Base))
print(Base.register(Full) is Full, abc.get_cache_token() - t0)
class SubV(Virtual): pass
print(issubclass(SubV, Base), isinstance(SubV(), Half), issubclass(int, Base))
try:
    Base.register(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Virtual2 = type("V2", (), {})
    Half.register(Base)
except RuntimeError as e:
    print(type(e).__name__, e)
print(Base.register(Base) is Base)
try:
    issubclass(1, Base)
except TypeError as e:
    print(type(e).__name__, e)

class Hooked(abc.ABC):
    calls = []
    @classmethod
    def __subclasshook__(cls, C):
        cls.calls.append(C.__name__)
        if cls is Hooked:
            return hasattr(C, "quack") or NotImplemented
        return NotImplemented
class Duck:
    def quack(self): pass
class NotDuck: pass
print(issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(NotDuck, Hooked), issubclass(NotDuck, Hooked), Hooked.calls)
class BadHook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1
try:
    issubclass(int, BadHook)
except AssertionError as e:
    print(type(e).__name__, e)

print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator), issubclass(str, cabc.Hashable), issubclass(list, cabc.Hashable))
print(isinstance(range(3), cabc.Sequence), isinstance({}.keys(), cabc.Set), issubclass(dict, cabc.MutableMapping), issubclass(tuple, cabc.MutableSequence))

class WithInst(abc.ABC): pass
class Fake:
    __class__ = WithInst
print(isinstance(Fake(), WithInst), isinstance(1, WithInst))

for name, f in [("init0", lambda: _abc._abc_init()), ("init2", lambda: _abc._abc_init(1, 2)), ("reg1", lambda: _abc._abc_register(1)),
                ("kw", lambda: _abc._abc_register(1, x=2)), ("tok", lambda: _abc.get_cache_token(1)), ("dump1", lambda: _abc._get_dump(1)),
                ("wrong", lambda: _abc._get_dump(type("X", (), {"_abc_impl": 1}))), ("sub", lambda: _abc._abc_subclasscheck(Base, 1))]:
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)

reg, cache, neg, ver = _abc._get_dump(Base)
print(sorted(r().__name__ for r in reg), sorted(r().__name__ for r in cache), type(ver).__name__)
_abc._reset_caches(Base)
_abc._reset_registry(Base)
reg, cache, neg, ver = _abc._get_dump(Base)
print(len(reg), len(cache), len(neg), issubclass(Virtual, Base))

class MyABCMeta(abc.ABCMeta): pass
class Custom(metaclass=MyABCMeta):
    @abc.abstractmethod
    def m(self): pass
print(type(Custom).__name__, list(Custom.__abstractmethods__))
print(abc.update_abstractmethods(Full) is Full)
Full.f = abc.abstractmethod(lambda self: 0)
abc.update_abstractmethods(Full)
print(sorted(Full.__abstractmethods__))
`,
		`import collections.abc as cabc, abc
class Lookup:
    def __init__(self, data):
        self.data, self.gets = data, []
    def __getitem__(self, k):
        return self.data[k]
    def get(self, k, default=None):
        self.gets.append(k)
        return self.data.get(k, default)
    def __len__(self):
        return len(self.data)
    def __iter__(self):
        return iter(self.data)
def m(x):
    match x:
        case [a, b]:
            return f"seq {a} {b}"
        case {"a": 1, "c": _}:
            return "has c"
        case {"a": 1, "b": b, **rest}:
            return f"ab {b} {rest}"
        case {}:
            return "empty map pattern"
        case _:
            return "other"
lk = Lookup({"a": 1, "b": 2})
print(m(lk), lk.gets)
cabc.Mapping.register(Lookup)
print(m(lk), lk.gets, m(Lookup({})), m(Lookup({"a": 1, "c": None})))
class SubLookup(Lookup): pass
print(m(SubLookup({"a": 1, "b": 5})))
class Pair:
    def __init__(self, *v): self.v = v
    def __len__(self): return len(self.v)
    def __getitem__(self, i): return self.v[i]
print(m(Pair(1, 2)))
cabc.Sequence.register(Pair)
print(m(Pair(1, 2)), m(Pair(1, 2, 3)), m(Pair()))
class MyMap(cabc.Mapping):
    def __getitem__(self, k): return {"a": 1, "b": 9}[k]
    def __len__(self): return 2
    def __iter__(self): return iter("ab")
print(m(MyMap()), dict(MyMap()))
class MySeq(cabc.Sequence):
    def __getitem__(self, i): return (7, 8)[i]
    def __len__(self): return 2
print(m(MySeq()), list(MySeq()))
class Weird:
    def get(self, k, d=None): return d
cabc.Mapping.register(Weird)
print(m(Weird()))
class Both(dict): pass
cabc.Sequence.register(Both)
print(m(Both(a=1, b=2)), Both.__flags__ & 96)
class Dup:
    def get(self, k, d=None): return 0
cabc.Mapping.register(Dup)
k = "a"
try:
    match Dup():
        case {"a": 1}: pass
        case {"z": 0, "q": y}: print("dup matched", y)
except ValueError as e:
    print(type(e).__name__, e)
class Raises:
    def get(self, k, d=None): raise KeyError(k)
cabc.Mapping.register(Raises)
try:
    m(Raises())
except KeyError as e:
    print(type(e).__name__, e)
`,
		`import collections.abc as cabc, abc
class A: pass
class B(A): pass
class C(B): pass
cabc.Mapping.register(A)
print([k.__flags__ & 96 for k in (A, B, C)])
class S(list): pass
cabc.Mapping.register(S)
print(S.__flags__ & 96)
class Q: pass
class Q2(Q): pass
cabc.Sequence.register(Q2)
cabc.Mapping.register(Q)
print(Q.__flags__ & 96, Q2.__flags__ & 96)
cabc.Mapping.register(frozenset)
print(frozenset.__flags__ & 96)
class M(abc.ABC):
    __abc_tpflags__ = 1 << 5
print(M.__flags__ & 96, '__abc_tpflags__' in M.__dict__)
try:
    class Bad(abc.ABC):
        __abc_tpflags__ = 96
except TypeError as e: print(type(e).__name__, e)
class N(abc.ABC):
    __abc_tpflags__ = "x"
print('__abc_tpflags__' in N.__dict__, N.__flags__ & 96)
class N2(abc.ABC):
    __abc_tpflags__ = 1 << 9 | 1 << 6
print(N2.__flags__ & 96, N2.__flags__ & (1<<9))
`,
		`import collections.abc as cabc, abc
class S(list): pass
print(S.__flags__ & 96, list.__flags__ & 96)
class Q: pass
class Q2(Q): pass
cabc.Sequence.register(Q2)
print(Q.__flags__ & 96, Q2.__flags__ & 96)
cabc.Mapping.register(Q)
print(Q.__flags__ & 96, Q2.__flags__ & 96)
class R: pass
cabc.Sequence.register(R)
cabc.Mapping.register(R)
print(R.__flags__ & 96)
class T(dict): pass
cabc.Sequence.register(T)
print(T.__flags__ & 96)
`,
	} {
		checkLibProgram(t, src)
	}
}
