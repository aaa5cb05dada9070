# Global declarations in nested functions, builtins, undefined names.
counter = 0
print(len("abc"))


def bump():
    global counter
    counter += 1

    def deeper():
        global late
        late = counter
        return undefined_name

    return deeper


def shadows_builtin():
    len = 5
    return len, print


def uses_module(x):
    return counter + x + max(x, 1)
