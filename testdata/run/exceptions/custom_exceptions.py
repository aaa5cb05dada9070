# User-defined exceptions: args, __str__, attributes, hierarchies and pickling-friendly init.
class AppError(Exception):
    """Base of this program's errors."""


class NotFound(AppError):
    def __init__(self, what, where="db"):
        super().__init__(what, where)
        self.what = what
        self.where = where

    def __str__(self):
        return f"{self.what} not found in {self.where}"


class Invalid(AppError, ValueError):
    pass


class Bare(Exception):
    pass


for exc in [AppError(), AppError("msg"), AppError("a", 2), NotFound("user"), NotFound("row", where="cache"),
            Invalid("bad"), Bare(), Bare(None), Bare(""), Bare(1, 2)]:
    print(type(exc).__name__, "| str:", repr(str(exc)), "| repr:", repr(exc), "| args:", exc.args)
try:
    raise NotFound("item", "shelf")
except AppError as e:
    print("caught as AppError:", e, e.what, e.where, isinstance(e, Exception))
try:
    raise Invalid("x")
except ValueError as e:
    print("caught as ValueError:", type(e).__name__, Invalid.__mro__[1:3])
try:
    raise NotFound
except TypeError as e:
    print(type(e).__name__, e)


class WithArgs(Exception):
    def __init__(self, code):
        self.code = code


e = WithArgs(404)
print(e.args, repr(e), str(e), e.code)


class NotAnException:
    pass


try:
    raise NotAnException()
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        pass
    except NotAnException:
        pass
    raise ValueError("v")
except ValueError as e:
    print("ok", e)
try:
    try:
        raise ValueError("v")
    except NotAnException:
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(AppError.__doc__, issubclass(NotFound, AppError), NotFound.__bases__, Exception.__bases__, BaseException.__bases__)
