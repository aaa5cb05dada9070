f"{x\y}"
