# Formatting and alignment with non-ASCII text (widths count code points, not columns).
rows = [("Zürich", 415367), ("東京", 13960000), ("São Paulo", 12330000), ("Αθήνα", 664046), ("😀ville", 1)]
for city, pop in rows:
    print(f"|{city:<12}|{pop:>12,}|{city:^12}|{city!r:>14}|")
print(f"{'é':*^5}", "{:>6}".format("日本"), "%-6s|" % "ü", "ß".center(5, "-"), "ñ".zfill(4), "ω".ljust(3, "ω"))
print(format("😀", "<3") + "|", len(format("😀", "<3")), f"{'ab😀':.2}", f"{'日本語':.1}")
print(str.maketrans("äöü", "aou"), "Müller Größe".translate(str.maketrans("äöüß", "aous")))
print(ascii("Müller"), repr("Müller"), "Müller".encode("ascii", "replace"), "Müller".encode("ascii", "xmlcharrefreplace"))
