# open() in read mode only: this program reads itself. (Keep the first line short.)
with open(__file__, encoding="utf-8") as f:
    first = f.readline()
    rest = f.readlines()
print(repr(first), len(rest) > 10, f.closed, type(f).__name__)
with open(__file__, "rb") as fb:
    head = fb.read(8)
print(head, type(fb).__name__)
with open(__file__, encoding="utf-8") as f:
    lines = [ln.rstrip("\n") for ln in f]
print(lines[0], lines[-1], len(lines))
with open(__file__, encoding="utf-8") as f:
    text = f.read()
print(text.count("open("), text.splitlines()[1][:20], len(text) == sum(len(l) + 1 for l in lines))
with open(__file__, encoding="utf-8") as f:
    print(f.read(5), f.tell(), f.read(3), f.seek(0), f.read(1))
for name, mode in [("no_such_file_here.txt", "r"), (__file__, "rz")]:
    try:
        open(name, mode)
    except (FileNotFoundError, ValueError) as e:
        print(type(e).__name__, e)
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
# last line
