# sort() and sorted(): keys, reverse, stability, and comparison errors.
people = [("alice", 31, "paris"), ("bob", 25, "rome"), ("carol", 31, "oslo"), ("dave", 25, "paris"),
          ("eve", 40, "rome"), ("frank", 25, "oslo")]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (p[2], -p[1], p[0])))
by_city = sorted(people, key=lambda p: p[2])
by_age_then_city = sorted(by_city, key=lambda p: p[1])
print([p[0] for p in by_age_then_city])
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums, key=abs), sorted(nums, key=lambda x: (x % 3, x)), sorted(nums, reverse=True))
nums.sort(key=lambda x: x * x)
print(nums)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
print(sorted({"b": 2, "a": 1, "c": 0}), sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: kv[1]))
print(sorted("hello"), sorted((3, 1, 2)), sorted(range(5), reverse=True), sorted([]), sorted([[2, 1], [1, 2], [1]]))
try:
    sorted([3, "a", 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [None, 1].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)


class Card:
    order = "23456789TJQKA"

    def __init__(self, s):
        self.rank, self.suit = s[0], s[1]

    def __lt__(self, other):
        return Card.order.index(self.rank) < Card.order.index(other.rank)

    def __repr__(self):
        return self.rank + self.suit


hand = [Card(s) for s in ["Kh", "2c", "Ts", "Ad", "7h", "Kc", "2s"]]
print(sorted(hand), max(hand), min(hand), sorted(hand, reverse=True))
calls = []


def key(x):
    calls.append(x)
    return -x


print(sorted([3, 1, 2], key=key), calls)
m = [[3, 2], [1, 4]]
m.sort(key=lambda r: r[1])
print(m, sorted(map(sorted, m)))
a = [1, 2, 3]
try:
    a.sort(key=lambda x: (a.append(x), x)[1])
except ValueError as e:
    print(type(e).__name__, e)
print(a)
