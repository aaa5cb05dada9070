# Imports, match captures, exception names, with targets, deletes,
# annotations, star targets, decorators and defaults.
import os.path
import collections.abc as cabc
from typing import (List as L, Dict)


def deco(f):
    return f


@deco
def handler(point, default=os.sep, *args, key=None, **kwargs):
    match point:
        case (x, y, *rest):
            pass
        case {"k": value, **others}:
            pass
        case cabc.Mapping() as mapping:
            pass
        case Point(x=px, y=py) | [px, py]:
            pass
        case _:
            pass
    try:
        pass
    except (ValueError, KeyError) as err:
        del err
    with open(default) as fh, open(key) as (g1, g2):
        first, *middle, last = fh
    annotated: L[int] = []
    only_annotated: Dict
    return locals()


class Point:
    x: int
    y: int
