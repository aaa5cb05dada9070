# needs: refcount
# Generators are finalized (their finally/with blocks run) as soon as the last reference
# goes away: CPython's reference counting makes this immediate and deterministic.
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


for line in reader("file2"):
    print(line)
    if line.endswith("1"):
        break
print("after break (generator released)")


def first(it):
    for x in it:
        return x


print(first(reader("file3")))
print("after first()")


def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  finally of with_finally")


g = with_finally()
next(g)
del g
print("after del")
gens = [with_finally() for _ in range(2)]
for gg in gens:
    next(gg)
gens.clear()
print("after clearing the list")


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(f"  __del__ {self.name}")


a = Noisy("a")
b = a
del a
print("after del a (b still refers)")
b = None
print("after b = None")
lst = [Noisy("in list 1"), Noisy("in list 2")]
lst.pop(0)
print("after pop")
lst.clear()
print("after clear")


def scope():
    local = Noisy("local")
    print("  leaving scope")


scope()
print("after scope")
kept = Noisy("kept until exit")
last_gen = with_finally()
next(last_gen)
print("end of module")
