# itertools (a built-in module): the iterator building blocks.
import itertools as it
print(list(it.islice(it.count(10, 5), 4)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("x", 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], initial=100)))
print(list(it.chain("ab", [1, 2])), list(it.chain.from_iterable(["xy", "z"])), list(it.compress("abcdef", [1, 0, 1, 0, 1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(8))), list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.pairwise("abcd")))
for k, g in it.groupby("aaabbcaa"):
    print(k, list(g), end="; ")
print()
for k, g in it.groupby(sorted(["apple", "avocado", "bean", "beet", "corn"], key=len), key=len):
    print(k, list(g))
print(list(it.product("ab", repeat=2)), list(it.product([1, 2], "x")))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(5)))))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)))
print(list(it.zip_longest("abc", [1], fillvalue="-")), list(it.batched(range(7), 3)))
a, b = it.tee(iter([1, 2, 3]))
print(list(a), list(b), list(it.islice(range(20), 2, 15, 4)))
try:
    list(it.islice(range(5), -1))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(it.batched("abc", 0))
except ValueError as e:
    print(type(e).__name__, e)
print(sum(1 for _ in it.combinations(range(20), 3)), next(it.count()), list(zip(it.count(1), "xyz")))
