package vm_test

import "testing"

// TestDisplayHookDoctest checks sys.__displayhook__ and that the display
// hook writes to the current sys.stdout (as doctest needs), and doctest
// itself on passing and failing examples (not yet on examples that raise:
// traceback's caret logic needs ast.parse).
func TestDisplayHookDoctest(t *testing.T) {
	for _, src := range []string{`import sys, io
print(sys.__displayhook__ is sys.displayhook)
s = io.StringIO(); old = sys.stdout; sys.stdout = s
exec(compile('1+1', '<x>', 'single'))
exec(compile('None', '<x>', 'single'))
exec(compile("'a'", '<x>', 'single'))
sys.stdout = old
print(repr(s.getvalue()), _)
sys.stdout = None
try: sys.displayhook(5)
except Exception as e: sys.stdout = old; print(type(e).__name__, e)
`, `import doctest
def f():
    '''
    >>> 1+1
    2
    >>> [1, 2]
    [1, 3]
    '''
print(doctest.run_docstring_examples(f, {}, verbose=False))
`, `import doctest
def g(x):
    """
    >>> g(2)
    4
    >>> print('a\\nb')
    a
    b
    >>> {'k': [1, 2]}
    {'k': [1, 2]}
    >>> g(3)  # wrong
    7
    """
    return x * 2
doctest.run_docstring_examples(g, {'g': g}, verbose=False, name='g')
print(doctest.testmod(verbose=False))
`} {
		checkLibProgram(t, src)
	}
}
