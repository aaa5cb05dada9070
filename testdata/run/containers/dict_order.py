# dicts keep insertion order: deletion, re-insertion, update and comprehension order.
d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d)
del d["alpha"]
d["alpha"] = 0
print(d)
d["zeta"] = 99
print(d, list(d))
d.update({"beta": -1, "new": 1})
print(d)
print({k: v for k, v in sorted(d.items(), key=lambda kv: kv[1])})
print({x % 5: x for x in range(12)})
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
counts = {}
for ch in "hello world":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
groups = {}
for w in "apple avocado banana blueberry cherry apricot".split():
    groups.setdefault(w[0], []).append(w)
print(groups)
nested = {"b": {"y": 2, "x": 1}, "a": {"z": 0}}
print(nested, {k: dict(sorted(v.items())) for k, v in sorted(nested.items())})
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
for i in range(0, 10, 2):
    big[i] = -i
print(list(big)[:8], list(big)[-8:], len(big), sum(big.values()))
print(list({3: 0, 1: 0, 2: 0}), list({"b": 0, "a": 0}), list(dict.fromkeys([3, 1, 3, 2, 1])))
print(d.popitem(), d.popitem(), d)
