a b(x y)
