# An uncaught exception exits with status 1 after printing the traceback.
print("line before")


def fail():
    raise LookupError("uncaught")


fail()
