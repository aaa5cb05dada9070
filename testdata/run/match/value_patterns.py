# Value patterns (dotted names), enums in patterns, and the order of evaluation.
class Color:
    RED = "red"
    GREEN = "green"


class Status:
    OK = 200
    NOT_FOUND = 404


def classify(code, color):
    match code, color:
        case Status.OK, Color.RED:
            return "ok and red"
        case Status.OK, _:
            return "ok"
        case Status.NOT_FOUND, (Color.RED | Color.GREEN) as c:
            return f"not found, {c}"
        case (500 | 502 | 503), _:
            return "server error"
        case int(n), str(c):
            return f"code {n} with {c}"
        case _:
            return "?"


for args in [(200, "red"), (200, "blue"), (404, "green"), (404, "blue"), (502, None), (301, "x"), ("x", 1)]:
    print(args, "->", classify(*args))


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print(f"  Eq({self.v}).__eq__({other!r})")
        return self.v == other


class Consts:
    A = Eq(1)


match 1:
    case Consts.A:
        print("matched via __eq__ of the pattern value")
match 2:
    case Consts.A:
        print("not printed")
    case _:
        print("fell through")
x = 5
match x:
    case 1:
        print("one")
    case other if print("  guard evaluated for", other) or other > 3:
        print("other > 3")
