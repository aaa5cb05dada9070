# open() in read mode only, on the data file _open_sample.txt next to this program. It is
# found through sys.path (the program's folder comes first; under parity's pyc mode the
# source folder is on PYTHONPATH), so no os/pathlib import is needed.
import sys
NAME = "_open_sample.txt"
path = None
for d in sys.path:
    try:
        with open(d + "/" + NAME, "rb"):
            path = d + "/" + NAME
            break
    except OSError:
        pass
print("found:", path is not None)
with open(path, encoding="utf-8") as f:
    first = f.readline()
    rest = f.readlines()
print(repr(first), rest, f.closed, type(f).__name__)
with open(path, "rb") as fb:
    head = fb.read(10)
    print(head, fb.tell(), type(fb).__name__, fb.read().count(b"\n"))
with open(path, encoding="utf-8") as f:
    lines = [ln.rstrip("\n") for ln in f]
print(len(lines), lines[-1], [len(l) for l in lines])
with open(path, encoding="utf-8") as f:
    text = f.read()
print(len(text), text.count("line"), "café" in text, text.splitlines()[1][-12:])
with open(path, encoding="utf-8") as f:
    print(f.read(5), f.tell(), f.read(3), f.seek(0), f.read(1), f.readline(), f.readline().split(":")[0])
with open(path, encoding="ascii", errors="replace") as f:
    print(f.read().splitlines()[1][-12:])
try:
    with open(path, encoding="ascii") as f:
        f.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
for name, mode in [("no_such_file_here.txt", "r"), (path, "rz"), (path, "rw")]:
    try:
        open(name, mode)
    except (FileNotFoundError, ValueError) as e:
        print(type(e).__name__, e)
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
