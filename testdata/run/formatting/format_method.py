# str.format: positional, keyword, indexing, attributes, conversions and errors.
print("{} {} {}".format(1, "two", 3.0), "{2} {1} {0}".format("a", "b", "c"), "{0} {0}".format("rep"))
print("{name} is {age}".format(name="Bo", age=3), "{0[1]} {0[k]}".format({"k": "v", 1: "one"}))
print("{0[0]}{0[1]}".format("xy"), "{p.real} {p.imag}".format(p=3 + 4j), "{.__name__}".format(int))
print("{!r} {!s} {!a}".format("q", "q", "ü"), "{:>{}}".format("w", 5), "{:{}{}}".format(7, "0", 4))
print("{{}} {{{}}}".format("in"), "{0:{fill}^{width}}".format("c", fill="-", width=9))
print("{a[0][1]}".format(a=[[1, 2]]), "{0.__class__.__name__}".format([]))
print(format(1234.5, ","), "{:,}".format(10 ** 9), "{:_x}".format(2 ** 32), "{:e}".format(0))
data = {"x": 1, "y": 2}
print("{x}-{y}".format(**data), "{}-{}".format(*"ab"), "{0}{1}{0}".format(*"ab"), "{x}".format_map(data))


class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"


print("{known} {unknown}".format_map(Default(known="k")))
errors = ['"{} {0}".format(1, 2)', '"{0} {}".format(1, 2)', '"{}".format()', '"{1}".format(0)',
          '"{x}".format(y=1)', '"{".format()', '"}".format()', '"{0!x}".format(1)', '"{0:d}".format("s")',
          '"{0[5]}".format([1])', '"{0.nope}".format(1)', '"{:}}".format(1)', '"{0:{1}}".format(1)']
for e in errors:
    try:
        print(eval(e))
    except (ValueError, IndexError, KeyError, AttributeError) as ex:
        print(e, "->", type(ex).__name__, ex)
