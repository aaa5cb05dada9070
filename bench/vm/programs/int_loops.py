# Integer arithmetic in tight loops: a sieve, digit sums, gcds, modular exponentiation, collatz.
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    return [i for i in range(n + 1) if flags[i]]


def digit_sum(n):
    s = 0
    while n:
        s += n % 10
        n //= 10
    return s


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def collatz_len(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n >>= 1
        steps += 1
    return steps


primes = sieve(800000)
checksum = len(primes) + primes[-1]
checksum += sum(digit_sum(p) for p in primes[:20000])
checksum += sum(gcd(i * 7919, i * 104729 + 13) for i in range(1, 120000))
checksum += max(collatz_len(i) for i in range(1, 100000))
checksum += sum(pow(i, 65537, 1000003) for i in range(1, 20000)) % 1000003
x = 0
for i in range(300000):
    x = (x * 31 + i) & 0xFFFFFFFF
    x ^= x >> 7
checksum += x
print(checksum)
