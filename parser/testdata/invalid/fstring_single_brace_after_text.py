x = f"abc } def"
