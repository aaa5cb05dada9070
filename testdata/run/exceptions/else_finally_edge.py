# Exceptions raised inside except, else and finally clauses.
def f(where):
    try:
        try:
            if where == "try":
                raise ValueError("in try")
        except ValueError as e:
            raise KeyError("in except") if where == "try" else None
        else:
            if where == "else":
                raise IndexError("in else")
        finally:
            if where == "finally":
                raise RuntimeError("in finally")
    except Exception as e:
        ctx = e.__context__
        return f"{type(e).__name__}({e}) context={type(ctx).__name__ if ctx else None}"
    return "no error"


for w in ["none", "try", "else", "finally"]:
    print(w, "->", f(w))


def finally_replaces():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")


try:
    finally_replaces()
except TypeError as e:
    print(repr(e), "context:", repr(e.__context__))


def nested_handlers():
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise TypeError(2)
        except TypeError:
            pass
        import sys
        return repr(sys.exception())


print(nested_handlers())


def loop_with_exceptions():
    results = []
    for x in [1, 0, "a", None, 4]:
        try:
            results.append(10 / x)
        except ZeroDivisionError:
            results.append("div0")
            continue
        except TypeError as e:
            results.append(type(e).__name__)
            if x is None:
                break
        finally:
            results.append(f"f{x}")
    return results


print(loop_with_exceptions())
