def f():
    return 1  # type: int
