# modes: exec
a, *b, c