# modes: exec single
if x:
	a
        b
