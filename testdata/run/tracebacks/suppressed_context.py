# raise ... from None hides the context; a later except shows a three-level chain.
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError(f"no {k}") from None


def outer():
    try:
        lookup({}, "x")
    except LookupError as e:
        try:
            1 / 0
        except ZeroDivisionError:
            raise RuntimeError("giving up") from e


print("start")
outer()
