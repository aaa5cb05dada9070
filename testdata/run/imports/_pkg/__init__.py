"""A package of the imports tests."""
print("  [_pkg] __init__ running, __name__ =", __name__, "__package__ =", __package__)
from ._geometry import distance
from . import _util as util
VERSION = (1, 2)
