# Closures capture variables, not values: the loop-variable trap and its fixes.
fs = []
for i in range(4):
    fs.append(lambda: i)
print([f() for f in fs])
i = "changed"
print([f() for f in fs])
fs = [lambda i=i: i for i in range(4)]
print([f() for f in fs])


def make(i):
    return lambda: i


fs = [make(i) for i in range(4)]
print([f() for f in fs])


def shared():
    x = 1
    get = lambda: x
    x = 2
    r1 = get()
    x = 3
    return r1, get()


print(shared())


def cells_in_loop():
    out = []
    for j in range(3):
        def show(j=j):
            return j * 10
        out.append(show)
    return [f() for f in out]


print(cells_in_loop())


def closure_over_comprehension_var():
    return [(lambda: k) for k in range(3)]


print([f() for f in closure_over_comprehension_var()])
gens = [(x for _ in range(1)) for x in range(3)]
print([next(g) for g in gens])
