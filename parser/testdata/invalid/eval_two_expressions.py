# modes: eval
x
y
