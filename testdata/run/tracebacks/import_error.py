# An uncaught ImportError for a name missing from a built-in module (sys has no file,
# so the message says "unknown location"), with CPython's suggestion.
import sys
print(sys.maxsize > 2 ** 31)
from sys import exit, exitt
