# needs: stdlib
# collections: deque, Counter, defaultdict, OrderedDict, namedtuple, ChainMap.
from collections import deque, Counter, defaultdict, OrderedDict, namedtuple, ChainMap
dq = deque([1, 2, 3], maxlen=5)
dq.appendleft(0)
dq.append(4)
dq.append(5)
print(dq, dq.maxlen, dq[0], dq[-1], len(dq))
dq.rotate(2)
print(dq, dq.popleft(), dq.pop(), dq)
dq.extendleft("ab")
print(dq, list(reversed(dq)), dq.count(3), dq.index(1))
c = Counter("abracadabra")
print(c, c.most_common(2), c["a"], c["z"], sorted(c.elements()), c.total())
c2 = Counter(a=1, b=10)
print(c + c2, c - c2, c & c2, c | c2, -Counter(a=-2), +Counter(a=-2, b=1))
c.update("aaz")
c.subtract({"a": 1})
print(c)
dd = defaultdict(list)
for k, v in [("x", 1), ("y", 2), ("x", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd["missing"], len(dd))
di = defaultdict(int)
for ch in "banana":
    di[ch] += 1
print(di)
od = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
od.move_to_end("a")
od.move_to_end("c", last=False)
print(od, od.popitem(), od.popitem(last=False), od, OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1))
Point = namedtuple("Point", "x y")
p = Point(3, y=4)
print(p, p.x, p[1], p._asdict(), p._replace(x=0), Point._fields, Point._make([5, 6]), p == (3, 4))
x, y = p
print(x, y, Point.__doc__)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
P3 = namedtuple("P3", ["x", "y", "z"], defaults=[0])
print(P3(1, 2), P3(1, 2, 3), P3._field_defaults)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), dict(cm), cm.maps, cm.new_child({"c": 4})["c"])
