# global and nonlocal declarations, and the errors when they are missing.
counter = 0


def bump():
    global counter
    counter += 1
    return counter


print(bump(), bump(), counter)


def make_acc():
    total = 0

    def add(x):
        nonlocal total
        total += x
        return total

    return add


acc = make_acc()
print(acc(5), acc(10), acc(-3))


def broken():
    try:
        counter += 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)


broken()


def shadow():
    print_it = "local"

    def inner():
        return print_it

    print_it = "changed"
    return inner()


print(shadow())


def define_global():
    global created_later
    created_later = "made inside a function"


define_global()
print(created_later)


def nested():
    x = "outer"

    def mid():
        def inner():
            nonlocal x
            x = "set by inner"

        inner()
        return x

    return mid(), x


print(nested())
try:
    print(undefined_name)
except NameError as e:
    print(type(e).__name__, e)


def uses_before_def():
    try:
        print(later)
    except NameError as e:
        print(type(e).__name__, e)
    later = 1


uses_before_def()


def del_local():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"


print(del_local())
x = "module"


class C:
    x = "class"

    def m(self):
        return x


print(C().m(), C.x)
