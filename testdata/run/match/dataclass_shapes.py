# needs: stdlib
# match on dataclasses (their __match_args__ is generated) and enums.
from dataclasses import dataclass
from enum import Enum


class Op(Enum):
    ADD = "+"
    MUL = "*"


@dataclass
class Num:
    value: int


@dataclass
class BinOp:
    op: Op
    left: object
    right: object


def simplify(e):
    match e:
        case BinOp(Op.ADD, Num(0), x) | BinOp(Op.ADD, x, Num(0)):
            return simplify(x)
        case BinOp(Op.MUL, Num(1), x) | BinOp(Op.MUL, x, Num(1)):
            return simplify(x)
        case BinOp(Op.MUL, Num(0), _) | BinOp(Op.MUL, _, Num(0)):
            return Num(0)
        case BinOp(op, l, r):
            return BinOp(op, simplify(l), simplify(r))
        case _:
            return e


def evaluate(e):
    match e:
        case Num(v):
            return v
        case BinOp(Op.ADD, l, r):
            return evaluate(l) + evaluate(r)
        case BinOp(op=Op.MUL, left=l, right=r):
            return evaluate(l) * evaluate(r)


exprs = [
    BinOp(Op.ADD, Num(0), Num(5)),
    BinOp(Op.MUL, BinOp(Op.ADD, Num(2), Num(0)), Num(1)),
    BinOp(Op.MUL, Num(7), Num(0)),
    BinOp(Op.ADD, BinOp(Op.MUL, Num(1), Num(3)), BinOp(Op.MUL, Num(4), Num(5))),
]
print(Num.__match_args__, BinOp.__match_args__)
for e in exprs:
    s = simplify(e)
    print(e, "=>", s, "=", evaluate(s))
