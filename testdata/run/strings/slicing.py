# Indexing and slicing of strings.
s = "Hello, World"
print(s[0], s[-1], s[7], s[-5])
print(s[2:5], s[:5], s[7:], s[:], s[-5:-2], s[::2], s[::-1], s[1::3], s[-1:-6:-1], s[5:2], s[100:], s[-100:3])
for i in range(-len(s), len(s), 3):
    print(i, s[i], s[i:], s[:i])
print(s[slice(2, 8, 2)], s[slice(None, None, -2)], slice(1, 2, 3), slice(5).indices(3), slice(-3, None).indices(10))
try:
    s[12]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[-13]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s["1"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[0] = "h"
except TypeError as e:
    print(type(e).__name__, e)
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
print(s[True], s[False:True + 3], s[2 ** 70:], s[-(2 ** 70):2])
word = "racecar"
print(word == word[::-1], "python"[::-1], "".join(reversed("python")))
print([s[i:i + 3] for i in range(0, len(s), 3)])
