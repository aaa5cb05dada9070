with open(a b) as f:
    pass
