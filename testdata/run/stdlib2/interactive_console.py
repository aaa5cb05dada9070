# needs: stdlib
# codeop and code: an interactive console fed line by line, telling incomplete input (_IncompleteInputError) from errors
import code, codeop, sys, io

lines = [
    'x = 6 * 7',
    'print(x)',
    'def square(n):',
    '    return n * n',
    '',
    'print([square(i) for i in range(5)])',
    'for i in range(3):',
    '    if i % 2:',
    '        print("odd", i)',
    '',
    'data = {',
    '    "a": 1,',
    '}',
    'print(data)',
    'text = """first',
    'second"""',
    'print(repr(text))',
    '1/0',
    'a b',
    'print("still alive")',
]
out = io.StringIO()
sys.stderr = out
console = code.InteractiveConsole()
for line in lines:
    more = console.push(line)
    print(('... ' if more else '>>> ') + line)
sys.stderr = sys.__stderr__
print(out.getvalue())

for src in ['if x:', 'x = (1,', 'print(1)', 'lambda:', 'def f():\n  pass\n', '"""abc', '@dec', 'x = 1 +', '', '# comment']:
    for symbol in ['single', 'exec', 'eval']:
        try:
            r = codeop.compile_command(src, '<in>', symbol)
            print(repr(src), symbol, 'incomplete' if r is None else 'code')
        except SyntaxError as e:
            print(repr(src), symbol, type(e).__name__, e.msg)

flags = codeop.PyCF_ALLOW_INCOMPLETE_INPUT | codeop.PyCF_DONT_IMPLY_DEDENT
for src in ['if x:', '(1,', 'a b', 'for i in x:\n  pass']:
    try:
        compile(src, '<s>', 'single', flags)
        print(repr(src), 'compiles')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset)
print(issubclass(_IncompleteInputError, SyntaxError), _IncompleteInputError.__module__)
