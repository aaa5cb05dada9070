# needs: stdlib
# re: search, match, fullmatch, groups, findall, finditer, sub, split, flags and errors.
import re
text = "Contact: ann@example.com, bob.smith@mail.org; phone +1-555-0100 or 555-0199. Date 2024-03-15."
print(re.search(r"\d{4}-\d{2}-\d{2}", text).group(), re.match(r"\w+", text).group(), re.fullmatch(r"\d+", "123"))
print(re.findall(r"[\w.]+@[\w.]+", text), re.findall(r"(\d{3})-(\d{4})", text))
m = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)", text)
print(m.group("year"), m.groups(), m.groupdict(), m.span(), m.start("month"), m.end(), m[0], m["day"])
print([mm.span() for mm in re.finditer(r"\d+", "a1bb22ccc333")])
print(re.sub(r"\d", "#", "a1b22"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "x@y z@w"), re.subn(r"a", "A", "banana"))
print(re.sub(r"\d+", lambda mm: str(int(mm.group()) * 2), "1 2 30"), re.sub(r"(?i)hello", "bye", "Hello HELLO"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(\d)", "a1b2c"), re.split(r"x*", "abc"))
pat = re.compile(r"^(\w+)=(.*)$", re.MULTILINE)
print(pat.findall("a=1\nb=two\n#c\nd="), pat.pattern, pat.flags & re.MULTILINE != 0, pat.groups)
print(re.findall(r"\bcat\b", "cat concat cat's", re.I), re.findall(r".", "a\nb", re.DOTALL), re.escape("a.b*c"))
print(re.match(r"(a)(b)?", "ac").groups(), re.match(r"(a)(b)?", "ac").groups("-"), re.search("x", "abc"))
v = re.compile(r"""
    (\d+)    # number
    \s*      # space
    ([a-z]+) # unit
""", re.VERBOSE)
print(v.findall("10 km, 5kg and 3 m"))
for bad in ["(", "[a-", "a{2,1}", "(?P<n>a)(?P<n>b)", "*a"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(type(e).__name__, e)
print(re.fullmatch(r"[^@\s]+@[^@\s]+\.\w+", "me@host.io") is not None, bool(re.match("b", "abc")))
