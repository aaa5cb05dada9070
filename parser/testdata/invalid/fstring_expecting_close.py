f"{x y}"
