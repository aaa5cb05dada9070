# Subclassing dict: __missing__, which methods bypass overridden __setitem__/__getitem__.
class Default(dict):
    def __missing__(self, key):
        print(f"  __missing__({key!r})")
        return f"<{key}>"


d = Default(a=1)
print(d["a"], d["zz"], d.get("zz"), "zz" in d, len(d))


class Loud(dict):
    def __setitem__(self, k, v):
        print(f"  __setitem__({k!r}, {v!r})")
        super().__setitem__(k, v)

    def __getitem__(self, k):
        print(f"  __getitem__({k!r})")
        return super().__getitem__(k)


ld = Loud()
ld["x"] = 1
print("update():")
ld.update({"y": 2})
print("setdefault():")
ld.setdefault("z", 3)
print("constructor:")
ld2 = Loud(a=1)
print("get():", ld.get("x"))
print("subscript:", ld["y"])
print("dict(ld):", dict(ld), "items:", sorted(ld.items()))
print("** unpacking:", {**ld})


class Counter(dict):
    def __missing__(self, key):
        return 0


c = Counter()
for ch in "mississippi":
    c[ch] += 1
print(c, type(c).__name__, isinstance(c, dict))
print(type(c | {"x": 1}).__name__, type(c.copy()).__name__, type(dict(c)).__name__)


class Frozen(dict):
    def __setitem__(self, k, v):
        raise TypeError("frozen")

    def __hash__(self):
        return hash(tuple(sorted(self.items())))


fd = Frozen(a=1)
try:
    fd["b"] = 2
except TypeError as e:
    print(type(e).__name__, e)
print({fd: "usable as key"}[Frozen(a=1)])
