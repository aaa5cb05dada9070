# sorted() and reversed() on many kinds of iterables, and sorting stability.
print(sorted([3, 1, 2]), sorted("cab"), sorted((3, 1)), sorted({3: "c", 1: "a"}), sorted({3, 1, 2}), sorted(range(3, 0, -1)))
print(sorted(["B", "a", "C"]), sorted(["B", "a", "C"], key=str.lower), sorted(["B", "a", "C"], reverse=True))
print(sorted([(1, "b"), (0, "z"), (1, "a")]), sorted([[2], [1, 5], [1]]), sorted([0.5, -1, True, 2 ** 70]))
pairs = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[1], reverse=True))
print(list(reversed(sorted(pairs, key=lambda p: p[1]))))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "abc"[i]


print(list(reversed(Seq())), sorted(Seq(), reverse=True))
print(sorted([1, 2], reverse="yes"), sorted([1, 2], reverse=[]))
try:
    sorted([1, 2], reverse=None)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([1, 2], reverse=0), sorted([], key=len))
try:
    sorted([1, None])
except TypeError as e:
    print(type(e).__name__, e)
