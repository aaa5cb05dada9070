# PEP 695 type parameters, bounds, constraints, defaults (PEP 696), type
# aliases, and generics inside classes.
def first[T](xs: list[T]) -> T:
    return xs[0]


def pair[K: str, V = int, *Ts, **P](k: K, v: V = 1, *, kw: int = 2) -> dict[K, V]:
    return {k: v}


class Box[T: (int, str)]:
    def get(self) -> T:
        return self.item

    type Alias[U] = list[T] | U

    def method[M](self, m: M) -> M:
        return m


type Pair[A, B = A] = tuple[A, B]


class Outer:
    X = int

    class Inner[Y: X]:
        pass

    def generic[Z: X](self) -> Z:
        pass
