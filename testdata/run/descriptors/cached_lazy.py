# A non-data descriptor that caches into the instance dict (like functools.cached_property).
class lazy:
    def __init__(self, fn):
        self.fn = fn
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        print(f"  computing {self.name}")
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value


class Report:
    def __init__(self, data):
        self.data = data

    @lazy
    def total(self):
        """Sum of the data."""
        return sum(self.data)

    @lazy
    def mean(self):
        return self.total / len(self.data)


r = Report([1, 2, 3, 4])
print(r.mean, r.mean, r.total, vars(r))
del r.total
print(r.total)
print(Report.total.__doc__, type(Report.total).__name__)


class Counted:
    def __init__(self):
        self.reads = 0

    def __get__(self, obj, objtype=None):
        self.reads += 1
        return self.reads


class UsesCounted:
    c = Counted()


u = UsesCounted()
print(u.c, u.c, UsesCounted.c, UsesCounted.__dict__["c"].reads)
