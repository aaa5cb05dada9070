# split, rsplit, splitlines, partition and join.
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print(s.split(None, 2), s.rsplit(None, 2))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 1), "a,b,,c,".rsplit(",", 1))
print("".split(), "".split(","), "   ".split(), "abc".split("abc"))
print("a--b--c".split("--"), "x".join("abc"), ", ".join(["1", "2", "3"]), "".join([]))
print("line1\nline2\r\nline3\rline4\x0bline5\x1cline6\u2028end\n".splitlines())
print("a\nb\n".splitlines(keepends=True), "".splitlines(), "\n".splitlines())
print("key=value=x".partition("="), "key=value=x".rpartition("="), "novalue".partition("="), "novalue".rpartition("="))
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    ", ".join(["a", 1, "b"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "".join(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".partition("")
except ValueError as e:
    print(type(e).__name__, e)
csv = "name,age,city\nann,31,paris\nbob,27,rome\ncid,45,oslo"
rows = [line.split(",") for line in csv.splitlines()]
header, *body = rows
for r in body:
    print(dict(zip(header, r)))
print("-".join(reversed("a b c d".split())))
print("|".join(map(str, range(10))), "+".join(str(i * i) for i in range(5)))
print(" ".join(w.capitalize() for w in "the art of computer programming".split()))
