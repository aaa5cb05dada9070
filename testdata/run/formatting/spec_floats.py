# The format mini-language for floats: e, f, g, %, precision, alignment, z.
vals = [0.0, -0.0, 1.0, -1.5, 3.14159265358979, 123456.789, 1e-7, 1.5e300, 0.000123456, 2.5, 0.125,
        float("inf"), float("-inf"), float("nan"), 1e16, 12345678901234567890.0]
specs = ["", "f", ".2f", ".0f", "#.0f", "e", ".3e", "E", "g", ".3g", "#g", "G", "%", ".1%", "10.2f",
         "<10", "^+10.1f", "010.3f", ",.2f", "_.1f", "z.1f", "n", ".15g", ".17g", "r" if False else "a"]
specs = specs[:-1]
for v in vals:
    print(repr(v))
    for s in specs:
        try:
            print(f"   {s!r:8} [{format(v, s)}]")
        except ValueError as e:
            print(f"   {s!r:8} {type(e).__name__} {e}")
for v in [0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005]:
    print(v, f"{v:.0f} {v:.1f} {v:.2f} {v:.20f}")
for s in ["d", "x", "c", "b", "5,d"]:
    try:
        format(1.5, s)
    except ValueError as e:
        print(s, type(e).__name__, e)
print(format(1e200, ".300f")[:50], len(format(1e200, ".300f")))
