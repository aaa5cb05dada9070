# A tiny event loop with virtual time: sleeping tasks interleave deterministically.
class Sleep:
    def __init__(self, delay):
        self.delay = delay

    def __await__(self):
        yield ("sleep", self.delay)


class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []
        self.sleeping = []
        self.results = {}
        self.seq = 0

    def spawn(self, name, coro):
        self.ready.append((name, coro, None))

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.sleeping.sort()
                wake, _, name, coro = self.sleeping.pop(0)
                self.now = wake
                self.ready.append((name, coro, None))
                continue
            name, coro, value = self.ready.pop(0)
            try:
                cmd, arg = coro.send(value)
            except StopIteration as e:
                print(f"[t={self.now}] {name} finished -> {e.value!r}")
                self.results[name] = e.value
                continue
            if cmd == "sleep":
                self.seq += 1
                self.sleeping.append((self.now + arg, self.seq, name, coro))
        return self.results


loop = None


async def ticker(name, interval, count):
    for i in range(count):
        print(f"[t={loop.now}] {name} tick {i}")
        await Sleep(interval)
    return f"{name} ticked {count} times"


async def countdown(n):
    while n:
        print(f"[t={loop.now}] countdown {n}")
        await Sleep(3)
        n -= 1
    return "liftoff"


loop = Loop()
loop.spawn("fast", ticker("fast", 1, 5))
loop.spawn("slow", ticker("slow", 2, 3))
loop.spawn("count", countdown(3))
print(loop.run())
print("final time", loop.now)
