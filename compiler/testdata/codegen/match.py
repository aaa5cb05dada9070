match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case [*r]:
        pass
    case [a, *_, b]:
        pass
    case [a, *_]:
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {"k": 1}:
        pass
    case {}:
        pass
    case Point(x=0, y=yy) if yy > 0:
        pass
    case Point(1, _, z):
        pass
    case None:
        pass
    case True | False:
        pass
    case 1 | 2 | 3 as n:
        pass
    case (p, q) | (q, p):
        pass
    case Color.RED:
        pass
    case -1:
        pass
    case 1+2j:
        pass
    case "s" "t":
        pass
    case _:
        pass
match x:
    case _:
        pass
match y:
    case str() as s if s:
        pass
    case z:
        pass
