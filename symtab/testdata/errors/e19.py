[x for x in (y := range(3))]
