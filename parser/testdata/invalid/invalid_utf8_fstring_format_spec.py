x = f"{y:abÿ}"
