# str is a sequence of code points: len, indexing and slicing of non-ASCII text.
samples = ["café", "naïve", "日本語", "😀👍🏽", "e\u0301", "🇫🇷", "Ω≈ç√", "\U00010348", "a\u200db", "Ⅻ", "ﬃ"]
for s in samples:
    print(repr(s), len(s), [hex(ord(c)) for c in s], s[::-1], s[0], s[-1], s.upper(), s.encode("utf-8"))
print("日本語"[1], "日本語"[1:], "😀👍"[1], len("😀" * 3), ("😀" * 3).count("😀"), "x😀y".index("y"))
print("é" == "e\u0301", len("é"), len("e\u0301"), "é".encode(), "e\u0301".encode())
print(sorted(["é", "e", "f", "z", "É", "E"]), max("añb"), min("日本"), "ä" > "z")
print("straße".find("ß"), "straße".replace("ß", "ss"), "ǅ".istitle(), "ǅ".upper(), "ǅ".lower())
print([c.isalpha() for c in "a1é日😀_"], [c.isdigit() for c in "1١①¹"], [c.isnumeric() for c in "½Ⅻ四"])
print("Ünïcödé".casefold(), "ΣΊΣΥΦΟΣ".lower(), "İ".lower().encode(), "ﬁ".upper())
print("\t".join(["α", "β", "γ"]), "→".join("abc"), "—" * 5, "🙂".center(7, "·"))
