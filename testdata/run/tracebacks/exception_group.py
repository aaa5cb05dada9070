# An uncaught ExceptionGroup with a nested group: the boxed traceback format.
def task(n):
    if n % 2:
        raise ValueError(f"task {n} failed")
    raise TypeError(f"task {n} bad type")


def run_all():
    errors = []
    for n in range(3):
        try:
            task(n)
        except Exception as e:
            errors.append(e)
    inner = ExceptionGroup("inner batch", [KeyError("k")])
    raise ExceptionGroup("batch failed", errors + [inner])


print("running")
run_all()
