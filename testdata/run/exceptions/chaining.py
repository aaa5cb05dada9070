# Exception chaining: __context__, __cause__, __suppress_context__, raise from None.
def show(e):
    print(type(e).__name__, repr(str(e)), "| cause:", repr(e.__cause__), "| context:", repr(e.__context__),
          "| suppress:", e.__suppress_context__)


try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    show(e)
try:
    try:
        {}["x"]
    except KeyError as k:
        raise RuntimeError("explicit") from k
except RuntimeError as e:
    show(e)
try:
    try:
        int("z")
    except ValueError:
        raise TypeError("hidden") from None
except TypeError as e:
    show(e)
try:
    raise IndexError("direct") from ValueError("made up cause")
except IndexError as e:
    show(e)
    show(e.__cause__)
try:
    try:
        raise KeyError(1)
    except KeyError:
        try:
            raise KeyError(2)
        except KeyError:
            raise KeyError(3)
except KeyError as e:
    chain = []
    while e is not None:
        chain.append(e.args[0])
        e = e.__context__
    print("context chain", chain)
try:
    raise ValueError from 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError("x") from KeyError
except ValueError as e:
    print(repr(e.__cause__), type(e.__cause__).__name__)
e = RuntimeError("manual")
e.__cause__ = KeyError("set by hand")
print(e.__suppress_context__, repr(e.__cause__))
try:
    e.__cause__ = "not an exception"
except TypeError as err:
    print(type(err).__name__, err)


def reraiser():
    try:
        raise ValueError("original")
    except ValueError:
        raise


try:
    reraiser()
except ValueError as e:
    show(e)
try:
    try:
        raise ValueError("a")
    except ValueError as first:
        raise first
except ValueError as e:
    show(e)
