# The first seed's add_nums() in its three versions: plain, with a conditional, with a loop.
def add_nums(a, b):
    c = a + b
    return c


def add_nums_cond(a, b):
    c = a + b
    if c % 2 == 0 and c % 3 == 0:
        return 0
    return c


def add_nums_loop(a, b):
    c = a + b
    while c > a / 2:
        c = c - 1
    return c


for a, b in [(1, 2), (2, 4), (3, 3), (10, -4), (0, 0), (7, 11), (-5, -7), (2.5, 0.5), (100, 200)]:
    print(a, b, add_nums(a, b), add_nums_cond(a, b), add_nums_loop(a, b))
print(add_nums("con", "cat"), add_nums([1], [2]), add_nums((1,), ()), add_nums(2 ** 64, 1))
try:
    add_nums(1, "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    add_nums_cond("a", "b")
except TypeError as e:
    print(type(e).__name__, e)
co = add_nums.__code__
print(co.co_varnames, co.co_argcount, co.co_nlocals, co.co_name, type(co.co_code).__name__, len(co.co_code) > 0)
print(add_nums_cond.__code__.co_consts, add_nums_loop.__code__.co_consts)
