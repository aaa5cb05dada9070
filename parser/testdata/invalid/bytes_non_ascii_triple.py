x = b"""
abc
é
"""
