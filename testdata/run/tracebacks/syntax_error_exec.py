# A SyntaxError raised at run time by exec(): the traceback ends with the caret block.
source = "def f(x):\n    return x +\n"
print("compiling")
exec(source)
