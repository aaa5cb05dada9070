# The format mini-language for integers.
vals = [0, 7, -7, 255, -255, 1234567, 2 ** 64]
specs = ["d", "5d", "<6", "^7", ">7", "=+8", "08", "+", " ", "-", ",", "_", "x", "X", "#x", "#X", "o", "#o",
         "b", "#b", "#010b", "_b", "_x", "c", "n", "e", ".2f", "%", "*^12,", "#_o", "+#x", "z"]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(f"{s}:[{format(v, s)}]")
        except (ValueError, OverflowError) as e:
            row.append(f"{s}:!{type(e).__name__}")
    print(" ".join(row))
for s in ["10,x", ",b", "_c", ".3d", "#c", "s"]:
    try:
        print(s, format(42, s))
    except ValueError as e:
        print(s, type(e).__name__, e)
print(format(True, "d"), format(True, ""), format(False, "^6"), f"{True:>5}", f"{True!s:>5}")
print(format(-0, "+d"), format(10 ** 25, ","), format(-(10 ** 25), "_d"), format(1, "0=5"), format(-1, "0=5"))
