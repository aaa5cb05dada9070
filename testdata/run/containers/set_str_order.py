# Iteration order of sets and frozensets of strings depends on str hashes:
# deterministic only under a fixed PYTHONHASHSEED (0 here, as parity runs it).
# This program is deliberately seed-dependent: it checks SipHash-1-3.
words = {"apple", "banana", "cherry", "date", "elderberry", "fig", "grape", "kiwi", "lemon", "mango"}
print(words)
print(list(words))
print(frozenset("abcdefghij"))
print({"x", "y", "z"} | {"a", "b"}, {"one", "two", "three"} - {"two"})
print(set("the quick brown fox jumps over the lazy dog".split()))
print([hash(s) for s in ["", "a", "abc", "hello world", "é", "日本"]])
print(hash(b"abc"), hash(b""), hash(("a", 1)), hash(frozenset({"a"})))
d = {}
for w in sorted(words):
    d[w] = None
print(set(d) == words, {w[0] for w in words})
