"""Extract a corpus of invalid Python sources from CPython's own test suite.

How to run it by hand (CPython 3.13 is the oracle; PYTHONHASHSEED=0 is
forced for the test runs whatever the caller's environment says):

    python3.13 internal/syntaxcorpus/extract.py /tmp/corpus

(with pyenv: PYENV_VERSION=3.13.0 python3.13 ..., or call the interpreter by
its full path). .ci/run calls it that way and then runs a parity tool over
/tmp/corpus/parse. The Go package github.com/peephole-lsp/peephole/internal/
syntaxcorpus embeds this file and runs it the same way from tests.

What it writes into OUTDIR (created if missing; files left there by an
earlier run are removed first):

    OUTDIR/parse/NNNN_<testmodule>.py    rejected by ast.parse(type_comments=True),
                                         i.e. by `python3.13 -m ast FILE`
    OUTDIR/compile/NNNN_<testmodule>.py  accepted by ast.parse but rejected by
                                         compile(..., 'exec'): symbol table,
                                         future statements or code generator
    OUTDIR/index.json                    one entry per file (see below)

Every file holds one source, as raw bytes, that the oracle's own
Lib/test/test_syntax.py, test_exceptions.py, test_fstring.py, test_grammar.py
or test_patma.py feeds to the interpreter and that raises SyntaxError (or a
subclass: IndentationError, TabError) when compiled as a whole module.
Nothing from CPython is stored in the repository: the sources are extracted
from the installed interpreter every time.

How the sources are found (instrumentation, not parsing of the test files):
each test module runs in a child process of its own (in parallel, each in a
scratch working directory, with stdout/stderr captured and discarded, with
test.support.use_resources = [] so that 'cpu'-hungry tests are skipped, and
with a per-test time limit of PER_TEST_SECONDS = 5 s; a failing, erroring or
interrupted test does not stop the run). In that child these entry points
are wrapped before the test module is imported:

  * builtins.compile, builtins.exec, builtins.eval: every call whose source is
    text (str or bytes-like) and that raises SyntaxError records the source.
    This covers test.support.check_syntax_error, the modules' own helpers
    (_check_error, check, ckmsg, assertAllRaise, assert_syntax_error, ...),
    ast.parse (which calls builtins.compile), dis, codeop, inspect, and the
    doctests that test_syntax.py wires in through load_tests() /
    doctest.DocTestSuite() (doctest compiles each example with
    compile(source, name, 'single', flags, True)). exec/eval called without
    globals get the caller's globals and locals, as the builtins would.
    Calls made by the traceback module (which ast.parse()s fragments of
    source lines while a failure is being formatted) are not recorded.
  * symtable.symtable: recorded when it raises SyntaxError (unused by the
    five modules today; cheap insurance).
  * test.support.script_helper.run_python_until_end (which
    assert_python_ok/assert_python_failure go through) and spawn_python: the
    `-c CODE` argument or the bytes of the script file named on the command
    line are recorded as candidates, and the subprocess is NOT started (the
    test is skipped instead): this catches the tests that write a source to a
    temporary file and run the interpreter on it (e.g. non-UTF-8 and
    cp437-encoded files in test_exceptions, test_fstring's
    test_filename_in_syntaxerror).

Knowingly not covered: compile() of AST objects (there is no source text; the
number of such SyntaxErrors is reported in index.json as "non_text"), C-level
entry points (_testcapi / _testinternalcapi run no syntax-error sources in
these modules), direct subprocess.Popen calls (none in these modules), what
the subprocesses themselves would have compiled beyond their -c code or
script, tests skipped for want of a resource (two 'cpu' tests in
test_exceptions, neither about syntax), and the rest of a test interrupted
by the time limit (index.json lists those under "timeouts"). Sources
compiled while a test module is imported are recorded (test "<import>").

Every candidate is then normalised and checked in the (clean) parent process:

  * str sources are encoded as UTF-8; a str that cannot be encoded (a lone
    surrogate) is SKIPPED, not encoded with 'surrogatepass', because the file
    would then test UTF-8 decoding instead of what the test meant; skipped
    sources are listed in index.json under "skipped". A coding cookie in a
    str source takes effect once it is a file, exactly as it would for a file
    on disk. bytes sources are written as they are.
  * identical byte strings are kept once (first module in the order above,
    first test in run order; other modules are listed under "also_in").
  * a source is kept only if compile(source_bytes, name, 'exec',
    dont_inherit=True) raises SyntaxError with warnings ignored (as with
    `python -m ast`, where SyntaxWarnings are only printed): sources that
    only fail in 'eval' or 'single' mode, or only under -W error, or that
    raise something else (MemoryError, ...) are dropped and counted
    (index.json "dropped"). So is a source that only
    ast.parse(type_comments=True) rejects while compile accepts it (there is
    one such doctest in test_syntax.py).
  * stage: "parse" if ast.parse(source_bytes, type_comments=True) raises
    SyntaxError (that is what `python3.13 -m ast FILE` runs), else "compile".

Files are numbered in a stable order: modules in the order above, and within
a module in first-seen order of the (deterministic) test run; one sequence
number NNNN across both stages, so a number names one file.

index.json:
  {"python": sys.version, "modules": {name: statistics},
   "files": [{"path": "parse/0001_test_syntax.py", "number": 1,
              "module": "test_syntax",
              "test": "test.test_syntax.SyntaxTestCase.test_assign_call" or
                      "test.test_syntax [doctest test_syntax.py:LINE]",
              "via": "compile"|"exec"|"eval"|"symtable"|"subprocess -c"|
                     "subprocess script", "mode": "exec"|"eval"|"single"|null,
              "source_type": "str"|"bytes", "also_in": [...],
              "stage": "parse"|"compile", "type_comments_only": bool,
              "parse_error": {class,msg,lineno,offset,end_lineno,end_offset,text}|null,
              "compile_error": {...same...}}, ...],
   "skipped": [...], "dropped": {reason: count}}
"parse_error" is what ast.parse(type_comments=True) raised (null for the
compile stage); "compile_error" is what compile(..., 'exec') raised.
"type_comments_only" is true when ast.parse without type_comments accepts it.

Exit status: 0 on success, 1 if a test module could not be run at all (the
corpus is still written from the others), 2 on bad usage.
"""

import builtins
import io
import json
import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import warnings

MODULES = ("test_syntax", "test_exceptions", "test_fstring", "test_grammar", "test_patma")
PER_TEST_SECONDS = 5  # a test running longer is interrupted (and its sources so far kept)
PER_MODULE_SECONDS = 180  # a child process running longer is killed
FILE_RE = re.compile(r"^\d{4,}_test_\w+\.py$")


# ---------------------------------------------------------------------------
# Child: run one test module with the instrumentation in place.

class _Timeout(BaseException):
    pass


class _Recorder:
    def __init__(self):
        self.records = []  # dicts, first-seen order
        self.seen = set()
        self.non_text = 0
        self.test = "<import>"

    def where(self):
        """The current test id, refined to the doctest example line if any;
        None if the source comes from the traceback module (formatting a
        failure: it ast.parse()s fragments of source lines), not from a test."""
        import doctest
        import traceback
        name, doctest_at = self.test, None
        f = sys._getframe(2)
        while f is not None:
            fn = f.f_code.co_filename
            if fn == traceback.__file__:
                return None
            if doctest_at is None and fn == doctest.__file__ and "example" in f.f_locals:
                ex, dt = f.f_locals.get("example"), f.f_locals.get("test")
                if isinstance(ex, doctest.Example) and isinstance(dt, doctest.DocTest):
                    line = (dt.lineno or 0) + ex.lineno + 1
                    doctest_at = "%s [doctest %s:%d]" % (name, os.path.basename(dt.filename or "?"), line)
            f = f.f_back
        return doctest_at or name

    def add(self, source, via, mode):
        if isinstance(source, (bytearray, memoryview)):
            source = bytes(source)
        if not isinstance(source, (str, bytes)):
            if via == "compile":  # an AST object (exec/eval of a code object raised at run time)
                self.non_text += 1
            return
        key = (type(source).__name__, source)
        if key in self.seen:
            return
        where = self.where()
        if where is None:
            return
        self.seen.add(key)
        self.records.append({"source": source, "via": via, "mode": mode, "test": where})


def _install(rec):
    """Wrap every entry point through which the tests send sources."""
    orig_compile, orig_exec, orig_eval = builtins.compile, builtins.exec, builtins.eval

    def compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kw):
        try:
            return orig_compile(source, filename, mode, flags, dont_inherit, optimize, **kw)
        except SyntaxError:
            rec.add(source, "compile", mode)
            raise

    def _scopes(args, kwargs):
        # exec/eval without explicit globals (absent or None) run in the
        # caller's namespace; the wrapper must pass it on, a function's
        # locals as a snapshot, as locals() gives in 3.13 (PEP 667).
        args = list(args)
        g = args[1] if len(args) > 1 else kwargs.get("globals")
        if g is not None or not args:
            return args, kwargs
        f = sys._getframe(2)
        loc = args[2] if len(args) > 2 else kwargs.get("locals")
        if loc is None:
            loc = f.f_locals
            if f.f_code.co_flags & 0x1:  # CO_OPTIMIZED: a function frame
                loc = dict(loc)
        kwargs = {k: v for k, v in kwargs.items() if k not in ("globals", "locals")}
        return [args[0], f.f_globals, loc] + args[3:], kwargs

    def exec(*args, **kwargs):
        args, kwargs = _scopes(args, kwargs)
        try:
            return orig_exec(*args, **kwargs)
        except SyntaxError:
            if args:
                rec.add(args[0], "exec", "exec")
            raise

    def eval(*args, **kwargs):
        args, kwargs = _scopes(args, kwargs)
        try:
            return orig_eval(*args, **kwargs)
        except SyntaxError:
            if args:
                rec.add(args[0], "eval", "eval")
            raise

    builtins.compile, builtins.exec, builtins.eval = compile, exec, eval

    try:
        import symtable
        orig_symtable = symtable.symtable

        def symtable_(code, filename, compile_type):
            try:
                return orig_symtable(code, filename, compile_type)
            except SyntaxError:
                rec.add(code, "symtable", compile_type)
                raise

        symtable.symtable = symtable_
    except Exception:
        pass

    import unittest
    from test.support import script_helper

    def record_cmdline(args, env_vars):
        cwd = env_vars.get("__cwd") or os.getcwd()
        i = 0
        while i < len(args):
            a = args[i]
            if not isinstance(a, str):
                a = os.fsdecode(a)
            if a == "-c":
                if i + 1 < len(args):
                    rec.add(args[i + 1], "subprocess -c", "exec")
                return
            if a in ("-X", "-W", "--check-hash-based-pycs"):
                i += 2
                continue
            if a == "-m" or a == "-":
                return
            if a.startswith("-"):
                i += 1
                continue
            path = os.path.join(cwd, a)
            try:
                with open(path, "rb") as fp:
                    rec.add(fp.read(), "subprocess script", "exec")
            except OSError:
                pass
            return

    def run_python_until_end(*args, **env_vars):
        record_cmdline(args, env_vars)
        raise unittest.SkipTest("syntaxcorpus extract.py: subprocess not started")

    def spawn_python(*args, **kw):
        record_cmdline(args, {})
        raise unittest.SkipTest("syntaxcorpus extract.py: subprocess not started")

    script_helper.run_python_until_end = run_python_until_end
    script_helper.spawn_python = spawn_python

    return lambda: setattr(builtins, "compile", orig_compile) or setattr(builtins, "exec", orig_exec) \
        or setattr(builtins, "eval", orig_eval)


def _collect(module, outfile):
    import unittest

    stats = {"run": 0, "failures": 0, "errors": 0, "skipped": 0, "timeouts": [], "import_error": None}
    rec = _Recorder()
    scratch = tempfile.mkdtemp(prefix="syntaxcorpus-")
    start = time.monotonic()
    real_stdout, real_stderr = sys.stdout, sys.stderr
    sink = io.StringIO()

    class Result(unittest.TestResult):
        def startTest(self, test):
            super().startTest(test)
            rec.test = test.id()
            if hasattr(signal, "setitimer"):
                signal.setitimer(signal.ITIMER_REAL, PER_TEST_SECONDS)

        def stopTest(self, test):
            if hasattr(signal, "setitimer"):
                signal.setitimer(signal.ITIMER_REAL, 0)
            rec.test = "<between tests>"
            sink.seek(0)
            sink.truncate()
            super().stopTest(test)

        def addError(self, test, err):
            if err and err[0] is _Timeout:
                stats["timeouts"].append(test.id())
            super().addError(test, err)

    def on_alarm(signum, frame):
        raise _Timeout("test exceeded %d seconds" % PER_TEST_SECONDS)

    os.chdir(scratch)
    try:
        from test import support
        support.use_resources = []  # no 'cpu', 'network', ... resources: skip those tests
        support.verbose = 0
        restore = _install(rec)
        if hasattr(signal, "SIGALRM"):
            signal.signal(signal.SIGALRM, on_alarm)
        sys.stdout = sys.stderr = sink
        try:
            import importlib
            mod = importlib.import_module("test." + module)
            suite = unittest.TestLoader().loadTestsFromModule(mod)
            result = Result()
            with warnings.catch_warnings():
                suite.run(result)
            stats["run"] = result.testsRun
            stats["failures"] = len(result.failures)
            stats["errors"] = len(result.errors)
            stats["skipped"] = len(result.skipped)
        except BaseException:
            stats["import_error"] = traceback.format_exc()
        finally:
            sys.stdout, sys.stderr = real_stdout, real_stderr
            if hasattr(signal, "setitimer"):
                signal.setitimer(signal.ITIMER_REAL, 0)
            restore()
    finally:
        os.chdir("/")
        shutil.rmtree(scratch, ignore_errors=True)
    stats["seconds"] = round(time.monotonic() - start, 3)
    stats["non_text"] = rec.non_text
    with open(outfile, "wb") as fp:
        pickle.dump({"module": module, "records": rec.records, "stats": stats}, fp)


# ---------------------------------------------------------------------------
# Parent: run the children, verify, classify and write the corpus.

def _err(e):
    if e is None:
        return None
    return {
        "class": type(e).__name__,
        "msg": e.msg if isinstance(e.msg, str) else str(e.msg),
        "lineno": e.lineno,
        "offset": e.offset,
        "end_lineno": e.end_lineno,
        "end_offset": e.end_offset,
        "text": e.text,
    }


def _try(fn):
    """Run fn with warnings ignored: (None, None) if it succeeds, (exc, None)
    on SyntaxError, (None, other exception) otherwise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            fn()
        except SyntaxError as e:
            return e, None
        except Exception as e:  # MemoryError, RecursionError, ValueError, ...
            return None, e
    return None, None


def _run_children(script, workdir):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.setdefault("PYTHONIOENCODING", "utf-8")
    children = []
    for m in MODULES:
        out = os.path.join(workdir, m + ".pickle")
        log = open(os.path.join(workdir, m + ".log"), "wb")
        # -P: do not put the script's directory first on sys.path, so that the
        # `test` package is always the interpreter's own.
        p = subprocess.Popen([sys.executable, "-P", "-X", "faulthandler", script, "--collect", m, out],
                             stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env)
        children.append((m, p, out, log))
    results, failures = [], []
    deadline = time.monotonic() + PER_MODULE_SECONDS
    for m, p, out, log in children:
        try:
            p.wait(timeout=max(1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        log.close()
        data = None
        if p.returncode == 0:
            try:
                with open(out, "rb") as fp:
                    data = pickle.load(fp)
            except Exception:
                data = None
        if data is None or data["stats"].get("import_error"):
            with open(os.path.join(workdir, m + ".log"), "rb") as fp:
                tail = fp.read()[-4000:].decode("utf-8", "replace")
            why = (data or {}).get("stats", {}).get("import_error") or tail
            failures.append((m, p.returncode, why))
        if data is not None:
            results.append(data)
    return results, failures


def _clean(outdir):
    for stage in ("parse", "compile"):
        d = os.path.join(outdir, stage)
        if os.path.isdir(d):
            for name in os.listdir(d):
                if FILE_RE.match(name):
                    os.remove(os.path.join(d, name))
        os.makedirs(d, exist_ok=True)
    idx = os.path.join(outdir, "index.json")
    if os.path.exists(idx):
        os.remove(idx)


def build(outdir):
    start = time.monotonic()
    script = os.path.abspath(__file__)
    workdir = tempfile.mkdtemp(prefix="syntaxcorpus-work-")
    try:
        results, failures = _run_children(script, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    by_module = {d["module"]: d for d in results}
    modules_stats = {}
    skipped = []
    dropped = {}
    kept = []  # entries without path/number yet
    first = {}  # source bytes -> entry

    def drop(reason):
        dropped[reason] = dropped.get(reason, 0) + 1

    for m in MODULES:
        d = by_module.get(m)
        st = dict(d["stats"]) if d else {"missing": True}
        st["candidates"] = len(d["records"]) if d else 0
        st["parse"] = st["compile"] = 0
        modules_stats[m] = st
        if not d:
            continue
        for r in d["records"]:
            src = r["source"]
            if isinstance(src, str):
                try:
                    data = src.encode("utf-8")
                except UnicodeEncodeError as e:
                    skipped.append({"module": m, "test": r["test"], "via": r["via"],
                                    "reason": "str source not encodable as UTF-8: %s" % e,
                                    "source_repr": ascii(src)[:200]})
                    continue
            else:
                data = src
            if data in first:
                e = first[data]
                if m != e["module"] and m not in e["also_in"]:
                    e["also_in"].append(m)
                drop("duplicate")
                continue
            cerr, other = _try(lambda: compile(data, "<corpus>", "exec", 0, True))
            if cerr is None:
                drop("no SyntaxError as a module" if other is None
                     else "%s as a module" % type(other).__name__)
                continue
            perr, pother = _try(lambda: __import__("ast").parse(data, "<corpus>", type_comments=True))
            if pother is not None:
                drop("ast.parse raised %s" % type(pother).__name__)
                continue
            plain = None
            if perr is not None:
                plain, _ = _try(lambda: __import__("ast").parse(data, "<corpus>"))
            e = {
                "module": m,
                "test": r["test"],
                "via": r["via"],
                "mode": r["mode"],
                "source_type": type(src).__name__,
                "also_in": [],
                "stage": "parse" if perr is not None else "compile",
                "type_comments_only": perr is not None and plain is None,
                "parse_error": _err(perr),
                "compile_error": _err(cerr),
                "_data": data,
            }
            first[data] = e
            kept.append(e)

    _clean(outdir)
    width = max(4, len(str(len(kept))))
    for n, e in enumerate(kept, 1):
        e["number"] = n
        e["path"] = "%s/%0*d_%s.py" % (e["stage"], width, n, e["module"])
        with open(os.path.join(outdir, e["path"]), "wb") as fp:
            fp.write(e.pop("_data"))
        modules_stats[e["module"]][e["stage"]] += 1

    index = {
        "python": sys.version,
        "executable": sys.executable,
        "modules": modules_stats,
        "totals": {"parse": sum(1 for e in kept if e["stage"] == "parse"),
                   "compile": sum(1 for e in kept if e["stage"] == "compile")},
        "files": kept,
        "skipped": skipped,
        "dropped": dropped,
        "failures": [{"module": m, "exit_status": rc, "detail": why} for m, rc, why in failures],
        "seconds": round(time.monotonic() - start, 3),
    }
    with open(os.path.join(outdir, "index.json"), "w", encoding="ascii") as fp:
        json.dump(index, fp, indent=1, sort_keys=True, ensure_ascii=True)
        fp.write("\n")

    t = index["totals"]
    print("syntaxcorpus: %d parse-stage and %d compile-stage files in %s (%.1fs)"
          % (t["parse"], t["compile"], outdir, index["seconds"]))
    for m in MODULES:
        st = modules_stats[m]
        print("  %-16s parse %4d  compile %3d  (candidates %d)" % (m, st["parse"], st["compile"], st["candidates"]))
    for m, rc, why in failures:
        print("syntaxcorpus: test module %s failed (exit status %s):\n%s" % (m, rc, why), file=sys.stderr)
    return 1 if failures else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "--collect":
        _collect(argv[2], argv[3])
        return 0
    if len(argv) != 2 or argv[1].startswith("-"):
        print("usage: python3.13 %s OUTDIR" % os.path.basename(argv[0]), file=sys.stderr)
        return 2
    if sys.version_info[:2] != (3, 13):
        print("syntaxcorpus: warning: running under Python %d.%d, not 3.13" % sys.version_info[:2],
              file=sys.stderr)
    return build(os.path.abspath(argv[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
