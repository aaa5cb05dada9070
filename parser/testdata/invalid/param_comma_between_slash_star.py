def f(a, / *):
    pass
