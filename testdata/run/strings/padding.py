# center/ljust/rjust/zfill/expandtabs.
for w in ["a", "ab", "abc", "abcd", "", "toolongvalue"]:
    print(f"[{w.center(7)}][{w.center(7, '*')}][{w.ljust(6, '.')}][{w.rjust(6, '-')}]")
for v in ["42", "-42", "+42", "3.14", "-", "", "abc", "0042"]:
    print(repr(v), v.zfill(6), v.zfill(1))
print("a\tbc\tdef\tg".expandtabs(), "a\tbc\tdef\tg".expandtabs(4), "x\ty\n\tz".expandtabs(2), "\t".expandtabs(0))
try:
    "a".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".ljust("5")
except TypeError as e:
    print(type(e).__name__, e)
rows = [("apple", 1.5, 10), ("banana", 0.25, 150), ("cherry", 12.0, 7)]
for name, price, qty in rows:
    print(name.ljust(10) + str(price).rjust(8) + str(qty).center(7) + "|")
print("abc".center(8), "abc".center(9), "ab".center(5), "ab".center(6))
