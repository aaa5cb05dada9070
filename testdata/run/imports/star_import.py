# from module import *: __all__ versus underscore names.
from _star import *
print(public_a, helper())
for name in ["public_b", "_underscore"]:
    print(name, name in globals())
from _nostar import *
print(visible, shown(), "_hidden" in globals(), "_sys" in globals())
import _star
print(_star.__all__, _star.public_b)
