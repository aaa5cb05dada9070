# modes: single
x = = 1
