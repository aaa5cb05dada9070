def f(): {k: (yield k) for k in range(3)}
