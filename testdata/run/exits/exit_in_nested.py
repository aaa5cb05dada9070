# SystemExit raised deep inside calls unwinds every frame's finally and with blocks.
import sys


class Cleanup:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print(f"cleanup {self.name}: {et.__name__ if et else None} {ev!r}")
        return False


def level(n):
    with Cleanup(f"level {n}"):
        try:
            if n == 3:
                sys.exit(12)
            level(n + 1)
        finally:
            print(f"finally {n}")


try:
    level(1)
except Exception:
    print("SystemExit is not an Exception: never printed")
