# An async queue with bounded capacity, producers and consumers on a round-robin loop.
class Wait:
    def __init__(self, cond):
        self.cond = cond

    def __await__(self):
        while not self.cond():
            yield


class Queue:
    def __init__(self, maxsize):
        self.items = []
        self.maxsize = maxsize

    async def put(self, item):
        await Wait(lambda: len(self.items) < self.maxsize)
        self.items.append(item)

    async def get(self):
        await Wait(lambda: self.items)
        return self.items.pop(0)


log = []


async def producer(q, name, n):
    for i in range(n):
        await q.put(f"{name}{i}")
        log.append(f"put {name}{i} (size {len(q.items)})")
    await q.put(None)


async def consumer(q, name, total):
    got = []
    done = 0
    while done < total:
        item = await q.get()
        if item is None:
            done += 1
            continue
        got.append(item)
        log.append(f"{name} got {item}")
    return got


def run_all(coros):
    tasks = list(coros)
    results = [None] * len(tasks)
    live = list(range(len(tasks)))
    rounds = 0
    while live:
        for i in list(live):
            try:
                tasks[i].send(None)
            except StopIteration as e:
                results[i] = e.value
                live.remove(i)
        rounds += 1
    return results, rounds


q = Queue(2)
results, rounds = run_all([producer(q, "a", 4), producer(q, "b", 3), consumer(q, "c", 2)])
print("\n".join(log))
print(results, rounds)
