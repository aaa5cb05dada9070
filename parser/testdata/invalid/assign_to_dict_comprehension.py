{a: b for a, b in c} = 1
