a b(x for x y)
