x = """abc
"""\t
