# session.py STEPS.json: what vm.RunSource must do, done by CPython: runs
# the steps' sources one after the other in one __main__ namespace (each
# moved down to its first line, an expression echoed by sys.displayhook
# when asked, as the REPL's "single" mode does) and prints, as JSON, each
# step's stdout, stderr, exit status and uncaught exception (its type as
# the traceback names it, message and frames).
import ast
import builtins
import io
import json
import linecache
import sys
import traceback

with open(sys.argv[1]) as f:
    spec = json.load(f)
filename = spec["filename"]
ns = {"__name__": "__main__", "__builtins__": builtins, "__file__": filename}
results = []
real_out, real_err = sys.stdout, sys.stderr
# The buffer's lines the tracebacks show: each step's over the earlier ones.
lines = []
for step in spec["steps"]:
    src = "\n" * (step["first"] - 1) + step["source"]
    new = step["source"].splitlines(keepends=True)
    first = step["first"] - 1
    lines = lines + ["\n"] * max(0, first + len(new) - len(lines))
    lines[first:first + len(new)] = new
    linecache.cache[filename] = (0, None, list(lines), filename)
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    res = {"exit": 0, "exception": None}
    try:
        mode = "exec"
        if step["echo"]:
            try:
                tree = ast.parse(src)
                if len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr):
                    mode = "single"
            except SyntaxError:
                pass
        exec(compile(src, filename, mode), ns)
    except SystemExit as e:
        code = e.code
        if code is None:
            res["exit"] = 0
        elif isinstance(code, int):
            res["exit"] = code & 0xFF
        else:
            print(code, file=sys.stderr)
            res["exit"] = 1
    except BaseException as e:
        tb = e.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != filename:
            tb = tb.tb_next
        traceback.print_exception(type(e), e, tb)
        te = traceback.TracebackException(type(e), e, tb)
        frames = [[f.filename, f.lineno, f.name] for f in traceback.extract_tb(tb)]
        message = str(e)
        if isinstance(e, SyntaxError):
            message = e.msg
            frames.append([e.filename, e.lineno, ""])
        res["exit"] = 130 if isinstance(e, KeyboardInterrupt) else 1
        res["exception"] = {"type": te.exc_type_str, "message": message, "frames": frames}
    finally:
        sys.stdout, sys.stderr = real_out, real_err
    res["stdout"], res["stderr"] = out.getvalue(), err.getvalue()
    results.append(res)
json.dump(results, sys.stdout, indent=1)
