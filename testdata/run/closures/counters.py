# Closures that keep state in cells: counters, accumulators, independent instances.
def make_counter(start=0, step=1):
    count = start

    def inc():
        nonlocal count
        count += step
        return count

    def get():
        return count

    def reset():
        nonlocal count
        count = start

    return inc, get, reset


inc, get, reset = make_counter()
inc2, get2, _ = make_counter(100, 10)
print(inc(), inc(), inc(), get(), inc2(), get2(), get())
reset()
print(get(), inc())
print(inc.__closure__[0].cell_contents if inc.__closure__ else None, [c.cell_contents for c in get.__closure__])
print(inc.__code__.co_freevars, make_counter.__code__.co_cellvars)


def running_average():
    total = 0.0
    n = 0

    def add(x):
        nonlocal total, n
        total += x
        n += 1
        return total / n

    return add


avg = running_average()
print([avg(x) for x in [10, 20, 30, 40]])


def bank(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance

    def withdraw(x):
        nonlocal balance
        if x > balance:
            raise ValueError(f"insufficient funds: {balance} < {x}")
        balance -= x
        return balance

    return deposit, withdraw


dep, wd = bank(50)
print(dep(25), wd(60))
try:
    wd(100)
except ValueError as e:
    print(type(e).__name__, e)
