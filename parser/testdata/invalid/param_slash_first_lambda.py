f = lambda /: 1
