# Deeply nested data: repr, equality, and building/walking without recursion.
nested = []
cur = nested
for _ in range(100):
    nxt = []
    cur.append(nxt)
    cur = nxt
print(repr(nested)[:40], len(repr(nested)))
deep = []
cur = deep
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    repr(deep)
except RecursionError as e:
    print("repr:", type(e).__name__, e)
try:
    deep == deep[0]
except RecursionError as e:
    print("==:", type(e).__name__, e)
d = {}
cur = d
for i in range(100000):
    cur["k"] = {}
    cur = cur["k"]
try:
    str(d)
except RecursionError as e:
    print("dict str:", type(e).__name__, e)
depth = 0
cur = deep
while cur:
    cur = cur[0]
    depth += 1
print("iterative walk depth:", depth)
t = ()
for i in range(50):
    t = (i, t)
print(str(t)[:30], len(str(t)))
