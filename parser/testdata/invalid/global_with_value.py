def f():
    global x = 1
