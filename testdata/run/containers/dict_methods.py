# dict methods, views and their errors.
d = {"a": 1, "b": 2}
d["c"] = 3
d.update({"d": 4}, e=5)
d.update([("f", 6)])
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 1 in d)
print(d.setdefault("a", 100), d.setdefault("g", 7), d)
print(d.pop("g"), d.pop("zz", "dflt"), d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
k = d.keys()
d["new"] = 0
print(k, len(k), "new" in k, k & {"a", "x"}, k | {"q"} == set(d) | {"q"}, k - {"a"} == set(d) - {"a"})
print(d.items() & {("a", 1)}, ("a", 1) in d.items(), ("a", 2) in d.items())
c = d.copy()
c["a"] = 99
print(d["a"], c["a"], d == c, dict.fromkeys("abc"), dict.fromkeys([1, 2], []))
print(dict(a=1, b=2), dict([("x", 1), ["y", 2]]), dict(zip("abc", range(3))), dict({"k": 1}, k=2), dict())
del d["new"]
print(d)
for expr in ['{}["missing"]', '{}.pop("x")', '{}.popitem()', 'dict([1, 2])', 'dict([(1, 2, 3)])', '{[1]: 2}',
             '{"a": 1}.update(5)', 'dict(1)', '{}.get()', '{}[[1]]']:
    try:
        print(eval(expr))
    except (KeyError, TypeError, ValueError) as e:
        print(expr, "->", type(e).__name__, e)
try:
    for key in d:
        d[key + "x"] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
e = {1: "one", 1.0: "float one", True: "true"}
print(e, len(e))
print({**{"a": 1}, **{"b": 2}, "a": 3}, {"x": 1} | {"y": 2}, {"x": 1} | {"x": 2})
f = {"x": 1}
f |= {"y": 2}
f |= [("z", 3)]
print(f, f.__or__(5), dict.__ror__({"a": 1}, {"a": 2}))
print(sorted(d), sorted(d.values()), max(d, key=d.get), min(d.items(), key=lambda kv: kv[1]))
print(dict(sorted({"b": 1, "a": 2}.items())), list(reversed({"p": 1, "q": 2})), list(reversed({"p": 1}.items())))
