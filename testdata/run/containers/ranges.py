# range objects: indexing, slicing, len, containment, equality and errors.
r = range(3, 20, 4)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], list(r[::-1]), r.start, r.stop, r.step)
print(7 in r, 8 in r, 7.0 in r, "7" in r, r.index(11), r.count(15), r.count(16))
print(range(0), list(range(0)), len(range(10, 0)), list(range(10, 0, -3)), len(range(-5, 5, 2)))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5), range(1) == range(0, 1, 1), hash(range(0)) == hash(range(3, 3)))
big = range(10 ** 20)
print(len(range(2 ** 62)), big[-1], big[10 ** 19], 10 ** 19 + 7 in big, big[::10 ** 19])
try:
    len(range(2 ** 64))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(5)[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(5).index(7)
except ValueError as e:
    print(type(e).__name__, e)
print(sum(range(101)), max(range(7)), min(range(3, 9)), list(reversed(range(5))), sorted(range(3), reverse=True))
print(list(zip(range(3), range(10, 13))), list(enumerate(range(5, 8), 1)), list(map(str, range(3))))
total = 0
for i in range(1, 10, 3):
    for j in range(i):
        total += j
print(total, [i for i in range(-3, 3)], list(range(-1, -8, -2)))
