# ExceptionGroup and except*: splitting, nesting, re-raising and subgroups.
eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2"),
                             ExceptionGroup("inner", [KeyError("k"), ValueError("v3")])])
print(repr(eg), str(eg), len(eg.exceptions), eg.message)
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError))
try:
    raise eg
except* ValueError as g:
    print("except* ValueError:", repr(g))
except* TypeError as g:
    print("except* TypeError:", repr(g))
except* KeyError as g:
    print("except* KeyError:", repr(g))
try:
    try:
        raise ExceptionGroup("two", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled the ValueError part")
except ExceptionGroup as leftover:
    print("left over:", repr(leftover))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked exception wrapped:", repr(g), type(g).__name__)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("bad", [1])
except ValueError as e:
    print(type(e).__name__, e)
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
try:
    try:
        raise ExceptionGroup("g", [ValueError("a"), ValueError("b")])
    except* ValueError as g:
        raise RuntimeError("from handler")
except RuntimeError as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))
except ExceptionGroup as e:
    print("group:", repr(e), [repr(x) for x in e.exceptions])


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "+derived", excs)


mg = MyGroup("mine", [ValueError(1), KeyError(2)])
m, r = mg.split(ValueError)
print(type(m).__name__, m.message, type(r).__name__, r.message)
try:
    raise ExceptionGroup("x", [ZeroDivisionError()])
except* ArithmeticError as g:
    print("caught by base class:", repr(g.exceptions[0]))
try:
    try:
        raise ExceptionGroup("re", [ValueError("keep")])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("re-raised:", repr(e))
