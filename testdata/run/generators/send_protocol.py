# send(): a generator as a coroutine-style accumulator and a state machine.
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        print(f"  received {value!r}")
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return (count, avg)


a = averager()
print("primed:", a.send(None))
for v in [10, 20, 60]:
    print("avg:", a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("returned:", e.value)
b = averager()
try:
    b.send(5)
except TypeError as e:
    print(type(e).__name__, e)


def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
        if x == "stop":
            return received


e = echo()
next(e)
for word in ["a", "b", "stop"]:
    try:
        print(e.send(word))
    except StopIteration as stop:
        print("final:", stop.value)


def traffic_light():
    state = "red"
    while True:
        cmd = yield state
        if cmd == "next":
            state = {"red": "green", "green": "yellow", "yellow": "red"}[state]
        elif cmd == "reset":
            state = "red"


t = traffic_light()
print(next(t), [t.send(c) for c in ["next", "next", "next", "next", "reset", None]])
g = (x for x in range(3))
print(next(g), g.send(None), g.send("ignored"))
