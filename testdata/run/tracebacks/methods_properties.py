# Errors inside __init__, a property and a dunder method, reached through operators.
class Vector:
    def __init__(self, *xs):
        self.xs = list(xs)

    @property
    def norm(self):
        return sum(x * x for x in self.xs) ** 0.5

    def __add__(self, other):
        return Vector(*[a + b for a, b in zip(self.xs, other.xs, strict=True)])

    def __repr__(self):
        return f"Vector{tuple(self.xs)}"


v = Vector(3, 4)
print(v, v.norm, v + Vector(1, 1))
print(v + Vector(1, 2, 3))
