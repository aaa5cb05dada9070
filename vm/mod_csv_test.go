package vm_test

import "testing"

// The tests of _csv (mod_csv.go): each program runs under the VM and
// under CPython 3.13 and prints results and the messages of the errors.

// TestCSVDialect checks _csv.Dialect's arguments, defaults, validation
// messages, read-only attributes and pickling refusal, the argument
// errors of reader/writer/register_dialect, field_size_limit and the
// reader's errors.
func TestCSVDialect(t *testing.T) {
	checkProgram(t, `import _csv, _io as io
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: _csv.Dialect(1,2,3,4,5,6,7,8,9,10))
t(lambda: _csv.Dialect('excel', ',', delimiter=','))
t(lambda: _csv.Dialect('nope'))
t(lambda: type(_csv.Dialect(3)).__name__)
t(lambda: _csv.reader())
t(lambda: _csv.reader(1))
t(lambda: _csv.reader([], 'x', 3))
t(lambda: _csv.reader([], foo=1))
t(lambda: _csv.writer(1))
t(lambda: _csv.writer())
t(lambda: _csv.register_dialect(1))
t(lambda: _csv.register_dialect())
t(lambda: _csv.unregister_dialect('zz'))
t(lambda: _csv.get_dialect('zz'))
t(lambda: _csv.get_dialect())
t(lambda: _csv.field_size_limit(1.5))
t(lambda: _csv.field_size_limit(1, 2))
t(lambda: _csv.field_size_limit(new_limit=5))
t(lambda: _csv.field_size_limit())
t(lambda: _csv.field_size_limit(131072))
t(lambda: _csv.list_dialects())

t(lambda: _csv.Reader())
t(lambda: _csv.Writer())
t(lambda: _csv.Error('x'))
d = _csv.Dialect()
t(lambda: setattr(d, 'delimiter', ';'))
t(lambda: setattr(d, 'strict', 1))
t(lambda: setattr(d, 'foo', 1))
t(lambda: d.__reduce_ex__(2))

t(lambda: d.__reduce__())
t(lambda: next(_csv.reader([b'a,b'])))
t(lambda: list(_csv.reader(['a,"b'], strict=True)))
t(lambda: list(_csv.reader(['a,"b'])))
t(lambda: list(_csv.reader(['"a"b,c'], strict=True)))
t(lambda: list(_csv.reader(['a\rb'])))
t(lambda: list(_csv.reader(['a\0b'])))
t(lambda: list(_csv.reader(['1,2,"3",,x'], quoting=_csv.QUOTE_NONNUMERIC)))
t(lambda: list(_csv.reader(['1,2,"3",,'], quoting=_csv.QUOTE_NONNUMERIC)))
t(lambda: list(_csv.reader(['1,2,"3",,'], quoting=_csv.QUOTE_STRINGS)))
t(lambda: list(_csv.reader(['1,2,"3",,'], quoting=_csv.QUOTE_NOTNULL)))
s = io.StringIO(); w = _csv.writer(s)
t(lambda: w.writerow(3))
t(lambda: w.writerow([]))
t(lambda: w.writerow(['']))
t(lambda: w.writerow([None]))
t(lambda: w.writerow(['a"b', 'c,d', 'e\nf', 1.5, None, 3]))
t(lambda: w.writerows([[1],[2]]))
t(lambda: w.writerows(3))
print(repr(s.getvalue()))
t(lambda: w.dialect.delimiter)
for q in range(6):
    s = io.StringIO(); w = _csv.writer(s, quoting=q, escapechar='\\')
    t(lambda: w.writerow(['a', '', None, 1, 2.5, 'x"y', 'p,q', True]))
    t(lambda: w.writerow([None]))
    t(lambda: w.writerow(['']))
    print(q, repr(s.getvalue()))
t(lambda: _csv.writer(io.StringIO(), quoting=3).writerow(['a,b']))
`)
}

// TestCSVReadWrite checks the writer under every quoting style with
// escaping and doublequote, the reader's state machine (quoted newlines,
// escapes, skipinitialspace, strict, QUOTE_NONNUMERIC/STRINGS/NOTNULL),
// line_num, the field limit and the registry.
func TestCSVReadWrite(t *testing.T) {
	checkProgram(t, `import _csv, _io as io
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
def w(row, **kw):
    s = io.StringIO()
    try:
        _csv.writer(s, **kw).writerow(row)
        print(repr(s.getvalue()))
    except Exception as e: print(type(e).__name__, e)
w(['a\rb'], lineterminator='\n')
w(['a\\b'], escapechar='\\')
w(['a\\b'], escapechar='\\', quoting=1)
w(['a"b'], doublequote=False, escapechar='\\')
w(['a"b'], doublequote=False)
w([''], delimiter=' ', skipinitialspace=True)
w(['', 'x'], delimiter=' ', skipinitialspace=True)
w([None, 'x'], delimiter=' ', skipinitialspace=True, quoting=4)
w(['a b'], delimiter=' ')
w(['é', 'x\u2028y'])
w(['axb'], lineterminator='x\n', quoting=3, escapechar='\\')
w(['x'], lineterminator='')
class S(str): pass
w([S('a,b'), 1+2j, [1], b'x'])
class Bad:
    def __str__(self): raise ValueError('bad str')
w([Bad()])
def gen():
    yield 1
    raise KeyError('g')
w(gen())
t(lambda: _csv.writer(io.StringIO()).writerow(x for x in [1]))
class F:
    write = 3
t(lambda: _csv.writer(F()))
class G:
    @property
    def write(self): raise RuntimeError('no')
t(lambda: _csv.writer(G()))
r = _csv.reader(['a,b\n', 'c,"d\n', 'e"\n', '\n', 'x'])
for row in r: print(row, r.line_num)
def rd(lines, **kw):
    try:
        r = _csv.reader(lines, **kw)
        print([row for row in r], r.line_num)
    except Exception as e: print(type(e).__name__, e)
rd(['a\\,b,c'], escapechar='\\')
rd(['a\\'], escapechar='\\')
rd(['"a\\"b"'], escapechar='\\')
rd(['"a\\'], escapechar='\\')
rd(['a, b,  c'], skipinitialspace=True)
rd(['"a"b'])
rd(['"a"b'], doublequote=False)
rd(['"a""b"'], doublequote=False)
rd(['a;b'], delimiter=';')
rd(["'a,b',c"], quotechar="'")
rd(['"a,b",c'], quoting=3)
rd(['a\r\n', 'b\r\n'])
rd(['a\rb\r'])
rd(['a\n\n'])
rd(['"a\r\nb"'])
rd(['"'])
rd(['"', ''], strict=True)
rd(['x' * 20])
rd([1])
rd(iter([]))
rd(['a\\\n', 'b'], escapechar='\\')
rd(['a,\n'])
rd([',\n'])
rd(['\n'])
rd(['', ''])
rd(['a b  c'], delimiter=' ', skipinitialspace=True)
rd(['1, 2,"x"'], quoting=2, skipinitialspace=True)
rd(['1 , 2'], quoting=2)
_csv.field_size_limit(5)
rd(['abcde,f'])
rd(['abcdef'])
rd(['"abcdef"'])
t(lambda: _csv.field_size_limit(2**70))
t(lambda: _csv.field_size_limit(True))
_csv.field_size_limit(131072)
_csv.register_dialect('semi', delimiter=';')
d = _csv.get_dialect('semi'); print(d.delimiter, type(d))
t(lambda: _csv.register_dialect('x', 'semi', 3))
t(lambda: _csv.register_dialect('x', 'nope'))
t(lambda: _csv.register_dialect('x', delimiter=''))
t(lambda: _csv.register_dialect(name='x'))
print(_csv.list_dialects(), list(_csv._dialects), type(_csv._dialects['semi']).__name__)
t(lambda: _csv.unregister_dialect('semi'))
t(lambda: _csv.unregister_dialect([]))
t(lambda: _csv.get_dialect([]))
t(lambda: _csv.unregister_dialect(name='semi'))
print(_csv.list_dialects())
class D(_csv.Dialect): pass
x = D(delimiter=';'); print(type(x).__name__, x.delimiter)
t(lambda: D.__new__(D, 'excel'))
class Obj: delimiter=';'; quotechar="'"; strict = 1; skipinitialspace=0; doublequote=[]; quoting=2; lineterminator='\n'; escapechar=None
y = _csv.Dialect(Obj); print(y.delimiter, y.quotechar, y.strict, y.doublequote, y.quoting, repr(y.lineterminator), y.escapechar)
y2 = _csv.Dialect(y); print(y2 is y, _csv.Dialect(y, strict=False) is y)
print(_csv.reader(['a'], y).dialect is y)
print(_csv.QUOTE_MINIMAL, _csv.QUOTE_ALL, _csv.QUOTE_NONNUMERIC, _csv.QUOTE_NONE, _csv.QUOTE_STRINGS, _csv.QUOTE_NOTNULL)
print(_csv.Dialect.__module__, _csv.Dialect.__name__, _csv.Reader.__name__, _csv.Reader.__module__, _csv.reader.__module__, _csv.reader.__name__)
t(lambda: type(iter(_csv.reader([]))))
t(lambda: setattr(_csv.reader([]), 'line_num', 3))
t(lambda: setattr(_csv.Dialect, 'x', 3))
print(repr(_csv.Writer.__doc__), repr(_csv.Reader.__doc__))
print(sorted(k for k in dir(_csv.Dialect) if not k.startswith('__')))
print(sorted(k for k in dir(_csv.Reader) if not k.startswith('__')))
print(sorted(k for k in dir(_csv.Writer) if not k.startswith('__')))
`)
}

// TestCSVModule checks Lib/csv.py over the native _csv: DictReader and
// DictWriter, Dialect subclasses and their validation, the registry and
// the Sniffer.
func TestCSVModule(t *testing.T) {
	checkLibProgram(t, `import csv, io
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(csv.list_dialects())
s = io.StringIO()
w = csv.DictWriter(s, fieldnames=['name', 'age', 'note'])
w.writeheader()
w.writerow({'name': 'Ann', 'age': 31, 'note': 'likes "quotes", commas'})
w.writerows([{'name': 'Bob', 'age': None}, {'name': 'Ço', 'age': 2.5, 'note': 'multi\nline'}])
print(repr(s.getvalue()))
t(lambda: w.writerow({'name': 'x', 'bogus': 1}))
s.seek(0)
r = csv.DictReader(s)
print(r.fieldnames)
for row in r: print(row, r.line_num)
r = csv.DictReader(io.StringIO('a,b\n1,2,3\n4\n'), restkey='rest', restval='?')
print(list(r))
class MyDialect(csv.Dialect):
    delimiter = ';'
    quotechar = "'"
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
csv.register_dialect('mine', MyDialect)
s = io.StringIO(); csv.writer(s, 'mine').writerow(["a;b", "c'd", 3]); print(repr(s.getvalue()))
print(list(csv.reader(io.StringIO(s.getvalue()), dialect='mine')))
class Bad(csv.Dialect):
    delimiter = ''
t(lambda: Bad())
class Bad2(csv.Dialect):
    delimiter = ','
    quotechar = '"'
    lineterminator = '\r\n'
    quoting = 9
t(lambda: Bad2())
t(lambda: csv.get_dialect('excel-tab').delimiter)
e = csv.excel(); print(e.delimiter, e.quoting, e.lineterminator == '\r\n')
sn = csv.Sniffer()
sample = 'a;b;c\n1;2;3\n4;5;6\n'
d = sn.sniff(sample); print(d.delimiter, d.quotechar, d.doublequote, d.skipinitialspace, sn.has_header(sample))
print(sn.has_header('name,age\nann,3\nbob,4\n'))
t(lambda: sn.sniff('x'))
print(csv.field_size_limit(), csv.__version__, csv.QUOTE_STRINGS)
print(list(csv.reader(['1,"a",,x'], quoting=csv.QUOTE_STRINGS)) if False else '')
s = io.StringIO(); csv.writer(s, quoting=csv.QUOTE_STRINGS).writerow([1, 'a', None, 2.0]); print(repr(s.getvalue()))
s = io.StringIO(); csv.writer(s, quoting=csv.QUOTE_NOTNULL).writerow([1, 'a', None, 2.0]); print(repr(s.getvalue()))
print(issubclass(csv.Error, Exception), csv.Error.__module__)
`)
}

// TestCSVArgErrors checks the messages of bad calls to the writer's
// methods and the module's functions.
func TestCSVArgErrors(t *testing.T) {
	checkProgram(t, `import _csv, _io
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
w = _csv.writer(_io.StringIO())
t(lambda: w.writerow()); t(lambda: w.writerows()); t(lambda: w.writerow(x=1)); t(lambda: w.writerow([], []))
t(lambda: _csv.list_dialects(1)); t(lambda: _csv.unregister_dialect()); t(lambda: _csv.get_dialect('a', 'b'))
r = _csv.reader([])
t(lambda: r.__next__(1))
t(lambda: _csv.reader(['a'], 'excel', 'x'))
`)
}
