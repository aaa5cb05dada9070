package vm_test

import "testing"

// excPrelude is prepended to the exception tests' programs: show() runs a
// function and prints what it returned or raised, S() is str() and N()
// names None (the programs avoid depending on other parts of the VM).
const excPrelude = `import sys
S = lambda *a: f"{a[0]!s}" if a else ""
N = lambda x: "None" if x is None else x
def show(f):
    try:
        r = f()
        print("ok", "None" if r is None else repr(r))
    except BaseException as e:
        print(type(e).__name__, S(e))
def tb(f):
    try:
        f()
    except BaseException as e:
        sys.__excepthook__(type(e), e, e.__traceback__)
`

// TestExceptionTypes checks the builtin exception types' constructors,
// fields, str and repr against CPython.
func TestExceptionTypes(t *testing.T) {
	progs := map[string]string{
		"base": `
e = Exception(1, "a")
print(repr(e), S(e), e.args)
print(repr(Exception()), S(Exception()), repr(Exception("x")), S(Exception("x")), repr(BaseException(())))
show(lambda: ValueError(x=1))
show(lambda: BaseException.__init__(ValueError(), x=1))
class E(Exception):
    def __init__(self, a, b=2):
        super().__init__(a)
        self.b = b
print(repr(E(1, b=3)), E(1, b=3).b, E(1).args)
class F(Exception):
    pass
show(lambda: F(1, k=2))
print(repr(KeyError("a")), S(KeyError("a")), S(KeyError()), S(KeyError(1, 2)), S(KeyError("a\nb")))
print(repr(LookupError("k")), S(LookupError("k")))
e.args = [3, 4]
print(e.args, S(e))
show(lambda: setattr(e, "args", 5))
show(lambda: delattr(e, "args"))
e.__cause__ = KeyError(1)
print(e.__suppress_context__, repr(e.__cause__), e.__context__ is None)
show(lambda: setattr(e, "__cause__", 5))
show(lambda: setattr(e, "__context__", "x"))
show(lambda: setattr(e, "__suppress_context__", 1))
show(lambda: setattr(e, "__traceback__", 1))
e.__cause__ = None
print(e.__cause__ is None, e.__suppress_context__)
e.add_note("n1")
e.add_note("n2")
print(e.__notes__)
show(lambda: e.add_note(5))
e.__notes__ = 7
show(lambda: e.add_note("x"))
print(e.with_traceback(None) is e, e.__traceback__ is None)
show(lambda: e.with_traceback(5))
print(repr(Exception.__reduce__(ValueError(1, 2))[1]))
class S1(StopIteration):
    def __init__(self, x):
        pass
print(S1(5).value is None, StopIteration(5, 6).value, StopIteration().value is None)
s = StopIteration(5)
s.value = 9
print(s.value, s.args)
print(SystemExit().code is None, SystemExit(3).code, SystemExit(3, 4).code, repr(SystemExit("m")))
print(StopAsyncIteration(2).args, hasattr(StopAsyncIteration(2), "value"), GeneratorExit.__mro__)
print(ValueError.__doc__, KeyError.__doc__)
`,
		"sysexit": `# SystemExit raised deep inside calls unwinds every frame's finally and with blocks.


class Cleanup:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print(f"cleanup {self.name}: {et.__name__ if et else None} {ev!r}")
        return False


def level(n):
    with Cleanup(f"level {n}"):
        try:
            if n == 3:
                sys.exit(12)
            level(n + 1)
        finally:
            print(f"finally {n}")


try:
    level(1)
except Exception:
    print("SystemExit is not an Exception: never printed")
`,
		"stopiteration": `class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("from class is fine")
print(list(It()))
try:
    next(It())
except StopIteration as e:
    print(repr(e))
print(next(It(), "dflt"))
class V:
    def __next__(self):
        raise ValueError("v")
try:
    next(V())
except ValueError as e:
    print(repr(e))
def g():
    yield 1
    return "v"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
try:
    raise StopIteration("x")
except StopIteration as e:
    print(repr(e), e.value)
print(repr(StopIteration("y")))
def g():
    yield 1
    return "v"
it = g()
it.__next__()
try:
    it.__next__()
except StopIteration as e:
    print(e.value, e.args)
def h():
    x = yield from g()
    print("got", x)
list(h())
def g():
    yield 1
print(g.__class__, type(g()).__next__)
`,
		"fields": `
n = NameError("x", name="foo")
print(n.name, n.args, NameError("y").name is None)
show(lambda: NameError("x", nam="foo"))
show(lambda: NameError("x", zzz="foo"))
a = AttributeError("m", name="n", obj=3)
print(a.name, a.obj, a.args, AttributeError().name is None)
show(lambda: AttributeError("m", bogus=1))
show(lambda: AttributeError("m", nme=1))
i = ImportError("msg", name="mod", path="/p")
print(i.name, i.path, i.msg, i.args, repr(i), S(i))
print(ImportError().msg is None, ImportError(1, 2).msg is None, S(ImportError(1, 2)))
show(lambda: ImportError("x", foo=1))
m = ModuleNotFoundError("No module named 'x'", name="x")
print(m.name, repr(m), m.msg, m.name_from is None)
i.msg = "changed"
print(S(i), i.args)
s = SyntaxError("invalid syntax", ("x.py", 3, 4, "a b\n", 3, 5))
print(S(s), repr(s), s.msg, s.filename, s.lineno, s.offset, repr(s.text), s.end_lineno, s.end_offset, s.print_file_and_line is None)
print(S(SyntaxError("m")), repr(SyntaxError()), SyntaxError().msg is None)
print(S(SyntaxError("m", ("/a/b/x.py", None, 1, "t"))), S(SyntaxError("m", (None, 5, 1, "t"))))
show(lambda: SyntaxError("m", (1, 2)))
show(lambda: SyntaxError("m", (1, 2, 3, 4, 5)))
show(lambda: SyntaxError("m", 5))
show(lambda: SyntaxError("m", (1, 2, 3, 4), 3))
print(IndentationError("m", ("f", 1, 2, "t")).filename, S(TabError("x", ("a/f.py", 7, 1, "t"))))
s.lineno = 10
print(S(s))
`,
		"oserror": `
o = OSError(2, "No such file or directory", "x")
print(type(o).__name__, S(o), repr(o), o.errno, o.strerror, o.filename, o.filename2 is None, o.args)
print(type(OSError(13, "perm")).__name__, S(OSError(13, "perm")), repr(OSError(13, "perm")))
o5 = OSError(1, "a", "b", None, "c")
print(S(o5), o5.args, type(o5).__name__, o5.filename2)
print(S(OSError("just msg")), OSError("just msg").errno is None, S(OSError()), S(OSError(1, 2, 3, 4, 5, 6)), OSError(1, 2, 3, 4, 5, 6).args)
for n in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 35, 103, 104, 110, 111, 115, 999]:
    print(n, type(OSError(n, "s")).__name__)
print(type(FileNotFoundError(13, "x")).__name__, S(FileNotFoundError(2, "x", "f")))
show(lambda: OSError(2, "x", k=1))
print(S(OSError(2, "s", None)), len(OSError(2, "s", None).args))
b = BlockingIOError(11, "would block", 5)
print(b.characters_written, S(b), b.args, b.filename is None)
show(lambda: OSError(2, "x").characters_written)
class MyOS(OSError):
    def __init__(self, a, b, c):
        super().__init__(a, b)
        self.c = c
m = MyOS(2, "x", "c")
print(type(m).__name__, m.errno, m.args, S(m), m.c)
print(EnvironmentError is OSError, IOError is OSError)
o2 = OSError(2, "x")
o2.filename = "ff"
print(S(o2))
`,
		"unicode": `
u = UnicodeDecodeError("utf-8", b"\xff\xfeab", 0, 1, "invalid start byte")
print(S(u), u.encoding, u.start, u.end, u.reason, u.object == b"\xff\xfeab")
print(S(UnicodeDecodeError("utf-8", b"\xff\xfeab", 0, 2, "bad")))
print(S(UnicodeDecodeError("ascii", b"abc", 1, 2, "bad")))
print(S(UnicodeDecodeError("ascii", b"abc", 5, 9, "bad")))
show(lambda: UnicodeDecodeError("ascii", "abc", 1, 2, "bad"))
show(lambda: UnicodeDecodeError("ascii", b"abc", 1, 2))
show(lambda: UnicodeDecodeError(1, b"abc", 1, 2, "r"))
show(lambda: S(UnicodeDecodeError()))
e = UnicodeEncodeError("ascii", "a\xe9b\u1234\U0001f600", 1, 2, "ordinal not in range(128)")
print(S(e), e.object, e.start, e.end)
print(S(UnicodeEncodeError("ascii", "a\xe9b\u1234\U0001f600", 3, 4, "r")))
print(S(UnicodeEncodeError("ascii", "a\xe9b\u1234\U0001f600", 4, 5, "r")))
print(S(UnicodeEncodeError("ascii", "a\xe9b\u1234\U0001f600", 1, 4, "r")))
show(lambda: UnicodeEncodeError("ascii", b"abc", 1, 2, "r"))
t = UnicodeTranslateError("a\xe9b", 1, 2, "bad")
print(S(t), repr(t), t.encoding is None, t.object, t.args)
print(S(UnicodeTranslateError("a\xe9b", 0, 3, "bad")))
u.start = 1
print(u.start, S(u))
u.reason = "zzz"
print(S(u))
show(lambda: setattr(u, "start", "x"))
print(S(UnicodeError("plain")), repr(UnicodeError()))
`,
		"groups": `
eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
print(repr(eg), S(eg), eg.message, eg.exceptions, eg.args)
print(S(ExceptionGroup("one", [ValueError(1)])))
show(lambda: ExceptionGroup("m", []))
show(lambda: ExceptionGroup("m", 5))
show(lambda: ExceptionGroup(5, [ValueError()]))
show(lambda: ExceptionGroup("m", [1]))
show(lambda: ExceptionGroup("m", [ValueError(), 1]))
show(lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
show(lambda: ExceptionGroup("m"))
show(lambda: ExceptionGroup("m", [ValueError()], 3))
show(lambda: ExceptionGroup("m", [ValueError()], x=3))
print(type(BaseExceptionGroup("m", [ValueError()])).__name__, type(BaseExceptionGroup("m", [KeyboardInterrupt()])).__name__)
show(lambda: setattr(eg, "message", "x"))
show(lambda: setattr(eg, "exceptions", ()))
class MyEG(ExceptionGroup):
    pass
show(lambda: MyEG("m", [KeyboardInterrupt()]))
class MyBEG(BaseExceptionGroup):
    pass
print(type(MyBEG("m", [ValueError()])).__name__)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(eg.split(OSError)[0] is None, repr(eg.split(OSError)[1]), S(eg.subgroup(TypeError)), eg.subgroup(lambda e: True) is eg)
show(lambda: eg.split(1))
show(lambda: eg.split((ValueError, 1)))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
m, r = nested.split(ValueError)
print(repr(m), repr(r))
print(repr(nested.subgroup(lambda e: isinstance(e, TypeError))))
eg.add_note("note1")
eg.__cause__ = KeyError("c")
m, r = eg.split(ValueError)
print(m.__notes__, repr(m.__cause__), m.__notes__ is eg.__notes__, m.__traceback__ is None)
print(repr(eg.derive([KeyError(1)])))
print(ExceptionGroup[int], BaseExceptionGroup.__mro__, ExceptionGroup.__mro__)
print(eg.split(ValueError)[0].exceptions[0] is eg.exceptions[0])
class DerEG(ExceptionGroup):
    def derive(self, excs):
        return DerEG(self.message + "!", excs)
d = DerEG("d", [ValueError(1), TypeError(2)])
print(repr(d.split(ValueError)))
class BadEG(ExceptionGroup):
    def derive(self, excs):
        return 5
show(lambda: BadEG("d", [ValueError(1), TypeError(2)]).split(ValueError))
t = (ValueError(1),)
print(ExceptionGroup("m", t).exceptions is t, repr(ExceptionGroup("m", (ValueError(1),))))
`,
		"exceptstar": `
def t1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        print("caught", repr(e))
    except* TypeError:
        raise
tb(t1)
def t2():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("new")
tb(t2)
def t3():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print(repr(e), repr(e.exceptions))
    try:
        raise ValueError("naked2")
    except* ValueError as e:
        raise
tb(t3)
def t4():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("in", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print("v", repr(e))
        raise
    except* TypeError as e:
        print("t", repr(e))
tb(t4)
def t5():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise e.exceptions[0]
tb(t5)
`,
	}
	for name, src := range progs {
		t.Run(name, func(t *testing.T) { checkProgram(t, excPrelude+src) })
	}
}
