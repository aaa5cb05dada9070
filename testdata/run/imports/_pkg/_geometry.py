from ._util import square


def distance(p, q):
    return (square(p[0] - q[0]) + square(p[1] - q[1])) ** 0.5
