# repr() and ascii() of strings: quotes, escapes and non-ASCII characters.
samples = ["plain", "it's", 'say "hi"', "'\"", "\n\t\r", "\x00\x07\x1b\x7f", "\x80\x9f\xa0\xad",
           "é", "日本", "\u200b", "\ud800", "\U0001F600", "\\", "\u2028", "a\u0301", "\ufeff", "\x0c\x0b"]
for s in samples:
    print(repr(s), ascii(s), len(s))
print(repr(["a'", 'b"', "c"]), repr({"k": "v\n"}), repr(("é",)), ascii(["é"]))
print("\N{GREEK SMALL LETTER ALPHA}", "\N{SNOWMAN}", "\u00e9" == "é", "\x41\x42", "\101\102", "\\o")
print(r"raw\n", len(r"raw\n"), rb"\x00", b"\x00", f"{'\n'!r}")
print(str(b"\x00\xff'"), repr(b'"'), repr(b"'\""), repr(bytearray(b"ab\x01")))
