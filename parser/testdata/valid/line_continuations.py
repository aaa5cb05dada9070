x = 1 + \
    2
if a and \
   b:
    pass
assert \
    x, \
    "msg"
with a as b, \
     c as d:
    pass
def f(a, \
      b):
    return \
        a
y = [1, \
     2]
s = "abc" \
    "def"
z = \
\
3
if x:
    y = 1\

class C: \
    pass
lambda_ = lambda a, \
    b: a
n = 1\
  + 2
if True:
    a = 1
\

b = 2
from os \
    import path
e = f"{x + \
y}" if 0 else 0
