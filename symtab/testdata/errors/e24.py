def f(): {(yield x) for x in range(3)}
