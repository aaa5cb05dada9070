try:
    pass
except E:
x
