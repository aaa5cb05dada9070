a = "\n\t\\\'\"\a\b\f\v\r"
b = '\0 \7 \12 \123 \377 \1234'
c = "\x41\x7f\xff\x00"
d = "\u00e9\u20ac\uFFFF\u0000"
e = "\U0001F600\U00010000\U0010ffff"
f = "\N{LATIN SMALL LETTER E WITH ACUTE}\N{EM DASH}\N{bullet}\N{GREEK SMALL LETTER ALPHA}"
g = "\N{LATIN CAPITAL LETTER E WITH MACRON AND GRAVE}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GAG}"
h = "line one \
line two"
i = """triple \
continued
"""
j = b"\n\t\\\'\"\a\b\f\v\r\0\7\123\377\x41\xff"
k = b"bytes \
continued"
l = r"\n\t\\\"\x41\N{DASH}"
m = r'\''
n = rb"\x00\\"
o = "é日本語😀"
p = 'mixed é \xe9 \u00e9'
q = "\
"
r = '''\'''\"""'''
s = """a "quoted" 'word' and ""two"" ''quotes''"""
t = '\\'
u = "tab	inside"
v = f"\n{x}\t\\{y}\\"
w = f"\N{EM DASH}{x}\N{bullet}"
x = rf"\N{x}\n{y}"
y = fr'\d{z}'
z = f"{'\n'.join(a)}"
aa = f"{"\\".join(b)}"
bb = f'\x41{1}\u00e9{2}\U0001F600'
cc = f"""\
{x}\
"""
dd = u"\u00e9"
ee = "\N{NO-BREAK SPACE}\N{ZERO WIDTH SPACE}"
ff = "\N{latin small letter sharp s}\N{HANGUL SYLLABLE PWILH}"
gg = "\N{CJK COMPATIBILITY IDEOGRAPH-F900}\N{CJK UNIFIED IDEOGRAPH-2A700}\N{EGYPTIAN HIEROGLYPH A001}\N{SPACE}"
