# The messages of common runtime errors, caught and printed.
none_obj, five = None, 5
tests = [
    "1 / 0", "1 % 0", "1.0 / 0", "None + 1", "'a' + 1", "[] + ()", "{}['k']", "{}[('a', 1)]", "[1, 2][5]",
    "(1,)[-3]", "'abc'[10]", "undefined", "int('x')", "int('')", "float('x')", "[].pop()", "{}.popitem()",
    "set().pop()", "len(5)", "abs('x')", "none_obj()", "five()", "(lambda: 'str')()()", "[[1]][0](0)", "(1).x", "None.attr", "'s'.nope",
    "[].nope", "object().x", "type.nope", "int.nope", "iter(5)", "next(iter([]))", "hash([])", "{[]: 1}",
    "[1, 2, 3].index(4)", "'abc'.index('z')", "(1, 2).index(3)", "list(range(3)).remove(9)", "chr(-1)", "ord('')",
    "1 < 'a'", "[] < {}", "None < None", "-'a'", "~1.5", "1 << -1", "2 ** -1 % 0" if False else "divmod(1, 0)",
    "sum(['a'])", "sum([[1]], 0)", "max([])", "min(1)", "sorted(5)", "dict(a=1)['b']", "getattr(1, 'x')",
    "{1, 2} + {3}", "'%d' % 'x'", "'{}'.format()", "str.upper(5)", "int.__add__('a', 1)", "list.append(5, 1)",
    "range(3)[5]", "range('a')", "zip(1)", "map(1, 2)", "enumerate(5)", "bytes('a')", "bytearray(-1)",
    "memoryview(5)", "slice(1)[0]", "complex('x')", "round('x')", "pow(2, 3, 0)", "[1] * 2.0", "'a' * 'b'",
    "import_me_not", "__import__('no_such_module_xyz')", "compile('x +', 's', 'eval')", "eval('1 +')", "exec('def')",
    "delattr(1, 'real')", "setattr(1, 'real', 2)", "frozenset().add", "isinstance(1, 1)", "issubclass(int, 1)",
    "object.__init__(1, 2)", "super()", "vars(1)", "int.from_bytes(5)", "(1).to_bytes(1, 'middle')",
]
for src in tests:
    try:
        r = eval(src)
        print(f"{src:35} = {r!r}"[:100])
    except BaseException as e:
        print(f"{src:35} ! {type(e).__name__}: {e}")
