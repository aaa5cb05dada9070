with a as b:
z = 1
