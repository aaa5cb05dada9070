# Recursive algorithms: hanoi, permutations, subsets, ackermann, flatten, binary search.
moves = []


def hanoi(n, a, b, c):
    if n == 0:
        return
    hanoi(n - 1, a, c, b)
    moves.append((n, a, c))
    hanoi(n - 1, b, a, c)


hanoi(4, "A", "B", "C")
print(len(moves), moves[:7])


def perms(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]


print(perms("abc"), len(perms("abcde")))


def subsets(xs):
    if not xs:
        return [[]]
    rest = subsets(xs[1:])
    return rest + [[xs[0]] + r for r in rest]


print(subsets([1, 2, 3]))


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


print(ack(2, 3), ack(3, 3))


def flatten(x):
    if isinstance(x, (list, tuple)):
        out = []
        for v in x:
            out.extend(flatten(v))
        return out
    return [x]


print(flatten([1, [2, (3, [4, []])], [[5]], "six"]))


def bsearch(a, x, lo=0, hi=None):
    hi = len(a) if hi is None else hi
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if a[mid] == x:
        return mid
    return bsearch(a, x, mid + 1, hi) if a[mid] < x else bsearch(a, x, lo, mid)


data = list(range(0, 100, 7))
print([bsearch(data, x) for x in (0, 7, 49, 50, 98, 99)])


def merge_sort(a):
    if len(a) <= 1:
        return a
    m = len(a) // 2
    l, r = merge_sort(a[:m]), merge_sort(a[m:])
    out = []
    while l and r:
        out.append(l.pop(0) if l[0] <= r[0] else r.pop(0))
    return out + l + r


print(merge_sort([5, 2, 9, 1, 5, 6, 0, -3, 8]))


def queens(n, row=0, cols=()):
    if row == n:
        return 1
    return sum(queens(n, row + 1, cols + (c,)) for c in range(n)
               if all(c != pc and abs(c - pc) != row - pr for pr, pc in enumerate(cols)))


print([queens(n) for n in range(1, 8)])
