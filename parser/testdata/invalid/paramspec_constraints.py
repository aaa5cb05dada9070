type A[**P: (int, str)] = P
