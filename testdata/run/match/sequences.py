# Sequence patterns: fixed length, star patterns, nested, and what counts as a sequence.
def shape(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a}, {b}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long: first={first} middle={middle} last={last}"
        case [0, *rest]:
            return f"starts with 0, rest={rest}"
        case [*init, 0]:
            return f"ends with 0, init={init}"
        case (a, b, c):
            return f"three: {a} {b} {c}"
        case _:
            return "no match"


for v in [[], [1], (1, 2), [0, 5, 6], [4, 5, 0], (1, 2, 3), [1, 2, 3, 4, 5, 6], "ab", range(2), [1, 2, 3, 4],
          {1: 2}, {1, 2}, b"ab", bytearray(b"xy")]:
    print(repr(v), "->", shape(v))


def nested(cmd):
    match cmd:
        case ["move", ("north" | "south" | "east" | "west") as direction]:
            return f"moving {direction}"
        case ["move", (int(x), int(y))]:
            return f"moving to {x},{y}"
        case ["pick", "up", *items] if items:
            return f"picking up {', '.join(items)}"
        case ["drop", [*items]]:
            return f"dropping list {items}"
        case [("a" | "b"), ("a" | "b")]:
            return "pair of a/b"
        case [_, _, *_]:
            return "some long command"
        case _:
            return "unknown"


for c in [["move", "north"], ["move", (3, 4)], ["move", "up"], ["pick", "up", "key", "coin"], ["pick", "up"],
          ["drop", ["x", "y"]], ["a", "b"], ["b", "c"], ["x"], "move"]:
    print(c, "->", nested(c))
