# print(): sep, end, file, flush, and how objects are converted.
import sys
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=" | ", end=" <end>\n")
print("no newline", end="")
print(" -- continued")
print(1, 2.5, None, True, [1, "x"], {"k": (1,)}, sep=", ")
print(*range(5))
print(*range(5), sep="\n")
print("to stderr", file=sys.stderr)
print("to stdout explicitly", file=sys.stdout, flush=True)
print("sep None", "uses space", sep=None, end=None)
print("", end="")
print("multi\nline\tstring")
print("unicode: é ü 日本 😀")


class Obj:
    def __str__(self):
        return "Obj.__str__"

    def __repr__(self):
        return "Obj.__repr__"


print(Obj(), [Obj()], (Obj(),), f"{Obj()}", str(Obj()), repr(Obj()))
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", end=[])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", file="not a file")
except AttributeError as e:
    print(type(e).__name__, e)


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


c = Collector()
print("captured", 42, file=c)
print("second", file=c, end="!")
print(c.parts)
print(sys.stdout.write("write returns length\n"))
sys.stdout.write("no automatic newline")
sys.stdout.write("\n")
