x = f"""{x}
more
