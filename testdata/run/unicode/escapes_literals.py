# String literal escapes: \x, \u, \U, \N{...}, octal, raw strings, bytes escapes.
parts = ["\x41", "\u00e9", "\U0001F600", "\N{LATIN SMALL LETTER SHARP S}", "\N{EM DASH}", "\101", "\0", "\7", "\a\b\f\v"]
print([repr(p) for p in parts], [len(p) for p in parts])
print(r"\x41\n", len(r"\x41\n"), rb"\x41", b"\x41\101", "\\N{...}")
print("line1\
 continued", 'single \'quoted\'', "double \"quoted\"", """triple "quoted" 'mixed'""")
print("tab:\t|", "cr:\r|".encode(), "null:\0|".encode(), "bell:\a|".encode())
print("\N{GREEK CAPITAL LETTER OMEGA}" == "Ω", "\N{greek capital letter omega}" == "\u03a9")
print(len("\N{REGIONAL INDICATOR SYMBOL LETTER F}\N{REGIONAL INDICATOR SYMBOL LETTER R}"))
print(bytes.fromhex("e2 82 ac").decode(), "€".encode().hex(" "), "\u20ac" == "€", hex(ord("€")))
print(eval(r'"\u0041\x42\103"'), eval(r'b"\x00\xff"'), eval("'\\N{DIGIT ONE}'"))
try:
    eval(r'"\N{NO SUCH CHARACTER NAME}"')
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    eval(r'"\x4"')
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    eval(r'b"é"')
except SyntaxError as e:
    print(type(e).__name__, e.msg)
