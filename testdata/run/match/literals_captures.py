# match: literal, capture, wildcard, OR and AS patterns, guards.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case True:
            return "True (never reached for 1)"
        case None:
            return "None"
        case "hello" | "hi" as greeting:
            return f"greeting {greeting!r}"
        case 3.5:
            return "three and a half"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float() as num if num < 0:
            return f"negative {num}"
        case str(s) if s.isdigit():
            return f"digit string {s}"
        case b"bytes":
            return "bytes literal"
        case 1j:
            return "imaginary"
        case _:
            return f"other {type(x).__name__}"


for v in [0, 1, 2, True, False, -1, None, "hello", "hi", "hey", 3.5, 101, -5, -2.5, "123", b"bytes", 1j, 50, [], 1.0]:
    print(repr(v), "->", describe(v))


def guard_order(x):
    match x:
        case n if n % 15 == 0:
            return "FizzBuzz"
        case n if n % 3 == 0:
            return "Fizz"
        case n if n % 5 == 0:
            return "Buzz"
        case n:
            return str(n)


print(" ".join(guard_order(i) for i in range(1, 16)))
match 42:
    case value:
        print("irrefutable capture binds", value)
print("still bound after match:", value)
