f"abc {x}
