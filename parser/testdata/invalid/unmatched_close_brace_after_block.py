if x:
    pass
}
