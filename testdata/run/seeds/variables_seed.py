# The second seed's variable kinds: fast locals, globals, builtins, cells and free variables.
global_var = 10


def fast_locals():
    x = 10
    total = 0
    for i in range(10000):
        y = x + i  # x is local, very fast
        total += y
    return total


def slower_globals():
    total = 0
    for i in range(10000):
        y = global_var + i  # global_var requires dict lookup
        total += y
    return total


def builtin_vs_custom():
    # Fast: built-in sum() is implemented in C
    result1 = sum(range(100000))
    # Slower: Python loop with bytecode overhead
    result2 = 0
    for i in range(100000):
        result2 += i
    return result1, result2


def outer(x):
    def inner():
        return x  # 'x' is a free variable in inner()
    return inner


print(fast_locals(), slower_globals(), builtin_vs_custom(), outer(5)())
print(fast_locals.__code__.co_varnames, slower_globals.__code__.co_names, builtin_vs_custom.__code__.co_names)
print(outer.__code__.co_cellvars, outer(1).__code__.co_freevars)
global_var = 20
print(slower_globals())
