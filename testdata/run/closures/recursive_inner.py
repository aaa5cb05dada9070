# Inner functions that call themselves through a cell, and closures in generators.
def fact_maker():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact


f = fact_maker()
print(f(10), f.__code__.co_freevars, f.__closure__[0].cell_contents is f)


def tree_printer(tree):
    lines = []

    def visit(node, prefix):
        name, kids = node
        lines.append(prefix + name)
        for k in kids:
            visit(k, prefix + "  ")

    visit(tree, "")
    return "\n".join(lines)


print(tree_printer(("root", [("a", [("a1", []), ("a2", [])]), ("b", [])])))


def gen_with_closure(n):
    scale = 10

    def scaled(i):
        return i * scale

    for i in range(n):
        yield scaled(i)
        scale += 1


print(list(gen_with_closure(4)))


def counter_gen():
    count = 0

    def bump():
        nonlocal count
        count += 1

    while count < 3:
        bump()
        yield count


print(list(counter_gen()))


def y_combinator(f):
    return (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))


fib = y_combinator(lambda self: lambda n: n if n < 2 else self(n - 1) + self(n - 2))
print([fib(i) for i in range(15)])
