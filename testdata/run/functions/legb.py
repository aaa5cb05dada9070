# Name resolution: local, enclosing, global, builtin, and shadowing builtins.
x = "global x"


def show_scopes():
    x = "enclosing x"

    def inner():
        x = "local x"
        return x

    def reads_enclosing():
        return x

    return inner(), reads_enclosing()


print(show_scopes(), x)


def uses_builtin():
    return len("abc")


len_backup = len


def shadow_len():
    len = lambda s: "shadowed"
    return len("abc")


print(uses_builtin(), shadow_len(), len("abcd"))
len = lambda s: -1
print(uses_builtin(), len("x"))
del len
print(uses_builtin(), len("xy"))
import builtins
print(builtins.len is len_backup, builtins.max([1, 3]), type(builtins).__name__)
builtins.custom_builtin = "from builtins"
print(custom_builtin)
del builtins.custom_builtin
try:
    custom_builtin
except NameError as e:
    print(type(e).__name__, e)
print(sorted(k for k in globals() if not k.startswith("__")))


def list_locals(a, b=2):
    c = a + b
    return sorted(locals().items())


print(list_locals(1))


class Scope:
    y = 1
    z = y + 1

    def meth(self):
        try:
            return y
        except NameError as e:
            return f"{type(e).__name__}: {e}"


print(Scope.z, Scope().meth())
print(eval("x"), eval("a + 1", {"a": 41}), eval("b", {}, {"b": "local b"}))
ns = {}
exec("def made(): return 'made by exec'\nq = made()", ns)
print(ns["q"], sorted(k for k in ns if k != "__builtins__"))
