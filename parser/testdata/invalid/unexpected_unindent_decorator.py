if x:
    pass
    @d
