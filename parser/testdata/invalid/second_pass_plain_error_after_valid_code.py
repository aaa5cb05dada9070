x = [i for i in range(3)]
if (y := 1):
    pass
f(a, b=1)
z = 1 2
