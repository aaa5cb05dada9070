# ÿþ not UTF-8, but comments are never decoded
x = 1  # café
