# Exceptions raised and caught: try/except in loops, custom exception classes, finally, with.
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


class Retry(AppError):
    pass


def parse(token):
    try:
        return int(token)
    except ValueError:
        raise AppError(len(token)) from None


def risky(i):
    if i % 3 == 0:
        raise Retry(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i


class Guard:
    entered = 0

    def __enter__(self):
        Guard.entered += 1
        return self

    def __exit__(self, et, ev, tb):
        return et is KeyError


checksum = 0
tokens = ["12", "x", "7", "abc", "1000", "", "3"] * 50000
for t in tokens:
    try:
        checksum += parse(t)
    except AppError as e:
        checksum += e.code
for i in range(350000):
    try:
        with Guard():
            checksum += risky(i)
    except Retry as e:
        checksum -= e.code % 7
    finally:
        checksum += 1
for i in range(250000):
    try:
        [][i]
    except IndexError:
        checksum += 1
    try:
        {}.pop(i)
    except KeyError:
        checksum += 2
print(checksum, Guard.entered)
