# needs: stdlib
# Mapping patterns: required keys, **rest, nested values, non-dict mappings.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y), **rest}:
            return f"click at {x},{y} extra={rest}"
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return f"key {k!r}"
        case {"type": "key", "key": k}:
            return f"special key {k}"
        case {"type": "resize", "size": {"w": w, "h": h}}:
            return f"resize to {w}x{h}"
        case {"type": t}:
            return f"unhandled type {t}"
        case {}:
            return "mapping without type"
        case _:
            return "not a mapping"


events = [
    {"type": "click", "pos": (1, 2)},
    {"type": "click", "pos": [3, 4], "button": "left", "mods": ["shift"]},
    {"type": "key", "key": "a"},
    {"type": "key", "key": "Enter"},
    {"type": "key", "key": 13},
    {"type": "resize", "size": {"w": 800, "h": 600, "dpi": 2}},
    {"type": "scroll"},
    {"other": 1},
    {},
    [("type", "click")],
    "type",
]
for e in events:
    print(e, "->", handle(e))


class Lookup:
    def __init__(self, data):
        self.data = data
        self.gets = []

    def __getitem__(self, k):
        return self.data[k]

    def get(self, k, default=None):
        self.gets.append(k)
        return self.data.get(k, default)

    def keys(self):
        return self.data.keys()

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)


import collections.abc
collections.abc.Mapping.register(Lookup)
lk = Lookup({"a": 1, "b": 2})
match lk:
    case {"a": 1, "c": _}:
        print("has c")
    case {"a": 1, "b": b}:
        print("matched custom mapping, b =", b, "gets:", lk.gets)
try:
    compile('match x:\n    case {"a": 1, "a": 2}: pass\n', "<dup>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e)
