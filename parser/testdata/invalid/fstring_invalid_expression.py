f"{x y z}"
