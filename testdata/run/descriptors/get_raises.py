# A descriptor or property whose getter raises AttributeError falls back to __getattr__.
class Flaky:
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        raise AttributeError("flaky is unavailable")


class WithFallback:
    flaky = Flaky()

    @property
    def broken(self):
        return self.does_not_exist

    @property
    def other_error(self):
        raise KeyError("not an attribute error")

    def __getattr__(self, name):
        return f"fallback for {name}"


w = WithFallback()
print(w.flaky, w.broken, w.anything)
try:
    w.other_error
except KeyError as e:
    print(type(e).__name__, e)


class NoFallback:
    flaky = Flaky()

    @property
    def broken(self):
        return self.missing_attr


n = NoFallback()
for name in ["flaky", "broken"]:
    try:
        getattr(n, name)
    except AttributeError as e:
        print(type(e).__name__, e, "| name:", e.name, "| obj is n:", e.obj is n)
print(hasattr(n, "flaky"), hasattr(n, "broken"), getattr(n, "flaky", "default"))
