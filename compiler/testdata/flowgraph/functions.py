# Function bodies (compiled as modules by the test, returns as raises).
def loops(xs, n):
    total = 0
    for i, x in enumerate(xs):
        if x is None:
            continue
        try:
            total += x
        except TypeError:
            return None
        finally:
            n -= 1
            if n == 0:
                break
    else:
        return total
    while n > 0:
        n -= 1
    return total + n


def closures(a, b):
    c = [lambda: a + i for i in range(b)]
    d = {k: (lambda: k) for k in c}
    def inner():
        nonlocal_value = a
        return nonlocal_value
    e = [[y for y in x if y] for x in c if x]
    return c, d, inner, e


def unbound(flag):
    if flag:
        value = 1
    print(value)
    del value
    try:
        value = g()
    except Exception:
        pass
    return value


def many(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17):
    x = a0 + a1 + a15 + a16 + a17
    a16, a17 = a17, a16
    a0 = a1 = a15
    return x, a16, a17


def tries():
    try:
        return 1
    finally:
        return 2


def withs(m):
    with m as x:
        return x
    with m:
        pass


class K:
    attr = 1
    other = [attr for _ in range(3)]

    def method(self):
        self.x = 1
        return super().method()
