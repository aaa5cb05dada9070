from .._util import square as sq
from ._deep import deep_value
