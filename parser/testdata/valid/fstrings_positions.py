a = f"é{x}ü{y!r}日本{z:>{w}}"
b = f"{'é'}{"日本"}" f"ü{x}"
c = (f"first {x}"
     f"second {y}"
     f"third")
d = f"{x}" \
    f"{y}"
e = f'''é
{x}
  ü{y}'''
f = f"{  x  }"
g = f"{x  =  }"
h = f"{x!r:{'é'}^{w}}"
i = f"{f'{f"{é}"}'}"
j = f"{{é}}{x}"
k = rf"\é{x}\n"
l = f"""
    {x:
        >10}
"""
m = "é" f"{x}" "ü"
n = u"é" f"{x}"
o = f"{x}" "é" f"{y}"
