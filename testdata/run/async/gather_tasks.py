# A small task system: futures, gather, exceptions crossing tasks, cancellation.
class Future:
    def __init__(self):
        self.done = False
        self.result = None
        self.exc = None
        self.callbacks = []

    def set_result(self, value):
        self.done, self.result = True, value
        for cb in self.callbacks:
            cb(self)

    def set_exception(self, exc):
        self.done, self.exc = True, exc
        for cb in self.callbacks:
            cb(self)

    def __await__(self):
        if not self.done:
            yield self
        if self.exc is not None:
            raise self.exc
        return self.result


class Scheduler:
    def __init__(self):
        self.queue = []
        self.clock = 0
        self.timers = []

    def create_task(self, coro, name):
        fut = Future()
        self.queue.append((coro, fut, name, None))
        return fut

    def sleep(self, delay, value=None):
        fut = Future()
        self.timers.append((self.clock + delay, len(self.timers), fut, value))
        return fut

    def run(self):
        while self.queue or self.timers:
            if not self.queue:
                self.timers.sort(key=lambda t: (t[0], t[1]))
                when, _, fut, value = self.timers.pop(0)
                self.clock = when
                fut.set_result(value)
                continue
            coro, fut, name, send = self.queue.pop(0)
            try:
                waiting = coro.send(send)
            except StopIteration as e:
                print(f"  [{self.clock}] {name} -> {e.value!r}")
                fut.set_result(e.value)
                continue
            except Exception as e:
                print(f"  [{self.clock}] {name} raised {e!r}")
                fut.set_exception(e)
                continue
            waiting.callbacks.append(lambda f, c=coro, fu=fut, n=name: self.queue.append((c, fu, n, None)))


sched = Scheduler()


async def fetch(name, delay, fail=False):
    await sched.sleep(delay)
    if fail:
        raise ConnectionError(f"{name} unreachable")
    return f"data from {name}"


async def gather(*futs):
    results = []
    for f in futs:
        try:
            results.append(await f)
        except Exception as e:
            results.append(e)
    return results


async def main():
    a = sched.create_task(fetch("alpha", 3), "alpha")
    b = sched.create_task(fetch("beta", 1), "beta")
    c = sched.create_task(fetch("gamma", 2, fail=True), "gamma")
    res = await gather(a, b, c)
    print("  gathered:", res)
    try:
        await sched.create_task(fetch("delta", 1, fail=True), "delta")
    except ConnectionError as e:
        print("  main caught:", e)
    return len(res)


done = sched.create_task(main(), "main")
sched.run()
print(done.done, done.result, sched.clock)
