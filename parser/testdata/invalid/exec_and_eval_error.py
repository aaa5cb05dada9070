# modes: exec eval single
x = (1,
