try:
    pass
finally:
x
