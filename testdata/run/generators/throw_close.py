# throw() and close(): exceptions injected at the yield, cleanup with finally, GeneratorExit.
def worker():
    print("  worker start")
    try:
        while True:
            try:
                x = yield "ready"
                print("  got", x)
            except ValueError as e:
                print("  handled ValueError inside:", e)
                yield "recovered"
    finally:
        print("  worker cleanup")


w = worker()
print(next(w))
print(w.send(1))
print(w.throw(ValueError("bad input")))
print(next(w))
try:
    w.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated out:", repr(e))
print("closed after error:", w.gi_frame)
w2 = worker()
next(w2)
print("close ->", w2.close())
print("close again ->", w2.close())


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("  ignoring GeneratorExit")
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)


def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "value on close"


r = returns_on_close()
next(r)
print("close returns:", r.close())
fresh = worker()
print("close unstarted:", fresh.close(), fresh.gi_frame)
try:
    worker().throw(TypeError("before start"))
except TypeError as e:
    print("throw into unstarted:", repr(e))
g = worker()
next(g)
try:
    g.throw(StopIteration)
except RuntimeError as e:
    print(type(e).__name__, e)
