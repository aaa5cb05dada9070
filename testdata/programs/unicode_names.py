données = {"clé": "valeur"}
π = 3.14159
print(données, π, "\N{GREEK SMALL LETTER ALPHA}", "ｆｕｌｌ".upper())


def ﬁnd(x):
    return x


print(find(1))
