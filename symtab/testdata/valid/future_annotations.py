from __future__ import annotations

x: SomeType = 1


def f(a: Undefined, *b: Other, **c: Third) -> ReturnType:
    y: LocalType = a
    return y


class K:
    attr: ClassType
    other: int = 3
