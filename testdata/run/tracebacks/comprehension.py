# An error inside an inlined comprehension and inside a generator expression.
def squares_of_inverses(xs):
    return [1 / x ** 2 for x in xs]


print(squares_of_inverses([1, 2, 4]))
print(sum(1 / x for x in [1, 2]))


def gen_sum(xs):
    return sum(int(x) for x in xs)


print(gen_sum(["1", "2"]))
gen_sum(["3", "four"])
