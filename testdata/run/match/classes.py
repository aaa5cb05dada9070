# Class patterns: keyword attributes, __match_args__, builtins with self-matching, errors.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


class Circle:
    __match_args__ = ("center", "r")

    def __init__(self, center, r):
        self.center, self.r = center, r


class Rect:
    def __init__(self, corner, w, h):
        self.corner, self.w, self.h = corner, w, h


def area(shape):
    match shape:
        case Circle(Point(0, 0), r):
            return f"circle at origin, r={r}"
        case Circle(center=Point(x=cx), r=r) if r > 10:
            return f"big circle, cx={cx}"
        case Circle(_, r):
            return f"circle area {3.14159 * r * r:.2f}"
        case Rect(w=w, h=h) if w == h:
            return f"square {w}"
        case Rect(corner=Point(x, y), w=w, h=h):
            return f"rect at {x},{y} area {w * h}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, 0) | Point(0, x):
            return f"on an axis at {x}"
        case Point():
            return "some point"
        case _:
            return "unknown"


for s in [Circle(Point(0, 0), 2), Circle(Point(5, 1), 20), Circle(Point(1, 1), 1), Rect(Point(0, 0), 3, 3),
          Rect(Point(1, 2), 3, 4), Point(0, 0), Point(7, 0), Point(0, -3), Point(1, 1), "circle"]:
    print(area(s))


def builtin_types(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f) | (complex() as f):
            return f"number {f}"
        case str() as s:
            return f"str {s!r}"
        case list([x, *_]):
            return f"list starting {x}"
        case dict({"k": k}):
            return f"dict with k={k}"
        case tuple((a, b)):
            return f"pair {a},{b}"
        case _:
            return "other"


for v in [True, 3, 2.5, 1j, "s", [9, 8], [], {"k": 1}, (1, 2), (1,), None]:
    print(repr(v), "->", builtin_types(v))
try:
    match 1j:
        case complex(z):
            pass
except TypeError as e:
    print("complex is not self-matching:", type(e).__name__, e)
try:
    match Rect(Point(0, 0), 1, 1):
        case Rect(a):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match Point(1, 2):
        case Point(1, x=1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match 1:
        case len():
            pass
except TypeError as e:
    print(type(e).__name__, e)


class BadArgs:
    __match_args__ = ["x"]


try:
    match BadArgs():
        case BadArgs(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
