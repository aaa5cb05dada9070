# Float arithmetic: inf and nan propagation, signed zero, overflow and errors.
inf, nan = float("inf"), float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, inf / inf, nan + 1)
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, abs(-0.0), 0.0 == -0.0, str(-0.0))
print(1e308 + 1e308, 2.0 ** 1023 * 2, 5e-324 / 2, 5e-324 * 0.5)
print(7.0 / 2, 7 / 2, 7.0 // 2, -7.0 // 2, 7 % 2.5, 2 ** -1074)
try:
    1.0 / 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.0 % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    (10 ** 400) / 3
except OverflowError as e:
    print(type(e).__name__, e)
print((10 ** 400) // 3 % 1000, 10 ** 400 / 10 ** 399, (2 ** 2000) / (2 ** 1999))
print(1 / 3 + 1 / 3 + 1 / 3, 0.1 * 0.1, 3 * 0.1 == 0.3)
acc = 0.0
for i in range(1, 101):
    acc += 1.0 / i
print(acc)
acc = 1.0
for i in range(30):
    acc = acc * 1.5 - 0.25
print(acc)
print(max(0.0, -0.0), min(0.0, -0.0), max(nan, 1), max(1, nan), sorted([3.0, nan, 1.0]))
print(divmod(-0.0, 1), divmod(5.5, -2), 2.5 % -1, -2.5 % 1)
