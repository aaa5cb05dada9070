type Alias = int
type ListOrSet[T] = list[T] | set[T]
type Bounded[T: int] = T
type Constrained[T: (int, str)] = T
type Pair[A, B] = tuple[A, B]
type WithTuple[*Ts] = tuple[*Ts]
type WithParamSpec[**P] = Callable[P, int]
type Defaults[T = int, *Ts = *tuple[int, ...], **P = [int, str]] = None
type BoundAndDefault[T: float = int] = T
type Recursive = list[Recursive] | None
type \
    Continued = int


def func[T](x: T) -> T:
    return x


def func2[T: (int, str), U: Sequence[int] = list[int]](a: T, b: U) -> None:
    pass


def func3[*Ts, **P](*args: *Ts, **kwargs: P.kwargs) -> None:
    pass


async def afunc[T](x: T) -> T:
    return x


class C[T, U: int, *Ts, **P]:
    type Inner[V] = dict[T, V]


class D[T = str, U: int = bool,](Base):
    pass


def trailing[T,](x):
    pass


type = 1
type.attr = 2
type(x)
print(type)
type[int]
