package vm_test

import "testing"

// The tokenize module over _tokenize.TokenizerIter (the parser's
// tokenizer in the tokenize module's extra_tokens mode), against the
// oracle: token tuples, positions, lines, and the errors.

// TestTokenizeSources tokenizes varied small sources: f-strings,
// continuation lines, comments, dedents, CRLF, non-ASCII, implicit final
// newlines, and sources with errors.
func TestTokenizeSources(t *testing.T) {
	checkLibProgram(t, `import tokenize, io, token
srcs = [
 "x = 1\n",
 "x = 1",
 "def f(a, b):\n    # comment\n    return a + b  # trailing\n\n\nclass C:\n    pass\n",
 "# only comment\n",
 "# only comment",
 "s = f'{a!r:>{w}} and {{x}} {b=}'\n",
 "t = '''multi\nline\n''' + \"x\"\n",
 "x = (1,\n     2)\ny = 1 + \\\n    2\n",
 "if x:\n    if y:\n        z\n",
 "if x:\n    if y:\n        z",
 "é = 'ü' + 'ñ'  # ünï\n",
 "a @= b ** -c // d != e -> f ... := 1\n",
 "async def g():\n    await h()\n",
 "x = 1\r\ny = 2\r\n",
 "",
 "\n\n",
 "x = f'''\n{a}\nb'''\n",
 "0x1f 1e5 1_000 3j .5\n",
]
for s in srcs:
    print(repr(s))
    try:
        for t in tokenize.generate_tokens(io.StringIO(s).readline):
            print(' ', t, t.exact_type if t.type == token.OP else '')
    except Exception as e:
        print(' ', type(e).__name__, e)
bad = ["x = (1,\n", "'abc\n", "'''abc\n", "if x:\n  a\n b\n", "x = 1 \\ 2\n", "if x:\n\ta\n        b\n", "$\n", "0b12\n", "x = )\n"]
for s in bad:
    print(repr(s))
    try:
        for t in tokenize.generate_tokens(io.StringIO(s).readline):
            print(' ', t)
    except Exception as e:
        print(' ', type(e).__name__, e, getattr(e, 'args', None))
for t in tokenize.tokenize(io.BytesIO(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n").readline):
    print(t)
print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO("x=1 +  2\n").readline)))
import _tokenize
print(list(_tokenize.TokenizerIter(io.StringIO("a+b").readline, extra_tokens=False)))
`)
	checkLibProgram(t, `import tokenize, io
for s in ["x = 1 + \\\n", "x = 1 + \\", "(\n\n", "def f(\n  a,\n", "x = [1,\n 2", "f'{a'\n", "f'abc\n", "'''abc", "\tif x:\n\t\ty\n        z\n", "x = 1\n  y = 2\n", "a = 1\n\n# c\n  # d\nb = 2\n", "  # indented comment\nx\n", "if a:\n    b\n    # c\n\nd\n"]:
    print(repr(s))
    try:
        for t in tokenize.generate_tokens(io.StringIO(s).readline):
            print(' ', t)
    except Exception as e:
        print(' ', type(e).__name__, e)
`)
}

// TestTokenizeLiberal checks what the tokenize module's mode lets
// through where the parser's tokenizer stops (identifiers with invalid
// characters, numbers followed by letters, leading zeros, a BOM inside
// str input), and the tokenizer test data files of the standard library.
func TestTokenizeLiberal(t *testing.T) {
	checkLibProgram(t, `import tokenize, io
for s in ["\ufeffx = 1\n", "€ = 2\n", "a€b = 2\n", "x = 1 € 2\n", "é€ = 1\n", "\u00a0x\n", "x\ufeff = 1\n", "\x60x\x60\n", "x ? y\n", "0b12\n", "1_\n", "1e\n", "0o8\n", "1__0\n", "09\n", "1if x else 2\n", "'\\N{foo}'\n", "f'{'\n", "f'{x!z}'\n", "f'}'\n"]:
    print(repr(s))
    try:
        for t in tokenize.generate_tokens(io.StringIO(s).readline): print(' ', t)
    except Exception as e:
        print(' ', type(e).__name__, e)
`)
	checkLibProgram(t, `import tokenize, os, glob, io
LIB = os.path.dirname(os.__file__)
fs = sorted(glob.glob(os.path.join(LIB, 'test', 'tokenizedata', '*'))) + sorted(glob.glob(os.path.join(LIB, 'test', 'bad*.py'))) + sorted(glob.glob(os.path.join(LIB, 'test', 'test_source_encoding.py')))
for p in fs:
    if os.path.isdir(p): continue
    with open(p, 'rb') as fh:
        try:
            toks = list(tokenize.tokenize(fh.readline))
            print(os.path.basename(p), len(toks), hash(tuple(toks)))
        except Exception as e:
            print(os.path.basename(p), type(e).__name__, e)
    with open(p, 'rb') as fh:
        data = fh.read()
    try:
        s = data.decode('utf-8')
    except UnicodeDecodeError:
        continue
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(s).readline))
        print(' str', len(toks), hash(tuple(toks)))
    except Exception as e:
        print(' str', type(e).__name__, e)
`)
	checkLibProgram(t, `import _tokenize, io
for s in ["if x:\n    y = 1 # c\n\nelse: pass\n", "async def f(): await g()\n", "f'a{b!r}c'\n", "x = (\n1)\n", "é = 1", "x = )\n"]:
    try:
        print(list(_tokenize.TokenizerIter(io.StringIO(s).readline, extra_tokens=False)))
    except Exception as e:
        print(type(e).__name__, e)
def bad():
    yield 3
for rl in [bad().__next__, lambda: 5, iter(["a = 1\n", "b\n"]).__next__]:
    try:
        print(list(_tokenize.TokenizerIter(rl, extra_tokens=True)))
    except Exception as e:
        print(type(e).__name__, e)
try: _tokenize.TokenizerIter(io.StringIO("x").readline)
except TypeError as e: print(e)
it = _tokenize.TokenizerIter(io.BytesIO("é = 'ü'\n".encode('latin-1')).readline, extra_tokens=True, encoding='latin-1')
print(list(it))
print(type(it).__name__, iter(it) is it)
`)
}

// TestTokenizeStdlib tokenizes whole standard library files (and the
// f-string and grammar tests) and compares the token lists.
func TestTokenizeStdlib(t *testing.T) {
	checkLibProgram(t, `import tokenize, os, io
LIB = os.path.dirname(os.__file__)
for f in ['textwrap.py', 'functools.py', 'dataclasses.py', 'enum.py', 'typing.py', 'argparse.py', 'json/decoder.py', 'string.py', 'fractions.py', 'inspect.py', 're/_parser.py', 'tokenize.py', 'ast.py', 'dis.py', 'pydoc.py', 'test/test_fstring.py', 'test/test_grammar.py', 'test/test_tokenize.py', 'lib2to3/tests/data/py2_test_grammar.py' ]:
    p = os.path.join(LIB, f)
    if not os.path.exists(p): continue
    with open(p, 'rb') as fh:
        try:
            toks = list(tokenize.tokenize(fh.readline))
            print(f, len(toks), hash(tuple(toks)))
        except Exception as e:
            print(f, type(e).__name__, e)
`)
}
