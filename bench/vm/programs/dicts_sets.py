# dict and set work with sorting: word indexes, graph reachability, grouping, dedup.
def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield seed


rng = lcg(42)
keys = [f"k{next(rng) % 120000}" for _ in range(500000)]
index = {}
for pos, k in enumerate(keys):
    index.setdefault(k, []).append(pos)
checksum = len(index) + sum(len(v) for v in index.values())
top = sorted(index.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:10]
checksum += sum(len(v) for _, v in top)
seen = set()
uniq = []
for k in keys:
    if k not in seen:
        seen.add(k)
        uniq.append(k)
checksum += len(uniq) + len(set(keys[::2]) & set(keys[1::2])) + len(set(keys[:1000]) ^ set(keys[1000:3000]))
graph = {}
for i in range(50000):
    graph[i] = [(i * 7 + 3) % 50000, (i * 13 + 5) % 50000, (i // 2)]
reached = {0}
frontier = [0]
while frontier:
    nxt = []
    for node in frontier:
        for n in graph[node]:
            if n not in reached:
                reached.add(n)
                nxt.append(n)
    frontier = nxt
checksum += len(reached)
groups = {}
for k in keys[:250000]:
    groups.setdefault(len(k), set()).add(k)
checksum += sum(len(v) for v in groups.values())
inv = {v[0]: k for k, v in index.items()}
checksum += sum(sorted(inv)[:100]) + len(sorted(index, key=lambda k: index[k][-1]))
d2 = dict.fromkeys(range(100000), 0)
for i in range(0, 100000, 3):
    del d2[i]
for i in range(0, 100000, 6):
    d2[i] = 1
checksum += len(d2) + sum(d2.values())
print(checksum)
