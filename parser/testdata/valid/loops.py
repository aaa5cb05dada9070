for i in range(10):
    if i % 2:
        continue
    elif i > 7:
        break
    else:
        pass
else:
    done()

for a, b in pairs:
    pass

for (a, b), [c, d] in nested:
    pass

for x, in single:
    pass

for *head, tail in seqs:
    pass

for obj.attr, seq[0], seq[1:2] in items:
    pass

for x in *a, *b:
    pass

for x in 1, 2, 3:
    pass

while True:
    break

while x := next(it):
    pass
else:
    pass

while (a
       and b):
    pass


async def f():
    async for x in aiter():
        await x
    else:
        pass
    async for a, b in y:
        continue
    async with a as b, c:
        pass


if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass

if x: y()
while x: y(); z()
for x in y: z()
