# An exception raised in a generator shows the generator's frame under the consumer's.
def numbers(limit):
    n = 0
    while True:
        if n > limit:
            raise OverflowError(f"passed {limit}")
        yield n
        n += 1


def consume():
    total = 0
    for v in numbers(3):
        total += v
        print("total", total)


consume()
