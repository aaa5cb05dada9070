f"{yield from}"
