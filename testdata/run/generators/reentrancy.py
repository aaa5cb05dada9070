# A running generator cannot be re-entered; a round-robin scheduler of plain generators.
def selfish():
    yield next(me)


me = selfish()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
print("state after error:", me.gi_frame)


def task(name, n):
    for i in range(n):
        print(f"  {name} step {i}")
        yield
    print(f"  {name} done")


def scheduler(tasks):
    queue = list(tasks)
    rounds = 0
    while queue:
        t = queue.pop(0)
        try:
            next(t)
            queue.append(t)
        except StopIteration:
            pass
        rounds += 1
    return rounds


print("rounds:", scheduler([task("A", 3), task("B", 1), task("C", 2)]))


def producer(q):
    for i in range(4):
        q.append(i)
        print(f"  produced {i}")
        yield


def consumer(q):
    while True:
        while q:
            print(f"  consumed {q.pop(0)}")
        yield


q = []
p, c = producer(q), consumer(q)
for _ in range(5):
    for g in (p, c):
        next(g, None)
