"""Module state and import side effects: the body runs once per process."""
print("  [_counter] module body executing, __name__ =", __name__)
count = 0


def bump():
    global count
    count += 1
    return count
