# Objects as dict keys and set members: __eq__/__hash__ consistency and mutated keys.
class Key:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return isinstance(o, Key) and self.v == o.v

    def __hash__(self):
        return hash(self.v)

    def __repr__(self):
        return f"Key({self.v!r})"


d = {Key(1): "one", Key(2): "two"}
print(d[Key(1)], Key(2) in d, Key(3) in d, len({Key(1), Key(1), Key(2)}))
k = Key([1])
try:
    {k: 1}
except TypeError as e:
    print(type(e).__name__, e)
mk = Key(1)
table = {mk: "value"}
mk.v = 2
print(mk in table, Key(1) in table, Key(2) in table, list(table.values()), len(table))
print([kk for kk in table], table.get(mk, "lost"))


class EqOnly:
    def __eq__(self, o):
        return True


print(EqOnly.__hash__ is None)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)


class EqAndInheritedHash(Key):
    def __eq__(self, o):
        return super().__eq__(o)


print(EqAndInheritedHash.__hash__ is None)


class KeepHash(Key):
    def __eq__(self, o):
        return super().__eq__(o)

    __hash__ = Key.__hash__


print(hash(KeepHash(5)) == hash(5), {KeepHash(1): 1}[KeepHash(1)])
print({1: "int"}.get(1.0), {1.0: "float"}[True], {True: "bool"}.get(1), {0: "zero"}.get(-0.0))
print({float("nan"): 1}.get(float("nan"), "nan is not equal to itself"))
nan = float("nan")
print({nan: "same object"}[nan])
