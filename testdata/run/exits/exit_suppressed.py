# A with block can swallow SystemExit; except BaseException catches it too.
import sys


class Swallow:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print("swallowing", et.__name__, ev.code)
        return True


with Swallow():
    sys.exit(9)
print("still alive")
try:
    sys.exit("caught by BaseException")
except BaseException as e:
    print(type(e).__name__, e.code)
try:
    sys.exit(2)
except Exception:
    print("not here")
except SystemExit as e:
    print("SystemExit caught, code", e.code)
print("ending normally")
