type A[T = int, U] = int
x = 1
del *a, b
