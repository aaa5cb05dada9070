# Recursive calls: naive Fibonacci and the Ackermann function.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack(m, n):
    while m:
        if n == 0:
            n = 1
        else:
            n = ack(m, n - 1)
        m -= 1
    return n + 1


total = 0
for n in range(26, 33):
    total += fib(n)
print("fib", total)
print("ack", ack(2, 300), ack(3, 6))
