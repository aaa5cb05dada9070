# for/while with break, continue and else clauses.
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("while", i)
else:
    print("while finished normally, i =", i)
while True:
    i -= 1
    if i < 2:
        break
else:
    print("never printed")
print("after break, i =", i)
for x in []:
    print("never")
else:
    print("empty for runs else")
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if (i + j) % 2:
            continue
        print("pair", i, j)
found = None
for row, line in enumerate(["abc", "def", "ghi"]):
    for col, ch in enumerate(line):
        if ch == "h":
            found = (row, col)
            break
    else:
        continue
    break
print("found", found)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
k = 10
while k:
    k -= 3
    if k < 0:
        print("went negative", k)
        break
