# Searching and replacing in strings.
s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.rfind("a"), s.rfind("a", 0, -1), s.find("z"), s.find(""))
print(s.index("bra"), s.rindex("bra"), s.count("a"), s.count("abra"), s.count(""), s.count("a", 5))
print(s.replace("a", "A"), s.replace("a", "A", 2), s.replace("", "-"), s.replace("abra", ""), s.replace("x", "y"))
print(s.startswith("abr"), s.startswith(("x", "ab")), s.endswith("bra"), s.endswith("abra", 0, 4), s.startswith("", 11))
print(s.removeprefix("abra"), s.removesuffix("abra"), s.removeprefix("x"), "   pad  ".strip(), "xxhixx".strip("x"))
print("  a  ".lstrip(), "  a  ".rstrip() + "|", "www.example.com".strip("cmowz."), "\t\n x \r".strip())
print("a" in s, "cad" in s, "" in s, "dab" not in s)
for sub in ["x", "bra"]:
    try:
        print(s.index(sub, 2))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    s.rindex("q")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.startswith(["a"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(1 in "123")
except TypeError as e:
    print(type(e).__name__, e)
text = "the cat sat on the mat with the hat"
pos = []
i = text.find("the")
while i != -1:
    pos.append(i)
    i = text.find("the", i + 1)
print(pos, text.count("at"), text.replace("the", "THE", 2))
print(s.find("a", -3), s.find("a", 100), s[s.find("c"):], s.expandtabs())
