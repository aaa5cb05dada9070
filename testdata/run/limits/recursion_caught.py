# Deep recursion raises RecursionError, which can be caught; the program goes on afterwards.
import sys
print(sys.getrecursionlimit())


def depth(n):
    return depth(n + 1)


try:
    depth(0)
except RecursionError as e:
    print(type(e).__name__, e)
calls = 0


def count_depth():
    global calls
    calls += 1
    count_depth()


try:
    count_depth()
except RecursionError:
    print("reached a depth between 900 and 1000:", 900 < calls <= 1000)


def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)


print(fine(900))
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit(), fine(2500))
sys.setrecursionlimit(1000)
try:
    fine(2500)
except RecursionError as e:
    print("after lowering the limit again:", type(e).__name__)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
print("still running")
