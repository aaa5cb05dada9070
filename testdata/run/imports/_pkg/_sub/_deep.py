from .. import VERSION
from .._geometry import distance

deep_value = f"deep sees VERSION={VERSION}, distance={distance((0, 0), (6, 8))}"
