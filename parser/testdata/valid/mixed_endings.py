"""A file with CRLF line endings."""
x = 1
y = (1,     2)
s = """multi
linestring"""
b = b'''bytes
block'''t = "continued \
string"
f = f"""{x}{y:>{
w}}
"""if x:
    pass
else:    z = x + \
        y
def g(a,      b):
    return a
last = 1