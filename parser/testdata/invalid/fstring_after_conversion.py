f"{x!r y}"
