match = 1
case = 2
type = 3
_ = 4
match match:
    case case:
        pass
match case:
    case match if match:
        pass
match type:
    case type():
        pass
match _:
    case _:
        pass
match(1, 2)
match[1]
match.x
match -1
match + 1
match * 2
match, case = 1, 2
type(x)
type.x
type[x]
type, x = 1, 2
type X = int
type type = type
type match = case
type _[_] = _
def match(match, case=case, *type, **_): return match
class case(type): pass
def f(type: type, /, match: int) -> match: pass
lambda match, type: (match, type)
print(match=1, type=2, case=3, _=4)
import match
from type import case as _
match x:
    case {"match": match, "case": case}:
        pass
    case type(type=type):
        pass
