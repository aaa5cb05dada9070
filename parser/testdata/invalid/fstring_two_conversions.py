f"{x!r!s}"
