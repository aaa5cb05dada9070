# eval, exec and compile: modes, namespaces, return values, and 'single' mode echo.
print(eval("1 + 2 * 3"), eval("[x * x for x in range(4)]"), eval("  42  "), eval("'%s-%s' % (1, 2)"))
g = {"a": 10}
loc = {"b": 5}
print(eval("a + b", g, loc), sorted(k for k in g if k != "__builtins__"), "__builtins__" in g)
print(exec("c = a * 2", g), g["c"])
ns = {}
exec("""
def f(n):
    return n * 3

class K:
    attr = f(2)

result = [f(i) for i in range(3)]
""", ns)
print(ns["result"], ns["K"].attr, ns["f"].__module__ if "__name__" in ns else ns["f"].__globals__ is ns)
code = compile("x = 5\ny = x * 2\n", "<made>", "exec")
env = {}
exec(code, env)
print(type(code).__name__, code.co_filename, code.co_name, env["y"])
expr = compile("p ** 2", "<expr>", "eval")
print(eval(expr, {"p": 12}), expr.co_names)
single = compile("1 + 1", "<single>", "single")
exec(single)
exec(compile("'echoed string'", "<s>", "single"))
exec(compile("None", "<s>", "single"))
exec(compile("x = 3", "<s>", "single"))
for mode, src in [("eval", "x = 1"), ("exec", "1 +"), ("bad", "1"), ("single", "1\n2")]:
    try:
        compile(src, "<test>", mode)
        print(mode, "compiled")
    except (SyntaxError, ValueError) as e:
        print(mode, type(e).__name__, e)


def scoped():
    local_var = "inside"
    return eval("local_var"), eval("local_var + '!'", None, {"local_var": "override"})


print(scoped())
print(eval("__name__"), eval("len", {}), eval("len", {"__builtins__": {}}, {"len": "shadow"}))
try:
    eval("len('x')", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
print(eval(b"3 * 3"), exec(b"pass"))
try:
    eval(5)
except TypeError as e:
    print(type(e).__name__, e)
