# import of a sibling module: attributes, classes, functions and module identity.
import _shapes
import _shapes as sh
from _shapes import Square, area_circle as ac
print(_shapes.PI_ISH, round(_shapes.area_circle(2), 4), round(ac(1), 4), Square(3), Square(3).area())
print(sh is _shapes, _shapes.__name__, type(_shapes).__name__, Square.__module__, ac.__module__)
print(sorted(n for n in dir(_shapes) if not n.startswith("__")))
print(_shapes._private, _shapes.math.sqrt(16))
_shapes.PI_ISH = 3
import _shapes as again
print(again.PI_ISH, again is sh)
import sys
print("_shapes" in sys.modules, sys.modules["_shapes"] is _shapes)
