# Notes are printed after the exception message.
def check(rows):
    for i, row in enumerate(rows):
        try:
            if not row:
                raise ValueError("empty row")
        except ValueError as e:
            e.add_note(f"at row {i}")
            e.add_note("multi-line note:\n  second line")
            raise


print("checking rows")
check([[1], [2], []])
