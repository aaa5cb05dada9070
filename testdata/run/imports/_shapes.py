"""A module of the imports tests (not a program: its name starts with '_')."""
import math

PI_ISH = 3.14
_private = "hidden from star-imports"


def area_circle(r):
    return math.pi * r * r


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def __repr__(self):
        return f"Square({self.side})"
