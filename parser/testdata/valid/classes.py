class Empty:
    pass


class WithBases(Base, other.Base):
    """Docstring."""

    attr: int = 3
    other = 4

    def method(self):
        return self.attr


class WithKeywords(Base, metaclass=Meta, **extra):
    pass


class Starred(*bases, **kwds):
    pass


class Parens():
    pass


@dataclass(frozen=True)
class Decorated:
    x: int
    y: "str"
    z: list[int] = field(default_factory=list)

    class Nested:
        def deep(self):
            class Deeper(object):
                pass
            return Deeper


class Generic[T]:
    pass


class Generic2[T: int, *Ts, **P](Base[T], metaclass=M):
    def m[U](self, x: U) -> T:
        pass
