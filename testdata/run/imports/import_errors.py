# Failing imports: missing modules, missing names, a module that raises while importing.
import sys
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, "| name:", e.name)
try:
    import _pkg.no_such_sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e, "| name:", e.name)
try:
    from _shapes import no_such_name
except ImportError as e:
    print(type(e).__name__, e.msg if False else str(e).split(" (")[0], "| name:", e.name)
try:
    from sys import no_such_attr
except ImportError as e:
    print(type(e).__name__, e)
try:
    import _broken
except RuntimeError as e:
    print(type(e).__name__, e)
print("_broken in sys.modules:", "_broken" in sys.modules)
try:
    import _broken
except RuntimeError as e:
    print("second attempt runs the body again:", e)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
m = __import__("_shapes")
print(m.PI_ISH, __import__("_pkg._util").__name__, __import__("_pkg._util", fromlist=["x"]).__name__)
