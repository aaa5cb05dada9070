def classify(v):
    match v:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative"
        case int() | float():
            return "number"
        case [x, y]:
            return f"pair {x} {y}"
        case [x, *rest]:
            return f"list head {x} rest {rest}"
        case {"type": "point", "x": x, **others}:
            return f"point {x} {others}"
        case str() as s if len(s) > 3:
            return "long str"
        case None:
            return "none"
        case _:
            return "other"


for v in [0, -5, 3.5, [1, 2], [1, 2, 3], {"type": "point", "x": 1, "z": 2}, "hello", "hi", None]:
    print(classify(v))
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 7:
        break
    print("even", i)
else:
    print("no break")
for i in range(3):
    pass
else:
    print("for else", i)
x = 5
print("big" if x > 3 else "small", x if x else -1, (y := x * 2), y)
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, not x, not not x, x and 0, x or 0, None or "d")


class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return True


with Ctx() as c1, Ctx():
    raise ValueError
print("after with")
