# Programs that would run away, bounded by the program itself (the VM's own limits are
# tested elsewhere): a loop with a step budget, output capped, growth stopped.
steps = 0
x = 0
while True:
    steps += 1
    x = (x * 1103515245 + 12345) % 2 ** 31
    if steps >= 200000:
        break
print("steps", steps, "x", x)
out = []
n = 1
while len(out) < 20:
    out.append("*" * n)
    n *= 2
    if n > 2 ** 12:
        break
print(len(out), sum(len(s) for s in out))
data = [0]
try:
    while True:
        data = data + data
        if len(data) > 2 ** 16:
            raise MemoryError("self-imposed limit")
except MemoryError as e:
    print(type(e).__name__, e, len(data))
