package vm_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// tPrelude defines t(f): print repr(f()) or the exception f raises, so
// that a test program can list expressions one a line.
const tPrelude = `def t(f):
    try:
        r = f()
    except KeyError as e:
        print('KeyError', repr(e.args[0]))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
`

// checkExprs checks a program made of t(lambda: …) lines, one for each
// expression, against the oracle.
func checkExprs(t *testing.T, exprs string) {
	t.Helper()
	checkExprsWith(t, "", exprs)
}

// checkExprsWith is checkExprs with definitions run first.
func checkExprsWith(t *testing.T, prelude, exprs string) {
	t.Helper()
	var b strings.Builder
	b.WriteString(tPrelude)
	b.WriteString(prelude)
	for _, line := range strings.Split(exprs, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		b.WriteString("t(lambda: (" + line + "))\n")
	}
	checkLines(t, b.String())
}

// checkLines is checkProgram for programs that print many lines: a
// mismatch reports the lines that differ, with the line of the program
// that printed them when each prints one.
func checkLines(t *testing.T, src string) {
	t.Helper()
	oracle.Require(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "prog.py")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	want := oracle.Run(t, nil, path)
	stdout, stderr, code := runVM(t, path, []byte(src), "")
	if stderr != string(want.Stderr) || code != want.ExitCode {
		t.Errorf("exit %d, stderr:\n%s\nCPython: exit %d, stderr:\n%s", code, stderr, want.ExitCode, want.Stderr)
	}
	got, exp := strings.Split(stdout, "\n"), strings.Split(string(want.Stdout), "\n")
	var progLines []string
	for _, l := range strings.Split(src, "\n") {
		if strings.HasPrefix(l, "t(") {
			progLines = append(progLines, l)
		}
	}
	bad := 0
	for i := 0; i < max(len(got), len(exp)); i++ {
		var g, e string
		if i < len(got) {
			g = got[i]
		}
		if i < len(exp) {
			e = exp[i]
		}
		if g != e {
			where := ""
			if i < len(progLines) && len(got) == len(exp) {
				where = progLines[i]
			}
			t.Errorf("line %d %s\n  peephole: %s\n  CPython:  %s", i+1, where, g, e)
			if bad++; bad > 20 {
				t.Fatal("too many differences")
			}
		}
	}
}

// TestStrSearch covers find/index/count/startswith/endswith and their
// argument errors.
func TestStrSearch(t *testing.T) {
	checkExprs(t, `
'abc'.find('a', 'x')
'abc'.find('a', None, None)
'abc'.startswith(('a', 1))
'abc'.startswith(('x', 1))
'abc'.startswith((), 0)
'abc'.center('a')
'abc'.center(2**70)
'abc'.center(-5)
'abc'.center(10, 'ab')
'abc'.center(10, '')
'abc'.zfill('a')
'abc'.expandtabs('a')
'abc'.split(None, 'a')
'abc'.split('')
'abc'.replace('a','b','c')
'abc'.replace('a','b',count=1)
'abc'.replace('','-')
'abc'.replace('','-', 2)
''.replace('','-')
'abc'.splitlines(keepends='x')
'a\x1cb\x1dc\x1ed\x85e\u2028f\r\ng'.splitlines()
'abc'.join([1])
'abc'.join(['a', 1])
'abc'.maketrans({'ab': 1})
'abc'.maketrans({1.5: 1})
str.maketrans('ab', 'c')
str.maketrans('ab', 'cd', 5)
str.maketrans({'a': 'b', 98: None})[97], str.maketrans({'a': 'b', 98: None})[98] is None
'abc'.translate({97: 'xyz', 98: None, 99: 300})
'abc'.translate({97: 2**40})
'abc'.translate({97: 1.5})
'abc'.translate({97: -1})
'abc'.translate([])
'abc'.translate('xyz')
'abc'.encode('ascii', 5)
'abc'.encode(errors=5)
'abc'.expandtabs(-1)
'a\tb'.expandtabs(-1)
'abc'.zfill(2**70)
'abc'.ljust(2**62)
'x'.count('')
'abc'.count('', 1, 2)
'abc'.count('', 5)
'abc'.find('', 3)
'abc'.find('', 4)
'abc'.index('z')
'abc'.rindex('z')
'abc'.split('b', 'x')
'abc'.split(maxsplit=1.5)
'abc'.rsplit(sep=None, maxsplit=2**70)
'aXbXc'.rsplit('X', 1)
'  a b  c  '.rsplit(None, 1)
'  a b  c  '.split(None, 1)
'abc'.partition('')
'abc'.rpartition('')
'abc'.strip('')
'abc'.removeprefix(b'a')
'abc'.__getitem__(1.5)
'abc'[2**70]
'abc'[5]
'abc' + 1
1 + 'abc'
'abc' * 'x'
'abc' * 2**70
'abc' < 1
'ab' in 'xaby'
1 in 'abc'
'abc'.__contains__(b'a')
'ééaé'.find('a'), 'ééaéa'.rfind('a'), 'ééaé'.find('é', 1), 'ééaé'.find('é', 2, 3), 'é€😀a😀'.index('😀', 3), 'é€😀a😀'.rindex('😀', 0, 4)
'é€😀a😀'.count('😀'), 'é€😀a😀'.count(''), 'é€😀a😀'.startswith('😀', 2), 'é€😀a😀'.endswith(('x', '😀a'), 0, 4)
'abc'.find('c', -1), 'abc'.find('c', -10, -1), 'abc'.rfind('', 1, 2), 'aaa'.count('aa'), 'abc'.index('c', 2**80)
'abc'.find('b', True), 'abc'.startswith('b', 1.0)
`)
}

// TestStrSplitJoin covers split, rsplit, splitlines, partition, join,
// the strip family, padding, replace, translate and maketrans.
func TestStrSplitJoin(t *testing.T) {
	checkExprs(t, `
z
zd
.2
+c
#c
c
,c
,x
_x
_b
,_
_,
,,
__
.
.x
xx
10.2xx
q

é
=10
010
0=10
x<10
<010
#010x
#X
n
,n
_n
,d
' a\u2003b\x1fc  d\u3000'.split(), ' a\u2003b\x1fc  d\u3000'.rsplit(None, 2), 'é,ü,,😀'.split(','), 'é,ü,,😀'.rsplit(',', 1), 'a--b--c'.split('--', 1)
'é😀é'.partition('😀'), 'é😀é'.rpartition('é'), 'abc'.partition('x'), 'abc'.rpartition('x'), 'é😀é'.strip('é'), '😀é😀'.rstrip('😀'), '  é  '.lstrip()
'é'.center(5, '😀'), 'é'.ljust(3, 'x'), 'é'.rjust(3), 'é😀'.replace('😀', 'ab'), 'é😀'.replace('', '-'), 'aaaa'.replace('a', 'b', 2), 'aaaa'.replace('aa', '')
'éa😀'.translate({ord('é'): 'e', ord('😀'): None}), 'abc'.translate(str.maketrans('abc', 'xyz', 'b')), 'abc'.removeprefix('ab'), 'abc'.removesuffix('bc'), 'abc'.removesuffix('')
'x'.join(('é', '😀')), ''.join(map(str, range(5))), 'a'.join('é😀'), 'é\n😀\r\n'.splitlines(), 'é\n😀\r\n'.splitlines(keepends=True), ''.splitlines(), '\n'.splitlines()
'é\t😀\tx'.expandtabs(3), '\t'.expandtabs(0), 'é'.zfill(3), '-é'.zfill(4), ''.zfill(2), 'abc'.__getnewargs__()
`)
}

// TestStrCase covers the case methods and predicates, with Unicode's
// special cases.
func TestStrCase(t *testing.T) {
	checkExprs(t, `
_d
%
.0%
e
#o
99999999999999999999
.99999999999999999999
010,
011_x
=+10
^+10
 
-
+
+010,
'hello WORLD 3x'.capitalize(), 'HELLO'.swapcase(), 'ǆemal ǈ'.title(), 'ŉ'.upper(), 'ΐ'.upper(), 'ᾳ'.upper(), 'ᾳ'.title(), 'ᾼ'.lower(), 'ﬃ'.upper(), 'İstanbul'.lower()
'abc'.isalpha(), 'ab1'.isalpha(), ''.isalpha(), 'Ⅻ'.isnumeric(), 'Ⅻ'.isdigit(), '٣'.isdecimal(), '①'.isdigit(), '①'.isdecimal(), '½'.isnumeric(), '𝟘'.isdecimal()
' \t\x1c\x85\u2028'.isspace(), ''.isspace(), '\u200b'.isspace(), 'a\x00'.isprintable(), ''.isprintable(), '\xa0'.isprintable(), 'é'.isascii(), ''.isascii()
'abc'.islower(), 'aBc'.islower(), '123'.islower(), 'ǅ'.isupper(), 'ABC1'.isupper(), 'Hello World'.istitle(), 'Hello world'.istitle(), 'ǅa Bb'.istitle(), ''.istitle()
'a1_'.isidentifier(), '1a'.isidentifier(), '_'.isidentifier(), 'é𝔘'.isidentifier(), 'a-b'.isidentifier(), ''.isidentifier(), 'ª'.isidentifier()
'\U0002EBF0'.isalpha(), '\U0002EBF0'.isidentifier(), '\u31EF'.isprintable(), '\u2FFC'.isalpha(), 'ꭰ'.upper(), 'ſ'.casefold(), 'ΣΑΣ\u0345Σ'.lower()
`)
}

// TestStrUnicodeSweep compares, block by block of 4096 code points, every
// predicate and case mapping of str (with the final-sigma contexts and
// identifier continuation) against the oracle, through the hash of a
// summary of each block (which checks str hashing too). The default
// samples the code points; PEEPHOLE_UNICODE_FULL=1 takes every one.
func TestStrUnicodeSweep(t *testing.T) {
	step := "1 if block < 0x3000 else 7 if block < 0x20000 or 0xE0000 <= block < 0xE1000 else 61"
	if os.Getenv("PEEPHOLE_UNICODE_FULL") == "1" {
		step = "1"
	}
	checkProgram(t, `
def flags(ch):
    f = 0
    if ch.isalpha(): f |= 1
    if ch.isdecimal(): f |= 2
    if ch.isdigit(): f |= 4
    if ch.isnumeric(): f |= 8
    if ch.islower(): f |= 16
    if ch.isupper(): f |= 32
    if ch.istitle(): f |= 64
    if ch.isspace(): f |= 128
    if ch.isprintable(): f |= 256
    if ch.isidentifier(): f |= 512
    if ch.isalnum(): f |= 1024
    return f
for block in range(0, 0x110000, 0x1000):
    parts = []
    step = `+step+`
    for c in range(block, block + 0x1000, step):
        ch = chr(c)
        parts.append(chr(48 + flags(ch)))
        for s in (ch.lower(), ch.upper(), ch.title(), ch.casefold(), ch.swapcase(), ('a' + ch).title(),
                  ('A' + ch + '\u03a3').lower(), ('A\u03a3' + ch).lower(), ('x' + ch).isidentifier() and 'I' or '',
                  repr(ch), ascii(ch), ch.encode('utf-8', 'surrogatepass').decode('latin-1')):
            if s != ch:
                parts.append(s)
    print(block, len(parts), hash(''.join(parts)))
`)
}

// TestStrCore covers the constructor, subclasses, indexing and slicing of
// non-ASCII text, comparison, hashing, the iterators and the slot
// wrappers.
func TestStrCore(t *testing.T) {
	checkExprsWith(t, `
class S(str):
    def __repr__(self): return 'S!'
class T(str): pass
class R:
    def __str__(self): return 'R!'
class Bad:
    def __str__(self): return 5
class SS:
    def __str__(self): return T('sub')
`, `
type(iter('abc')).__name__
type(iter('é')).__name__
type(iter(b'')).__name__
type(iter(bytearray())).__name__
iter('abc').__length_hint__()
list(iter('héllo'))
str()
str(5)
str(R())
str(Bad())
type(str(SS()))
str(SS())
str(S('x'))
type(str(S('x')))
repr(S('x'))
S('x') + 'y'
type(S('x') + 'y')
type(S('ab')[0])
type(S('ab')[:])
type(S('ab').upper())
type(S('ab').strip())
type(S('ab') * 1)
S('ab') == 'ab'
hash(S('ab')) == hash('ab')
{S('ab'): 1}['ab']
S('a') < 'b'
'x'.join([S('a'), T('b')])
type(''.join([T('b')]))
type(T('b').__str__())
type(T('b').__getnewargs__()[0])
str.__new__(S, 'q')
type(str.__new__(S, 'q'))
str.__new__(int)
str.__new__(str, b'a', 'ascii')
S(b'a', 'ascii')
T('abc').title()
T(5)
len(T('ab'))
'é😀x'[1]
'é😀x'[-1]
'é😀x'[::-1]
'é😀x'[1:]
'éabc'[1:3]
'é😀x😀'[::2]
'abc' * 0
'abc' * -1
'' * 5
'ab' in 'xaby'
'' in 'x'
'é' in 'aé'
'a' < 'é'
'é' < '😀'
'\ud800' < '\uffff'
'\uffff' < '\U00010000'
'\ud800' < '😀'
(lambda l: (l.sort(), l)[1])(['b', 'é', 'a', '😀', '\uffff', '\ud800'])
'abc'.__getitem__(slice(1, None))
'abc'[True]
len('é😀')
hash('é') == hash('é')
hash('') 
hash('a')
hash('é')
hash('😀')
hash('\ud800')
hash('aé')
str(b'x', 'latin-1', 'strict')
str(object='x')
str(errors='strict')
str(encoding='utf-8')
str(bytearray(b'\xff'), 'latin-1')
str(memoryview(b'abc')[1:], 'ascii')
'abc'.__contains__('b')
'a'.__mul__(3)
'a'.__rmul__(3)
'a'.__add__('b')
'a'.__add__(1)
'%s'.__mod__(3)
'abc'.__len__()
'abc'.__getitem__(-1)
'abc'.__eq__(1) is NotImplemented
'a'.__lt__('b')
'a'.__hash__() == hash('a')
'a'.__str__()
'a'.__repr__()
'a'.__format__('')
`)
}

// TestStrRandomized evaluates random calls of the str and bytes methods,
// codecs and formatting (generated by testdata/strrandom.py with fixed
// seeds) under the VM and CPython. PEEPHOLE_STR_SEEDS=N runs N seeds.
func TestStrRandomized(t *testing.T) {
	oracle.Require(t)
	seeds := 1
	if n, err := strconv.Atoi(os.Getenv("PEEPHOLE_STR_SEEDS")); err == nil {
		seeds = n
	}
	for seed := 1; seed <= seeds; seed++ {
		gen := oracle.Run(t, nil, "testdata/strrandom.py", strconv.Itoa(seed), "3000")
		if gen.ExitCode != 0 {
			t.Fatalf("strrandom.py: %s", gen.Stderr)
		}
		checkExprs(t, string(gen.Stdout))
	}
}

// TestStrIterators covers the pickling hooks and length hints of the
// iterators of str, bytes and bytearray.
func TestStrIterators(t *testing.T) {
	checkLines(t, `
it = iter('abc'); next(it)
print(it.__reduce__(), it.__length_hint__())
it.__setstate__(2); print(next(it))
it.__setstate__(-5); print(list(it))
it2 = iter('abc'); list(it2); print(it2.__reduce__())
bi = iter(b'xyz'); next(bi); print(bi.__reduce__(), bi.__length_hint__()); bi.__setstate__(0); print(list(bi))
bi2 = iter(bytearray(b'xyz')); print(bi2.__reduce__(), bi2.__length_hint__()); list(bi2); print(bi2.__reduce__())
print(98 in memoryview(b'abc'), b'b' in memoryview(b'abc'))
try: it.__setstate__('x')
except Exception as e: print(type(e).__name__, e)
print(iter('é').__reduce__())
`)
}
