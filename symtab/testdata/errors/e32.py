type A[T] = (x := 1)
