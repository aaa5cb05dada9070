# Infinite generators combined lazily: primes, collatz, interleaving.
import itertools


def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


print(list(itertools.islice(primes(), 25)))
print(next(p for p in primes() if p > 1000))


def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1


print(list(collatz(27))[:20], len(list(collatz(27))))


def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)


print(list(interleave("abc", range(5), ["X"])))


def naturals():
    n = 1
    while True:
        yield n
        n += 1


triangular = itertools.accumulate(naturals())
print(list(itertools.takewhile(lambda t: t < 100, triangular)))
pythagorean = ((a, b, c) for c in naturals() for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c)
print(list(itertools.islice(pythagorean, 8)))
