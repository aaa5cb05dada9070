# modes: eval
x = 1
