[x for x in y]
[x for x in y if x]
[x for x in y if x if not x]
[(x, y) for x in a for y in b if x != y]
[x for x in [y for y in z]]
[[x for x in row] for row in matrix]
{x for x in y}
{k: v for k, v in items}
{k: v for k, v in items if v for w in v}
(x for x in y)
(x for x, in y)
(x for *x, y in z)
f(x for x in y)
f((x for x in y), z)
sum(x * x for x in range(10) if x % 2)
[x async for x in ait()]
{x async for x in ait() if await x}
{k: v async for k, v in ait()}
(x async for x in ait())
[await x for x in y]
[x for x in await y]
[x for x in (a if b else c)]
[(yield) for x in y] if 0 else None
[x for x.attr in y]
[x for x[0] in y]
[x for (a, b) in c]
[x for [a, b] in c]
