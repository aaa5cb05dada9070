j{x y
