# Functions are objects: attributes, __code__, __defaults__, docstrings, identity.
def greet(name, greeting="hello"):
    """Return a greeting."""
    local_var = 1
    return f"{greeting}, {name}"


print(greet.__name__, greet.__qualname__, greet.__doc__, greet.__defaults__, greet.__module__)
c = greet.__code__
print(c.co_name, c.co_argcount, c.co_varnames, c.co_nlocals, c.co_filename.endswith("function_objects.py"), c.co_firstlineno)
greet.custom = "attr"
print(greet.custom, sorted(k for k in vars(greet)), greet.__dict__)
greet.__defaults__ = ("hi",)
print(greet("ann"))
greet.__name__ = "renamed"
print(greet.__name__, greet.__qualname__)
alias = greet
print(alias is greet, alias("bo", "yo"), type(greet).__name__, callable(greet))


def outer():
    def inner():
        pass
    return inner


print(outer().__qualname__, outer().__name__, outer() is outer(), outer().__code__ is outer().__code__)


class C:
    def method(self):
        pass

    class Nested:
        def deep(self):
            pass


print(C.method.__qualname__, C.Nested.deep.__qualname__, C().method.__func__ is C.method, C().method.__self__.__class__.__name__)
print(C().method == C().method, C.method == C.method, type(C().method).__name__, type(C.method).__name__)
funcs = {"sq": lambda x: x * x, "neg": lambda x: -x}
print({k: v(7) for k, v in funcs.items()}, funcs["sq"].__name__)


def no_doc():
    pass


def doc_not_first():
    x = 1
    """not a docstring"""


print(no_doc.__doc__, doc_not_first.__doc__, no_doc(), repr(no_doc()))


def kwdefaults(*, a=1, b=2):
    return a, b


kwdefaults.__kwdefaults__ = {"a": 10, "b": 20}
print(kwdefaults(), kwdefaults(b=0))
try:
    greet.__code__ = 5
except TypeError as e:
    print(type(e).__name__, e)
print(greet.__globals__ is globals(), greet.__closure__, outer.__closure__)
