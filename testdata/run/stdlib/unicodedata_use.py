# needs: stdlib
# unicodedata (Unicode 15.1.0): names and lookup (aliases, named sequences,
# Hangul and CJK names), categories and the other properties, numeric
# values, decompositions, the four normal forms and their uses (accent
# stripping, caseless matching, width-aware padding), ucd_3_2_0.
import unicodedata as ud

def show(label, f):
    try:
        print(label, ascii(f()))
    except Exception as e:
        print(label, type(e).__name__, ascii(str(e)))

print(ud.unidata_version, ud.ucd_3_2_0.unidata_version)
text = "Ça va? Ωμέγα ﬁ ½ Ⅻ ٣ 가 中 😀 \u0301\u200d\t"
for ch in text:
    print("U+%04X" % ord(ch), ud.category(ch), ud.bidirectional(ch) or "-", ud.combining(ch),
          ud.east_asian_width(ch), ud.mirrored(ch), ascii(ud.decomposition(ch)),
          ud.numeric(ch, None), ud.name(ch, "<no name>"))

for name in ["LATIN SMALL LETTER SHARP S", "greek capital letter omega", "BYTE ORDER MARK",
             "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "HANGUL SYLLABLE HAN", "CJK UNIFIED IDEOGRAPH-2EBF0",
             "IDEOGRAPHIC DESCRIPTION CHARACTER SUBTRACTION", "NO SUCH CHARACTER", "x" * 300]:
    show(name[:40], lambda: ud.lookup(name))

for ch in "7٧௭¾⑫𝟗Ⅷ万":
    print(ascii(ch), ud.decimal(ch, None), ud.digit(ch, None), ud.numeric(ch, None))
show("decimal('x')", lambda: ud.decimal("x"))
show("category('ab')", lambda: ud.category("ab"))
show("normalize('NFX')", lambda: ud.normalize("NFX", "a"))

def strip_accents(s):
    return "".join(c for c in ud.normalize("NFD", s) if not ud.combining(c))

def caseless_equal(a, b):
    return ud.normalize("NFKD", a.casefold()) == ud.normalize("NFKD", b.casefold())

words = ["Crème brûlée", "Ångström", "naïve café", "Dvořák", "Łódź", "Straße", "ﬁancé"]
for w in words:
    forms = [ud.normalize(f, w) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    print(ascii(w), [len(f) for f in forms], [ud.is_normalized(f, w) for f in ("NFC", "NFD", "NFKC", "NFKD")],
          ascii(strip_accents(w)))
print(caseless_equal("STRASSE", "straße"), caseless_equal("ﬁne", "FINE"), caseless_equal("Å", "\u212b"))
print(ascii(ud.normalize("NFC", "\u1100\u1161\u11a8")), ascii(ud.normalize("NFD", "각")))

def width(s):
    return sum(2 if ud.east_asian_width(c) in "WF" else 0 if ud.combining(c) else 1 for c in s)

for s in ["abc", "日本語", "ｶﾀｶﾅ", "e\u0301te\u0301"]:
    print(ascii(s), width(s), ascii(s + " " * (8 - width(s)) + "|"))

for ch in "\U0001F600\u2adc\u9fbc\u0221":
    print("U+%04X" % ord(ch), ud.ucd_3_2_0.category(ch), ud.category(ch), ud.ucd_3_2_0.name(ch, None),
          ascii(ud.ucd_3_2_0.normalize("NFD", ch)))
print(ascii(ud.ucd_3_2_0.normalize("NFD", "\U0002f868")), ascii(ud.normalize("NFD", "\U0002f868")))
show("3.2 alias", lambda: ud.ucd_3_2_0.lookup("BYTE ORDER MARK"))
