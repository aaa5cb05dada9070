x = """
abc
""" y
