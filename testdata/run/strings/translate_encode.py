# str.maketrans/translate and encoding to bytes.
table = str.maketrans("abc", "xyz")
print(table, "aabbcc".translate(table))
t2 = str.maketrans({"a": "1", "b": None, "c": "33"})
print(t2, "abcabc".translate(t2))
t3 = str.maketrans("ab", "AB", "xyz")
print("axbyczd".translate(t3))
print("hello".translate({ord("l"): "L", ord("o"): None}))
rot13 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                      "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")
msg = "Hello, World!"
print(msg.translate(rot13), msg.translate(rot13).translate(rot13))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print(type(e).__name__, e)
for s in ["abc", "café", "日本語", "\U0001F600"]:
    for enc in ["utf-8", "utf-16-le", "utf-32-be", "latin-1", "ascii"]:
        try:
            b = s.encode(enc)
            print(repr(s), enc, b, len(b), b.decode(enc) == s)
        except UnicodeEncodeError as e:
            print(repr(s), enc, type(e).__name__, e)
print("café".encode("ascii", "replace"), "café".encode("ascii", "ignore"), "café".encode("ascii", "xmlcharrefreplace"),
      "café".encode("ascii", "backslashreplace"))
for raw in [b"\xff", b"caf\xc3", b"\xc3\xa9", b"\xe2\x82"]:
    try:
        print(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
    print(raw.decode("utf-8", "replace"), raw.decode("utf-8", "ignore"), raw.decode("latin-1"))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
