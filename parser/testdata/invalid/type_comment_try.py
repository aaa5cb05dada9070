try:  # type: int
    pass
finally:
    pass
