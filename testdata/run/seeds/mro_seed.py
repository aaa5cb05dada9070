# The second seed's method resolution example: D(B, C) and C3 linearization.
class A:
    def method(self):
        return "A"


class B(A):
    def method(self):
        return "B"


class C(A):
    def method(self):
        return "C"


class D(B, C):  # Multiple inheritance
    pass


# Method Resolution Order (MRO): D -> B -> C -> A -> object
print(D.__mro__)
print(D().method(), [cls.__name__ for cls in D.mro()])


class E(C, B):
    pass


print(E().method(), [cls.__name__ for cls in E.__mro__])


def c3(cls_bases):
    """Recompute the MRO by hand (C3) and compare with CPython's."""
    def merge(seqs):
        out = []
        seqs = [list(s) for s in seqs if s]
        while seqs:
            for s in seqs:
                head = s[0]
                if not any(head in t[1:] for t in seqs):
                    break
            else:
                raise TypeError("inconsistent")
            out.append(head)
            seqs = [[c for c in t if c is not head] for t in seqs]
            seqs = [t for t in seqs if t]
        return out

    cls = cls_bases
    return [cls] + merge([list(b.__mro__) for b in cls.__bases__] + [list(cls.__bases__)])


for k in [A, B, D, E]:
    print(k.__name__, [c.__name__ for c in c3(k)] == [c.__name__ for c in k.__mro__])
