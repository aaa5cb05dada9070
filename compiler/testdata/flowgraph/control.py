# Control flow at module level: loops, try, with, and the exits of each.
import sys

for i in range(3):
    if i == 1:
        continue
    if i == 2:
        break
    print(i)
else:
    print("done")

while n:
    n -= 1
    if n % 2:
        continue
    try:
        f(n)
    except ValueError:
        break
    except (TypeError, KeyError) as e:
        print(e)
        continue
    else:
        g()
    finally:
        h()
else:
    pass

while True:
    if x:
        break
    x = step(x)

while 0:
    never()

while 1:
    try:
        a = b
    finally:
        break

try:
    pass
finally:
    pass

try:
    import missing
except ImportError:
    missing = None
else:
    missing.init()

try:
    try:
        risky()
    except* ValueError as eg:
        handle(eg)
    except* TypeError:
        pass
finally:
    cleanup()

with open("f") as fh, lock:
    data = fh.read()
    if not data:
        raise SystemExit(1)

for line in data:
    with ctx(line) as (a, b):
        if a:
            continue
        try:
            b.go()
        except:
            raise
    del a

for x in y:
    for z in x:
        if z:
            break
    else:
        continue
    break

if a and b or not c:
    pass
elif a or (b and c):
    r = 1
elif not a:
    r = 2
else:
    r = 3

x = a if b else c
y = (a if b else c) if d else e
assert x, "message"
assert y
del x, y
