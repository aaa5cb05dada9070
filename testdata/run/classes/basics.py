# Classes: instances, class vs instance attributes, methods, __dict__.
class Point:
    """A 2D point."""
    dims = 2
    created = 0

    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
        Point.created += 1

    def norm2(self):
        return self.x ** 2 + self.y ** 2

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(3, 4)
q = p.moved(1, -1)
print(p, q, p.norm2(), Point.norm2(q), Point.created, p.dims, Point.__doc__, Point.__name__)
print(vars(p), sorted(k for k in Point.__dict__ if not k.startswith("__")), p.__class__ is Point)
p.dims = 3
print(p.dims, Point.dims, q.dims, vars(p))
del p.dims
print(p.dims)
Point.dims = 4
print(p.dims, q.dims)
p.z = 9
print(vars(p), hasattr(q, "z"), getattr(q, "z", "none"))
setattr(q, "label", "Q")
print(q.label, getattr(q, "label"), delattr(q, "label"), hasattr(q, "label"))
try:
    q.nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point.nothing
except AttributeError as e:
    print(type(e).__name__, e)
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2, type(m).__name__)
print(isinstance(p, Point), isinstance(p, object), type(p).__name__, type(Point).__name__, Point.__bases__)
print(Point.__module__, Point.__qualname__, p.__module__, Point.__init__.__qualname__)


class Empty:
    pass


e = Empty()
e.anything = 1
print(vars(e), Empty.__bases__, Empty.__mro__, bool(e), e == e, e != Empty())
