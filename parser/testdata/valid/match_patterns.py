match command:
    case 1:
        pass
    case -1:
        pass
    case 1.5 | -2.5e3 | 3j | -4j | 1 + 2j | -1 - 2j | 0x1F | 1_000:
        pass
    case "str" | b"bytes" | "implicit" "concat" | r"raw":
        pass
    case None:
        pass
    case True:
        pass
    case False:
        pass
    case Color.RED:
        pass
    case a.b.c.d:
        pass
    case x:
        pass


match subject:
    case _:
        pass


match point:
    case (0, 0):
        print("origin")
    case (0, y):
        print(y)
    case [x, 0]:
        print(x)
    case [x, y, *rest]:
        pass
    case (x, *_):
        pass
    case []:
        pass
    case ():
        pass
    case [*_]:
        pass
    case (x,):
        pass
    case [x,]:
        pass
    case x, y:
        pass
    case x, *y, z:
        pass
    case *x, y:
        pass
    case 1,:
        pass


match value:
    case {}:
        pass
    case {"key": v}:
        pass
    case {"a": 1, "b": [x, y], **rest}:
        pass
    case {1: _, -2: _, 3.0: _, 1+1j: _, None: _, True: _, Color.RED: _, b"b": _}:
        pass
    case {**rest}:
        pass
    case {"a": 1,}:
        pass


match obj:
    case Point():
        pass
    case Point(x=0, y=0):
        pass
    case Point(0, 0):
        pass
    case Point(1, y=2):
        pass
    case module.Point(x, y, z=3,):
        pass
    case Point(x=Point(y=[1, 2, *r]) as inner):
        pass
    case int(x) | float(x) if x > 0:
        pass
    case str() as s if (n := len(s)) > 3:
        pass
    case (1 | 2 | 3) as small:
        pass
    case [1, 2] | [3, 4] as either:
        pass
    case (x):
        pass
    case ((x) as y) as z:
        pass
    case {"k": [Point(x=1) | None, *_]} if x:
        pass


match x, y:
    case a, b:
        pass

match *x, y:
    case _:
        pass

match (x):
    case _:
        pass

match -x:
    case _:
        pass

match [x, y]:
    case _:
        pass

match {x: y}:
    case _:
        pass

match f(x), *rest,:
    case _:
        pass

match = 1
match.attr = 2
match(x)
match[x]
case = 3
_ = 4
print(match, case, _)

def f():
    match x:
        case 1:
            return 1
        case _:
            return 2
