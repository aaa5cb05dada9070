def f[T](): 
    [x for x in range(3) if (T := 1)]
