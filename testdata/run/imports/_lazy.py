"""PEP 562: module-level __getattr__ and __dir__."""
real = "a real attribute"


def __getattr__(name):
    if name.startswith("computed_"):
        return name.upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return ["real", "computed_anything"]
