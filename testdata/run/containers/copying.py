# Aliasing, shallow and deep copies, identity versus equality.
a = [1, [2, 3], {"k": [4]}]
b = a
c = a[:]
d = list(a)
e = a.copy()
a[0] = 100
a[1].append(99)
print(a, b, c, d, e)
print(a is b, a is c, a == c, a[1] is c[1], c == d == e)


def deep(x):
    if isinstance(x, list):
        return [deep(v) for v in x]
    if isinstance(x, dict):
        return {k: deep(v) for k, v in x.items()}
    return x


f = deep(a)
a[2]["k"].append(5)
print(a, f, f == a)
grid = [[0] * 2] * 2
grid[0][1] = 7
print(grid, grid[0] is grid[1])


def append_to(item, target=[]):
    target.append(item)
    return target


print(append_to(1), append_to(2), append_to(3, []), append_to(4))


def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print(append_safe(1), append_safe(2))
t = ([1], 2)
try:
    t[0] += [3]
except TypeError as e:
    print(type(e).__name__, e)
print(t)
x = [1, 2, 3]
y = x
x += [4]
print(y)
x = x + [5]
print(x, y)
s1 = "ab"
s2 = s1
s1 += "c"
print(s1, s2)
n = [0] * 3
m = n
m[0] = 1
print(n, [] is [], [] == [], () == ())
