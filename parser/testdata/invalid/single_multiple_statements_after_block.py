# modes: single
if x:
    pass
y = 2
