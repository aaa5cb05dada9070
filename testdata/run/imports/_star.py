"""__all__ decides what 'from _star import *' binds."""
__all__ = ["public_a", "helper"]
public_a = "A"
public_b = "B (not in __all__)"
_underscore = "private"


def helper():
    return "helper"
