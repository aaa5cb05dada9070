# needs: stdlib
# ast: parse, dump (with positions), walk, NodeVisitor/NodeTransformer, unparse, literal_eval, and compiling a modified or hand-built tree.
import ast

src = '''
def area(w, h=2):
    """Rectangle area."""
    return w * h

total = sum(area(i) for i in range(4)) + 0.5
print(f"{total=}")
'''

tree = ast.parse(src)
print(ast.dump(tree, indent=2))
print(ast.dump(tree.body[0].body[1], include_attributes=True))
print(ast.get_docstring(tree.body[0]))
print(ast.get_source_segment(src, tree.body[1].value))
print(sorted({type(n).__name__ for n in ast.walk(tree)}))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def visit_Name(self, node):
        self.seen.append((node.id, type(node.ctx).__name__, node.lineno, node.col_offset))
        self.generic_visit(node)


v = Names()
v.visit(tree)
print(v.seen)


class Double(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Mult):
            return ast.copy_location(ast.BinOp(node, ast.Mult(), ast.Constant(2)), node)
        return node


new = ast.fix_missing_locations(Double().visit(ast.parse(src)))
print(ast.unparse(new))
exec(compile(new, "<doubled>", "exec"))

hand = ast.Module(body=[ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("built by hand"), ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7))], []))])
exec(compile(ast.fix_missing_locations(hand), "<hand>", "exec"))
print(eval(compile(ast.parse("x * 2 + 1", mode="eval"), "<e>", "eval"), {"x": 20}))

print(ast.literal_eval("{'a': [1, 2.5, -3j], 'b': (None, True, b'x')}"))
for bad in ("__import__('os')", "1 +", "[x]"):
    try:
        ast.literal_eval(bad)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])

for broken in (
    ast.Module([ast.Expr(ast.Name("x", ast.Store(), lineno=1, col_offset=0), lineno=1, col_offset=0)], []),
    ast.Module([ast.Assign([], ast.Constant(1, lineno=1, col_offset=0), lineno=1, col_offset=0)], []),
    ast.Module([ast.Expr(ast.Constant([1], lineno=1, col_offset=0), lineno=1, col_offset=0)], []),
    ast.Expression(ast.Constant(1, lineno=1, col_offset=0)),
):
    try:
        compile(broken, "<broken>", "exec")
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(ast.dump(ast.parse("match p:\n case [1, *rest] if rest: pass")))
print(ast.dump(ast.parse("type Pair[T] = tuple[T, T]")))
print(ast.dump(ast.parse("1 + 2 * 3", optimize=1)))
try:
    ast.parse("def f(:\n  pass")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
