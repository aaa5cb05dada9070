x = """a
b
c""" \z
