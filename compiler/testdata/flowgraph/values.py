# Values: boolean operators, comparisons, constants in conditions, swaps.
x = a and b or c
y = not not a
z = not a
t = a < b < c
u = a < b == c > d
if a < b < c:
    v = 1
if not (a is b):
    v = 2
if a is not None:
    v = 3
if None is a:
    v = 4
if not a in b:
    v = 5
if not a == b:
    v = 6
w = a is None
w = a is not None and b
q = 0 and g()
q = 1 or g()
q = None or 3
q = "" and 4
if 0:
    dead = "code"
if 1:
    live = 1
if "":
    pass
if ():
    pass
if 1.5:
    pass
if None:
    pass
if ...:
    pass
if b"x":
    pass
if 0j:
    pass
if (1, 2):
    pass
if not 0:
    r = 1
if x is None:
    pass
elif x is not None:
    pass
while None is not x:
    x = x.next
a, b = b, a
a, b, c = c, b, a
a, b = b, 1
(a, b), c = c, (a, b)
a = b = c = d
a[0], a[1] = a[1], a[0]
s[k] += 1
o.attr += 2
s[i:j] += t
x, x = 1, 2
x, = y,
k = {"a": 1, **d}
l = [*a, 1, *b]
m = (*a, 1)
n = {1, 2, *a}
f(*a, **k)
f(a, *b, c=1, **d)
g = f"{a!r:>{w}} {b=} {c:3}"
print(a, end="")
from os import *
import os.path as osp
