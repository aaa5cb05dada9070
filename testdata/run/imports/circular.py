# A circular import between two modules: the partially initialised module is visible.
import _circ_a
print(_circ_a.from_a(), _circ_a.A_LATE)
import _circ_b
print(_circ_b.B_VALUE, _circ_b._circ_a is _circ_a)
