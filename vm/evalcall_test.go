package vm_test

import "testing"

// TestInlineCalls: calls of Python functions run in their caller's loop
// (evalcall.go) and LOAD_GLOBAL caches where it found a name
// (globalcache.go); what Python sees must be CPython's: tracebacks
// through such calls, errors binding the arguments, RecursionError,
// frames, generators, globals and builtins changing under the caches.
func TestInlineCalls(t *testing.T) {
	progs := map[string]string{
		"values": `
def add(a, b=10, *rest, k=3, **kw):
    return a + b + sum(rest) + k + len(kw)
def ident(x):
    return x
def noret():
    pass
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def ack(m, n):
    while m:
        n = 1 if n == 0 else ack(m, n - 1)
        m -= 1
    return n + 1
print(add(1), add(1, 2), add(1, 2, 3, 4), ident(ident)(5), noret())
print(fib(18), ack(2, 30), [ident(i) for i in range(5)])
class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def twice(self):
        return self.get() + self.get()
print(C(4).twice(), C.get(C(5)))
def outer():
    x = 1
    def inner(y):
        nonlocal x
        x += y
        return x
    return inner(2) + inner(3)
print(outer())
def gen(n):
    for i in range(n):
        yield ident(i)
print(list(gen(4)), sum(gen(5)))
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(900))
def tryret():
    try:
        return ident(1)
    finally:
        print("finally", ident(2))
print(tryret())
`,
		"binding errors": `
def f(a, b):
    return a
def g(a, *, k):
    return a
for call in (lambda: f(1), lambda: f(1, 2, 3), lambda: g(1), lambda: g(1, 2, k=3)):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
`,
		"traceback": `
def a(n):
    return b(n) + 1
def b(n):
    return c(n) * 2
def c(n):
    if n > 2:
        return {}["k" + str(n)]
    return n
print(a(1))
try:
    a(5)
except KeyError as e:
    tb = e.__traceback__
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti)
        tb = tb.tb_next
def handler():
    try:
        c(9)
    except KeyError as e:
        raise ValueError("wrapped") from e
try:
    handler()
except ValueError as e:
    print(repr(e), repr(e.__cause__))
a(7)
`,
		"recursion": `
import sys
def r(n):
    return r(n + 1)
try:
    r(0)
except RecursionError as e:
    print(type(e).__name__, e)
depth = 0
def count():
    global depth
    depth += 1
    count()
try:
    count()
except RecursionError:
    print(depth > 900, depth < 1000)
sys.setrecursionlimit(200)
def down(n):
    return down(n + 1) if n < 500 else n
try:
    down(0)
except RecursionError as e:
    print("limited", e)
`,
		"frames": `
import sys
def who():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name
def caller():
    return who()
print(caller())
def locals_of():
    x = 5
    return sys._getframe().f_locals
print(locals_of())
`,
		"globals cache": `
def use():
    return len("abc"), helper()
def helper():
    return 1
print(use())
def helper():
    return 2
print(use())
len = lambda s: 99
print(use())
del len
print(use())
import builtins
old = builtins.len
builtins.len = lambda s: -1
print(use())
builtins.len = old
print(use())
globals()["".join(["hel", "per"])] = lambda: 3
print(use())
del helper
try:
    use()
except NameError as e:
    print(e)
code = use.__code__
for value in (10, 20):
    g = {"helper": (lambda v: lambda: v)(value), "__builtins__": builtins}
    print(eval(code, g))
for i in range(40):
    globals()["filler%d" % i] = i
helper = lambda: 4
print(use())
`,
		"type cache": `
class A:
    kind = "a"
    def who(self):
        return "A.who"
class B(A):
    def who(self):
        return "B.who"
class C(A):
    pass
objs = [A(), B(), C(), B(), A()]
def poll(objs):
    return [(o.who(), o.kind) for o in objs]
print(poll(objs))
A.who = lambda self: "A.new"
print(poll(objs))
A.kind = "k"
C.kind = "c"
print(poll(objs))
del C.kind
B.who = property(lambda self: lambda: "B.prop")
print(poll(objs))
objs[0].__class__ = C
C.who = lambda self: "C.who"
print(poll(objs))
objs[1].who = lambda: "instance"
print(poll(objs))
class D:
    __slots__ = ("x",)
class E(D):
    pass
for o in (D(), E(), D()):
    o.x = type(o).__name__
    print(o.x)
class F:
    pass
f = F()
for i in range(3):
    f.a = i
    f.b = i * 2
    print(f.a, f.b, f.__dict__)
del f.a
f.a = 9
print(f.__dict__)
`,
		"list slices": `
l = list(range(10))
big = 2**70
for s in (slice(None), slice(2, 8), slice(-3, None), slice(None, -3), slice(8, 2), slice(None, None, -1),
          slice(7, None, -2), slice(None, 2, -3), slice(-100, 100, 3), slice(100, -100, -4), slice(5, 5),
          slice(-1, -11, -1), slice(0, 10, 20), slice(9, -20, -20), slice(big, None, -1), slice(None, None, -big)):
    print(s, l[s], l[s.start:s.stop])
class Idx:
    def __index__(self):
        return 3
print(l[Idx():], l[:Idx():2])
for bad in (slice(None, None, 0), slice("a", None)):
    try:
        print(l[bad])
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for a, b, v in ((0, 3, [9]), (2, 2, (7, 8)), (-2, None, []), (5, 1, [1, 2]), (None, None, "ab"),
                (3, 100, [0] * 5), (-100, 2, ())):
    m = list(range(6))
    m[a:b] = v
    print(m)
m = [1, 2, 3]
m[:2] = m
print(m)
m[1:] = m
print(m)
try:
    m[0:1] = 5
except TypeError as e:
    print(e)
perm = [3, 1, 0, 2]
k = perm[0]
while k:
    perm[:k + 1] = perm[k::-1]
    k = perm[0]
print(perm)
class L(list):
    pass
x = L([1, 2, 3])
print(type(x[::-1]), x[::-1])
`,
		"int ops and jumps": `
vals = [0, 1, -1, 5, -5, 2**31, -2**31, 2**62, -2**62, 2**63 - 1, -2**63, 12345678901]
for a in vals:
    print([a >> b for b in (0, 1, 7, 62, 63, 64, 200)], [a << b for b in (0, 1, 31, 32, 62, 63, 64)])
    x = a
    x >>= 3
    y = a
    y <<= 40
    print(x, y)
for bad in (-1, -2**70):
    try:
        print(1 >> bad)
    except ValueError as e:
        print(e)
    try:
        print(1 << bad)
    except ValueError as e:
        print(e)
n = 0
for a in vals:
    for b in vals:
        if a < b:
            n += 1
        if a == b or a > b:
            n += 10
        if not a:
            n += 100
        while a and n < 0:
            pass
print(n)
class T:
    def __lt__(self, o):
        return [1]
    def __bool__(self):
        raise ValueError("no bool")
print(1 if T() < T() else 2)
for v in ([], [0], "", 0.0, 1.5, None, T()):
    try:
        print("yes" if v else "no")
    except ValueError as e:
        print(e)
`,
		"floats and unpacking": `
vals = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e308, -1e308, 1e-310, float("inf"), float("-inf"), float("nan"), 3, -2, 0]
for x in vals:
    row = []
    for y in vals:
        for op in ("+", "-", "*", "**"):
            try:
                row.append(repr(eval("x %s y" % op)))
            except (ZeroDivisionError, OverflowError, ValueError) as e:
                row.append(type(e).__name__)
    print(x, " ".join(row))
z = 2.5
z **= 0.5
z += 1.0
z *= 3.0
z -= 0.25
print(z, (-8.0) ** (1 / 3), 10.0 ** 400 if False else 10.0 ** 300)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print(e)
a, b = (1, 2)
c, d, e = [3, 4, 5]
(f, g), h = [(6, 7), 8]
print(a, b, c, d, e, f, g, h)
for bad in ((1, 2, 3), [1], "ab", (), iter([1, 2, 3])):
    try:
        p, q = bad
        print(p, q)
    except ValueError as e:
        print(e)
class T(tuple):
    def __iter__(self):
        return iter(("x", "y"))
p, q = T((1, 2))
print(p, q)
`,
	}
	for name, src := range progs {
		t.Run(name, func(t *testing.T) { checkProgram(t, src) })
	}
}
