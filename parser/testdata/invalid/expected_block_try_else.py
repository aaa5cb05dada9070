try:
    pass
except E:
    pass
else:
x
