# Uncaught ZeroDivisionError through three frames: carets under the binary operator.
def ratio(a, b):
    return a / b


def average(values):
    total = sum(values)
    return ratio(total, len(values))


def report(groups):
    for name, values in groups.items():
        print(name, average(values))


report({"a": [1, 2, 3], "b": [10], "empty": []})
