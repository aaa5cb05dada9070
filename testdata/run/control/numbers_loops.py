# Integer loops with accumulators, digit manipulations and nested ranges.
def digits(n):
    out = []
    while n:
        n, d = divmod(n, 10)
        out.append(d)
    return out[::-1] or [0]


print(digits(90210), digits(0), sum(digits(2 ** 100)))
armstrong = [n for n in range(1, 10000) if n == sum(d ** len(str(n)) for d in digits(n))]
print(armstrong)


def to_base(n, b):
    s = ""
    while True:
        n, r = divmod(n, b)
        s = "0123456789abcdefghijklmnopqrstuvwxyz"[r] + s
        if n == 0:
            return s


print([to_base(255, b) for b in (2, 3, 8, 16, 36)], int(to_base(123456789, 7), 7))
happy = []
for n in range(1, 50):
    seen = set()
    m = n
    while m != 1 and m not in seen:
        seen.add(m)
        m = sum(int(c) ** 2 for c in str(m))
    if m == 1:
        happy.append(n)
print(happy)
tri = 0
n = 0
while True:
    n += 1
    tri += n
    divs = sum(2 for d in range(1, int(tri ** 0.5) + 1) if tri % d == 0)
    if divs > 50:
        break
print(n, tri)
roman = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(n):
    out = ""
    for v, s in roman:
        while n >= v:
            out += s
            n -= v
    return out


print([to_roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999)])
