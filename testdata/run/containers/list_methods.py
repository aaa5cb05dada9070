# list methods and their errors.
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5)
print(a, len(a))
a.extend([3, 5])
a.extend("ab")
a.extend(range(2))
print(a)
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before-last")
a.insert(-100, "very-first")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove("a")
print(a.index(1), a.index(1, 3), a.count(5), a.count("zz"), 9 in a, "first" in a)
b = a.copy()
b.reverse()
print(b, a == b, a is b)
del a[:2]
print(a)
a.clear()
print(a, len(a), bool(a))
for expr in ["[].pop()", "[1].pop(5)", "[1].remove(2)", "[1].index(2)", "[1, 2].index(1, 1)", "[].insert()",
             "[1].extend(5)", "[1, 'a'].sort()", "[1] + (2,)", "[1] * 'x'", "[1].append(1, 2)"]:
    try:
        print(eval(expr))
    except (IndexError, ValueError, TypeError) as e:
        print(expr, "->", type(e).__name__, e)
c = [1, 2]
c += (3, 4)
c += "xy"
c *= 2
print(c)
d = [[0] * 3] * 3
d[0][0] = 1
print(d)
e = [[0] * 3 for _ in range(3)]
e[0][0] = 1
print(e)
print([1, 2] * 0, [] * 5, [None] * 3, list("abc"), list(range(3)), list({1: 2}), list((1,)))
print(sum([[1], [2, 3]], []), [1, 2, 3][::-1], list(reversed([1, 2, 3])))
