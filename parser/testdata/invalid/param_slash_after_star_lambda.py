f = lambda *a, /: 1
