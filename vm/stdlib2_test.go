package vm_test

import "testing"

// More of the pure-Python standard library, and the VM pieces it needs
// (found by the module probe): each program runs under the VM and under
// CPython 3.13 and must print the same.

// TestCompileIncompleteInput checks compile()'s PyCF_ALLOW_INCOMPLETE_INPUT
// and PyCF_DONT_IMPLY_DEDENT flags: _IncompleteInputError for sources cut
// short, the ordinary errors for the others, in the three modes.
func TestCompileIncompleteInput(t *testing.T) {
	checkProgram(t, `
flags = 0x4000 | 0x200
srcs = ['if x:', 'if x:\n', '(1,', '(1,\n', '"""abc', "'abc", 'def f():\n  return 1',
        'def f():\n  return 1\n', 'def f():\n  return 1\n\n', 'x = [', 'x = [\n1',
        'for i in x:\n  pass', 'a b', '1 +', '1 +\n', 'if x:\n  pass\nelse:', '@dec', '@dec\n',
        'class A:', 'lambda:', 'f(**', 'if 1:\n  x\n y', '\\', 'x = 1\\\n', 'try:\n pass\n',
        'match x:', 'match x:\n', 'with a as b:', "f'{", 'import (a,', 'x = 1 if', 'x = 1',
        '', '# c', 'x = """a\nb', 'print(1)\nprint(2)', '1 2 3\n', ')', 'if x:\n  1\nelif y:',
        'async def f():\n await x']
for s in srcs:
    for mode in ['single', 'exec', 'eval']:
        for fl in [flags, 0x4000, 0]:
            try:
                compile(s, '<i>', mode, fl)
                r = 'ok'
            except SyntaxError as e:
                r = f'{type(e).__name__}: {e.msg!r} {e.lineno} {e.offset} {e.text!r} {e.end_lineno} {e.end_offset}'
            print(repr(s), mode, fl, r)
E = _IncompleteInputError
print(E.__mro__, E.__module__, E.__doc__, repr(E('m')), issubclass(E, SyntaxError))
for fl in [0x4000 | 0x400, 0x400]:
    try:
        compile('if x:', 'f', 'single', fl)
    except SyntaxError as e:
        print(type(e).__name__, e)
`)
}

// TestStdlibCodeop checks codeop.compile_command and the code module's
// interpreter and console, which tell incomplete input by
// _IncompleteInputError.
func TestStdlibCodeop(t *testing.T) {
	checkLibProgram(t, `
import codeop, code, sys
for s in ['x = 1', 'if x:', 'def f():\n  return 1\n', 'def f():\n  return 1\n\n', '1 +', '(1,', 'a b',
          '', '# only a comment', 'x = """', 'for i in []:\n  pass\n', '1/0', 'lambda x:', '@d\n']:
    for sym in ['single', 'exec', 'eval']:
        try:
            r = codeop.compile_command(s, '<in>', sym)
            print(repr(s), sym, None if r is None else type(r).__name__)
        except SyntaxError as e:
            print(repr(s), sym, type(e).__name__, e)
c = codeop.CommandCompiler()
print(type(c("x = 1")).__name__, c("if 1:"))
i = code.InteractiveInterpreter()
print(i.runsource('x = 6*7'))
print(i.runsource('print(x)'))
print(i.runsource('if x:'))
sys.stderr = sys.stdout
print(i.runsource('1/0'))
print(i.runsource('a b'))
con = code.InteractiveConsole()
print(con.push('def f():'), con.push('  return 3'), con.push(''), con.push('print(f())'))
print(con.push('for i in range(2):'), con.push('  print(i)'), con.push(''))
`)
}

// TestStdlibFileLayers checks encoding='locale' and the raw layer of
// buffered files (tempfile.NamedTemporaryFile renames it), and the
// modules that use them.
func TestStdlibFileLayers(t *testing.T) {
	checkLibProgram(t, `
import tempfile, os, io, fileinput
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'f.txt')
    with open(p, 'w', encoding='locale') as f:
        print(f.encoding, f.write('hello\n'))
    with open(p, encoding='locale') as f:
        print(f.read(), f.encoding)
    with open(p, 'rb') as f:
        r = f.raw
        print(type(r).__name__, r.mode, r.name == p, r.readable(), r.writable(), r is f.raw)
        r.name = 'other'
        print(f.name, repr(f).replace(d, 'D'))
        try:
            f.name = 'x'
        except AttributeError as e:
            print('AttributeError')
    with open(p, 'r+') as f:
        f.reconfigure(encoding='locale')
        print(f.encoding, f.buffer.raw.mode)
        f.buffer.raw.name = 7
        print(f.name, f.buffer.name)
    with tempfile.NamedTemporaryFile('w+', dir=d, suffix='.x', delete=False) as f:
        f.write('abc'); f.seek(0); print(f.read(), f.name.endswith('.x'), os.path.dirname(f.name) == d)
    with tempfile.NamedTemporaryFile() as f:
        f.write(b'xyz'); f.seek(0); print(f.read(), os.path.exists(f.name))
    print(os.path.exists(f.name))
    with tempfile.TemporaryFile('w+') as f:
        f.write('tt'); f.seek(0); print(f.read())
    with tempfile.SpooledTemporaryFile(max_size=10) as f:
        f.write(b'a' * 5); print(f._rolled); f.write(b'b' * 10); print(f._rolled); f.seek(0); print(f.read())
    q = os.path.join(d, 'g.txt')
    for n in (p, q):
        with open(n, 'w') as f:
            f.write('x\ny\n')
    with fileinput.input([p, q]) as fi:
        print([(fi.filename() == p, fi.lineno(), fi.filelineno(), l) for l in fi])
    print(sorted(os.listdir(d)) == sorted(os.listdir(d)), len(os.listdir(d)))
`)
}
