def f():
    def g():
        print(x)
        nonlocal x
    x = 0
