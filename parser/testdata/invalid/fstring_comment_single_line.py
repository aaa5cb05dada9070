f"{x # comment}"
