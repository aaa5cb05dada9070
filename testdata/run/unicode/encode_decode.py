# Encoding and decoding: utf-8, utf-16, utf-32, latin-1, ascii, cp1252 and error handlers.
text = "Grüße, 世界! 😀"
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32-le", "latin-1", "ascii", "cp1252", "utf-8-sig"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"]:
        try:
            b = text.encode(enc, errors)
            print(f"{enc:10} {errors:17} {len(b):3} {b[:24]!r}")
        except UnicodeEncodeError as e:
            print(f"{enc:10} {errors:17} {type(e).__name__}: {e}")
data = "Grüße 😀".encode("utf-8")
for enc in ["utf-8", "latin-1", "ascii", "utf-16-le"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace", "surrogateescape"]:
        try:
            print(f"{enc:10} {errors:17} {data.decode(enc, errors)!r}")
        except UnicodeDecodeError as e:
            print(f"{enc:10} {errors:17} {type(e).__name__}: {e}")
s = b"\xff\xfeA".decode("utf-8", "surrogateescape")
print(repr(s), s.encode("utf-8", "surrogateescape"))
try:
    s.encode("utf-8")
except UnicodeEncodeError as e:
    print(type(e).__name__, e, e.start, e.end)
print("abc".encode("utf-16"), bytes("é", "utf-8"), str(b"\xc3\xa9", "utf-8"), b"\xe9".decode("latin-1"))
print(len("😀".encode("utf-16-le")), "😀".encode("utf-16-le"), b"=\xd8\x00\xde".decode("utf-16-le"))
print("\ud83d\ude00" == "😀", repr("\ud83d\ude00"), len("\ud83d\ude00"))
