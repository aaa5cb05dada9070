f = lambda a=(1 2): a
