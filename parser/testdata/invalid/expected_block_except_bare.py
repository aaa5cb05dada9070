try:
    pass
except:
x
