# Generator pipelines: producing, filtering, transforming and batching lazily.
log = []


def produce(n):
    for i in range(n):
        log.append(f"p{i}")
        yield i


def only_odd(xs):
    for x in xs:
        if x % 2:
            log.append(f"f{x}")
            yield x


def square(xs):
    for x in xs:
        log.append(f"s{x}")
        yield x * x


def batched(xs, size):
    batch = []
    for x in xs:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


pipe = batched(square(only_odd(produce(12))), 2)
print(log)
print(next(pipe), log)
print(list(pipe))
print(log)
lines = ["# comment", "alpha 1", "", "beta 22", "gamma x", "delta 4"]


def parse(lines):
    for ln in lines:
        ln = ln.strip()
        if not ln or ln.startswith("#"):
            continue
        name, _, value = ln.partition(" ")
        try:
            yield name, int(value)
        except ValueError:
            yield name, None


print(dict(parse(lines)))
print(sum(v for _, v in parse(lines) if v), max(parse(lines), key=lambda kv: kv[1] or 0))


def window(xs, k):
    buf = []
    for x in xs:
        buf.append(x)
        if len(buf) > k:
            buf.pop(0)
        if len(buf) == k:
            yield tuple(buf)


print(list(window(range(7), 3)))


def running_max(xs):
    best = None
    for x in xs:
        best = x if best is None or x > best else best
        yield best


print(list(running_max([3, 1, 4, 1, 5, 9, 2, 6])))
