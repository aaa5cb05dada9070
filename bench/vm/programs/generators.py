# Closures and generators: pipelines of generator functions, generator expressions, closures.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def scale(xs, k):
    for x in xs:
        yield x * k


def only(xs, pred):
    for x in xs:
        if pred(x):
            yield x


def window(xs, size):
    buf = []
    for x in xs:
        buf.append(x)
        if len(buf) == size:
            yield sum(buf)
            del buf[0]


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


def make_pred(m):
    return lambda x: x % m == 0


total = 0
for rnd in range(60):
    pipe = window(only(scale(numbers(60000), 3), make_pred(2 + rnd)), 4)
    total += sum(pipe)
    total += sum(x * x for x in range(40000) if x & 3 == rnd & 3)
    counter = make_counter()
    for i in range(40000):
        counter(i & 7)
    total += counter(0)


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)


total += sum(tree(17))
print(total)
