f"{x!rr}"
