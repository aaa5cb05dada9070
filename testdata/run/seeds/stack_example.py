# The second seed's stack walk-through: x = 10, y = 20, result = x + y * 2, and friends.
x = 10
y = 20
result = x + y * 2
print(result)


def as_function():
    x = 10
    y = 20
    result = x + y * 2
    return result


print(as_function(), as_function.__code__.co_varnames, as_function.__code__.co_consts)
exprs = ["x + y * 2", "(x + y) * 2", "x - y - 2", "x - (y - 2)", "x ** 2 ** 2", "-x ** 2", "x // 3 * 3 + x % 3",
         "x < y < 30", "x and y or 0", "not x or y", "x if y else 0", "[x, y][x > y]", "x * y // (x - y)"]
for e in exprs:
    print(f"{e:22} = {eval(e)}")
