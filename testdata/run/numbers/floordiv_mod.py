# Floor division and modulo: signs follow the divisor, for ints and floats.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (3, 7), (-3, 7), (6, 3), (-6, 3)]
for a, b in pairs:
    print(f"{a:3} // {b:3} = {a // b:3}   {a:3} % {b:3} = {a % b:3}   divmod = {divmod(a, b)}")
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (1e300, 1e-300), (0.0, -1.0), (-0.0, 1.0)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(-1e-100 % 1.0, 1e-100 % -1.0)
print(5 % float("inf"), -5 % float("inf"), 5 // float("inf"), -5 // float("inf"))
print((2 ** 100) // -3, (2 ** 100) % -3, -(2 ** 100) // 3)
print(int(-7 / 2), -7 // 2, round(-7 / 2))
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0), (2 ** 80, 0)]:
    for op in ("//", "%", "divmod", "/"):
        try:
            if op == "//":
                r = a // b
            elif op == "%":
                r = a % b
            elif op == "/":
                r = a / b
            else:
                r = divmod(a, b)
            print(a, op, b, r)
        except ZeroDivisionError as e:
            print(a, op, b, type(e).__name__, e)
print(10 % 3 == 1, -10 % 3 == 2)
x = 17
x //= 5
print(x)
x %= 2
print(x)
print(True // 1, True % 2, False // True)
