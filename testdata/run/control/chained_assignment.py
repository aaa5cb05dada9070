# Chained and multiple assignment: shared objects, target order, swaps, nested targets.
a = b = []
a.append(1)
print(a, b, a is b)
x = y = z = 0
x += 1
print(x, y, z)
i = 0
data = [0, 0, 0]
i = data[i] = 2
print(i, data)
data = [0, 0, 0]
j = 0
data[j] = j = 2
print(j, data)
p, q = q, p = 1, 2
print(p, q)
m = [1, 2, 3, 4]
m[0], m[3] = m[3], m[0]
print(m)
m[1:3] = m[2:0:-1]
print(m)
(a, b), c = [1, 2], 3
[d, (e, *f)] = 4, (5, 6, 7)
print(a, b, c, d, e, f)


class Obj:
    pass


o = Obj()
o.x = o.y = "shared"
print(o.x is o.y, vars(o))
k = {}
k["a"] = k["b"] = []
k["a"].append(1)
print(k)
n = 10
n, m = n + 1, n + 2
print(n, m)
v = [1, 2]
v[0], v[1] = v[1], v[0]
print(v)
s = "xy"
first, second = s
second, first = first, second
print(first, second)
