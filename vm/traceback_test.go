package vm_test

import "testing"

// TestTracebackFormat checks the printed tracebacks (through
// sys.__excepthook__, so that one program prints many) against CPython:
// the ~~~^^^ markers and their anchors, multi-line ranges, wide
// characters, chains, exception groups, notes and SyntaxError blocks.
func TestTracebackFormat(t *testing.T) {
	progs := map[string]string{
		"carets": `
def binop():
    a = 1
    b = 0
    return a / b
tb(binop)

def binop2():
    x = [1]
    return x[0] + "s"
tb(binop2)

def sub():
    d = {"a": {"b": 1}}
    return d["a"]["c"]
tb(sub)

def call():
    def g(x):
        return x.foo
    return g(1)
tb(call)

def attr():
    o = object()
    return o.nothing
tb(attr)

def multi():
    return (1 +
            2 +
            "x")
tb(multi)

def multicall():
    def h(a, b, c):
        raise ValueError("boom")
    return h(
        1,
        2,
        3,
    )
tb(multicall)

def full():
    raise ValueError("x")
tb(full)

def assign():
    def k():
        raise KeyError("k")
    x = k()
tb(assign)

def ret():
    def k():
        raise KeyError("k")
    return k()
tb(ret)

def aug():
    x = 1
    x += "a"
tb(aug)

def wide():
    s = "日本語"
    return s + 1
tb(wide)

def comment():
    a = 1
    return (a #comment
        / 0)
tb(comment)


def slicing():
    return [1,2,3][1:2:0]
tb(slicing)

def powop():
    return 2 ** "a"
tb(powop)

def lam():
    f = lambda: 1/0
    return f()
tb(lam)

def tab():
	return 1 / 0
tb(tab)

def long_range():
    x = [
        1,
        2,
        3,
        4,
        5,
    ][10]
tb(long_range)
`,
		"chains": `
def chain():
    try:
        1/0
    except ZeroDivisionError as e:
        raise ValueError("v") from e
tb(chain)

def ctx():
    try:
        {}["k"]
    except KeyError:
        raise TypeError("t")
tb(ctx)

def suppress():
    try:
        {}["k"]
    except KeyError:
        raise TypeError("t") from None
tb(suppress)

def notes():
    e = ValueError("with notes")
    e.add_note("first")
    e.add_note("second\nline")
    raise e
tb(notes)

def badnotes():
    e = ValueError("bad notes")
    e.__notes__ = "not a list"
    raise e
tb(badnotes)

def badnotes2():
    e = ValueError("bad notes")
    e.__notes__ = 42
    raise e
tb(badnotes2)

def group():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [KeyError(3)])])
tb(group)

def group_tb():
    def f():
        raise ValueError("inner")
    excs = []
    for i in range(2):
        try:
            f()
        except ValueError as e:
            excs.append(e)
    raise ExceptionGroup("many", excs)
tb(group_tb)

def big_group():
    raise ExceptionGroup("big", [ValueError(i) for i in range(20)])
tb(big_group)

def empty_msg():
    raise ValueError()
tb(empty_msg)

def empty_str():
    raise ValueError("")
tb(empty_str)

class MyErr(Exception):
    pass
def custom():
    raise MyErr("mine")
tb(custom)

class Bad(Exception):
    def __str__(self):
        raise RuntimeError("no")
def badstr():
    raise Bad()
tb(badstr)

def multiline_msg():
    raise ValueError("line1\nline2")
tb(multiline_msg)

def group_notes():
    eg = ExceptionGroup("eg", [ValueError("a\nb")])
    eg.add_note("group note")
    eg.exceptions[0].add_note("leaf note")
    raise eg
tb(group_notes)

def cause_in_group():
    try:
        1/0
    except Exception as e:
        v = ValueError("x")
        v.__cause__ = e
        raise ExceptionGroup("g", [v])
tb(cause_in_group)

def syntax3():
    raise SyntaxError("custom", ("file.py", 3, 5, "    x = 1 +\n", 3, 8))
tb(syntax3)
def syntax4():
    raise SyntaxError("nofile")
tb(syntax4)
def syntax5():
    raise SyntaxError("m", (None, None, None, "text"))
tb(syntax5)
def kbd():
    raise KeyboardInterrupt
tb(kbd)
def sysexit():
    raise SystemExit("bye")
tb(sysexit)
`,
		"constructs": `def deep_group():
    e = ValueError("leaf")
    for i in range(12):
        e = ExceptionGroup(f"level {i}", [e])
    raise e
tb(deep_group)
def meth():
    class O:
        def go(self, x):
            return x.missing
    o = O()
    return o.go(1)
tb(meth)
def chained_sub():
    a = {"x": [1, 2]}
    return a["x"][5]
tb(chained_sub)
def cmp():
    return 1 < "a"
tb(cmp)
def unary():
    return -"a"
tb(unary)
def comp():
    return [1 / x for x in [1, 0]]
tb(comp)
def gen():
    g = (1 / x for x in [0])
    return list(g)
tb(gen)
def cls_body():
    class K:
        y = 1 / 0
tb(cls_body)
def deco():
    def d(f):
        raise RuntimeError("deco")
    @d
    def inner():
        pass
tb(deco)
def with_stmt():
    class CM:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            raise KeyError("exit")
    with CM():
        pass
tb(with_stmt)
def fstr():
    x = object()
    return f"{x:>10d}"
tb(fstr)
def assert_():
    x = 1
    assert x == 2, f"x is {x}"
tb(assert_)
def call_kw():
    def f(a, *, b):
        pass
    f(1, 2)
tb(call_kw)
def nested_call_args():
    def g(*a):
        raise ValueError("g")
    return g(1, g(2), 3)
tb(nested_call_args)
def mixed_line():
    x = [1]; y = x[3]
tb(mixed_line)
def semicolon_full():
    x = 1; 1/0
tb(semicolon_full)
def long_bin():
    a = 1
    b = "s"
    return (a
        +
        b)
tb(long_bin)
def star_args():
    def f(a): pass
    args = (1, 2)
    f(*args)
tb(star_args)
def attr_chain():
    import sys
    return sys.modules["sys"].nothing.more
tb(attr_chain)
def backslash():
    x = 1 + \
        "a"
tb(backslash)
def bin_paren():
    return (1) + ("a")
tb(bin_paren)
def pow_():
    return 2 ** -1.5 ** "x"
tb(pow_)
def matmul():
    return [1] @ [2]
tb(matmul)
def subscr_call():
    d = {}
    return d.get("a")["b"]
tb(subscr_call)
def unpack():
    a, b = [1, 2, 3]
tb(unpack)
def walrus():
    if (n := 1 / 0):
        pass
tb(walrus)
def raise_from_call():
    raise ValueError(
        "multi-line"
        " message")
tb(raise_from_call)
def empty_lines():
    x = (1 +

         "a")
tb(empty_lines)
def comments_inside():
    x = (1  # one
         +  # plus
         "a")  # a
tb(comments_inside)
`,
		"generators": `async def inner():
    return 1 / 0
async def outer():
    x = await inner()
    return x
def run_coro():
    c = outer()
    c.send(None)
tb(run_coro)
def gen_inner():
    yield 1
    raise ValueError("in gen")
def gen_outer():
    yield from gen_inner()
def run_gen():
    for x in gen_outer():
        pass
tb(run_gen)
def throw_in():
    def g():
        try:
            yield 1
        except KeyError:
            raise ValueError("converted")
    it = g()
    next(it)
    it.throw(KeyError("k"))
tb(throw_in)
def stopiter():
    def g():
        raise StopIteration("inside")
        yield
    next(g())
tb(stopiter)
def close_bad():
    def g():
        try:
            yield 1
        finally:
            yield 2
    it = g()
    next(it)
    it.close()
tb(close_bad)
async def agen():
    yield 1
    raise KeyError("agen")
def run_agen():
    a = agen()
    n = a.__anext__()
    try:
        n.send(None)
    except StopIteration:
        pass
    a.__anext__().send(None)
tb(run_agen)
def g():
    x = 1
    yield x
tb(lambda: g().throw(ValueError("unstarted")))
tb(lambda: (i for i in range(3)).throw(KeyError("genexpr")))
async def c():
    pass
def co():
    x = c()
    x.throw(TypeError("coro"))
tb(co)
`,
		"suggestions": `tb(lambda: sys.exitt)
tb(lambda: sys.getrecursionlimt())
tb(lambda: [].apend(1))
tb(lambda: {}.itms())
class P:
    __slots__ = ("alpha",)
tb(lambda: P().alpa)
tb(lambda: P.alpa)
tb(lambda: type.mro_)
tb(lambda: print.__nme__)
def local_sugg():
    abcdef = 1
    return abcdeg
tb(local_sugg)
def builtin_sugg():
    return lenn([1])
tb(builtin_sugg)
tb(lambda: Exceptio)
def closure():
    valuex = 1
    def inner():
        return valuey
    return inner()
tb(closure)
class Q:
    def __init__(self):
        self._private = 1
    def m(self):
        return self._privat
    def n(self):
        return self.privat
tb(lambda: Q().m())
tb(lambda: Q().n())
tb(lambda: Q()._privat)
tb(lambda: Q().privat)
tb(lambda: NameError("x", name=5).__traceback__ or (_ for _ in ()).throw(NameError("m", name=5)))
def raise_custom_attr():
    raise AttributeError("custom", name="apend", obj=[])
tb(raise_custom_attr)
def raise_custom_attr2():
    raise AttributeError("custom", name="real")
tb(raise_custom_attr2)
`,
		"syntaxerror": `def tbs(e):
    sys.__excepthook__(type(e), e, None)
tbs(SyntaxError("m", ("f.py", 1, 3, "abcdef\n", 1, 5)))
tbs(SyntaxError("m", ("f.py", 1, 3, "abcdef\n", 1, 0)))
tbs(SyntaxError("m", ("f.py", 1, 30, "abcdef\n", 1, 40)))
tbs(SyntaxError("m", ("f.py", 1, 5, "abcdef\n", 1, 2)))
tbs(SyntaxError("m", ("f.py", 1, 3, "\tab\tcdef\n", 1, 6)))
tbs(SyntaxError("m", ("f.py", 1, 6, "    abcdef\n", 1, 8)))
tbs(SyntaxError("m", ("f.py", 1, 2, "    abcdef\n", 1, 3)))
tbs(SyntaxError("m", ("f.py", 1, 3, "abc\ndef\n", 2, 2)))
tbs(SyntaxError("m", ("f.py", 1, None, "abcdef\n", 1, 5)))
tbs(SyntaxError("m", ("f.py", 4, 1, None)))
tbs(SyntaxError("m", (None, 4, 1, "x")))
tbs(SyntaxError("", ("f.py", 4, 1, "x")))
tbs(SyntaxError("m", ("f.py", None, 1, "xyz")))
tbs(SyntaxError("m", ("f.py", 1, -3, "abcdef\n")))
tbs(SyntaxError("m", ("f.py", 1, 2, "日本語です\n", 1, 4)))
tbs(SyntaxError("m", ("f.py", 1, 2, "\f  abc\n", 1, 4)))
tbs(SyntaxError("m", ("f.py", "7", 2, "abc\n", "7", 3)))
tbs(IndentationError("expected an indented block", ("f.py", 2, 1, "x = 1\n", 2, 2)))
e = SyntaxError("with notes", ("f.py", 1, 1, "x\n"))
e.add_note("a note")
tbs(e)
class MySE(SyntaxError): pass
tbs(MySE("mine", ("f.py", 1, 1, "x\n")))
tbs(SyntaxError("m", ("", 3, 1, "x\n")))
`,
		"notes": `def tbn(e):
    sys.__excepthook__(type(e), e, None)
class BadStr:
    def __str__(self):
        raise ValueError("no")
e = ValueError("notes")
e.__notes__ = ["a", 1, BadStr(), "multi\nline"]
tbn(e)
e.__notes__ = ("t1", "t2")
tbn(e)
class BadRepr:
    def __repr__(self):
        raise ValueError
e.__notes__ = BadRepr()
tbn(e)
e.__notes__ = "string notes"
tbn(e)
class NotesProp(Exception):
    @property
    def __notes__(self):
        raise RuntimeError("boom")
tbn(NotesProp("x"))
class RetNonStr(Exception):
    def __str__(self):
        return 5
tbn(RetNonStr())
class EmptyStr(Exception):
    def __str__(self):
        return ""
tbn(EmptyStr("ignored"))
g = ExceptionGroup("g", [ValueError("a")])
g.__notes__ = ["group note 1", "group note 2"]
tbn(g)
`,
		"cycles": `def tbc(e):
    sys.__excepthook__(type(e), e, e.__traceback__)
a = ValueError("a")
b = TypeError("b")
a.__context__ = b
b.__context__ = a
tbc(a)
c = KeyError("c")
c.__cause__ = c
tbc(c)
d = ValueError("d")
x = RuntimeError("x")
d.__cause__ = x
d.__context__ = x
tbc(d)
g1 = ValueError("shared")
grp = ExceptionGroup("g", [g1, TypeError("t")])
g1.__context__ = grp
tbc(grp)
def chain3():
    try:
        try:
            1/0
        except ZeroDivisionError:
            {}[1]
    except KeyError:
        raise ValueError("third")
try:
    chain3()
except ValueError as e:
    tbc(e)
`,
		"multiline": `def fn(*a, **k):
    raise ValueError("fn")
def long_call():
    return fn(
        1,
        2,
        3,
        4,
        5,
        6,
    )
tb(long_call)
def long_binop():
    x = (1 +
         2 +
         3 +
         4 +
         5 +
         "a" +
         6)
tb(long_binop)
def op_on_own_line():
    x = (
        1
        +
        "a"
    )
tb(op_on_own_line)
def subscript_multi():
    d = {}
    return d[
        "key"
    ]
tb(subscript_multi)
def call_on_attr_multiline():
    class O:
        def m(self, *a):
            raise KeyError("m")
    return O(
    ).m(
        1,
    )
tb(call_on_attr_multiline)
def indented_deep():
    if True:
        if True:
            x = fn(1,
                   2)
tb(indented_deep)
def tabs_mixed():
	x = fn(1,
	       2)
tb(tabs_mixed)
def binop_two_char():
    return 1 // 0
tb(binop_two_char)
def binop_shift():
    return 1 << "a"
tb(binop_shift)
def binop_no_space():
    return 1//0
tb(binop_no_space)
def comparison_op():
    return [] < {}
tb(comparison_op)
def in_op():
    return 1 in 5
tb(in_op)
def and_or():
    return None or fn()
tb(and_or)
def generic_sub():
    return int[0][1]
tb(generic_sub)
def lambda_multiline():
    f = (lambda x:
         x / 0)
    return f(1)
tb(lambda_multiline)
def string_concat():
    return ("abc"
            "def" + 1)
tb(string_concat)
def fstring_expr():
    return f"{1 / 0}"
tb(fstring_expr)
def fstring_multi():
    return f"""{
        1 / 0
    }"""
tb(fstring_multi)
def unicode_ident():
    données = {}
    return données["clé"]
tb(unicode_ident)
def emoji_line():
    x = "😀😀" + 1
tb(emoji_line)
def combining():
    x = "é" + 1
tb(combining)
`,
		"repeated": `def r(n):
    if n == 0:
        raise ValueError("bottom")
    return r(n - 1)
for k in [2, 3, 4, 5, 6]:
    tb(lambda: r(k))
def a(n):
    if n == 0: raise KeyError(0)
    return b(n)
def b(n):
    return a(n - 1)
tb(lambda: a(5))
def same_line(n):
    if n: return same_line(n-1) if n % 2 else same_line(n-1)
    raise TypeError
tb(lambda: same_line(6))
`,
		"tbctor": `import sys
TB = type(sys.exception() or (lambda: None).__code__) 
try:
    1/0
except Exception as e:
    TB = type(e.__traceback__)
def show(f):
    try:
        r = f()
        print("ok", r)
    except BaseException as e:
        print(type(e).__name__, e)
fr = sys._getframe()
t = TB(None, fr, 0, 77)
print(t.tb_lineno, t.tb_lasti, t.tb_frame is fr, t.tb_next is None)
t2 = TB(t, fr, 4, 3)
print(t2.tb_next is t, t2.tb_lineno)
show(lambda: TB(1, fr, 0, 1))
show(lambda: TB(None, 1, 0, 1))
show(lambda: TB(None, fr, "x", 1))
show(lambda: TB(None, fr, 0))
show(lambda: TB(tb_next=None, tb_frame=fr, tb_lasti=0, tb_lineno=9).tb_lineno)
e = ValueError("custom tb")
try:
    raise e.with_traceback(t2)
except ValueError as x:
    print(x.__traceback__.tb_next.tb_next is t)
sys.__excepthook__(ValueError, e, e.__traceback__)
show(lambda: setattr(t, "tb_next", t2))
print(TB.__name__, TB.__module__)
`,
		"frames": `import sys
print(sys.excepthook, sys.__excepthook__ is sys.excepthook)
sys.__excepthook__(int, 5, None)
try:
    sys.excepthook(1)
except TypeError as e:
    print(e)
try:
    1/0
except Exception as e:
    sys.excepthook(type(e), e, e.__traceback__)
    sys.excepthook(type(e), e, None)
    sys.excepthook(ValueError, e, None)
    print(sys.exc_info()[0], sys.exception(), sys.exc_info()[1] is e, sys.exc_info()[2] is e.__traceback__)
print(sys.exc_info()[0] is None, sys.exception() is None)
print(hasattr(sys, "last_exc"))
sys.stderr = None
sys.__excepthook__(ValueError, ValueError(3), None)
sys.stderr = sys.__stderr__
def f():
    x = 5
    def g():
        return x
    raise KeyError(1)
try:
    f()
except KeyError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_lineno, tb.tb_next.tb_next is None, tb.tb_lasti > 0)
    print(tb.tb_frame.f_lineno, tb.tb_frame.f_back is None, tb.tb_next.tb_frame.f_back is tb.tb_frame)
    fr = tb.tb_next.tb_frame
    print(sorted(fr.f_locals) if False else list(fr.f_locals), fr.f_locals["x"], fr.f_globals is globals(), type(fr.f_builtins).__name__, fr.f_code.co_filename == __file__)
    print(fr.f_code.co_qualname, fr.f_code.co_firstlineno)
def here():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, f.f_lineno, sys._getframe(1).f_code.co_name
print(here())
try:
    sys._getframe(1000)
except ValueError as e:
    print(e)
def gen():
    yield sys._getframe().f_code.co_name
print(next(gen()))
`,
	}
	for name, src := range progs {
		t.Run(name, func(t *testing.T) { checkProgram(t, excPrelude+src) })
	}
}

// TestUncaught checks programs that end with an uncaught exception:
// CPython's stderr and exit status, sys.excepthook's variants,
// sys.tracebacklimit, the name suggestions and the recursion limits.
func TestUncaught(t *testing.T) {
	progs := map[string]string{
		"simple": `
def a(x):
    return b(x) + 1
def b(x):
    return {"k": x}["missing"]
print("before")
a(1)
`,
		"chain": `
class ConfigError(Exception):
    pass
def load():
    try:
        {}["port"]
    except KeyError as e:
        raise ConfigError("bad config") from e
try:
    load()
except ConfigError:
    raise RuntimeError("giving up")
`,
		"group": `
def work(i):
    if i % 2:
        raise ValueError(f"odd {i}")
    raise TypeError(f"even {i}")
errs = []
for i in range(3):
    try:
        work(i)
    except Exception as e:
        e.add_note(f"item {i}")
        errs.append(e)
raise ExceptionGroup("batch", [errs[0], ExceptionGroup("nested", errs[1:])])
`,
		"module_prefix": `
class E(Exception):
    pass
E.__module__ = "pkg.mod"
class F(Exception):
    __qualname__ = "Outer.F"
try:
    raise F("q")
except F as e:
    import sys
    sys.__excepthook__(F, e, e.__traceback__)
raise E("x")
`,
		"str_fails": `
class Bad(Exception):
    def __str__(self):
        raise ValueError("nope")
raise Bad(1)
`,
		"hook_raises": `
import sys
def hook(t, v, tb):
    print("hook", t, v, tb.tb_lineno)
    raise ValueError("in hook")
sys.excepthook = hook
1/0
`,
		"hook_missing": `
import sys
del sys.excepthook
1/0
`,
		"hook_none": `
import sys
sys.excepthook = None
raise KeyError("x")
`,
		"hook_exit": `
import sys
def h(*a):
    print("hook", a[0])
    sys.exit(5)
sys.excepthook = h
raise KeyError(3)
`,
		"systemexit": `
import sys
sys.excepthook = lambda *a: print("not called")
raise SystemExit(3)
`,
		"limit_5": `
import sys
sys.tracebacklimit = 5
def a(): b()
def b(): c()
def c(): 1/0
a()
`,
		"limit_100": `
import sys
sys.tracebacklimit = 100
def a(): b()
def b(): 1/0
a()
`,
		"limit_0": `
import sys
sys.tracebacklimit = 0
def a(): 1/0
a()
`,
		"limit_neg": `
import sys
sys.tracebacklimit = -3
try:
    1/0
except ZeroDivisionError:
    raise ValueError("v")
`,
		"suggest_name": `
counter = 1
def f():
    countr + 1
f()
`,
		"suggest_self": `
class A:
    def __init__(self):
        self.value = 3
    def get(self):
        return value
A().get()
`,
		"suggest_attr": `
class Account:
    def deposit(self): pass
    def _secret(self): pass
Account().deposti()
`,
		"suggest_import": `
def f():
    return math.pi
f()
`,
		"suggest_import2": `
maths = 1
print(math)
`,
		"import_from": `
import sys
try:
    from sys import exitt
except ImportError as e:
    print(e.name, e.name_from, e.path is None, e.msg)
from sys import getrecursionlimt
`,
		"recursion": `
def down(n):
    return down(n + 1)
print("going down")
down(0)
`,
		"mutual": `
def ping(n):
    return pong(n)
def pong(n):
    return ping(n)
ping(0)
`,
		"multiline": `
def combine(a, b, c):
    return a + b + c
total = combine(
    1,
    "x",
    3,
)
`,
		"wide": `
def 計算(値):
    return 値 / 0
結果 = 計算(
    "日本" and 10)
`,
	}
	for name, src := range progs {
		t.Run(name, func(t *testing.T) { checkProgram(t, src) })
	}
}

// TestRecursionLimits checks the two limits of CPython 3.13: Python
// frames against sys.getrecursionlimit() and nested native operations
// (repr, comparison) against a fixed 10000.
func TestRecursionLimits(t *testing.T) {
	checkProgram(t, `
import sys
def nested(n):
    l = []
    for i in range(n):
        l = [l]
    return l
def repr_ok(n):
    l = nested(n)
    try:
        repr(l)
        return True
    except RecursionError as e:
        return f"{e}"
for n in [990, 5000, 9997, 9998]:
    print(n, repr_ok(n))
def cmp_ok(n):
    a = nested(n)
    b = nested(n)
    try:
        a == b
        return True
    except RecursionError as e:
        return f"{e}"
for n in [9998, 9999]:
    print(n, cmp_ok(n))
class K:
    def __call__(self):
        return self()
try:
    K()()
except RecursionError as e:
    print("call", e)
class A:
    def __repr__(self):
        return repr(self)
try:
    repr(A())
except RecursionError as e:
    print("repr", e)
def depth():
    k = 0
    def r(n):
        nonlocal k
        k = n
        r(n + 1)
    try:
        r(1)
    except RecursionError:
        return k
print("py depth", depth())
sys.setrecursionlimit(50)
print("py depth 50", depth())
sys.setrecursionlimit(100000)
def f(n):
    return f(n + 1) if n < 20000 else n
print(f(0), repr_ok(12000))
`)
}

// TestRecursionThroughSlots checks the recursion limit reached through
// special methods (__eq__, __getattr__, __repr__, __call__…).
func TestRecursionThroughSlots(t *testing.T) {
	checkProgram(t, `import sys

def t(name, f):
    try:
        f()
        print(name, "ok")
    except RecursionError as e:
        print(name, e)
class B:
    def __eq__(self, o):
        return self == o
t("eq", lambda: B() == B())
class C:
    def __getattr__(self, n):
        return self.x
t("getattr", lambda: C().y)
class K:
    def __call__(self):
        return self()
t("call", lambda: K()())
class S:
    def __str__(self):
        return f"{self}"
t("str", lambda: f"{S()}")
class L:
    def __len__(self):
        return len(self)
t("len", lambda: len(L()))
class H:
    def __hash__(self):
        return hash(self)
t("hash", lambda: hash(H()))
class I:
    def __iter__(self):
        return iter(self)
t("iter", lambda: iter(I()))
class A:
    def __add__(self, o):
        return self + o
t("add", lambda: A() + 1)
class G:
    def __getitem__(self, k):
        return self[k]
t("getitem", lambda: G()[0])
class BB:
    def __bool__(self):
        return bool(self)

def f(n): return f(n+1)
t("plain", lambda: f(0))
def viamap(n): return list(map(viamap, [n]))

`)
	checkProgram(t, `import sys

n = 0
class B:
    def __eq__(self, o):
        global n
        n += 1
        return self == o
try:
    B() == B()
except RecursionError as e:
    print("eq", n, e)
n = 0
class C:
    def __getattr__(self, name):
        global n
        n += 1
        return self.x
try:
    C().y
except RecursionError as e:
    print("getattr", n, e)
n = 0
class R:
    def __repr__(self):
        global n
        n += 1
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("repr", n, e)
def inner():
    n = 0
    class B:
        def __eq__(self, o):
            nonlocal n
            n += 1
            return self == o
    try:
        B() == B()
    except RecursionError as e:
        print("eq-in-func", n, e)
inner()
`)
}
