# str case methods and the is* predicates.
words = ["hello world", "HELLO", "Hello World", "hELLO wORLD", "they're bill's friends", "ǆemal",
         "straße", "ﬁnance", "123abc", "", "  ", "a1_b2", "ΣΑΣ", "İstanbul"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
preds = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace", "islower", "isupper",
         "istitle", "isidentifier", "isprintable", "isascii"]
samples = ["abc", "ABC", "Abc Def", "123", "½", "²", "٣", "a b", " \t\n", "", "_x1", "1x", "\x00", "é", "Ab1"]
print(" " * 10, " ".join(p[2:6] for p in preds))
for s in samples:
    print(f"{s!r:>10}", " ".join(f"{str(getattr(s, p)())[0]:>4}" for p in preds))
print("ß".upper(), "ß".casefold(), "ß".lower() == "ss", "ß".casefold() == "SS".casefold())
print("Σ".lower(), "ΑΣ".lower(), "ΑΣ Β".lower())
print(len("ﬁ".upper()), "ﬁ".upper(), "İ".lower(), len("İ".lower()))
