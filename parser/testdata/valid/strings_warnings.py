# Invalid escapes parse, with a SyntaxWarning each.
a = "\d"
b = '\w+\s*'
c = b"\d"
d = "\400"
e = b"\777"
f = b"\N{DASH}"
g = b"\u1234"
h = f"\d{x}"
i = f"{x}\q"
j = """
\p
"""
k = "ok" "\z"
l = "\8\9"
m = f"\{x}"
n = f"{x:\d}"
