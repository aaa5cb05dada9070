# Uncaught NameError with a suggestion for a local name.
def tally(items):
    counter = 0
    for item in items:
        counter += item
    print("tally", counter)
    return countr


tally([1, 2, 3])
