# Non-ASCII identifiers, NFKC normalisation of names, and str.isidentifier.
π = 3.14159
résumé = "cv"
日本 = "japan"
Ωmega = "omega"
print(π, résumé, 日本, Ωmega)
ﬁle = "ligature name"
print(file)
ℌ = "script H"
print(H)
print(globals().get("ﬁle"), "file" in globals(), "ﬁle" in globals())


class Größe:
    def __init__(self, wert):
        self.wert = wert

    def verdoppeln(self):
        return Größe(self.wert * 2)


g = Größe(21).verdoppeln()
print(type(g).__name__, g.wert, getattr(g, "wert"))
for name in ["abc", "_x", "1abc", "naïve", "日本", "a-b", "", "π", "ℌ", "x\u0301", "😀", "class", "Ⅻ", "\u2118"]:
    print(repr(name), name.isidentifier())
ns = {}
exec("ǅ = 1\nµ = 2", ns)
print(sorted(k for k in ns if not k.startswith("__")))
