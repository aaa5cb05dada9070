é = 1
def f():
    é = 2; global é
