print(x)  # type: int
