# id() and hash() relations that hold in every run (addresses themselves are never printed).
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is not c, a == c)
print(type(id(a)).__name__, id(a) > 0)
print(hash("same") == hash("same"), hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)))
print(None is None, type(None)() is None, ... is Ellipsis, NotImplemented is NotImplemented)
empty1, empty2 = (), tuple()
print(empty1 is empty2, frozenset() == frozenset(), 0 == -0)
x = 256
y = 256
print(x is y, x == y)
s1 = "hello"
s2 = "hel" + "lo"
print(s1 == s2)


class K:
    pass


k1, k2 = K(), K()
print(k1 is k2, k1 == k2, hash(k1) == hash(k1), hash(k1) == hash(k2) or "differ")
d = {k1: "one", k2: "two"}
print(d[k1], d[k2], len(d))
print(hash(K) == hash(K), K is type(k1), id(K) == id(type(k2)))
