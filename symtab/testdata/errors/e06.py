def f():
    def g():
        x = 1
        nonlocal x
    x = 0
