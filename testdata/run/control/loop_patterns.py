# Loop idioms: enumerate, zip, reversed, sorted, dict iteration, mutation while iterating.
names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for i, n in enumerate(names, start=1):
    print(i, n)
for n, a in zip(names, ages):
    print(n, a)
for n in reversed(names):
    print("rev", n)
for n, a in sorted(zip(names, ages), key=lambda p: p[1]):
    print("by age", n, a)
d = dict(zip(names, ages))
for k in d:
    print("key", k)
for k, v in d.items():
    print("item", k, v)
nums = list(range(10))
for x in nums[:]:
    if x % 3 == 0:
        nums.remove(x)
print(nums)
nums = list(range(10))
for x in nums:
    if x % 3 == 0:
        nums.remove(x)
print("removing while iterating:", nums)
lst = [1]
for x in lst:
    if len(lst) < 5:
        lst.append(x * 2)
print(lst)
try:
    print(list(zip("ab", [1, 2, 3], strict=True)))
except ValueError as e:
    print(type(e).__name__, e)
i = 10
for i in range(3):
    pass
print("loop var after loop", i)
for i in range(0):
    pass
print("unchanged", i)
acc = []
for c in "hello":
    acc.insert(0, c)
print("".join(acc))
count = 0
for a in range(5):
    for b in range(a, 5):
        for c in range(b, 5):
            count += 1
print("combos", count)
