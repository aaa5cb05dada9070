package vm_test

import "testing"

// TestTypeParams checks PEP 695's type parameters, type aliases and
// generic classes against CPython: the syntax's objects and their
// attributes, lazy bounds and values, subscription of generic classes and
// aliases, and the constructors of the _typing module's types.
func TestTypeParams(t *testing.T) {
	progs := map[string]string{
		"syntax": `def f[T](x: T) -> T:
    return x
print(f.__type_params__, f(3), f.__annotations__)
T = f.__type_params__[0]
print(repr(T), T.__name__, T.__bound__ is None, T.__constraints__, T.__covariant__, T.__contravariant__, T.__infer_variance__, T.__default__, T.has_default(), T.__module__)
print(type(T), type(T).__name__, type(T).__module__, type(T).__qualname__)
def g[T: int, U: (str, bytes), *Ts, **P](a: T, *args: *Ts) -> U: ...
T2, U, Ts, P = g.__type_params__
print(g.__type_params__, T2.__bound__, U.__constraints__, U.__bound__ is None, T2.__constraints__)
print(repr(Ts), repr(P), P.args, P.kwargs, P.args.__origin__ is P, Ts.__name__, P.__name__, P.__bound__ is None)
print(type(Ts).__name__, type(P).__name__, type(P.args).__name__, type(P.kwargs).__name__, P.args == P.args, P.args == P.kwargs)
print(g.__annotations__)
class C[T, *Ts, **P]:
    x: T
    def m(self) -> T: ...
print(C.__type_params__, C.__mro__, C.__bases__, C.__parameters__)
print(C.__orig_bases__)
print(C[int, str, [int]], C[int, str, [int]].__origin__, C[int, str, [int]].__args__)
print(C[int, [str]], C[int, str, float, [str]].__args__)
type Alias = list[int]
print(Alias, type(Alias), Alias.__value__, Alias.__name__, Alias.__type_params__, Alias.__parameters__, Alias.__module__)
type GA[K, V = int] = dict[K, V]
print(GA, GA.__type_params__, GA.__value__, GA[str], GA[str, float], GA.__type_params__[1].__default__, GA.__type_params__[1].has_default())
try:
    Alias[int]
except TypeError as e:
    print("TE", e)
type Lazy = UndefinedName
print(Lazy.__name__)
try:
    Lazy.__value__
except NameError as e:
    print("NE", e)
calls = []
def bound():
    calls.append(1)
    return int
class D[T: (int, str)]:
    pass
print(D.__type_params__[0].__constraints__, D.__type_params__[0].__bound__ is None)
def h[T = str](): ...
print(h.__type_params__[0].__default__, h.__type_params__[0].has_default())
def k[*Ts = (int,)](): ...
print(k.__type_params__[0].__default__)
def k2[**P = [int, str]](): ...
print(k2.__type_params__[0].__default__)
print(C.__type_params__[0] is C.__parameters__[0])
class E(C[int, str, [int]]): pass
print(E.__mro__, E.__orig_bases__, E.__parameters__)
print(Alias | None, int | Alias, Alias | int)
print(list(Ts), [*Ts], tuple(Ts))
class Q[T]:
    def __init__(self, v):
        self.v = v
print(Q.__type_params__, Q[int], Q[int](5).v, Q[int](5).__orig_class__)
try:
    Q[int, str]
except TypeError as e:
    print("TE", e)
try:
    Q[()]
except TypeError as e:
    print("TE", e)
class R[T = int, U = str]: pass
print(R[float], R[float].__args__, R[bool, bytes].__args__)
class Plain: pass
print(Plain.__type_params__, int.__type_params__)
Plain.__type_params__ = (T,)
print(Plain.__type_params__)
try:
    int.__type_params__ = ()
except TypeError as e:
    print("TE", e)
try:
    class Bad(T): pass
except TypeError as e:
    print("TE", e)
try:
    class Bad2(P.args): pass
except TypeError as e:
    print("TE", e)
print(Q[int] == Q[int], Q[int] == Q[str], hash(Q[int]) == hash(Q[int]))
print(T == T, T.__reduce__(), P.__reduce__())
def outer():
    type Inner[X] = tuple[X, X]
    return Inner
I = outer()
print(I, I.__value__, I[int], I.__module__)
print(type(Alias).__module__, type(Alias).__name__)
class Meth:
    def m[T](self, x: T) -> T:
        return x
print(Meth.m.__type_params__, Meth().m(4))
async def co[T](): pass
print(co.__type_params__)
lam = (lambda: 1)
print(lam.__type_params__)
`,
		"generics": `from _typing import Generic, TypeVar
def show(f):
    try:
        r = f()
        print("ok", r)
    except BaseException as e:
        print(type(e).__name__, e)
T = TypeVar("T")
U = TypeVar("U")
def a():
    class C[X](Generic[T]): pass
show(a)
def b():
    class C(Generic[T], Generic[U]): pass
show(b)
def c():
    class Base(Generic[T]): pass
    class D(Base[T], Generic[U]): pass
show(c)
def d():
    class Base(Generic[T, U]): pass
    class D(Base[int, U]): pass
    return D.__parameters__, D[str], D.__orig_bases__
show(d)
def e():
    class Base[K, V]: pass
    return Base[int, str][0] if False else Base[int, str].__parameters__, Base[T, int].__parameters__, Base[T, int][str]
show(e)
def f():
    class P[**Q]: pass
    return P[int, str], P[[int, str]], P[...], P[int].__args__
show(f)
def g():
    class V[*Ts]: pass
    return V[()], V[int], V[int, str].__args__
show(g)
def h():
    class W[T, *Ts, U]: pass
    return W[int, str], W[int, str, float, bytes].__args__
show(h)
def i():
    class W[T, *Ts, U]: pass
    return W[int]
show(i)
def j():
    class D[T = int]: pass
    return D[()], D[str]
show(j)
`,
		"aliases": `def f[T, *Ts, **P](): return T, Ts, P
T, Ts, P = f()
print(list[T], list[T].__parameters__, tuple[*Ts], tuple[*Ts].__parameters__)
print(dict[str, T][int], list[T][int])
print(tuple[T, *Ts][int, str, float])
type A[X] = list[X]
print(A[int].__value__ if hasattr(A[int], "__value__") else "noval", A[int].__origin__, A[int].__args__)
print(list[A[int]])
print(T | int, int | T, T | None, list[T] | None)
def show(f):
    try:
        print("ok", f())
    except BaseException as e:
        print(type(e).__name__, e)
def f[T, U, *Ts, **P](): return T, U, Ts, P
T, U, Ts, P = f()
show(lambda: dict[T, U][int, str])
show(lambda: dict[T, list[U]][int, str])
show(lambda: dict[T, U][int])
show(lambda: dict[T, U][int, str, float])
show(lambda: list[int][int])
show(lambda: tuple[T, *Ts][int])
show(lambda: tuple[*Ts][()])
show(lambda: tuple[T, *Ts, U][int, str])
show(lambda: list[list[list[T]]][bytes])
show(lambda: dict[T, T][int])
show(lambda: type[T][int])
show(lambda: list[T].__parameters__)
show(lambda: dict[U, T].__parameters__)
class C[X]: pass
show(lambda: list[C[T]][int])
type A[X] = list[X]
show(lambda: dict[str, A[T]][int])
`,
		"scopes": `class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        print("meta", name, [b.__name__ for b in bases], list(kw))
        return super().__new__(m, name, bases, ns)
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class C[T](Base, metaclass=Meta, flag=1):
    def m[U](self, x: T, y: U) -> U: ...
print(C.__mro__, C.__type_params__, C.m.__type_params__, C.m.__annotations__)
class K:
    type A = int
    type B[T] = list[T]
print(K.A, K.A.__module__, K.B.__type_params__, K.B.__value__)
def outer[T]():
    def inner[U](a: T, b: U): ...
    return inner
print(outer().__type_params__, outer().__annotations__, outer.__type_params__)
class D[T]:
    x: T
    class Inner:
        y: "T"
print(D.__annotations__, D.Inner.__annotations__)
class E[T]:
    def get(self) -> T: return T
print(E().get(), E.get.__annotations__["return"] is E.__type_params__[0])
`,
		"constructors": `import _typing; from _typing import TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, Generic, NoDefault
def show(f):
    try:
        r = f()
        print("ok", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)
show(lambda: TypeVar())
show(lambda: TypeVar(1))
show(lambda: TypeVar("T", int))
show(lambda: TypeVar("T", int, str, bound=int))
show(lambda: TypeVar("T", covariant=True, contravariant=True))
show(lambda: TypeVar("T", covariant=True, infer_variance=True))
show(lambda: TypeVar("T", bound=3))
show(lambda: TypeVar("T", bogus=1))
show(lambda: TypeVar("T").__module__)
show(lambda: TypeVar("T", default=int).__default__)
show(lambda: TypeVar("T", int, str).__constraints__)
show(lambda: ParamSpec("P", bound=int).__bound__)
show(lambda: ParamSpec("P", 1))
show(lambda: TypeVarTuple("Ts", default=int).__default__)
show(lambda: TypeVarTuple("Ts", bound=int))
show(lambda: TypeAliasType("A", int))
show(lambda: TypeAliasType("A", int).__value__)
show(lambda: TypeAliasType("A", int, type_params=5))
show(lambda: TypeAliasType("A", int, type_params=(TypeVar("T"),)).__type_params__)
show(lambda: TypeAliasType("A", int).__module__)
show(lambda: TypeAliasType(1, int))
show(lambda: type(Generic()).__name__)
show(lambda: Generic[int])
show(lambda: Generic[()])
show(lambda: Generic[TypeVar("T"), TypeVar("T")])
T = TypeVar("T")
show(lambda: Generic[T, T])
class G(Generic[T]): pass
show(lambda: G[int])
show(lambda: G[int, str])
show(lambda: type(G[int]()).__name__)
show(lambda: G[int]().__orig_class__)
show(lambda: G.__parameters__)
show(lambda: G[int] == G[int])
show(lambda: G[T])
show(lambda: G[int].__parameters__)
class H(G[int]): pass
show(lambda: H.__parameters__)
show(lambda: H.__orig_bases__)
show(lambda: H[int])
show(lambda: NoDefault)
show(lambda: type(NoDefault)())
show(lambda: T.__typing_subst__(int))
show(lambda: class_(1))
def class_(x):
    class X(Generic): pass
show(lambda: class_(1))
show(lambda: T.__mro_entries__(()))
show(lambda: hash(T) == hash(T))
show(lambda: T == T)
show(lambda: TypeVar("T") == TypeVar("T"))
show(lambda: T.__name__)
show(lambda: (lambda: 1).__type_params__)
show(lambda: int.__type_params__ if hasattr(int, "__type_params__") else "none")
class Q[T]:
    pass
show(lambda: Q.__type_params__)
show(lambda: Q[int])
show(lambda: Q[int, str])
`,
	}
	for name, src := range progs {
		t.Run(name, func(t *testing.T) { checkProgram(t, src) })
	}
}
