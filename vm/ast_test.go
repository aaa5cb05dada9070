package vm_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// The ast module over the native _ast: parsing to node objects
// (compile with PyCF_ONLY_AST), ast.dump/unparse/literal_eval/walk/
// NodeVisitor/NodeTransformer, and compiling node objects back with
// CPython's conversion and validation errors, against the oracle.

// astPrelude makes print hide object addresses.
const astPrelude = `
import ast, builtins, io, re, sys, warnings
def print(*a, **k):
    s = io.StringIO()
    builtins.print(*a, file=s, **k)
    sys.stdout.write(re.sub(r'0x[0-9a-f]+', '0x?', s.getvalue()))
`

// TestASTCompileErrors compiles hand-made trees: conversion errors,
// validation errors, modes, positions defaulted from the start.
func TestASTCompileErrors(t *testing.T) {
	checkLibProgram(t, astPrelude+`warnings.simplefilter("ignore")
def t(tree, mode='exec'):
    try:
        compile(tree, '<t>', mode)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
L=dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
t(ast.Module(body=[ast.Expr(ast.BinOp(left=ast.Constant(1), op=ast.Add(), **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.BinOp(left=ast.Constant(1, **L), op=ast.Add(), right=None, **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.Name(id=3, ctx=ast.Load(), **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.Name(id='x', ctx=ast.Add(), **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.Name(id='x', ctx=3, **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.List(elts=3, ctx=ast.Load(), **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.List(elts=[3], ctx=ast.Load(), **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.Constant([1], **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.Constant(1, **L))]))
t(ast.Module(body=[ast.Expr(ast.Constant(1, **L), lineno='a', col_offset=0)]))
t(ast.Module(body=[ast.ImportFrom(module='x', names=[ast.alias('y')], level=None, **L)]))
t(ast.Module(body=[ast.AnnAssign(target=ast.Name('x', ast.Store(), **L), annotation=ast.Name('int', ast.Load(), **L), simple='a', **L)]))
t(ast.Module(body=[ast.Expr(ast.Name(id='x', ctx=ast.Store(), **L), **L)]))
t(ast.Module(body=[ast.Assign(targets=[ast.Name(id='x', ctx=ast.Load(), **L)], value=ast.Constant(1, **L), **L)]))
t(ast.Module(body=[ast.Assign(targets=[], value=ast.Constant(1, **L), **L)]))
t(ast.Module(body=[]))
t(ast.Expression(body=ast.Constant(1, **L)))
t(ast.Expression(body=ast.Constant(1, **L)), 'eval')
t(ast.Module(body=[]), 'eval')
t(ast.Interactive(body=[]), 'single')
t(ast.Module(body=[ast.Pass(**L)], type_ignores=[]), 'single')
t(3)
t(ast.Module(body=[ast.Expr(ast.Name(id='None', ctx=ast.Load(), **L), **L)]))
t(ast.Module(body=[ast.FunctionDef(name='f', args=ast.arguments(), body=[], **L)]))
t(ast.Module(body=[ast.If(test=ast.Constant(1, **L), body=[], **L)]))
t(ast.Module(body=[ast.Expr(ast.Compare(left=ast.Constant(1, **L), ops=[], comparators=[], **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.Compare(left=ast.Constant(1, **L), ops=[ast.Eq()], comparators=[], **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.Dict(keys=[None], values=[], **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.Call(func=ast.Name('f', ast.Load(), **L), args=[], keywords=[ast.keyword(arg=None, value=None, **L)], **L), **L)]))
t(ast.Module(body=[3]))
t(ast.Module(body=[ast.Expr(ast.Constant(1, kind=3, **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.Constant(ast.Constant(), **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.Constant((1, [2]), **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.Constant((1, frozenset({2}),b'x', 1j, ...), **L), **L)]))
e=ast.Expr(ast.Constant(1, **L), **L); del e.value
t(ast.Module(body=[e]))
m=ast.Module(body=[ast.Pass(**L)]); del m.type_ignores
t(m)
t(ast.Module(body=[ast.Expr(ast.Constant(2**100, **L), **L)]))
t(ast.Module(body=[ast.Expr(ast.Starred(ast.Name('x', ast.Load(), **L), ast.Load(), **L), **L)]))
t(ast.Module(body=[ast.Return(**L)]))
t(ast.Module(body=[ast.Nonlocal(['x'], **L)]))
t(ast.Module(body=[ast.Global([], **L)]))
t(ast.Module(body=[ast.Expr(ast.Lambda(ast.arguments(defaults=[ast.Constant(1, **L)]), ast.Constant(1, **L), **L), **L)]))
`)
	checkLibProgram(t, astPrelude+`m = ast.Module(body=[ast.Expr(ast.Call(ast.Name('print', ast.Load(), lineno=2, col_offset=4), [ast.Constant(5, lineno=2, col_offset=10)], [], lineno=2, col_offset=4), lineno=2, col_offset=0)])
c = compile(m, 'f', 'exec'); exec(c)
print(list(c.co_positions()))
m = ast.Module(body=[ast.Expr(ast.Call(ast.Name('print', ast.Load(), lineno=2, col_offset=4, end_lineno=None), [ast.Constant(5, lineno=2, col_offset=10)], [], lineno=2, col_offset=4), lineno=2, col_offset=0)])
print(list(compile(m, 'f', 'exec').co_positions()))
print(vars(ast.parse("x").body[0]))
print(ast.parse("x").body[0].value.ctx is ast.parse("y").body[0].value.ctx)
print(ast.Load() is ast.Load())
import sys
try:
    e = ast.Constant(1, lineno=1, col_offset=0)
    for i in range(100000):
        e = ast.UnaryOp(ast.USub(), e, lineno=1, col_offset=0)
    compile(ast.Expression(e), 'f', 'eval')
except Exception as ex: print(type(ex).__name__, ex)
try:
    compile(ast.Module([None]), 'f', 'exec')
except Exception as ex: print(type(ex).__name__, ex)
try:
    compile(ast.Module([ast.Expr(ast.List([None], ast.Load(), lineno=1, col_offset=0), lineno=1, col_offset=0)]), 'f', 'exec')
except Exception as ex: print(type(ex).__name__, ex)
print(ast.dump(ast.parse("x: int = 1\nfrom . import a as b\nglobal q\nf'{x!r:>{w}}'\nmatch p:\n case {1: x, **r}: pass\n case C(1, a=x): pass\n")))
print(compile("x", "f", "eval", ast.PyCF_ONLY_AST))
t = ast.parse("1+2")
print(compile(t, "f", "exec", ast.PyCF_ONLY_AST) is t)
print(ast.dump(ast.parse("1+2", optimize=1)))
`)
	checkLibProgram(t, astPrelude+`def t(tree, mode='exec', **kw):
    try:
        r = compile(tree, '<t>', mode, **kw)
        print("ok", type(r).__name__, ast.dump(r) if isinstance(r, ast.AST) else '')
    except Exception as e:
        print(type(e).__name__, re.sub(r'0x[0-9a-f]+', '0x?', str(e)))
L = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
N = lambda i='x', c=None: ast.Name(i, c or ast.Load(), **L)
t(ast.Module([N()], []))
t(ast.Module([ast.Expr(ast.Pass(**L), **L)], []))
t(ast.Module([ast.Expr(N(), **L)], [3]))
t(ast.Module([ast.Expr(N(), **L)], [ast.TypeIgnore(1, 'x')]))
t(ast.Module([ast.FunctionDef('f', ast.arguments([], [ast.arg('a', **L)], None, [], [], None, []), [ast.Pass(**L)], [], None, None, [], **L)], []))
t(ast.Module([ast.FunctionDef('f', ast.arguments([], [ast.arg(3, **L)], None, [], [], None, []), [ast.Pass(**L)], [], None, None, [], **L)], []))
t(ast.Module([ast.FunctionDef('f', ast.arguments([], [], None, [ast.arg('k', **L)], [], None, []), [ast.Pass(**L)], [], **L)], []))
t(ast.Module([ast.FunctionDef('f', 3, [ast.Pass(**L)], [], **L)], []))
t(ast.Module([ast.ClassDef('C', [], [], [], [], **L)], []))
t(ast.Module([ast.Try([ast.Pass(**L)], [], [], [], **L)], []))
t(ast.Module([ast.Try([ast.Pass(**L)], [], [ast.Pass(**L)], [ast.Pass(**L)], **L)], []))
t(ast.Module([ast.Raise(None, N(), **L)], []))
t(ast.Module([ast.Import([], **L)], []))
t(ast.Module([ast.ImportFrom('m', [ast.alias('a', **L)], -1, **L)], []))
t(ast.Module([ast.With([], [ast.Pass(**L)], **L)], []))
t(ast.Module([ast.Match(N(), [], **L)], []))
t(ast.Module([ast.Match(N(), [ast.match_case(ast.MatchValue(N(), **L), None, [ast.Pass(**L)])], **L)], []))
t(ast.Module([ast.Match(N(), [ast.match_case(ast.MatchAs(None, '_', **L), None, [ast.Pass(**L)])], **L)], []))
t(ast.Module([ast.Match(N(), [ast.match_case(ast.MatchStar('r', **L), None, [ast.Pass(**L)])], **L)], []))
t(ast.Module([ast.Match(N(), [ast.match_case(ast.MatchOr([ast.MatchAs(None, 'a', **L)], **L), None, [ast.Pass(**L)])], **L)], []))
t(ast.Module([ast.Match(N(), [ast.match_case(ast.MatchSingleton(3, **L), None, [ast.Pass(**L)])], **L)], []))
t(ast.Module([ast.Expr(ast.BoolOp(ast.And(), [N()], **L), **L)], []))
t(ast.Module([ast.Expr(ast.NamedExpr(ast.Attribute(N(), 'a', ast.Store(), **L), N(), **L), **L)], []))
t(ast.Module([ast.Expr(ast.ListComp(N(), [], **L), **L)], []))
t(ast.Module([ast.Expr(ast.Lambda(ast.arguments(), N(), **L), **L)], []))
t(ast.Module([ast.Expr(ast.Lambda(None, N(), **L), **L)], []))
t(ast.Module([ast.Assign([ast.BinOp(N(), ast.Add(), N(), **L)], N(), **L)], []))
t(ast.Module([ast.Delete([N('x', ast.Load())], **L)], []))
t(ast.Module([ast.AnnAssign(ast.Attribute(N(), 'a', ast.Store(), **L), N(), None, 1, **L)], []))
t(ast.Module([ast.Expr(ast.Compare(N(), [ast.Eq(), ast.Lt()], [N()], **L), **L)], []))
t(ast.Module([ast.Expr(ast.Compare(N(), [ast.Add()], [N()], **L), **L)], []))
t(ast.Module([ast.Expr(ast.Constant(1, kind='u', **L), **L)], []))
t(ast.Module([ast.Expr(ast.Constant(frozenset({1}), **L), **L)], []))
t(ast.Module([ast.Expr(ast.JoinedStr([ast.FormattedValue(N(), -1, None, **L)], **L), **L)], []))
t(ast.Module([ast.Expr(ast.Name('True', ast.Load(), **L), **L)], []))
t(ast.Module([ast.Expr(N(), **L)], []), 'exec', flags=ast.PyCF_ONLY_AST)
t(ast.Module([ast.Expr(ast.BinOp(ast.Constant(1, **L), ast.Add(), ast.Constant(2, **L), **L), **L)], []), 'exec', flags=ast.PyCF_OPTIMIZED_AST)
t(ast.parse('"""doc"""\nassert x'), 'exec', optimize=2)
t(ast.parse('"""doc"""\nassert x', optimize=2))
t(ast.Interactive([ast.Expr(N(), **L)]), 'single')
t(ast.FunctionType([N()], N()), 'func_type', flags=ast.PyCF_ONLY_AST)
t(ast.FunctionType([N()], N()), 'func_type')
t(ast.Expression(N('x', ast.Store())), 'eval')
t(ast.Expression(None), 'eval')
class MyName(ast.Name): pass
t(ast.Expression(MyName('x', ast.Load(), **L)), 'eval')
t(ast.Module([ast.Expr(ast.Constant(1, lineno=2**40, col_offset=0), lineno=1, col_offset=0)], []))
t(ast.Module([ast.Expr(ast.Constant(1, lineno=True, col_offset=0), lineno=1, col_offset=0)], []))
t(ast.Module((ast.Pass(**L),), []))
`)
	checkLibProgram(t, astPrelude+`def t(tree, mode='exec', **kw):
    try:
        r = compile(tree, '<t>', mode, **kw)
        print("ok", type(r).__name__)
    except Exception as e:
        print(type(e).__name__, re.sub(r'0x[0-9a-f]+', '0x?', str(e)))
L = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
N = lambda i='x', c=None: ast.Name(i, c or ast.Load(), **L)
P = ast.Pass(**L)
t(ast.Module([ast.Try([P], [3], [], [], **L)], []))
t(ast.Module([ast.Try([P], [ast.ExceptHandler(None, None, [P], **L)], [], [], **L)], []))
t(ast.Module([ast.Try([P], [ast.ExceptHandler(None, None, [], **L)], [], [], **L)], []))
t(ast.Module([ast.With([None], [P], **L)], []))
t(ast.Module([ast.Expr(ast.Call(N(), [], [None], **L), **L)], []))
t(ast.Module([ast.Import([None], **L)], []))
t(ast.Module([ast.Expr(ast.ListComp(N(), [None], **L), **L)], []))
t(ast.Module([ast.Match(N(), [None], **L)], []))
t(ast.Module([P], [None]))
t(ast.Module([ast.FunctionDef('f', ast.arguments(args=[None]), [P], [], None, None, [], **L)], []))
t(ast.Module([ast.Expr(ast.Lambda(ast.arguments(kw_defaults=[None], kwonlyargs=[ast.arg('a', **L)]), N(), **L), **L)], []))
t(ast.Module([ast.Expr(ast.Dict([None], [None], **L), **L)], []))
t(ast.Module([ast.Expr(ast.Compare(N(), [None], [N()], **L), **L)], []))
t(ast.Module([ast.Global(['a', 3], **L)], []))
t(ast.Module([ast.Expr(ast.Lambda(3, N(), **L), **L)], []))
M = lambda pat: ast.Module([ast.Match(N(), [ast.match_case(pat, None, [P])], **L)], [])
for pat in [ast.MatchValue(ast.Constant(None, **L), **L), ast.MatchValue(ast.Constant(True, **L), **L), ast.MatchValue(ast.Constant((1,), **L), **L), ast.MatchValue(ast.Constant(..., **L), **L),
            ast.MatchMapping([ast.Constant(None, **L)], [ast.MatchAs(None, 'a', **L)], None, **L), ast.MatchMapping([ast.Constant((1,), **L)], [ast.MatchAs(None, 'a', **L)], None, **L),
            ast.MatchValue(ast.UnaryOp(ast.USub(), N(), **L), **L), ast.MatchValue(ast.BinOp(ast.Constant(1, **L), ast.Add(), ast.Constant(2, **L), **L), **L),
            ast.MatchAs(ast.MatchAs(None, None, **L), None, **L), ast.MatchMapping([], [], '_', **L), ast.MatchSingleton(None, **L), ast.MatchSingleton(..., **L)]:
    t(M(pat))
`)
}

// TestASTPositions compiles trees with odd positions: the ranges the
// validation refuses, and the line tables of the others.
func TestASTPositions(t *testing.T) {
	checkLibProgram(t, astPrelude+`def t(**pos):
    for mk in (lambda: ast.Module([ast.Expr(ast.Constant(1, **pos), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], []),
               lambda: ast.Module([ast.Expr(ast.Constant(1, lineno=1, col_offset=0), **pos)], [])):
        try:
            co = compile(mk(), '<p>', 'exec')
            print('ok', list(co.co_positions()), co.co_linetable.hex())
        except Exception as e:
            print(type(e).__name__, e)
t(lineno=2, col_offset=0, end_lineno=1, end_col_offset=1)
t(lineno=1, col_offset=5, end_lineno=1, end_col_offset=1)
t(lineno=-1, col_offset=0, end_lineno=1, end_col_offset=1)
t(lineno=-1, col_offset=0, end_lineno=-1, end_col_offset=1)
t(lineno=1, col_offset=-3, end_lineno=1, end_col_offset=1)
t(lineno=1, col_offset=-3, end_lineno=1, end_col_offset=-3)
t(lineno=0, col_offset=0, end_lineno=0, end_col_offset=0)
t(lineno=100000, col_offset=0, end_lineno=100000, end_col_offset=100000)
t(lineno=1, col_offset=300, end_lineno=1, end_col_offset=400)
t(lineno=1, col_offset=0, end_lineno=5, end_col_offset=0)
t(lineno=2**31-1, col_offset=0, end_lineno=2**31-1, end_col_offset=2)
t(lineno=1, col_offset=2**31, end_lineno=1, end_col_offset=2)

c = ()
for i in range(100000):
    c = (c,)
try:
    compile(ast.Expression(ast.Constant(c, lineno=1, col_offset=0)), "<deep>", "eval")
except RecursionError as e:
    print("RecursionError", e)
`)
}

// TestASTMutants compiles trees mutated at random (fixed seeds): values
// of the wrong kinds, which the conversion refuses, and subtrees moved
// to other places, which the validation or the compiler refuses or
// compiles. The tally of outcomes must be CPython's.
func TestASTMutants(t *testing.T) {
	checkLibProgram(t, astPrelude+`import random
random.seed(5)
src = open(ast.__file__).read()[:20000]
src = src[:src.rfind('\ndef ')]
base = ast.parse(src)
nodes = list(ast.walk(base))
samples = [ast.Name('q', ast.Load(), lineno=1, col_offset=0), ast.Pass(lineno=1, col_offset=0), None, 3, [], ast.Constant(1, lineno=1, col_offset=0), ast.Load(), ast.arguments(), 'id', ast.MatchAs(None, 'z', lineno=1, col_offset=0), ast.Starred(ast.Name('s', ast.Load(), lineno=1, col_offset=0), ast.Load(), lineno=1, col_offset=0)]
res = {}
for i in range(80):
    t = ast.parse(src)
    ns = list(ast.walk(t))
    for _ in range(3):
        n = random.choice(ns)
        if not n._fields: continue
        f = random.choice(n._fields)
        v = random.choice(samples)
        if isinstance(getattr(n, f, None), list) and random.random() < 0.7:
            lst = getattr(n, f)
            if lst:
                lst[random.randrange(len(lst))] = v
            else:
                lst.append(v)
        else:
            setattr(n, f, v)
    try:
        compile(t, '<fuzz>', 'exec')
        r = 'ok'
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)[:60]
    res[r] = res.get(r, 0) + 1
for k in sorted(res): print(res[k], k)
`)
	checkLibProgram(t, astPrelude+`import random, copy
random.seed(1)
import os
LIB = os.path.dirname(os.__file__)
src = open(os.path.join(LIB, 'textwrap.py')).read()
res = {}
for i in range(60):
    t = ast.parse(src)
    ns = list(ast.walk(t))
    exprs = [n for n in ns if isinstance(n, ast.expr)]
    stmts = [n for n in ns if isinstance(n, ast.stmt)]
    pats = [n for n in ns if isinstance(n, ast.pattern)]
    for _ in range(2):
        n = random.choice(ns)
        for f in n._fields:
            v = getattr(n, f, None)
            pool = exprs if isinstance(v, ast.expr) else stmts if isinstance(v, ast.stmt) else pats if isinstance(v, ast.pattern) else None
            if isinstance(v, list) and v:
                e = v[0]
                pool = exprs if isinstance(e, ast.expr) else stmts if isinstance(e, ast.stmt) else pats if isinstance(e, ast.pattern) else None
                if pool and random.random() < 0.5:
                    v[random.randrange(len(v))] = copy.deepcopy(random.choice(pool))
                elif random.random() < 0.3:
                    v.clear()
            elif pool and random.random() < 0.5:
                setattr(n, f, copy.deepcopy(random.choice(pool)))
    try:
        co = compile(t, '<fuzz>', 'exec')
        r = 'ok ' + str(len(co.co_code))
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)[:70]
    res[r] = res.get(r, 0) + 1
for k in sorted(res): print(res[k], k)
`)
}

// TestASTModule exercises the ast module's functions over parsed trees.
func TestASTModule(t *testing.T) {
	checkLibProgram(t, astPrelude+`import copy
src = '''
def f(a, /, b: int = 1, *args, c, d=2, **kw) -> "r":
    """doc"""
    global g
    x = [i for i in range(3) if i]
    y = {k: v for k, v in kw.items()}
    z = (yield a) or (lambda q=1: q)(*args, **kw)
    async def h():
        async with a as b, c: await b
        async for i in c: pass
    return f"{a!r:>{b}} {c=}" + b'x'.decode() + 1j.__class__.__name__
class C(B, metaclass=M):
    x: int
    def __init__(self): self.x = a[1:2, ::3]
type T[X: int, *Ts, **P] = list[X]
match p:
    case [1, 2, *rest]: pass
    case {"k": v, **kw}: pass
    case Point(x=0) | None if v: pass
    case str() as s: pass
try:
    pass
except* (ValueError, TypeError) as e:
    raise X from e
finally:
    del a, b[0]
with open("f") as (a, b): pass
while x < y <= z is not w: x += 1; break
else: continue
import a.b as c; from ..m import (p, q as r)
assert x, "m"
nonlocal_ = not -~+x
'''
t = ast.parse(src)
print(ast.dump(t, include_attributes=True))
print(ast.dump(t, indent=1, annotate_fields=False))
print(ast.unparse(t))
print(ast.literal_eval("[1, (2, 3), {'a': -4.5j}, {5}, b'x', None, True, ...]"))
for bad in ["f(1)", "1+", "[1,]*2"]:
    try: print(ast.literal_eval(bad))
    except Exception as e: print(type(e).__name__, e)
print(sorted({type(n).__name__ for n in ast.walk(t)}))
class V(ast.NodeVisitor):
    def __init__(self): self.names = []
    def visit_Name(self, n): self.names.append(n.id); self.generic_visit(n)
v = V(); v.visit(t); print(v.names)
class T(ast.NodeTransformer):
    def visit_Constant(self, n):
        if isinstance(n.value, int) and not isinstance(n.value, bool):
            return ast.copy_location(ast.Constant(n.value * 10), n)
        return n
t2 = ast.fix_missing_locations(T().visit(ast.parse("print(1 + 2, [3])")))
exec(compile(t2, "<t>", "exec"))
print(ast.dump(ast.parse("x", mode="eval")), ast.dump(ast.parse("(a, b) -> c", mode="func_type")))
print(ast.dump(ast.parse("x = 1 # type: int", type_comments=True)))
print(ast.dump(ast.parse("1 + 2 * 3", optimize=1)))
n = ast.Name('x'); print(ast.dump(n), n.ctx, n._fields, ast.Name._field_types, ast.Name.__match_args__)
c = copy.deepcopy(t.body[0]); print(ast.dump(c) == ast.dump(t.body[0]))
print(ast.get_docstring(t.body[0]), ast.get_source_segment(src, t.body[0].body[1]))
print([ast.dump(x) for x in ast.iter_child_nodes(t.body[4])][:2])
print(list(ast.iter_fields(ast.parse("a.b").body[0].value)))
try: ast.parse("x = (")
except SyntaxError as e: print(e, e.lineno, e.offset, e.text)
try: ast.parse("def f(:")
except SyntaxError as e: print(e)
try: compile(ast.Module([ast.Expr(ast.Name("x", ast.Store(), lineno=1, col_offset=0), lineno=1, col_offset=0)], []), "<x>", "exec")
except ValueError as e: print(e)
e = ast.parse("x + 1", mode="eval")
print(eval(compile(e, "<e>", "eval"), {"x": 41}))
print(ast.increment_lineno(ast.parse("a\nb"), 3).body[1].lineno)
print(isinstance(t.body[0], ast.stmt), isinstance(t.body[0], ast.AST), ast.FunctionDef.__mro__)
m = ast.Module(body=[ast.Expr(value=ast.Call(func=ast.Name(id='print', ctx=ast.Load()), args=[ast.Constant(value='hi')], keywords=[]))], type_ignores=[])
exec(compile(ast.fix_missing_locations(m), "<m>", "exec"))
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    ast.BinOp(left=ast.Constant(1)); ast.Name(foo=1)
    print([str(x.message) for x in w])
print(ast.Constant(5).kind, ast.arguments().args, repr(ast.Load()).split(' at')[0])
print(ast.unparse(ast.parse("(a := 1) and not b or c if d else e")))
`)
}

// TestASTStdlibDump parses the first few hundred lines of several
// standard library modules and compares ast.dump (with positions),
// ast.unparse, and the code compiled from the tree with the code compiled
// from the source.
func TestASTStdlibDump(t *testing.T) {
	checkLibProgram(t, astPrelude+`import os
LIB = os.path.dirname(os.__file__)
files = ['textwrap.py', 'functools.py', 'dataclasses.py', 'enum.py', 'typing.py', 'argparse.py', 'asyncio/tasks.py', 'json/decoder.py', 'string.py', 'fractions.py', 'contextlib.py', 'pathlib/_local.py', 'inspect.py', 're/_parser.py', 'tokenize.py', 'ast.py', 'dis.py', 'collections/__init__.py']
for f in files:
    with open(os.path.join(LIB, f), encoding='utf-8') as fh:
        lines = fh.read().splitlines(True)
    n = 300
    while n < len(lines):
        try:
            compile(''.join(lines[:n]), f, 'exec', ast.PyCF_ONLY_AST)
            break
        except SyntaxError:
            n += 1
    src = ''.join(lines[:n])
    t = ast.parse(src, filename=f)
    d = ast.dump(t, include_attributes=True)
    print(f, n, len(d), hash(d))
    d2 = ast.dump(t, indent=2)
    print(hash(d2))
    u = ast.unparse(t)
    print(hash(u))
    co = compile(t, f, 'exec')
    co2 = compile(src, f, 'exec')
    print(co == co2)
`)
}

// TestIntrospectionSeeds takes the Python examples of the seed articles
// (articles about CPython's internals, whose examples use dis and ast):
// for each one that parses, ast.dump with positions, dis of the compiled
// module (not run) and the tokens of tokenize.
func TestIntrospectionSeeds(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("no seeds on this machine")
	}
	var blocks []string
	re := regexp.MustCompile("(?s)```python\n(.*?)```")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllSubmatch(b, -1) {
			blocks = append(blocks, string(m[1]))
		}
	}
	js, err := json.Marshal(blocks)
	if err != nil {
		t.Fatal(err)
	}
	checkLibProgram(t, astPrelude+"import json, dis\nsrcs = json.loads("+strconv.Quote(string(js))+")\n"+`
for src in srcs:
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        print("SyntaxError", e)
        continue
    print(ast.dump(tree, include_attributes=True, indent=1))
    s = io.StringIO()
    dis.dis(compile(tree, "<seed>", "exec"), file=s)
    print(s.getvalue())
`)
}
