x = True = 1
