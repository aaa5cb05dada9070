f"{x "
