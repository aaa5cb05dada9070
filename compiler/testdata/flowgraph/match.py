# match statements at module level.
match command.split():
    case [action]:
        r = action
    case [action, obj]:
        r = (action, obj)
    case ["go", ("north" | "south") as d]:
        r = d
    case ["drop", *objects, last]:
        r = objects
    case {"k": v, **rest} if v:
        r = rest
    case Point(x=0, y=0):
        r = "origin"
    case Point(1, y) | Point(2, y):
        r = y
    case None:
        r = None
    case True | False:
        r = 0
    case 1 | 2 | 3:
        r = 1
    case -1.5 | 2j | "s" | b"b":
        r = 2
    case str() | bytes():
        r = 3
    case [1, [2, *_], {"x": (3 | 4) as w}]:
        r = w
    case _:
        r = None

match x:
    case a if a > 0:
        pass
    case _ if y:
        pass

match x:
    case Color.RED:
        pass
    case (a, b, *c):
        pass

match y:
    case {"k": 1}:
        pass
    case {"k": 2}:
        pass
    case {"k": 3, "j": 4}:
        pass
