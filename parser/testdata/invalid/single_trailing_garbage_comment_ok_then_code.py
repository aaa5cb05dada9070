# modes: single
x = 1
# comment
  z
