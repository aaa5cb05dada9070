"""Importing this raises: the half-made module must not stay in sys.modules."""
print("  [_broken] starting")
value = 1
raise RuntimeError("broken at import time")
