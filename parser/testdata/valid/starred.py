*a, b = c
a, *b = c
a, *b, c = d
[*a] = b
(*a,) = b
x = *a, *b, c
x = [*a, *b, c]
x = {*a, *b, c}
x = (*a, *b, c)
x = {**a, 'b': 1, **c}
x = {**a}
x = {'a': 1, **b, 'c': 2}
f(*a, *b, **c, **d)
for x in *a, *b:
    pass
for *a, b in c:
    pass
print(*[1], *(2,), *{3})
x[*a]
x[*a, *b]
x[a, *b]
x[*a] = 1
del x[*a]
return_ = lambda: (*a,)
y = {}
z = {1: 2, 3: 4,}
s = {1, 2, 3,}
t = ()
u = (1,)
v = 1,
w = []
