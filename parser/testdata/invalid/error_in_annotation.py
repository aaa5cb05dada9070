def f(a: int str):
    pass
