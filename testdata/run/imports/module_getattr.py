# Module __getattr__ and __dir__ (PEP 562).
import _lazy
print(_lazy.real, _lazy.computed_value, getattr(_lazy, "computed_x"), dir(_lazy))
try:
    _lazy.missing
except AttributeError as e:
    print(type(e).__name__, e)
from _lazy import computed_via_from
print(computed_via_from)
try:
    from _lazy import not_there
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], "| name:", e.name)
