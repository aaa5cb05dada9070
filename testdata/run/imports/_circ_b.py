"""The other half of the circular import."""
print("  [_circ_b] start")
import _circ_a
print("  [_circ_b] _circ_a has A_EARLY:", hasattr(_circ_a, "A_EARLY"), "A_LATE:", hasattr(_circ_a, "A_LATE"))
B_VALUE = "b-value"


def from_b_simple():
    return "from_b"
