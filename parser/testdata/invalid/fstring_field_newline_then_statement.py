f = f"{
t = 1
