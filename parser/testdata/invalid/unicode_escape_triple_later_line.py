x = """
ok
\N{BAD NAME}
"""
