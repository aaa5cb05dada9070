# try/except/else/finally: which clauses run, in which order.
def run(case):
    print(f"case {case}:")
    try:
        print("  try")
        if case == "value":
            raise ValueError("bad value")
        if case == "key":
            {}["k"]
        if case == "other":
            raise OSError(2, "No such file")
        if case == "return":
            return "returned from try"
    except ValueError as e:
        print("  except ValueError", e)
    except (KeyError, IndexError) as e:
        print("  except KeyError/IndexError", repr(e))
    else:
        print("  else")
    finally:
        print("  finally")
    return "normal end"


for c in ["none", "value", "key", "return"]:
    print(" ->", run(c))
try:
    run("other")
except OSError as e:
    print("outer caught", type(e).__name__, e, e.errno, e.strerror)
try:
    try:
        raise TypeError("inner")
    except ValueError:
        print("not this")
    finally:
        print("inner finally runs before outer except")
except TypeError as e:
    print("outer except", e)
for exc in [ZeroDivisionError, ArithmeticError, LookupError, Exception, BaseException]:
    try:
        try:
            1 / 0
        except exc as e:
            print(exc.__name__, "catches", type(e).__name__)
    except ZeroDivisionError:
        print(exc.__name__, "does not catch ZeroDivisionError")
try:
    raise KeyError("k")
except LookupError as e:
    print("LookupError catches KeyError:", repr(e))
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
