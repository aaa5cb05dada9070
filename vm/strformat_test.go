package vm_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/vm"
)

// fmtPrelude defines the classes the format tests use.
const fmtPrelude = `
class A:
    x = 5
    def __format__(self, spec): return 'A<' + spec + '>'
    def __getitem__(self, k): return 'item' + repr(k)
    def __repr__(self): return 'A()'
a = A()
class I:
    def __index__(self): return 10
class N:
    def __int__(self): return 7
class F:
    def __float__(self): return 2.5
class B:
    def __bytes__(self): return b'BB'
`

// checkFmt checks expressions, one a line, with the format classes.
func checkFmt(t *testing.T, exprs string) {
	t.Helper()
	checkExprsWith(t, fmtPrelude, exprs)
}

// TestStrFormatMethod covers str.format and str.format_map: field names,
// auto-numbering, conversions, nested specs and every parse error.
func TestStrFormatMethod(t *testing.T) {
	checkFmt(t, `
'{}'.format(1)
'{0}{1}{0}'.format('a', 'b')
'{x}'.format(x=3)
'{}{}'.format(1)
'{0}{}'.format(1, 2)
'{}{0}'.format(1, 2)
'{'.format(1)
'}'.format(1)
'{{}}'.format(1)
'a{{b}}c'.format()
'{0'.format(1)
'{0!'.format(1)
'{0!r'.format(1)
'{0!x}'.format(1)
'{0!rr}'.format(1)
'{0!}'.format(1)
'{0!a}'.format('é')
'{0:{1}}'.format(a, 'xy')
'{0:{1}{2}}'.format(a, 'x', 'y')
'{0:{1:{2}}}'.format(a, 'x', 'y')
'{:{}}'.format(a, 'q')
'{:{}}{}'.format(a, 'q', 'z')
'{0.x}'.format(a)
'{0.y}'.format(a)
'{0[1]}'.format(a)
'{0[x]}'.format(a)
'{0[-1]}'.format(a)
'{0[1.5]}'.format(a)
'{0[]}'.format(a)
'{0[1}'.format(a)
'{0.}'.format(a)
'{0[1]x}'.format(a)
'{0[1].x}'.format([a, a])
'{a.x[1]}'.format(a=a)
'{x}'.format()
'{5}'.format(1)
'{-1}'.format(1)
'{ }'.format(1)
'{ }'.format(**{' ': 3})
'{0x}'.format(1)
'{0 }'.format(1)
'{00}'.format(1)
'{1_0}'.format(*range(11))
'{:}'.format(1)
'{!r}'.format('a')
'{0:}}'.format(1)
'{0:{{}}'.format(1)
'{0:{}}'.format(1, 5)
'{:{}}'.format(1)
'{0}'.format_map({'0': 1})
'{x}'.format_map({'x': 1})
'{}'.format_map({'x': 1})
'{x}'.format_map({})
'{x}'.format_map(1)
'{x.__class__}'.format_map({'x': 1})
'{x}'.format(**{'x': 'é'})
'é{}'.format('ü')
'{0}'.format(*[])
'{:{:{}}}'.format(1, 2, 3)
'{0:{1:{2:{3}}}}'.format(1,2,3,4)
'{0.__class__}'.format(1)
'{0[0]}'.format('abc')
'{0[0]}'.format({0: 'i', '0': 's'})
'{0[a b]}'.format({'a b': 1})
'{0[a]b}'.format({'a': 1})
'{!r:}'.format(1)
'{0!r!s}'.format(1)
'{!}'.format(1)
'{:}{'.format(1)
'x{'.format(1)
'{}}'.format(1)
'{0[}'.format(1)
'{0]}'.format(1)
'{0[}]}'.format({'}': 1})
'{a{}'.format(1)
'{a{b}c}'.format(1)
'{0[:]}'.format({':': 1})
'{0[!]}'.format({'!': 1})
'{0[a]}'.format({'a': 1})
'{0!r}'.format('\x00')
'{0!\x00}'.format('a')
'{0!é}'.format('a')
'{99999999999999999999}'.format(1)
'{0[99999999999999999999]}'.format([1])
'{0[٣]}'.format([1,2,3,4])
'{٣}'.format(1,2,3,4)
`)
}

// TestPercentFormat covers str % args and bytes % args: every
// conversion, flag, width and precision, mapping keys and the errors.
func TestPercentFormat(t *testing.T) {
	checkFmt(t, `
'%s' % 1
'%s %s' % (1, 2)
'%s' % (1, 2)
'%s %s' % (1,)
'abc' % 5
'abc' % ()
'abc' % []
'abc' % {}
'%s' % [1, 2]
'' % b'x'
'%s' % {'a': 1}
'%(a)s' % {'a': 1}
'%(a)s' % (1,)
'%(a)s %s' % {'a': 1}
'%(a' % {'a': 1}
'%' % ()
'%z' % (1,)
'%é' % (1,)
'%5%' % ()
'%%' % ()
'%-5d|' % 3
'%05d' % -3
'%+d' % 3
'% d' % 3
'%+ d' % 3
'%.3d' % 5
'%5.3d' % -5
'%-05d|' % 3
'%x' % 255
'%#x' % 255
'%#X' % 255
'%#o' % 8
'%o' % -8
'%#06x' % 255
'%#-6x|' % 255
'%#.5x' % 255
'%x' % 1.5
'%x' % I()
'%d' % I()
'%d' % N()
'%d' % F()
'%d' % 'a'
'%i' % 2.7
'%u' % -2.7
'%d' % True
'%x' % True
'%d' % 10**30
'%x' % -10**30
'%c' % 65
'%c' % 'a'
'%c' % 'ab'
'%c' % 1.5
'%c' % -1
'%c' % 0x110000
'%5c|' % 'a'
'%-3c|' % 97
'%r' % 'a'
'%a' % 'é'
'%.2s' % 'abc'
'%5s' % 'ab'
'%-5s|' % 'ab'
'%05s' % 'ab'
'%.1r' % 'abc'
'%*d' % (5, 1)
'%-*d|' % (5, 1)
'%*d' % (-5, 1)
'%.*f' % (2, 1.23456)
'%*s' % ('a', 1)
'%.*s' % ('a', 1)
'%*s' % (2**70, 1)
'%f' % 1.5
'%.2f' % 2.675
'%e' % 12345.678
'%E' % 0.0001
'%g' % 0.0001
'%g' % 1e-5
'%g' % 123456789
'%G' % 1e20
'%#g' % 1.0
'%#.0f' % 1
'%.0f' % 2.5
'%.0e' % 15
'%f' % 1e400
'%F' % (1e400*0)
'%e' % -1e400
'%010.3f' % -3.14159
'%+.1f' % 2
'% g' % 5
'%f' % 'a'
'%f' % I()
'%f' % N()
'%f' % F()
'%f' % 10**400
'%.200f' % 1
'%g' % 10**30
'%d' % None
'%ld' % 5
'%hd' % 5
'%Lf' % 1.5
'%(a)*d' % {'a': 1}
'%(a)d %(b)x' % {'a': 1, 'b': 255}
'%s' % ((1, 2),)
'%s' % (1,)
'%d%%' % 50
'%(x)s %%' % {'x': 1}
'%c' % 'é'
'%5.1s|' % 'éa'
'é%sü' % 'ö'
'%s' % 'a' * 2
'%.3g' % 0.0001234
'%10.4e|' % 3.14159
'%-10g|' % 1.5
'%#o' % 0
'%#x' % 0
'%.0d' % 0
'%x' % -255
'%#x' % -255
'%#08x' % -255
'%.50g' % 0.1
'%.17g' % 0.1
'%g' % 1e16
'%g' % 1e15
'%.3e' % 0
'%g' % 0.0
'%g' % -0.0
'%e' % 1e300
'%.1f' % 0.05
'%.1f' % 0.25
'%.1f' % 0.35
b'%s' % b'x'
b'%s' % 'x'
b'%b' % bytearray(b'y')
b'%s' % memoryview(b'z')
b'%s' % B()
b'%s' % 1
b'%r' % 'é'
b'%a' % b'x'
b'%c' % 65
b'%c' % b'a'
b'%c' % 256
b'%c' % 'a'
b'%c' % b'ab'
b'%d' % 5
b'%x' % 255
b'%5.2f' % 1.5
b'abc' % 5
b'abc' % b'x'
b'abc' % []
b'%s %s' % (b'a',)
b'%(a)s' % {b'a': b'x'}
b'%(a)s' % {'a': b'x'}
b'%z' % 1
b'%' % ()
b'%5s|' % b'ab'
b'%-5s|' % b'ab'
b'%.1s' % b'ab'
bytearray(b'%s') % b'x'
b'%s' % bytearray(b'q')
b'%s %d' % (b'a', 1)
b'%\xff' % 1
b'%i' % 'a'
b'%f' % 'a'
bb'%(a' % {}
'%s' % 1 % 2
b'%r' % 1
b'%05d' % -1
b'%%' % ()
'%5f|' % 1e400
'%05f|' % 1e400
'%+f' % (1e400*0)
'%-6f|' % -1e400
'%#.0e' % 15
'%#.3g' % 1
'%#g' % 0.0
'%#x' % True
'%.3s' % 'é😀ab'
'%s' % 'é'
'%10s|' % 'é😀'
'%-*.*s|' % (6, 2, 'abcdef')
'%(k)s' % {'k': 'v', 'x': 1}
'%s' % ()
'%s'.__mod__(1)
'%s'.__rmod__(1) is NotImplemented
'%f' % -(1e400*0)
1 % 'x'
[] % 'x'
'%5%' % (1,)
'%05c|' % 'a'
'%-05s|' % 'a'
'%5.2%' % ()
'%(a)%' % {'a':1}
'%99999999999999999999d' % 1
'%.99999999999999999999d' % 1
'%*d' % (1.5, 1)
'%.*d' % (-3, 5)
'%#5o' % 8
'%+x' % 255
'% o' % 8
'%+#x' % 255
'%c' % True
'%d' % 1j
'%f' % 1j
'%x' % 'a'
'%s' % b'a'
'%(a)s %(a)s' % {'a': 1}
'%()s' % {'': 5}
'%(a(b))s' % {'a(b)': 5}
'%(a)s' % [1]
'%s %(a)s' % {'a': 1}
'%c' % 2**70
'%c' % -2**70
'%.0s' % 'a'
'%e' % 1e-310
'%.3f' % 1e20
'%g' % 1e100
'%.100g' % 1e100
'%r' % 1.5
'%10.3r|' % 'abc'
'%d' % 3.9e20
'%d' % 1e400
'%d' % (1e400*0)
'%*%' % (1,)
'%-+5d|' % 3
'%0-5d|' % 3
'%05s' % 5
'%0 5d' % 3
'%z' % ()
b'%z' % ()
'%b' % (1,)
'%.*f' % (-3, 1.5)
'a' % {}
'a' % 'b'
'a' % ('b',)
'a' % []
'a' % 1.5
`)
}

// requireImport skips a test while the VM cannot import (the branch the
// test is written on may predate the import system).
func requireImport(t *testing.T) {
	t.Helper()
	_, stderr, code := runVM(t, "probe.py", []byte("import _string\n"), "")
	if code != 0 && strings.Contains(stderr, "__import__ not found") {
		t.Skip("the VM cannot import yet")
	}
}

// checkProgramLib is checkProgram with CPython's standard library on
// the VM's path.
func checkProgramLib(t *testing.T, src string) {
	t.Helper()
	lib := oracle.Stdlib(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "prog.py")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	want := oracle.Run(t, nil, path)
	var out, errb bytes.Buffer
	in := vm.NewInterp(vm.Config{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Argv: []string{path}, Path: []string{vm.ScriptPath(path)}, PyLib: lib,
		Limits: vm.Limits{MaxSteps: 2e9},
	})
	code, err := in.RunMain(vm.Program{Filename: path, Source: []byte(src), IsFile: true})
	if err != nil {
		t.Fatalf("the run was stopped: %v\nstderr:\n%s", err, errb.String())
	}
	if out.String() != string(want.Stdout) || errb.String() != string(want.Stderr) || code != want.ExitCode {
		t.Errorf("--- CPython (exit %d)\nstdout:\n%s\nstderr:\n%s\n--- peephole (exit %d)\nstdout:\n%s\nstderr:\n%s",
			want.ExitCode, want.Stdout, want.Stderr, code, out.String(), errb.String())
	}
}

// TestStringModule covers the _string module that string.Formatter uses.
func TestStringModule(t *testing.T) {
	requireImport(t)
	checkLines(t, `
import _string
print(list(_string.formatter_parser('a{0!r:>{1}}b{{c}}{x.y[2]}')))
fn, rest = _string.formatter_field_name_split('x.y[2][a]')
print(fn, list(rest))
fn, rest = _string.formatter_field_name_split('0.y')
print(fn, type(rest), list(rest))
print(list(_string.formatter_parser('')), list(_string.formatter_parser('{}')), list(_string.formatter_parser('{:}')), list(_string.formatter_parser('a}}')))
try: list(_string.formatter_parser('{'))
except Exception as e: print(type(e).__name__, e)
print(_string.formatter_field_name_split('')[0] == '')
print(type(_string.formatter_parser('')))
try: _string.formatter_parser(1)
except Exception as e: print(type(e).__name__, e)
try: list(_string.formatter_field_name_split('a.')[1])
except Exception as e: print(type(e).__name__, e)
`)
}

// TestPercentRandomized evaluates random printf-style conversions (every
// flag, width, precision and conversion over ints, floats and strs;
// testdata/pctrandom.py) under the VM and CPython.
func TestPercentRandomized(t *testing.T) {
	oracle.Require(t)
	gen := oracle.Run(t, nil, "testdata/pctrandom.py", "1", "2000")
	if gen.ExitCode != 0 {
		t.Fatalf("pctrandom.py: %s", gen.Stderr)
	}
	checkExprs(t, string(gen.Stdout))
}

// TestCodecsModule covers _codecs through codecs.py and the encodings
// package: lookup, encode/decode, the incremental codecs, the error
// handler registry and the codec functions with their errors.
func TestCodecsModule(t *testing.T) {
	requireImport(t)
	checkProgramLib(t, `
import codecs, _codecs
def t(f):
    try: r = f()
    except Exception as e: print(type(e).__name__, e)
    else: print(repr(r))
t(lambda: codecs.lookup('UTF-8').name)
t(lambda: codecs.lookup('latin1').name)
t(lambda: codecs.lookup('nope'))
t(lambda: codecs.lookup(1))
t(lambda: codecs.encode('é', 'utf-8'))
t(lambda: codecs.decode(b'\xc3\xa9', 'utf-8'))
t(lambda: codecs.decode(b'\xff', 'utf-8', 'replace'))
t(lambda: codecs.encode('é', 'ascii'))
t(lambda: codecs.encode('abc', 'rot13'))
t(lambda: _codecs.utf_8_decode(b'a\xe2\x82'))
t(lambda: _codecs.utf_8_decode(b'a\xe2\x82', 'strict', True))
t(lambda: _codecs.utf_8_decode(b'a\xff\xe2', 'replace'))
t(lambda: _codecs.utf_8_encode('a\ud800', 'surrogatepass'))
t(lambda: _codecs.utf_16_decode(b'\xff'))
t(lambda: _codecs.utf_16_decode(b'\xff\xfea\x00b'))
t(lambda: _codecs.utf_16_ex_decode(b'\xfe\xff\x00a'))
t(lambda: _codecs.utf_16_ex_decode(b'a\x00', 'strict', 1))
t(lambda: _codecs.utf_16_ex_decode(b'a'))
t(lambda: _codecs.utf_16_le_decode(b'a\x00\x00\xd8'))
t(lambda: _codecs.utf_16_le_decode(b'a\x00\x00\xd8', None, True))
t(lambda: _codecs.utf_16_encode('ab'))
t(lambda: _codecs.utf_16_encode('ab', None, 1))
t(lambda: _codecs.utf_16_encode('ab', None, -1))
t(lambda: _codecs.utf_32_encode('a'))
t(lambda: _codecs.utf_32_decode(b'\xff\xfe\x00\x00a\x00\x00\x00b'))
t(lambda: _codecs.utf_32_ex_decode(b'\x00\x00\xfe\xff\x00\x00\x00a'))
t(lambda: _codecs.latin_1_decode(b'\xe9'))
t(lambda: _codecs.latin_1_encode('é€', 'replace'))
t(lambda: _codecs.ascii_encode('é'))
t(lambda: _codecs.ascii_decode(b'a\x80', 'ignore'))
t(lambda: _codecs.unicode_escape_decode(b'a\\x4'))
t(lambda: _codecs.unicode_escape_decode(b'a\\x4', 'strict', False))
t(lambda: _codecs.unicode_escape_decode('a\\n'))
t(lambda: _codecs.unicode_escape_encode('é\n'))
t(lambda: _codecs.raw_unicode_escape_decode(b'\\u00e9'))
t(lambda: _codecs.charmap_decode(b'\x00\x01', 'strict', {0: 'a', 1: 98}))
t(lambda: _codecs.charmap_decode(b'\x02', 'strict', {0: 'a'}))
t(lambda: _codecs.charmap_decode(b'\x02', 'replace', 'ab'))
t(lambda: _codecs.charmap_encode('ab', 'strict', {97: 1, 98: 2}))
t(lambda: _codecs.charmap_encode('abc', 'strict', {97: 1, 98: 2}))
t(lambda: _codecs.charmap_encode('ab', 'strict', None))
t(lambda: _codecs.escape_decode(b'\\x4'))
t(lambda: _codecs.escape_decode(b'a\\'))
t(lambda: _codecs.escape_decode(b'\\q\\101'))
t(lambda: _codecs.escape_encode(b'\x00\xff"'))
t(lambda: _codecs.escape_encode('a'))
t(lambda: _codecs.readbuffer_encode(b'ab'))
t(lambda: _codecs.readbuffer_encode('é'))
t(lambda: codecs.lookup_error('nope'))
t(lambda: codecs.lookup_error('strict')(UnicodeEncodeError('ascii', 'a', 0, 1, 'x')))
t(lambda: codecs.lookup_error('strict')(1))
t(lambda: codecs.lookup_error('ignore')(UnicodeDecodeError('utf-8', b'ab', 0, 1, 'x')))
t(lambda: codecs.lookup_error('replace')(UnicodeDecodeError('utf-8', b'ab', 0, 2, 'x')))
t(lambda: codecs.lookup_error('replace')(UnicodeTranslateError('ab', 0, 2, 'x')))
t(lambda: codecs.lookup_error('replace')(ValueError()))
t(lambda: codecs.lookup_error('xmlcharrefreplace')(UnicodeEncodeError('ascii', 'é€', 0, 2, 'x')))
t(lambda: codecs.lookup_error('xmlcharrefreplace')(UnicodeDecodeError('utf-8', b'ab', 0, 1, 'x')))
t(lambda: codecs.lookup_error('backslashreplace')(UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 2, 'x')))
t(lambda: codecs.lookup_error('backslashreplace')(UnicodeEncodeError('ascii', 'é€', 0, 2, 'x')))
t(lambda: codecs.lookup_error('namereplace')(UnicodeEncodeError('ascii', 'é€', 0, 2, 'x')))
t(lambda: codecs.lookup_error('surrogateescape')(UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 2, 'x')))
t(lambda: codecs.lookup_error('surrogateescape')(UnicodeEncodeError('ascii', '\udcff', 0, 1, 'x')))
t(lambda: codecs.lookup_error('surrogatepass')(UnicodeEncodeError('utf-8', '\ud800', 0, 1, 'x')))
t(lambda: codecs.lookup_error('surrogatepass')(UnicodeDecodeError('utf-8', b'\xed\xa0\x80', 0, 1, 'x')))
t(lambda: codecs.register_error('x', 1))
t(lambda: codecs.register(1))
def h(exc):
    return ('<%d:%d>' % (exc.start, exc.end), exc.end)
codecs.register_error('mine', h)
t(lambda: 'aéè€b'.encode('ascii', 'mine'))
t(lambda: b'a\xff\xfeb'.decode('utf-8', 'mine'))
t(lambda: 'a\ud800'.encode('utf-16', 'mine'))
codecs.register_error('bad', lambda e: 1)
t(lambda: 'é'.encode('ascii', 'bad'))
t(lambda: b'\xff'.decode('ascii', 'bad'))
codecs.register_error('far', lambda e: ('', 100))
t(lambda: 'é'.encode('ascii', 'far'))
codecs.register_error('neg', lambda e: ('?', -1))
t(lambda: 'éab'.encode('ascii', 'neg'))
codecs.register_error('raw', lambda e: (b'\x00\x01', e.end))
t(lambda: 'aé'.encode('latin-1', 'raw') if False else 'aĀ'.encode('latin-1', 'raw'))
codecs.register_error('nonascii', lambda e: ('é', e.end))
t(lambda: 'a€'.encode('ascii', 'nonascii'))
d = codecs.getincrementaldecoder('utf-16')()
t(lambda: (d.decode(b'\xff'), d.decode(b'\xfea'), d.decode(b'\x00b\x00'), d.decode(b'', final=True)))
d2 = codecs.getincrementaldecoder('utf-8')('replace')
t(lambda: (d2.decode(b'a\xe2'), d2.decode(b'\x82', final=True)))
e = codecs.getincrementalencoder('utf-32')()
t(lambda: (e.encode('a'), e.encode('b')))
t(lambda: codecs.iterdecode([b'a\xc3', b'\xa9b'], 'utf-8').__next__())
t(lambda: list(codecs.iterdecode([b'a\xc3', b'\xa9b'], 'utf-8')))
t(lambda: codecs.lookup('cp1252').decode(b'\x80'))
t(lambda: codecs.lookup('cp1252').encode('€'))
t(lambda: codecs.lookup('koi8-r').decode(b'\xd0'))
t(lambda: codecs.lookup('utf-8-sig').decode(b'\xef\xbb\xbfa'))
t(lambda: 'ab'.encode('utf-8-sig'))
t(lambda: codecs.lookup('unicode_escape').decode(b'\\u00e9'))
`)
}

// TestRegisteredCodecs covers codecs registered by the program, used by
// str.encode, bytes.decode and str(bytes, encoding).
func TestRegisteredCodecs(t *testing.T) {
	requireImport(t)
	checkProgramLib(t, `
import codecs
def search(name):
    if name == 'upper':
        return codecs.CodecInfo(lambda s, e='strict': (s.upper().encode(), len(s)), lambda b, e='strict': (bytes(b).decode().lower(), len(b)), name='upper')
    if name == 'bin':
        ci = codecs.CodecInfo(lambda s, e='strict': (s, len(s)), lambda b, e='strict': (b, len(b)), name='bin')
        ci._is_text_encoding = False
        return ci
    if name == 'weird':
        return codecs.CodecInfo(lambda s, e='strict': (1, 2), lambda b, e='strict': 5, name='weird')
codecs.register(search)
def t(f):
    try: r = f()
    except Exception as e: print(type(e).__name__, e)
    else: print(repr(r))
t(lambda: 'abc'.encode('upper'))
t(lambda: b'ABC'.decode('upper'))
t(lambda: str(b'ABC', 'upper'))
t(lambda: 'abc'.encode('bin'))
t(lambda: b'abc'.decode('bin'))
t(lambda: 'abc'.encode('weird'))
t(lambda: b'abc'.decode('weird'))
t(lambda: 'abc'.encode('nothing'))
t(lambda: codecs.encode('abc', 'upper'))
t(lambda: codecs.decode(b'abc', 'weird'))
t(lambda: codecs.encode('abc', 'weird'))
def search2(name):
    if name == 'weird2':
        return codecs.CodecInfo(lambda s, e='strict': 7, lambda b, e='strict': (5, 1), name='weird2')
codecs.register(search2)
t(lambda: codecs.encode('abc', 'weird2'))
t(lambda: codecs.decode(b'abc', 'weird2'))
t(lambda: 'abc'.encode('weird2'))
t(lambda: b'abc'.decode('weird2'))
`)
}
