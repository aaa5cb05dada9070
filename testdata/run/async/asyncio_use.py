# needs: stdlib
# asyncio.run over the real event loop: tasks, gather, sleep, timeouts,
# queues, locks, events, TaskGroup, exceptions and cancellation.
import asyncio


async def fetch(name, delay, log):
    log.append(f"{name} start")
    await asyncio.sleep(delay)
    log.append(f"{name} done")
    return name.upper()


async def pipeline():
    q = asyncio.Queue(maxsize=2)
    results = []

    async def producer():
        for i in range(5):
            await q.put(i)
        await q.put(None)

    async def consumer():
        while (item := await q.get()) is not None:
            results.append(item * item)
            q.task_done()
        q.task_done()

    await asyncio.gather(producer(), consumer())
    await q.join()
    return results


async def main():
    log = []
    print(await asyncio.gather(fetch("a", 0.06, log), fetch("b", 0.02, log), fetch("c", 0, log)))
    print(log)
    print(await pipeline())

    lock = asyncio.Lock()
    order = []

    async def critical(i):
        async with lock:
            order.append(i)
            await asyncio.sleep(0)
            order.append(-i)

    await asyncio.gather(*(critical(i) for i in range(1, 4)))
    print(order)

    ready = asyncio.Event()

    async def waiter(i):
        await ready.wait()
        return i * 10

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print([t.done() for t in tasks])
    ready.set()
    print(await asyncio.gather(*tasks))

    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=0.005)
    except TimeoutError:
        print("wait_for timed out")

    try:
        async with asyncio.timeout(0.005):
            await asyncio.sleep(5)
    except TimeoutError:
        print("timeout() expired")

    async def stubborn():
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            print("cleanup on cancel")
            raise

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())

    async def bad(n):
        await asyncio.sleep(0.001 * n)
        raise ValueError(f"bad {n}")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(1))
            tg.create_task(stubborn())
    except* ValueError as eg:
        print("TaskGroup:", [str(e) for e in eg.exceptions])

    res = await asyncio.gather(bad(1), fetch("d", 0, []), return_exceptions=True)
    print([repr(r) for r in res])

    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.002, fut.set_result, "later")
    loop.call_soon(print, "call_soon ran")
    print(await fut)
    return "finished"


print(asyncio.run(main()))
