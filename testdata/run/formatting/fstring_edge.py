# f-string corners: quotes reused inside (3.12), backslashes, debug =, lambdas and walrus.
songs = ["Take me back to Eden", "Alkaline", "Ascensionism"]
print(f"This is the playlist: {", ".join(songs)}")
print(f"{"\n".join(["a", "b"])}")
print(f"{f"{f"{f"{1 + 1}"}"}"}")
x = 5
print(f"{(y := x * 2)} {y}", f"{(lambda: 'lam')()}", f"{x if x > 3 else -x:>4}")
print(f"{x=:>5}", f"{x = !r}", f"{x=!r:^7}", f"{'str'=}", f"{x + 1 = }")
print(f"{'{'}{'}'}", f"{{x}}", f"{{{x}}}", f"{'a' 'b'}", f"{x:{'>'}{10}}")
print(f"{3:{'x'}}", f"{1_000_000:,}", f"{-1:+}", f"{0.1 + 0.2!r}", f"{[1, 2][-1]}")
print(f"{x!r:{'<'}{4}}|", f"{'\\'}", f"{'\''}", f'{"\""}', f"\\{x}")
fmt = "{:>{width}.{prec}f}"
for width, prec in [(8, 2), (10, 4), (3, 0)]:
    print(f"[{3.14159:>{width}.{prec}f}]", "[" + fmt.format(3.14159, width=width, prec=prec) + "]")
print(f"{x:5}" f"{x:<5}" "plain" f"{x}")
print(f"""{x}
{x * 2}""", f'''{"'"}''')
