# needs: stdlib
# Functions are non-data descriptors: how methods get bound.
def f(self, x=0):
    return (type(self).__name__, x)


class A:
    meth = f


a = A()
bound = f.__get__(a, A)
print(bound(5), a.meth(6), A.meth(a, 7), f.__get__(None, A) is f, type(bound).__name__)
print(bound.__self__ is a, bound.__func__ is f, a.meth == bound, a.meth is a.meth)
print(type(A.__dict__["meth"]).__name__, A.meth is f)
sm = staticmethod(f)
cm = classmethod(f)
print(sm.__get__(a, A)(1, 2), cm.__get__(a, A)(3), cm.__get__(None, A)(4))
pr = property(lambda self: "prop of " + type(self).__name__)
print(pr.__get__(a, A), pr.__get__(None, A) is pr)
print(len.__get__ if hasattr(len, "__get__") else "builtin functions have no __get__")
print(str.upper.__get__("abc", str)(), type(str.upper).__name__, type("x".upper).__name__)


class B:
    pass


B.dyn = lambda self: "added later"
b = B()
print(b.dyn())
b.inst_fn = lambda: "no self for instance attributes"
print(b.inst_fn())
import types
b.bound_manually = types.MethodType(lambda self: f"bound to {type(self).__name__}", b)
print(b.bound_manually())
