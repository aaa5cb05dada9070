"""Without __all__, star-import binds every name not starting with an underscore."""
import sys as _sys
visible = 1
_hidden = 2


def shown():
    return "shown"
