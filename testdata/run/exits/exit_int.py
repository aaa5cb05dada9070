# sys.exit(3): exit status 3, no traceback, finally blocks run first.
import sys
print("working")
try:
    sys.exit(3)
finally:
    print("finally runs before the exit")
print("never printed")
