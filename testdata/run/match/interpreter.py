# A small expression evaluator written with match: a typical use of structural patterns.
def tokenize(s):
    tokens, num = [], ""
    for c in s:
        if c.isdigit() or c == ".":
            num += c
            continue
        if num:
            tokens.append(float(num) if "." in num else int(num))
            num = ""
        if c in "+-*/()":
            tokens.append(c)
    if num:
        tokens.append(float(num) if "." in num else int(num))
    return tokens


def parse(tokens):
    def expr(i):
        left, i = term(i)
        while i < len(tokens) and tokens[i] in ("+", "-"):
            op = tokens[i]
            right, i = term(i + 1)
            left = (op, left, right)
        return left, i

    def term(i):
        left, i = factor(i)
        while i < len(tokens) and tokens[i] in ("*", "/"):
            op = tokens[i]
            right, i = factor(i + 1)
            left = (op, left, right)
        return left, i

    def factor(i):
        match tokens[i]:
            case "(":
                node, i = expr(i + 1)
                return node, i + 1
            case "-":
                node, i = factor(i + 1)
                return ("neg", node), i
            case int() | float() as n:
                return n, i + 1
            case tok:
                raise SyntaxError(f"unexpected {tok!r}")

    node, _ = expr(0)
    return node


def evaluate(node):
    match node:
        case int() | float():
            return node
        case ("neg", x):
            return -evaluate(x)
        case ("+", a, b):
            return evaluate(a) + evaluate(b)
        case ("-", a, b):
            return evaluate(a) - evaluate(b)
        case ("*", a, b):
            return evaluate(a) * evaluate(b)
        case ("/", a, b):
            return evaluate(a) / evaluate(b)
        case _:
            raise ValueError(node)


def show(node):
    match node:
        case (op, a, b):
            return f"({show(a)} {op} {show(b)})"
        case ("neg", a):
            return f"-{show(a)}"
        case _:
            return str(node)


for src in ["1 + 2 * 3", "(1 + 2) * 3", "-4 + 10 / 4", "2 * (3 + (4 - 1)) / 0.5", "7 - -2"]:
    tree = parse(tokenize(src))
    print(f"{src:28} {show(tree):36} = {evaluate(tree)}")
try:
    evaluate(parse(tokenize("1 / 0")))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
