# String concatenation, repetition, comparison and their errors.
a, b = "spam", "eggs"
print(a + b, a * 3, 3 * b, a * 0, a * -2, "" * 100, (a + " ") * 2)
print(a < b, a > b, a == "spam", a is not b, "a" < "B", "apple" < "apples", "Zebra" < "apple")
print(max(["pear", "Apple", "fig"]), min("hello"), sorted("banana"), sorted(["b", "A", "a", "B"]))
print(sorted(["b", "A", "a", "B"], key=str.lower), sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int))
for expr in ['"a" + 1', '1 + "a"', '"a" * "b"', '"a" * 1.5', '"a" - "b"', '-"a"', '"a" < 1', '"abc"[1:2] + None']:
    try:
        print(eval(expr))
    except TypeError as e:
        print(expr, "->", type(e).__name__, e)
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
s = "x"
s *= 5
print(s)
print("%s has %d chars" % (s, len(s)))
print(str(12), str(1.5), str(None), str([1, "a"]), str(b"x"), str(b"caf\xc3\xa9", "utf-8"), str())
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there"), repr("nl\n"), repr("\\"))
print(len(""), len("abc"), bool(""), bool(" "), "abc".__len__(), "ab".__add__("c"), "ab".__mul__(2))
print(ord("A"), chr(97), ord("€"), chr(0x1F600), [ord(c) for c in "Hi!"], "".join(chr(c) for c in range(65, 70)))
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, e)
