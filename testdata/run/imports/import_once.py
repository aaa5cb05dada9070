# A module body runs once; later imports reuse sys.modules; state is shared.
print("first import:")
import _counter
print("second import:")
import _counter
from _counter import bump
print(bump(), bump(), _counter.count)
import _counter as c2
print(c2.bump(), _counter.count, c2 is _counter)
from _counter import count
print("count bound by from-import is a copy of the binding:", count)
_counter.bump()
print(count, _counter.count)
import sys
del sys.modules["_counter"]
print("re-import after removal from sys.modules:")
import _counter as fresh
print(fresh.count, fresh is c2, c2.count)
