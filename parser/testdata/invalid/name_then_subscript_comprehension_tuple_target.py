a b[x, y for x in z]
