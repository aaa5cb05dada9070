# Evaluation order: left to right for operands, arguments, displays; RHS before targets.
def t(label, value=None):
    print("  eval", label)
    return label if value is None else value


print("binary:", t("a", 1) + t("b", 2) * t("c", 3))
print("call:", t("f", lambda *a, **k: (a, k))(t("x"), t("y"), key=t("kw")))
print("dict:", {t("k1"): t("v1"), t("k2"): t("v2")})
print("list:", [t(1), t(2)], "tuple:", (t(3), t(4)))
print("subscript:", t("seq", [10, 20, 30])[t("idx", 1)])
print("slice:", t("s", "abcdef")[t("lo", 1):t("hi", 4):t("step", 2)])
print("compare:", t("p", 1) < t("q", 2) < t("r", 3))
print("short-circuit:", t("x", 0) and t("never"), t("y", 1) or t("never"))
print("conditional:", t("then") if t("cond", True) else t("else"))
print("unpack:", [*t("first", [1]), *t("second", [2])])
d = {}
lst = [0, 0]
print("assignment, RHS first:")
t("target dict", d)[t("key")] = t("value")
print(d)
print("multiple targets, left to right:")
a = lst[t("i0", 0)] = lst[t("i1", 1)] = t("rhs", 7)
print(a, lst)
x = [1, 2, 3]
i = 0
i, x[i] = 1, 9
print(x, i)
print("augmented:")
t("container", lst)[t("index", 0)] += t("increment", 5)
print(lst)
print("f-string:", f"{t('one')}-{t('two')}")
print("keyword default evaluated once at def:")


def f(v=t("default")):
    return v


f()
f()
print("lambda body at call:", (lambda: t("lambda body"))())
print("power is right-assoc:", 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2)
print("precedence:", 1 + 2 * 3 - 4 / 2, not 1 == 2, 1 | 2 ^ 3 & 4, 1 << 2 + 1, -3 % 5, (1, 2) == (1, 2) and "x")
