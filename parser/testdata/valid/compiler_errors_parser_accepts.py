# ast.parse accepts all of this; only the compiler or the symbol table rejects it.
print >>sys.stderr, "x"
*a
x = *a + 1
f"{*x}"
f = lambda x: x  # type: int
type A[T = int, U] = int
[y := 1 for y in x]
return 1
yield 2
await z
break
continue
nonlocal q
__debug__ = 1
def f(a, a): pass
def g():
    x = 1
    global x
class C:
    [(j := i) for i in range(5)]
async def h():
    yield from x
match x:
    case f"{y}":
        pass
    case {f"{k}": v}:
        pass
    case [a, *b, *c]:
        pass
    case {"a": 1, "a": 2}:
        pass
    case C(x=1, x=2):
        pass
    case a | b:
        pass
    case a:
        pass
    case 1:
        pass
try:
    pass
except* E:
    break
except* F:
    return
