# modes: eval
(a, *b, c)
