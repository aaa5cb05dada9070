print("  [_pkg._util] loaded as", __name__, "in package", __package__)


def square(x):
    return x * x


def where():
    return __name__
