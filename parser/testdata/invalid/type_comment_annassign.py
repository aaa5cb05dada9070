x: int = 1  # type: int
