type A = list[int str]
