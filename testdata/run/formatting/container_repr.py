# repr of containers: nesting, recursion and empty ones.
a = [1, "two", 3.0, None, True, (4,), [5, [6]], {"k": {7}}, frozenset(), set(), {}, (), b"b", 1j]
print(a)
print(repr(a), str(a) == repr(a))
print((1,), (), ((),), [[]], [()], {(): []}, {1: {2: {3: {}}}})
loop = [1, 2]
loop.append(loop)
print(loop, len(loop))
d = {"self": None}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
s = {1, 2, 3}
print(s, frozenset([3, 2, 1]), set(), frozenset(), {frozenset({1}): frozenset()})
print(range(5), range(1, 10, 2), range(0), slice(1, None), slice(None), reversed.__name__)
print({1: "a", 2: "b"}.keys(), {1: "a"}.values(), {1: "a"}.items(), dict(a=1).items())
print(str(["é", "\n"]), ["é"], ("a'b",), {"q\"": 'x'})
print([1.0, 1e100, -0.0, float("nan")], {2.5: 1e-10})
print([print], [len, abs], type([]), [int, str, type(None)], [NotImplemented, Ellipsis, ...])
