# finally runs on return, break, continue and exceptions, and can override them.
def f1():
    try:
        return "try"
    finally:
        print("  f1 finally")


def f2():
    try:
        return "try"
    finally:
        return "finally"


def f3():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("  body", i)
        finally:
            print("  finally", i)
    return "loop done"


def f4():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def f5():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("  x set to", x)


def f6():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("  inner finally")
    except KeyError as e:
        print("  caught", repr(e))
        return "handled"
    finally:
        print("  outer finally")


def f7():
    while True:
        try:
            return "from loop"
        finally:
            print("  f7 finally")
            break
    return "after break"


for f in [f1, f2, f3, f4, f5, f6, f7]:
    print(f.__name__, "->", f())


def gen_count():
    n = 0
    try:
        while True:
            n += 1
            if n > 3:
                raise StopIteration
    except StopIteration:
        return n
    finally:
        print("  gen_count finally, n =", n)


print(gen_count())
