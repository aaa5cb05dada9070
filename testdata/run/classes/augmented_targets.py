# Augmented assignment to names, attributes and subscripts: which hooks run, in which order.
class Tracer:
    def __init__(self):
        object.__setattr__(self, "data", {"v": 1})

    def __getattr__(self, name):
        print(f"  __getattr__({name!r})")
        return self.data[name]

    def __setattr__(self, name, value):
        print(f"  __setattr__({name!r}, {value!r})")
        self.data[name] = value

    def __getitem__(self, k):
        print(f"  __getitem__({k!r})")
        return self.data[k]

    def __setitem__(self, k, v):
        print(f"  __setitem__({k!r}, {v!r})")
        self.data[k] = v


t = Tracer()
print("t.v += 10")
t.v += 10
print("t['v'] *= 2")
t["v"] *= 2
print(t.data)


class InPlace:
    def __init__(self, items):
        self.items = items

    def __iadd__(self, other):
        print("  __iadd__")
        self.items += other
        return self

    def __repr__(self):
        return f"InPlace({self.items})"


holder = Tracer()
object.__setattr__(holder, "data", {"box": InPlace([1])})
print("holder.box += [2]")
holder.box += [2]
print(holder.data)
lst = [InPlace([0])]
lst[0] += [5]
print(lst)
t2 = (InPlace([1]),)
try:
    t2[0] += [2]
except TypeError as e:
    print(type(e).__name__, e, "- __iadd__ already ran:", t2)
t3 = ([1],)
try:
    t3[0] += [2]
except TypeError as e:
    print(type(e).__name__, e, "- but the list changed:", t3)
n = 5
n -= 2
n *= 3
n //= 2
n **= 2
n %= 7
n <<= 3
n |= 1
n ^= 0b1010
n &= 0xF
n >>= 1
print(n)
s = "ab"
s *= 3
s += "!"
print(s)
f = 7.5
f /= 2
f //= 1
print(f)
m = [[1, 2], [3, 4]]
m[1][0] += 100
print(m)
