package vm_test

import "testing"

// asyncio over the in-memory _socket and select (mod_socket.go):
// asyncio.run with tasks, gather, sleep, timeouts, queues, locks,
// events, TaskGroup, exceptions and cancellation, against CPython.

// TestAsyncioRun runs programs that drive asyncio's event loop.
func TestAsyncioRun(t *testing.T) {
	for _, src := range []string{`import asyncio

async def worker(name, n, out):
    for i in range(n):
        out.append((name, i))
        await asyncio.sleep(0)
    return name * 2

async def fails(x):
    await asyncio.sleep(0.001)
    raise ValueError(f"bad {x}")

async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("slow cancelled")
        raise

async def main():
    out = []
    r = await asyncio.gather(worker("a", 3, out), worker("b", 2, out), worker("c", 1, out))
    print(r, out)
    t1 = asyncio.create_task(worker("x", 2, out), name="T1")
    print(t1.get_name(), t1.done())
    print(await t1, t1.done(), t1.result())
    res = await asyncio.gather(fails(1), worker("d", 1, []), return_exceptions=True)
    print([type(x).__name__ if isinstance(x, Exception) else x for x in res], res[0])
    try:
        await asyncio.gather(fails(2), worker("e", 1, []))
    except ValueError as e:
        print("caught", e)
    try:
        await asyncio.wait_for(slow(), timeout=0.01)
    except TimeoutError as e:
        print("timeout", type(e).__name__)
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout ctx")
    t = asyncio.create_task(slow())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    q = asyncio.Queue()
    async def prod():
        for i in range(5):
            await q.put(i)
            print("put", i)
        await q.put(None)
    async def cons():
        while (item := await q.get()) is not None:
            print("got", item)
    await asyncio.gather(prod(), cons())
    lock = asyncio.Lock()
    async def locked(i):
        async with lock:
            print("in", i)
            await asyncio.sleep(0.001)
            print("out", i)
    await asyncio.gather(*(locked(i) for i in range(3)))
    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        print("woke", i)
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.002)
    ev.set()
    await asyncio.wait(ts)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("g", 2, out))
            tg.create_task(fails(3))
            tg.create_task(slow())
    except* ValueError as eg:
        print("eg", eg.exceptions)
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker("h", 1, []))
        b = tg.create_task(worker("i", 1, []))
    print(a.result(), b.result())
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(0.001, "s")), asyncio.create_task(asyncio.sleep(0.5))], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [d.result() for d in done])
    for p in pending: p.cancel()
    for c in asyncio.as_completed([asyncio.sleep(0.06, 3), asyncio.sleep(0.001, 1)]):
        print("ac", await c)
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.001, fut.set_result, 42)
    loop.call_soon(print, "soon")
    print(await fut)
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))
    sem = asyncio.Semaphore(2)
    async def s(i):
        async with sem:
            print("sem", i)
            await asyncio.sleep(0.001)
    await asyncio.gather(*(s(i) for i in range(4)))
    print(await asyncio.to_thread(lambda: "thread"))
    print(repr(t)[:40], fut)
    return "done"

print(asyncio.run(main()))
async def boom():
    raise KeyError("k")
try:
    asyncio.run(boom())
except KeyError as e:
    print("run raised", repr(e))
`,
		`
import asyncio
async def child(i, log):
    log.append(f"start {i}")
    await asyncio.sleep(0.03 * (3 - i))
    log.append(f"end {i}")
    return i
async def main():
    log = []
    tasks = [asyncio.create_task(child(i, log)) for i in range(3)]
    print([t.get_name() for t in tasks])
    print(await asyncio.gather(*tasks), log)
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    print(t.cancel(), t.cancelled(), t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    print(t.cancelled(), t.done())
    async def raiser():
        raise RuntimeError("boom")
    t = asyncio.create_task(raiser())
    await asyncio.sleep(0)
    print(t.done(), repr(t.exception()))
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.005)
    except TimeoutError as e:
        print(type(e).__name__, e.args)
    print(await asyncio.wait_for(asyncio.sleep(0, "fast"), 1))
    print(await asyncio.shield(child(9, log)))
    print(asyncio.current_task().get_name(), len(asyncio.all_tasks()))
asyncio.run(main())
async def fail():
    await asyncio.sleep(0)
    1 / 0
try:
    asyncio.run(fail())
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
`} {
		checkLibProgram(t, src)
	}
}

// TestAsyncioThreads checks asyncio with threads (the default executor,
// to_thread, call_soon_threadsafe waking the loop's select) and a
// thread joining another that waits for an event.
func TestAsyncioThreads(t *testing.T) {
	checkLibProgram(t, `
import asyncio, threading, time
async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, sorted, [3, 1, 2]))
    print(await asyncio.gather(*(asyncio.to_thread(pow, 2, i) for i in range(5))))
    fut = loop.create_future()
    def later():
        time.sleep(0.005)
        loop.call_soon_threadsafe(fut.set_result, "from thread")
    th = threading.Thread(target=later)
    th.start()
    print(await fut)
    th.join()
    await loop.shutdown_default_executor()
    print("executor shut down")
asyncio.run(main())
ev = threading.Event()
out = []
def w():
    ev.wait()
    out.append("w woke")
wt = threading.Thread(target=w)
wt.start()
def setter():
    ev.set()
    wt.join()
    out.append("joined w")
th = threading.Thread(target=setter)
th.start()
th.join()
print(out)
`)
}

// TestAsyncgenFirstiterHook checks sys.set_asyncgen_hooks(firstiter=)
// (called at an async generator's first __anext__/asend/athrow/aclose)
// and asyncio.run closing the async generators left unfinished.
func TestAsyncgenFirstiterHook(t *testing.T) {
	checkLibProgram(t, `
import sys
calls = []
sys.set_asyncgen_hooks(firstiter=lambda g: calls.append(g.__name__))
async def ag():
    try:
        yield 1
        yield 2
    finally:
        print("ag finally")
def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
a = ag()
print(calls)
print(drive(a.__anext__()), calls)
print(drive(a.asend(None)), calls)
drive(a.aclose())
c = ag()
drive(c.aclose())
print(calls)
def bad(g):
    raise ValueError("hook")
sys.set_asyncgen_hooks(firstiter=bad)
try:
    ag().asend(None)
except ValueError as e:
    print("hook raised", e)
sys.set_asyncgen_hooks(firstiter=None)
import asyncio
async def main():
    g = ag()
    print(await anext(g))
    h = ag()
    async for x in h:
        print(x)
        break
    print("main done")
asyncio.run(main())
print("after run")
`)
}

// TestAsyncioSocketSelect checks the in-memory _socket and select.
func TestAsyncioSocketSelect(t *testing.T) {
	checkLibProgram(t, `
import socket, select, selectors, _socket
print(selectors.DefaultSelector.__name__, type(select.epoll()), type(select.poll()), type(select.poll).__name__)
a, b = socket.socketpair()
fd = a.fileno()
e = select.epoll()
e.register(fd, select.EPOLLIN)
for f in (lambda: e.register(fd), lambda: e.poll(0, 0), lambda: e.poll('x'), lambda: e.register(-1)):
    try:
        f()
    except Exception as ex:
        print(type(ex).__name__, ex)
print(e.poll(0), e.poll(0.01))
b.send(b'x')
print(e.poll(0) == [(fd, select.EPOLLIN)], e.poll(None, 1) == [(fd, select.EPOLLIN)], e.closed)
e.modify(fd, select.EPOLLOUT)
print(e.poll() == [(fd, select.EPOLLOUT)])
e.unregister(fd)
print(e.poll(0))
e.close()
print(e.closed)
try:
    e.poll(0)
except Exception as ex:
    print(type(ex).__name__, ex)
p = select.poll()
p.register(fd, select.POLLIN)
print(p.poll(0) == [(fd, select.POLLIN)], p.poll(-1) == [(fd, select.POLLIN)])
p.unregister(fd)
for f in (lambda: p.unregister(fd), lambda: p.modify(fd, 1), lambda: p.poll('x')):
    try:
        print(f())
    except KeyError as ex:
        print("KeyError", ex.args == (fd,))
    except Exception as ex:
        print(type(ex).__name__, ex)
print(p.poll(5))
a.close(); b.close()
for a in [-1, 'x', None, 2.5]:
    try:
        socket.setdefaulttimeout(a); print(socket.getdefaulttimeout())
    except Exception as e:
        print(type(e).__name__, e)
socket.setdefaulttimeout(None)
a, b = socket.socketpair()
print(a.family, a.type, a.proto, repr(a.getsockname()), repr(a.getpeername()), a.gettimeout(), a.getblocking())
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except Exception as e:
    print(type(e).__name__, e, e.errno)
print(b.send(b'hello'), b.sendall(b'!'))
print(select.select([a], [], [], 0)[0] == [a], select.select([b], [b], [], 0)[1] == [b])
print(a.recv(3), a.recv(10))
print(select.select([a], [], [], 0.01))
b.close()
print(a.recv(10), b.fileno(), select.select([a], [], [], None)[0] == [a])
try:
    a.send(b'x')
except Exception as e:
    print(type(e).__name__, e, e.errno)
a.close()
print(a.fileno(), a._closed)
for f in (lambda: a.recv(1), lambda: a.send(b'1'), lambda: a.settimeout(1)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e, e.errno)
for args in [([], [], [], -1), ([], [], [], 'a'), ([1.5], [], []), ([-1], [], [], 0), ([a], [], [], 0)]:
    try:
        select.select(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(socket.error, socket.timeout, socket.herror, socket.gaierror, socket.herror.__mro__)
print(socket.AF_INET, socket.SOCK_STREAM, socket.AF_UNIX, repr(socket.AF_INET6), socket.has_ipv6)
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.inet_aton('1.2.3.4'), socket.inet_ntoa(b'\x7f\x00\x00\x01'))
print(select.select.__name__, type(select.select).__name__, select.error)
import time
t0 = time.monotonic(); select.select([], [], [], 0.02); print(time.monotonic() - t0 >= 0.019)
`)
}
