# modes: single eval exec
f(x)  # comment
