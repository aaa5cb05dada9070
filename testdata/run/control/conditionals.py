# if/elif/else, conditional expressions, truthiness and short-circuit evaluation.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0 and n > 100:
        return "big even"
    elif n % 2:
        return "odd"
    else:
        return "small even"


for n in [-5, 0, 1, 8, 102, 103]:
    print(n, classify(n))
for v in [0, 1, -1, 0.0, 1e-300, "", " ", [], [0], {}, {0: 0}, set(), None, (), ((),), range(0), range(1), 0j]:
    print(repr(v), bool(v), "truthy" if v else "falsy")
log = []


def t(name, value):
    log.append(name)
    return value


print(t("a", 0) and t("b", 1), log)
log.clear()
print(t("a", 1) and t("b", 2), log)
log.clear()
print(t("a", 0) or t("b", "") or t("c", "last"), log)
log.clear()
print(t("a", [1]) or t("b", 1), log)
log.clear()
print(not t("a", []), log)
print(1 and 2 and 3, 1 and 0 and 3, 0 or None or [], "" or "default", None and 1)
x = 7
print("big" if x > 5 else "small", "pos" if x > 0 else "neg" if x < 0 else "zero")


class Flaky:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("  __bool__ called on", self.v)
        return self.v


class Sized:
    def __len__(self):
        print("  __len__ called")
        return 0


print(Flaky(True) and "yes")
print(Flaky(False) or "fallback")
if Sized():
    print("sized is true")
else:
    print("sized is false")
print(bool(Flaky(True)), not Sized())


class BadBool:
    def __bool__(self):
        return 1


try:
    if BadBool():
        pass
except TypeError as e:
    print(type(e).__name__, e)
