# The second seed's introspection helpers, without dis/ast/inspect: code object attributes
# and the current frame through sys._getframe().
import sys


def sample(x, y):
    return x + y * 2


code = sample.__code__
print(f"co_names: {code.co_names}")
print(f"co_varnames: {code.co_varnames}")
print(f"co_consts: {code.co_consts}")
print(f"co_argcount: {code.co_argcount}")
print(f"co_filename ends with: {code.co_filename.rsplit('/', 1)[-1]}")
print(f"co_firstlineno: {code.co_firstlineno}")


def debug_frames():
    frame = sys._getframe()
    print(f"Function: {frame.f_code.co_name}")
    print(f"Locals: {sorted(frame.f_locals)}")
    print(f"Caller: {frame.f_back.f_code.co_name}")
    print(f"Line: {frame.f_lineno}")


debug_frames()
x = [1, 2, 3]
print(sys.getrefcount(x) >= 2)
print(sample(3, 4), sample("a", "b"), sample([1], [2]))
