def f(a  # type: int
      , b):
    pass
