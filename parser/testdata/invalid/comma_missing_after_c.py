x = [b, c d]
