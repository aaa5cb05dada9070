x = 1 + \
 y \t
