import os
import os.path
import os.path as osp
import a, b.c, d as e, f.g.h as i
from os import path
from os import path as p, sep
from os import (path, sep as s,)
from os import (
    path,
    sep,
)
from . import x
from .. import y
from ... import z
from .... import w
from ..... import v
from .mod import a
from ..pkg.mod import b as c
from ...pkg import *
from __future__ import annotations
from __future__ import barry_as_FLUFL
from a.b.c import *
import a.b.c.d.e.f
