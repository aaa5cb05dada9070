# Identifiers are NFKC-normalized; positions count the bytes of the source.
ﬁ = 1
ℌ = 2
ｘｙｚ = 3
𝐱 = 4
ª = 5
xᵢ = 6
µ = 7
Ω = 8
Å = 9
café = 10
café = 11
日本語 = 12
Ελληνικά = 13
Кириллица = 14
ｉｆ = 15
Ｔｒｕｅ = 16
ℎ𝑒𝑙𝑙𝑜 = ﬁ + ℌ + ｘｙｚ
obj.ﬁeld = ℌ.ａｔｔｒ
print(ｓｅｐ=1, ﬁle=2)
def ｆｕｎｃ(ｐａｒａｍ, *ａｒｇｓ, ｋｅｙ=1, **ｋｗ): return ｐａｒａｍ
class Ｃｌａｓｓ[Ｔ]: pass
import ｍｏｄｕｌｅ as ｍ
from ｐｋｇ import ｎａｍｅ as ｎ
def outer():
    ｖ = 1
    def inner():
        nonlocal ｖ
        global ｇ
    return f"{ｖ=} {ℌ!r}"
match ｖａｌｕｅ:
    case Ｐｏｉｎｔ(ｘ=ａ) | [ｂ, *ｒｅｓｔ] | {"k": ｃ, **ｒ}:
        pass
    case ｘ＿ｙ:
        pass
lambda ｌ: ｌ
x = "é" + ﬁ; y = 1
𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = "𝔘"; z = 2
