# Large values: long strings, big lists, huge ints, within a fraction of a second.
s = "ab" * 500000
print(len(s), s.count("ab"), s[-4:], hash(s) == hash("ab" * 500000))
lst = list(range(1000000))
print(len(lst), sum(lst), lst[-1], lst[500000])
lst.reverse()
print(lst[:3], sorted(lst[:10]))
big = 3 ** 8000
print(big.bit_length(), big % 1000000007, len(str(big)))
f = 1
for i in range(2, 1001):
    f *= i
print(len(str(f)), str(f)[:20], str(f).rstrip("0")[-5:], len(str(f)) - len(str(f).rstrip("0")))
d = {i: str(i) for i in range(200000)}
print(len(d), d[199999], sum(len(v) for v in d.values()))
st = set(range(0, 1000000, 3))
print(len(st), 999999 in st, 1000000 in st)
b = bytes(10 ** 6)
print(len(b), b.count(0), bytearray(b)[-1])
try:
    "x" * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print("huge repetition:", type(e).__name__)
try:
    [0] * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print("huge list:", type(e).__name__)
