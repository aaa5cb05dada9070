# Forwarding arguments through wrappers with *args/**kwargs, and keyword merging.
def target(a, b, /, c=0, *rest, d=1, **kw):
    return f"a={a} b={b} c={c} rest={rest} d={d} kw={kw}"


def forward(*args, **kwargs):
    return target(*args, **kwargs)


print(forward(1, 2))
print(forward(1, 2, 3, 4, 5, d=6, e=7))
print(forward(*(1, 2), c=9, **{"d": 0, "x": "y"}))


def with_defaults(**overrides):
    settings = {"color": "red", "size": 10}
    settings.update(overrides)
    return settings


print(with_defaults(), with_defaults(size=12, shape="o"))
opts = {"sep": "-", "end": "!\n"}
print("a", "b", "c", **opts)
print(*"xyz", sep=", ")


def kwarg_order(**kw):
    return list(kw)


print(kwarg_order(z=1, a=2, m=3), kwarg_order(**{"b": 1}, a=2))


def count_args(*args, **kwargs):
    return len(args), len(kwargs)


print(count_args(), count_args(*range(100)), count_args(**{str(i): i for i in range(50)}))
try:
    forward(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(forward(1, 2, a=3))
except TypeError as e:
    print(type(e).__name__, e)
try:
    count_args(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
