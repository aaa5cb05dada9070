# A package with __init__, submodules, a sub-package and relative imports.
import _pkg
print(_pkg.VERSION, _pkg.distance((0, 0), (3, 4)), _pkg.util.square(7), _pkg.util.where())
from _pkg import _geometry
print(_geometry.distance((1, 1), (4, 5)), _geometry.__name__, _geometry.__package__)
import _pkg._sub
print(_pkg._sub.sq(9), _pkg._sub.deep_value)
from _pkg._sub._deep import deep_value as dv
print(dv == _pkg._sub.deep_value)
import sys
print(sorted(k for k in sys.modules if k.startswith("_pkg")))
print(hasattr(_pkg, "_sub"), hasattr(_pkg, "_geometry"), _pkg.__package__, _pkg._sub.__package__)
