result = some_function(
    argument_one,
    keyword=value,
    *star_args,
    **kwargs,
)
total = (first_value
         + second_value
         - third_value)
text = """a string
that spans
lines"""; after = 1
data = {
    "key": [
        1, 2,
        3,
    ],
    **other,
}
value = (
    a
    if condition
    else b
)
chained = (obj
           .method()
           .attr
           [index])
compare = (a <
           b <=
           c)
boolean = (a and
           b or
           not c)
lam = (lambda
       x:
       x)
gen = (x
       for x in y
       if x)
sliced = seq[
    1:
    2:
    3
]


@decorator(
    arg,
)
def function(
    a: int,
    b: str = "",
) -> (
    None
):
    return (
        a,
        b,
    )


class Klass(
    Base,
    metaclass=Meta,
):
    x: (
        int
    ) = (
        1
    )


for (
    a,
    b,
) in pairs:
    pass

with (
    open(a) as f,
):
    pass

if (a and
        b):
    pass
elif (c or
      d):
    pass

try:
    pass
except (
    ValueError,
    TypeError,
) as err:
    pass

match (
    subject
):
    case {
        "k": [
            x,
            *rest,
        ]
    } if (
        x
    ):
        pass
    case Point(
        x=1,
        y=2,
    ) | (
        None
    ):
        pass

msg = f"start {
    value
} middle {other!r:>{
    width}} end"
concat = ("a"
          f"{b}"
          "c")
assert (
    x
), (
    "message"
)
del (
    a,
    b,
)
x = yield (
    1
) if 0 else 0
type Alias[
    T
] = list[
    T
]
