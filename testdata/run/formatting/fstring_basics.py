# f-strings: expressions, conversions, = specifier, nested specs and quotes.
name, n, pi = "Ada", 42, 3.14159265
items = ["x", "y"]
print(f"{name} {n} {pi}")
print(f"{name!r} {name!s} {name!a} {'é'!a} {items!r}")
print(f"{n=} {pi = } {name=!s} {n*2=} {pi=:.2f} {items[0]=}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{-n:+}|{n: }|{n:x}|{n:#b}")
w, p = 10, 3
print(f"[{pi:{w}.{p}f}] [{pi:>{w}}] [{name:{'*'}^{w}}] [{n:{'0'}{w}}]")
print(f"{'nested' + f'{n}'!r}", f"{f'{f"{n}"}'}", f"{'a' if n > 3 else 'b'}", f"{(lambda x: x * 2)(n)}")
print(f"{ {'k': 1}['k'] }", f"{ {1, 2} }", f"{n!r:>6}", f"{{literal}} {{{n}}}")
print(f"{3.0:g} {1e20:g} {123456789:,} {0.5:%} {1234.5678:_.2f}")
d = {"a": 1, "b": 2}
print(f"{d['a']} {d["b"]} {len(d)} {sum(d.values())}")
x = 10
print(f"""multi
line {x
       + 1} end""")
print(f"{x:}", f"{x!s:}", f"{''}", f"{'':5}|")
print(f"{'\t'.join(['a', 'b'])}", f"{'\n'.join('xy')}")
print(F"upper F {x}", rf"raw \n {x}", fr"{x}\t")
print(f"{x # a comment
}")
obj = type("O", (), {"__format__": lambda self, spec: f"<fmt {spec!r}>", "__repr__": lambda self: "O()"})()
print(f"{obj}", f"{obj:abc}", f"{obj!r}", f"{obj!r:>8}", format(obj, "xyz"))
