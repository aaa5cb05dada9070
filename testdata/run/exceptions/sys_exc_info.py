# sys.exc_info(), sys.exception(), the exception variable's lifetime and __traceback__.
import sys
print(sys.exc_info(), sys.exception())
try:
    raise ValueError("inside")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__, sys.exception() is v, tb.tb_lineno, tb.tb_next)
    try:
        raise KeyError("nested")
    except KeyError:
        print("nested:", repr(sys.exception()), "context:", repr(sys.exception().__context__))
    print("back to:", repr(sys.exception()))
print("after:", sys.exc_info(), sys.exception())
try:
    raise RuntimeError("bound")
except RuntimeError as err:
    pass
try:
    err
except NameError as e:
    print(type(e).__name__, e)
err = "rebound before"
try:
    raise RuntimeError
except RuntimeError as err:
    pass
print("err" in dir())


def frames():
    def inner():
        raise TypeError("deep")

    def middle():
        inner()

    try:
        middle()
    except TypeError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno - frames.__code__.co_firstlineno))
            tb = tb.tb_next
        return names


print(frames())
e = ValueError("no traceback yet")
print(e.__traceback__)
try:
    raise e
except ValueError:
    pass
print(type(e.__traceback__).__name__, e.with_traceback(None) is e, e.__traceback__)


def gen():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit, exception() is", repr(sys.exception()))
        raise


g = gen()
next(g)
g.close()
