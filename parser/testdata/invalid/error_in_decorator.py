@dec(1 2)
def f():
    pass
