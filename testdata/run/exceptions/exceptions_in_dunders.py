# Exceptions raised from special methods propagate through the operations that call them.
class Bomb:
    def __init__(self, where):
        self.where = where

    def _check(self, name):
        if name == self.where:
            raise RuntimeError(f"boom in {name}")

    def __len__(self):
        self._check("__len__")
        return 1

    def __iter__(self):
        self._check("__iter__")
        return iter([1, 2])

    def __eq__(self, o):
        self._check("__eq__")
        return True

    def __hash__(self):
        self._check("__hash__")
        return 1

    def __repr__(self):
        self._check("__repr__")
        return "Bomb"

    def __bool__(self):
        self._check("__bool__")
        return True

    def __add__(self, o):
        self._check("__add__")
        return 0

    def __getitem__(self, k):
        self._check("__getitem__")
        return k

    def __contains__(self, k):
        self._check("__contains__")
        return False

    def __index__(self):
        self._check("__index__")
        return 0


ops = {
    "__len__": lambda b: len(b),
    "__iter__": lambda b: list(b),
    "__eq__": lambda b: [b].index(Bomb(None)) if False else (b == 1),
    "__hash__": lambda b: {b: 1},
    "__repr__": lambda b: f"{b!r}",
    "__bool__": lambda b: not b,
    "__add__": lambda b: b + 1,
    "__getitem__": lambda b: b[0],
    "__contains__": lambda b: 1 in b,
    "__index__": lambda b: [1, 2][b],
}
for name, op in ops.items():
    try:
        print(name, "ok", op(Bomb(None)))
        op(Bomb(name))
    except RuntimeError as e:
        print(name, type(e).__name__, e)
try:
    [Bomb("__repr__")].__repr__()
except RuntimeError as e:
    print("list repr:", e)
try:
    sorted([Bomb(None), Bomb("__lt__")])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(Bomb("__eq__") in [0])
except RuntimeError as e:
    print("in list:", e)
try:
    {Bomb("__hash__")}
except RuntimeError as e:
    print("set display:", e)
