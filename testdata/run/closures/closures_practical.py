# Practical closures: memoization, callbacks, function factories, partial application.
def memo(fn):
    cache = {}

    def inner(*args):
        if args in cache:
            return cache[args]
        cache[args] = result = fn(*args)
        return result

    inner.cache = cache
    return inner


@memo
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)


print(paths(16, 16), len(paths.cache))


def make_multiplier(n):
    return lambda x: x * n


double, triple = make_multiplier(2), make_multiplier(3)
print(double(21), triple(7), list(map(double, range(5))))


class EventBus:
    def __init__(self):
        self.handlers = {}

    def on(self, name):
        def register(fn):
            self.handlers.setdefault(name, []).append(fn)
            return fn
        return register

    def emit(self, name, *args):
        return [h(*args) for h in self.handlers.get(name, [])]


bus = EventBus()
log = []


@bus.on("save")
def log_save(doc):
    log.append(f"saved {doc}")
    return len(log)


@bus.on("save")
def count_save(doc):
    return doc.upper()


print(bus.emit("save", "a.txt"), bus.emit("save", "b.txt"), bus.emit("load"), log)


def partial(fn, *bound, **kwbound):
    def call(*args, **kw):
        return fn(*bound, *args, **{**kwbound, **kw})
    return call


greet = partial("{} {} {punct}".format, "Hello", punct="!")
print(greet("World"), greet("you", punct="?"))


def pipeline(*stages):
    def run(data):
        for s in stages:
            data = s(data)
        return data
    return run


clean = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(clean("  Hello Big World  "))


def once(fn):
    done = False
    result = None

    def wrapper(*a):
        nonlocal done, result
        if not done:
            result = fn(*a)
            done = True
        return result

    return wrapper


init = once(lambda: print("  initialising") or "ready")
print(init(), init(), init())
