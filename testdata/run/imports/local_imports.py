# import statements inside functions and classes bind local names; import x.y as z.
def use_math():
    import math
    from itertools import count as c
    return math.factorial(5), next(c(7)), "math" in locals(), "c" in locals()


print(use_math(), "math" in globals())


class Holder:
    import _shapes as shapes_mod
    sq = shapes_mod.Square(2)


print(Holder.sq, Holder.shapes_mod.PI_ISH, hasattr(Holder(), "shapes_mod"))
import _pkg._util as util_alias
print(util_alias.square(12), util_alias.__name__, "_pkg" in globals())
import _pkg._geometry
print("_pkg" in globals(), _pkg._geometry.distance((0, 0), (1, 1)) ** 2)


def conditional(flag):
    if flag:
        import _star as chosen
    else:
        import _nostar as chosen
    return chosen.__name__


print(conditional(True), conditional(False))
import sys
print(type(sys.path).__name__, all(type(p) is str for p in sys.path))
for name in ["sys", "builtins", "itertools"]:
    print(name, name in sys.builtin_module_names)
