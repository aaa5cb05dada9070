while x:
    pass
else:
