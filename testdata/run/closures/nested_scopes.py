# Several levels of nesting: free variables passing through intermediate functions.
def level1():
    a = "a1"

    def level2():
        b = "b2"

        def level3():
            c = "c3"

            def level4():
                return a, b, c

            return level4

        return level3

    return level2


f4 = level1()()()
print(f4(), f4.__code__.co_freevars, len(f4.__closure__))
print(level1().__code__.co_freevars, level1.__code__.co_cellvars)


def modify_through_levels():
    value = 0

    def mid():
        def inner():
            nonlocal value
            value += 1
            return value
        return inner()

    mid()
    mid()
    return value


print(modify_through_levels())


def class_in_function(tag):
    class Tagged:
        label = tag

        def get(self):
            return tag + "!"

    return Tagged


T1, T2 = class_in_function("x"), class_in_function("y")
print(T1().get(), T2().get(), T1.label, T2.label, T1 is T2, T1.__qualname__)


def cell_and_param(x):
    def reader():
        return x
    x = x * 2
    return reader()


print(cell_and_param(21))


def unbound_free():
    def reader():
        return y
    try:
        reader()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
    return reader()


print(unbound_free())


def deleted_cell():
    z = 5

    def reader():
        return z
    del z
    try:
        return reader()
    except NameError as e:
        return f"{type(e).__name__}: {e}"


print(deleted_cell())
