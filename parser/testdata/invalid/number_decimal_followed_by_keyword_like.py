x = 1else
