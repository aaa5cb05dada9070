# sys.tracebacklimit limits how many frames are printed (the innermost ones are kept).
import sys


def a(n):
    return b(n)


def b(n):
    return c(n)


def c(n):
    return n["x"]


sys.tracebacklimit = 2
print("limit", sys.tracebacklimit)
a([])
