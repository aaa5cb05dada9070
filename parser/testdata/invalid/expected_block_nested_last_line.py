def f():
    if x:
        pass
    else: