"""Module docstring
    with an indented second line.
"""
import os, sys as system, a.b.c, a.b.c as abc
from . import sibling
from ..pkg import name as alias, other
from mod import *
x: int = 1
y: "str"
z.attr: int = 2
z.attr2: list
w[0]: int
w[1:2]: int = 3
(p): int
a = b = c = 1
a, b = b, a
a, *rest, b = range(10)
[q, r] = u, v
x += 1
z.attr -= 2
w[0] *= 3
w[1:2] @= m
w[::2] **= 2
del a, z.attr, w[0], w[1:2]
global gx
if a:
    pass
elif b:
    x = 1
else:
    x = 2
while x:
    x -= 1
    if x == 5:
        break
    if x == 3:
        continue
else:
    y = 0
for i in range(3):
    for j in range(i):
        if j:
            continue
        break
    else:
        pass
else:
    z = 3
try:
    f()
except ValueError as e:
    g(e)
except (TypeError, KeyError):
    h()
except:
    raise
else:
    k()
finally:
    m()
try:
    pass
finally:
    n()
with open(f) as fh, ctx() as (u, v):
    fh.read()
with ctx():
    pass
assert x, "message"
assert (x, y)
raise ValueError("x") from None
try:
    f()
except* ValueError as eg:
    pass
except* TypeError:
    raise
x = (yield_ := 5)
print(f"{x!r:>10} and {y=} {z:{w}.{p}}")
