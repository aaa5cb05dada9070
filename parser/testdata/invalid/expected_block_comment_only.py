if x:
    # only a comment
