# min, max, sum: iterables vs arguments, key, default, start, and errors.
print(max(3, 1, 4), min(3, 1, 4), max([3, 1, 4]), min("hello"), max("abc", "abd"), max([1, 2], [1, 3]))
print(max([], default="empty"), min((), default=None), max([5], default=0))
words = ["kiwi", "fig", "banana", "apple"]
print(max(words, key=len), min(words, key=len), max(words), min(words, key=lambda w: w[-1]))
print(max([2, -5, 3], key=abs), min([(1, "b"), (1, "a")]), max({"a": 3, "b": 1}, key=lambda k: -ord(k)))
print(max(1, 2.0), max(2.0, 2), min(True, 1), max(1, True), min([1, 1.0]), max([float("nan"), 1]), max([1, float("nan")]))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([], 5))
print(sum([1.5, 2, True]), sum((x for x in range(5)), start=100), sum([1 + 2j, 3]), sum([2 ** 64, 2 ** 64]))
for expr in ["max()", "max([])", "min(1, 2, key=5)", "max(1, 2, default=0)", "sum(['a', 'b'])", "sum(['a'], '')",
             "sum([b'a'], b'')", "sum([[1]])", "max(1, 'a')", "min([[], ()])", "sum(5)", "max(5)"]:
    try:
        print(expr, "=", eval(expr))
    except (TypeError, ValueError) as e:
        print(expr, "!", type(e).__name__, e)
