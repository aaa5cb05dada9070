# The format mini-language for strings and other objects.
for s in ["", "a", "hello", "héllo", "toolongstring"]:
    print(f"[{s:8}] [{s:>8}] [{s:^8}] [{s:.3}] [{s:*<8.2}] [{s!r:^12}] [{s:>{len(s) + 2}}]")
for spec in ["d", "+", "=5", "05", ",", "#"]:
    try:
        print(format("x", spec))
    except ValueError as e:
        print(spec, type(e).__name__, e)
print(format(None), format([1, 2]), format((1,), ""), format(type))
try:
    format(None, ">5")
except TypeError as e:
    print(type(e).__name__, e)
try:
    format([1], "s")
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(object(), "x")
except TypeError as e:
    print(type(e).__name__, e)
print(f"{'left':<{10}}|{'right':>{10}}|{'mid':^{10}}|")
print("{:-^30}".format(" Title "), "{:>{w}}".format("r", w=6), "{!r:^10}".format("q"))
print(format("é", "^5"), format("日本", "<6") + "|", format("a\u0301", ">4") + "|")
