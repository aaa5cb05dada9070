# Generator cleanup: finally and with blocks run when the generator is closed or collected.
class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"  open {self.name}")
        return self

    def __exit__(self, *exc):
        print(f"  close {self.name} (exc={exc[0].__name__ if exc[0] else None})")
        return False


def reader(name):
    with Resource(name):
        for i in range(5):
            yield f"{name}:{i}"


r = reader("file1")
print(next(r), next(r))
r.close()
print("after explicit close")
g = reader("file2")
for line in g:
    print(line)
    if line.endswith("1"):
        break
print("after break, generator still open")
g.close()
print("after close")
g = reader("file3")
print(next(g), list(g))
print("after exhausting file3")


def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  finally of with_finally")


g = with_finally()
next(g)
g.close()
g = with_finally()
print(list(g))
print(g.close())
