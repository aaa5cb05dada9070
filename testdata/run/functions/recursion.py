# Recursion: factorial (the seeds' example), fibonacci with memo, mutual recursion.
def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


print([factorial(n) for n in range(12)], factorial(50))
memo = {}


def fib(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]


print(fib(90), len(memo))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(100), is_odd(77), is_even(7))
depth = 0


def measure(n):
    global depth
    depth = max(depth, n)
    if n < 500:
        measure(n + 1)


measure(0)
print("depth", depth)


def power_set_count(items):
    return 1 if not items else 2 * power_set_count(items[1:])


print(power_set_count(list(range(20))))


def tree_sum(t):
    return t if isinstance(t, int) else sum(tree_sum(x) for x in t)


print(tree_sum([1, [2, [3, [4, [5]]]], 6]))


def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)


print(gcd(2 ** 40, 6 ** 20), gcd(17, 0))


def collatz_len(n, cache={1: 1}):
    if n not in cache:
        cache[n] = 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)
    return cache[n]


best = max(range(1, 3000), key=collatz_len)
print(best, collatz_len(best))
