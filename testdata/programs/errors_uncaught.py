# An uncaught exception: the traceback and exit status are CPython's.
def inner(d):
    return d["missing"] + 1


def outer():
    data = {"present": 1}
    return inner(data)


print("before")
outer()
