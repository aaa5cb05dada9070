[a, cases b]
