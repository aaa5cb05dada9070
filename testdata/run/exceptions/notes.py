# add_note() and __notes__.
try:
    try:
        raise ValueError("parse failed")
    except ValueError as e:
        e.add_note("while reading line 3")
        e.add_note("of config.ini")
        raise
except ValueError as e:
    print(repr(e), e.__notes__, str(e))
e = KeyError("k")
print(hasattr(e, "__notes__"))
try:
    e.add_note(5)
except TypeError as err:
    print(type(err).__name__, err)
e.__notes__ = ["replaced"]
e.add_note("appended")
print(e.__notes__)
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as err:
    print(type(err).__name__, err)


def process(items):
    errors = []
    for i, item in enumerate(items):
        try:
            int(item)
        except ValueError as err:
            err.add_note(f"item #{i}")
            errors.append(err)
    return errors


for err in process(["1", "x", "2", "3.5"]):
    print(type(err).__name__, err, err.__notes__)
