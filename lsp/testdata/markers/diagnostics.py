#! diagnostics
# Diagnostics that need no run: names bound nowhere (NameError) and reads
# of locals that would raise UnboundLocalError, found from the bytecode.


def uses_undefined():
    return undefined_name + 1
#          ^diag=NameError


def read_before_write():
    print(total)
#         ^diag=UnboundLocalError
    total = 0
    return total


def maybe(flag):
    if flag:
        value = 1
    return value
#          ^diag=possibly-unbound


def deleted():
    item = 1
    del item
    return item
#          ^diag=UnboundLocalError


def fine(flag):
    value = 0
    if flag:
        value = 1
    return value, len, __name__, __file__
