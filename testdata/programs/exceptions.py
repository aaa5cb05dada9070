def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("one")
    return 10 // (n - 2)


for i in range(4):
    try:
        r = risky(i)
    except ValueError as e:
        print("value", e)
    except (KeyError, ZeroDivisionError) as e:
        print("other", type(e).__name__, e)
    else:
        print("ok", r)
    finally:
        print("finally", i)


def chain():
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e


try:
    chain()
except RuntimeError as e:
    print(e, type(e.__cause__).__name__, e.__suppress_context__)


class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code


try:
    raise MyError(7)
except Exception as e:
    print(e, e.code, e.args, isinstance(e, MyError))


def fin():
    try:
        return "try"
    finally:
        print("in finally")


print(fin())


def loop_fin():
    out = []
    for i in range(5):
        try:
            if i == 3:
                break
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append(-i)
    return out


print(loop_fin())
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as g:
    print("values", [str(x) for x in g.exceptions])
except* TypeError as g:
    print("types", len(g.exceptions))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise IndexError("inner")
except IndexError as e:
    print(type(e.__context__).__name__)
e = None
try:
    assert 1 == 2, "math"
except AssertionError as err:
    print("assert", err)
print(e)
