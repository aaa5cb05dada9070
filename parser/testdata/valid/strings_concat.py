a = "one" "two"
b = "one" 'two' """three""" '''four'''
c = u"kind" "plain"
d = "plain" u"kind"
e = u"a" u"b"
f = b"one" b'two' rb"three" Br'four'
g = f"{x}" "plain"
h = "plain" f"{x}"
i = "a" f"b{x}c" "d" f"e{y}f" "g"
j = u"u" f"{x}"
k = f"{x}" u"u"
l = r"raw\n" "cooked\n" f"\n{x}" rf"\n{x}"
m = ("multi"
     "line"
     f"{x}"
     'concat')
n = (
    "first"  # comment
    # another comment
    "second"
)
o = "" ""
p = f"" ""
q = "" f""
r = f"" f""
s = "a" \
    "b"
t = f"{x}" f"{y}" f"{z}"
u = "x" f"{'nested' 'concat'}" "y"
v = f"{x!r}" "=" f"{y=}"
w = u"" "" f"{x}"
