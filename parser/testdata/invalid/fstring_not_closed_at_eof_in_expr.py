f"{x + (y
