# modes: eval
[1 2]
