x = 0_j
