x[a if b]
