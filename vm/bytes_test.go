package vm_test

import (
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// TestBytesMethods covers the methods bytes and bytearray share, their
// constructors, repr, indexing, operators and argument errors.
func TestBytesMethods(t *testing.T) {
	checkExprs(t, `
b'abc'.find('a')
b'abc'.find(256)
b'abc'.find(-1)
b'abc'.find(98)
b'abc'.find(1.5)
b'abc'.find(bytearray(b'b'))
b'abc'.find(memoryview(b'c'))
b'abc'.index(b'z')
b'abc'.rindex(120)
b'abc'.startswith('a')
b'abc'.startswith((b'x', 'a'))
b'abc'.startswith((b'a', 'a'))
b'abc'.endswith(bytearray(b'c'))
b'abc'.hex(':')
b'abcdef'.hex(':', 2)
b'abcdef'.hex(':', -2)
b'abcde'.hex(b'-', 2)
b'abc'.hex('::')
b'abc'.hex('é')
b'abc'.hex(1)
b''.hex(':')
b'abc'.hex(sep=':', bytes_per_sep=0)
bytes.fromhex('61 62')
bytes.fromhex(' 6162 ')
bytes.fromhex('6')
bytes.fromhex('6x')
bytes.fromhex('61 6')
bytes.fromhex('61\t62')
bytes.fromhex('é')
bytearray.fromhex('ff')
bytes(3)
bytes(-1)
bytes('a')
bytes('a', 'ascii')
bytes('é', 'ascii')
bytes(1, 'ascii')
bytes(b'a', 'ascii')
bytes([1, 2, 300])
bytes([1, 'a'])
bytes([-1])
bytes(1.5)
bytes(None)
bytes(x=1)
bytes(source=b'a')
bytes(b'a', errors='strict')
bytes('a', errors='strict')
bytes(encoding='ascii')
bytes(2**70)
bytes(range(3))
bytes(iter([1,2]))
bytes(memoryview(b'ab'))
bytes(bytearray(b'x'))
bytearray(3)
bytearray('a')
bytearray('é', 'utf-8')
bytearray([1,2])
bytearray(1, 2, 3, 4)
bytearray(x=1)
bytearray(-1)
bytearray([256])
b'a\x00\'"\n\t\x7f\x80\xff'
b'\''
b'"'
b'\'"'
bytearray(b'\'"')
str(b'ab')
repr(bytearray())
b'abc'[1]
b'abc'[-1]
b'abc'[3]
b'abc'[1:]
b'abc'[::-1]
bytearray(b'abc')[3]
bytearray(b'abc')[::2]
b'ab' + b'cd'
b'ab' + bytearray(b'cd')
bytearray(b'ab') + b'cd'
b'ab' + memoryview(b'x')
b'ab' + 'c'
b'ab' + 1
bytearray(b'ab') + 'c'
b'ab' * 3
3 * b'ab'
bytearray(b'ab') * 2
b'ab' * 'x'
b'a' in b'abc'
97 in b'abc'
300 in b'abc'
'a' in b'abc'
bytearray(b'b') in b'abc'
1.5 in b'abc'
memoryview(b'a') in bytearray(b'abc')
b'abc' == bytearray(b'abc')
b'abc' < b'abd'
b'abc' < bytearray(b'b')
b'a' < 'a'
b'a' == 'a'
bytearray(b'a') < 'b'
b'a' < memoryview(b'b')
hash(b'abc')
hash(b'')
hash(bytearray(b'a'))
list(b'ab')
list(bytearray(b'ab'))
len(b'abc')
b'abc'.split(b'b')
b' a  b '.split()
b' a  b '.rsplit(None, 1)
b'a\x0bb\x1cc'.split()
b'a\nb\r\nc\rd\x0be'.splitlines()
b'a\nb'.splitlines(True)
b'abc'.replace(b'b', b'XX')
b'abc'.replace(b'', b'-')
b'abc'.replace(b'', b'-', 2)
b'-'.join([b'a', bytearray(b'b'), memoryview(b'c')])
b'-'.join([b'a', 'b'])
bytearray(b'-').join([b'a'])
b'  ab  '.strip()
b'xxaxx'.strip(b'x')
b'xxaxx'.lstrip(bytearray(b'x'))
b'abc'.strip(None)
b'\x1c a\x1c'.strip()
b'\x0ba\x0b'.strip()
b'ab'.center(6, b'*')
b'ab'.center(6, '*')
b'ab'.center(6, b'**')
b'ab'.ljust(5, bytearray(b'-'))
b'-5'.zfill(4)
b'a\tb'.expandtabs(4)
b'hello World'.title()
b'hELLO'.capitalize()
b'aB\xe9'.swapcase()
b'\xe9'.upper()
b'ab1'.isalnum()
b'ab'.isalpha()
b'12'.isdigit()
b''.isdigit()
b' \t\x0b'.isspace()
b'\x1c'.isspace()
b'Ab Cd'.istitle()
b'ab'.islower()
b'AB1'.isupper()
b'\x80'.isascii()
b'abc'.translate(None, b'b')
b'abc'.translate(bytes.maketrans(b'abc', b'xyz'))
b'abc'.translate(b'x')
b'abc'.translate(None, delete=b'a')
bytes.maketrans(b'ab', b'c')
len(bytes.maketrans(b'', b''))
b'abc'.partition(b'b')
b'abc'.rpartition(b'x')
bytearray(b'abc').partition(b'b')
b'abc'.partition(b'')
b'abc'.removeprefix(b'ab')
bytearray(b'abc').removesuffix(b'c')
b'abc'.decode()
b'%s' % b'x'
b'abc'.__getnewargs__()
b'abc'.__sizeof__()
b''.__sizeof__()
b'abc'.count(b'')
b'abc'.split(b'')
b'abc'.rsplit(b'b', maxsplit=0)
bytearray(b'a b').split()
b'  '.split()
b''.split(b'x')
b'abc'.strip() 
b'a b'.title()
b'aBc DeF'.capitalize()
b'\xe9a'.title()
b'abc'.count(98, 1)
b'abc'.index(b'c', -1)
b'abc'.rfind(b'', 1, 2)
b'abc'.center(5, b'\xff')
b'abc'.hex(':', 2**70)
b'abc'.hex(bytes_per_sep=2)
b'abc'.hex(None)
b'abcdef'.hex(b':', 4)
b'abcdef'.hex(b':', -4)
bytes.fromhex('0a0B')
bytes.fromhex('')
bytes.fromhex('  ')
bytes.fromhex('a b')
bytes.fromhex('\x0b61')
bytes.fromhex('61\x1c')
bytes.fromhex('61\u3000')
b'ab\ncd'.splitlines(keepends=1)
b'abc'.translate(None)
b'abc'.translate(None, 'a')
b'abc'.translate(b'x'*256, delete=None)
bytes.maketrans(bytearray(b'a'), memoryview(b'b'))[97]
b'a%sb' % 1
b'abc'.zfill(-1)
b'+'.zfill(3)
b''.zfill(3)
b'a\tb\r\tc'.expandtabs(2)
b'\xe9\tb'.expandtabs(4)
b'ab'.join([])
b'ab'.join([b'x'])
b''.join([bytearray(b'x')])
b'-'.join(x for x in [b'a', b'b'])
b'abc'.isalnum()
b'a_b'.isalnum()
b''.islower()
b'1'.islower()
b'abc' * -1
bytearray(b'abc') * -1
b'abc'[-4]
b'abc'[2**63]
bytearray(b'abc')[-4]
`)
}

// TestByteArrayMutation covers item and slice assignment, deletion, += and
// *=, and the list-like methods of bytearray.
func TestByteArrayMutation(t *testing.T) {
	checkLines(t, `
def m(f):
    b = bytearray(b'abcdef')
    try:
        f(b)
    except Exception as e:
        print(type(e).__name__, e, b)
    else:
        print(b)
def f0(b):
    b[0] = 65
m(f0)
def f1(b):
    b[0] = 256
m(f1)
def f2(b):
    b[0] = 'a'
m(f2)
def f4(b):
    b[-1] = 1
m(f4)
def f5(b):
    b[6] = 1
m(f5)
def f6(b):
    b['x'] = 1
m(f6)
def f7(b):
    b[1:3] = b'XYZ'
m(f7)
def f8(b):
    b[1:3] = []
m(f8)
def f9(b):
    b[1:3] = [1, 2, 3]
m(f9)
def f10(b):
    b[1:3] = 'ab'
m(f10)
def f11(b):
    b[1:3] = 5
m(f11)
def f12(b):
    b[::2] = b'xyz'
m(f12)
def f13(b):
    b[::2] = b'xy'
m(f13)
def f14(b):
    b[::-1] = b'ABCDEF'
m(f14)
def f15(b):
    b[1:1] = b'zz'
m(f15)
def f16(b):
    b[10:] = b'zz'
m(f16)
def f17(b):
    b[1:3] = bytearray(b'Q')
m(f17)
def f18(b):
    b[1:3] = memoryview(b'QQ')
m(f18)
def f19(b):
    b[:] = b
m(f19)
def f20(b):
    b[2:4] = b
m(f20)
def f21(b):
    del b[0]
m(f21)
def f22(b):
    del b[1:3]
m(f22)
def f23(b):
    del b[::2]
m(f23)
def f24(b):
    del b[10]
m(f24)
def f25(b):
    del b['a']
m(f25)
def f26(b):
    del b[::-2]
m(f26)
def f27(b):
    b += b'xy'
m(f27)
def f28(b):
    b += 'x'
m(f28)
def f29(b):
    b += [1]
m(f29)
def f30(b):
    b *= 2
m(f30)
def f31(b):
    b *= 0
m(f31)
def f32(b):
    b *= 'x'
m(f32)
def f33(b):
    b += memoryview(b'z')
m(f33)
def f34(b):
    b.append(66)
m(f34)
def f35(b):
    b.append(256)
m(f35)
def f36(b):
    b.append(-1)
m(f36)
def f37(b):
    b.extend(b'xy')
m(f37)
def f38(b):
    b.extend([1, 2])
m(f38)
def f39(b):
    b.extend(range(3))
m(f39)
def f40(b):
    b.extend(iter([70, 71]))
m(f40)
def f41(b):
    b.extend([1, 300])
m(f41)
def f42(b):
    b.extend(['a'])
m(f42)
def f43(b):
    b.extend(x for x in [72])
m(f43)
def f44(b):
    print(b.pop())
m(f44)
def f45(b):
    print(b.pop(0))
m(f45)
def f46(b):
    print(b.pop(-2))
m(f46)
def f47(b):
    b.pop(10)
m(f47)
def f48(b):
    bytearray().pop()
m(f48)
def f49(b):
    b.insert(0, 65)
m(f49)
def f50(b):
    b.insert(100, 65)
m(f50)
def f51(b):
    b.insert(-100, 65)
m(f51)
def f52(b):
    b.insert(0, 256)
m(f52)
def f53(b):
    b.insert(2**70, 1)
m(f53)
def f54(b):
    b.remove(99)
m(f54)
def f55(b):
    b.remove(120)
m(f55)
def f56(b):
    b.remove(300)
m(f56)
def f57(b):
    b.reverse()
m(f57)
def f58(b):
    b.clear()
m(f58)
def f59(b):
    print(b.copy() is b, b.copy())
m(f59)
def f60(b):
    b[0:2] = (x for x in [1, 2])
m(f60)
def f61(b):
    b[5:1] = b'q'
m(f61)
def f62(b):
    b[1:3:1] = b'w'
m(f62)
def f63(b):
    b.extend(b)
m(f63)
def f64(b):
    print(b.__alloc__())
m(f64)
def f65(b):
    b.__init__(b'q')
m(f65)
def f66(b):
    b.__init__()
m(f66)
def f67(b):
    b.__init__(3)
m(f67)
def f68(b):
    b.__init__('é', 'utf-8')
m(f68)
for r in (bytearray(b'abc').__reduce_ex__(2), bytearray(b'a\xff').__reduce__(), bytearray().__reduce__()):
    print(r[:2], r[2] is None)
class BA(bytearray): pass
x = BA(b'q'); x.foo = 1
print(x.__reduce__(), BA(b'q'), repr(BA(b'q')), str(BA(b'q')), type(x + b'a'), type(x.upper()))
class BS(bytes): pass
print(BS(b'q'), BS(b'q') + b'x', type(BS(b'q')[:]), type(bytes(BS(b'q'))), repr(BS(b'q')), type(BS.fromhex('61')), BS.fromhex('61'))
print(bytearray(b'abc') == bytearray(b'abc'), bytearray(b'abc') < b'abd', bytearray(b'x') != memoryview(b'x'), hash(b'xyz') == hash(BS(b'xyz')))
`)
}

// TestCodecs covers str.encode, bytes.decode and str(bytes, …) with the
// UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 codecs, their error handlers and
// the Unicode errors they raise.
func TestCodecs(t *testing.T) {
	checkLines(t, `
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'start', ''), getattr(e, 'end', ''), repr(getattr(e, 'object', '')), getattr(e, 'encoding', ''))
    else:
        print(repr(r))
t(lambda: b'a'.decode(errors='foo'))
t(lambda: 'a'.encode(errors='foo'))
t(lambda: 'é'.encode('ascii', errors='foo'))
t(lambda: 'aéè€b'.encode('ascii'))
t(lambda: 'aé'.encode('latin-1'))
t(lambda: 'a€'.encode('latin-1'))
t(lambda: 'a\ud800b'.encode('utf-8'))
t(lambda: 'a\ud800\udc00b'.encode('utf-8'))
t(lambda: 'a\ud800b'.encode('utf-8', 'surrogatepass'))
t(lambda: 'a\udcffb'.encode('utf-8', 'surrogateescape'))
t(lambda: 'a\udcffb'.encode('ascii', 'surrogateescape'))
t(lambda: 'a\ud800b'.encode('utf-8', 'surrogateescape'))
t(lambda: 'aé€😀'.encode('ascii', 'replace'))
t(lambda: 'aé€😀'.encode('ascii', 'ignore'))
t(lambda: 'aé€😀'.encode('ascii', 'backslashreplace'))
t(lambda: 'aé€😀'.encode('ascii', 'xmlcharrefreplace'))
t(lambda: 'aé€😀'.encode('ascii', 'namereplace'))
t(lambda: 'aé€😀\ud800'.encode('utf-16'))
t(lambda: 'aé€😀'.encode('utf-16-be'))
t(lambda: 'aé€😀'.encode('utf-32'))
t(lambda: 'a\ud800'.encode('utf-16'))
t(lambda: 'a\ud800'.encode('utf-32-le'))
t(lambda: 'a\ud800'.encode('utf-16', 'surrogatepass'))
t(lambda: b'a\xff\xfeb'.decode('utf-8'))
t(lambda: b'a\xe2\x82'.decode('utf-8'))
t(lambda: b'a\xe2\x82b'.decode('utf-8'))
t(lambda: b'a\xed\xa0\x80b'.decode('utf-8'))
t(lambda: b'a\xf4\x90\x80\x80b'.decode('utf-8'))
t(lambda: b'a\xc0\x80b'.decode('utf-8'))
t(lambda: b'a\xe2\x82b\xff'.decode('utf-8', 'replace'))
t(lambda: b'a\xf0\x9f\x98'.decode('utf-8', 'replace'))
t(lambda: b'a\xe2\x82b\xff'.decode('utf-8', 'ignore'))
t(lambda: b'a\xe2\x82b\xff'.decode('utf-8', 'backslashreplace'))
t(lambda: b'a\xe2\x82b\xff'.decode('utf-8', 'surrogateescape'))
t(lambda: b'a\xed\xa0\x80b'.decode('utf-8', 'surrogatepass'))
t(lambda: b'a\x80'.decode('ascii'))
t(lambda: b'a\x80\x81'.decode('ascii', 'replace'))
t(lambda: b'a\x80'.decode('latin-1'))
t(lambda: b'a\x00b'.decode('utf-16'))
t(lambda: b'\xff\xfea\x00b\x00'.decode('utf-16'))
t(lambda: b'\xfe\xff\x00a'.decode('utf-16'))
t(lambda: b'a\x00\x00\xd8b\x00'.decode('utf-16-le'))
t(lambda: b'a\x00\x00\xd8'.decode('utf-16-le'))
t(lambda: b'a\x00\x00\xdcb\x00'.decode('utf-16-le'))
t(lambda: b'a\x00\x00'.decode('utf-32'))
t(lambda: b'a\x00\x00\x00\x00\x00\x11\x00'.decode('utf-32'))
t(lambda: b'a\x00\x00\x00\x00\xd8\x00\x00'.decode('utf-32'))
t(lambda: b'a\x00\x00\xd8b\x00'.decode('utf-16-le', 'replace'))
t(lambda: b'a\x00\x00'.decode('utf-32', 'replace'))
t(lambda: 'a'.encode('hex'))
t(lambda: b'a'.decode('rot13'))
t(lambda: 'a'.encode('UTF_8'))
t(lambda: 'a'.encode(' utf 8 '))
t(lambda: 'a'.encode('utf-8-sig'))
t(lambda: b'\xef\xbb\xbfa'.decode('utf-8-sig'))
t(lambda: str(1, 2))
t(lambda: str(b'abc', 'ascii'))
t(lambda: str(b'abc', encoding='ascii'))
t(lambda: str(b'abc', errors='strict'))
t(lambda: str('abc', 'ascii'))
t(lambda: str(1, 2, 3, 4))
t(lambda: str(object=5))
t(lambda: str(x=5))
t(lambda: str(b'a', 1))
t(lambda: str(bytearray(b'a'), 'utf-8'))
t(lambda: str(memoryview(b'a'), 'utf-8'))
t(lambda: str(b'\xff', 'utf-8'))
t(lambda: str(b'\xff', 'utf-8', 'replace'))
t(lambda: str(b'\xff', 'foo'))
t(lambda: str(b'\xff', errors='foo'))
t(lambda: str(b'a'))
t(lambda: str(bytearray(b'a')))
t(lambda: str([1, 'a']))
t(lambda: str.__new__(int))
t(lambda: str.__new__(str, 5))
t(lambda: str(1, encoding=None))
t(lambda: str(encoding='ascii'))
t(lambda: str(b'a', 'utf8', None))
t(lambda: str(b'a', 'UTF-8'))
t(lambda: str(b'a', 'latin1'))
t(lambda: 'a\'"\\\t\n\r\x00\x7f\x80é€😀\ud800'.encode('unicode_escape'))
t(lambda: 'a\'"\\\t\n\r\x00\x7f\x80é€😀\ud800'.encode('raw_unicode_escape'))
t(lambda: b'a\\n\\t\\\\\\\'\\"\\a\\b\\f\\v\\0\\101\\1234\\x41\\u00e9\\U0001F600\\N{EURO SIGN}\\\nz\xe9'.decode('unicode_escape'))
t(lambda: b'\\x4'.decode('unicode_escape'))
t(lambda: b'\\x4g'.decode('unicode_escape'))
t(lambda: b'ab\\'.decode('unicode_escape'))
t(lambda: b'\\u12'.decode('unicode_escape'))
t(lambda: b'\\U00110000'.decode('unicode_escape'))
t(lambda: b'\\N{FOO}'.decode('unicode_escape'))
t(lambda: b'\\N{EURO'.decode('unicode_escape'))
t(lambda: b'\\Nx'.decode('unicode_escape'))
t(lambda: b'\\x4g\\x'.decode('unicode_escape', 'replace'))
t(lambda: b'\\x4g\\x'.decode('unicode_escape', 'backslashreplace'))
t(lambda: b'\\u00e9\\x41\\n\\U0001F600\xff'.decode('raw_unicode_escape'))
t(lambda: b'\\u12'.decode('raw_unicode_escape'))
t(lambda: b'\\U00110000'.decode('raw_unicode_escape'))
t(lambda: b'\\'.decode('raw_unicode_escape'))
t(lambda: b'\\\\u0041'.decode('raw_unicode_escape'))
t(lambda: 'é'.encode('unicode-escape'))
t(lambda: 'é'.encode('unicode escape'))
t(lambda: 'é'.encode('UNICODE_ESCAPE'))
t(lambda: b'a\x80\x81\x82'.decode('cp1252'))
t(lambda: b'a\x80\x81\x8d\x82'.decode('cp1252', 'replace'))
t(lambda: b'a\x81'.decode('cp1252', 'surrogateescape'))
t(lambda: b'a\x81'.decode('cp1252', 'backslashreplace'))
t(lambda: 'a€é\u0100\u0101b'.encode('cp1252'))
t(lambda: 'a\u0100\u0101b'.encode('cp1252', 'replace'))
t(lambda: 'a\u0100\u0101b'.encode('cp1252', 'xmlcharrefreplace'))
t(lambda: 'a\udc81b'.encode('cp1252', 'surrogateescape'))
t(lambda: 'aé'.encode('cp437'))
t(lambda: b'\x82'.decode('cp437'))
t(lambda: 'привет'.encode('koi8-r'))
t(lambda: b'\xd0\xd2'.decode('koi8_r'))
t(lambda: 'é'.encode('iso8859-15'))
t(lambda: 'é'.encode('mac-roman'))
t(lambda: 'a'.encode('rot13'))
t(lambda: 'a'.encode('base64'))
t(lambda: 'a'.encode('undefined'))
t(lambda: b'a'.decode('undefined'))
t(lambda: 'a'.encode('charmap'))
t(lambda: 'a'.encode('mbcs'))
t(lambda: 'a'.encode('tis-620'))
t(lambda: 'a'.encode('hp_roman8'))
for name in ['utf-8', 'UTF8', 'u8', 'utf_8', 'ascii', 'US-ASCII', '646', 'latin-1', 'L1', 'iso-8859-1', 'iso8859_1', 'cp819', 'utf-16', 'UTF-16LE', 'utf_16_be', 'utf-32', 'utf-32-le', 'U32', 'utf-8-sig', 'x-unknown', 'utf 8', 'utf--8']:
    t(lambda: ('aé€😀'.encode(name), b'abc'.decode(name)))
t(lambda: UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad'))
t(lambda: str(UnicodeDecodeError('utf-8', bytearray(b'\xffab'), 0, 2, 'bad')))
t(lambda: str(UnicodeDecodeError('utf-8', b'\xff', 5, 7, 'bad')))
t(lambda: UnicodeDecodeError('utf-8', '\xff', 0, 1, 'bad'))
t(lambda: UnicodeDecodeError('utf-8', b'\xff', 0, 1))
t(lambda: UnicodeDecodeError())
t(lambda: UnicodeDecodeError(1, b'', 0, 1, 'x'))
t(lambda: UnicodeDecodeError('a', b'', 'x', 1, 'x'))
t(lambda: str(UnicodeEncodeError('ascii', 'a\xe9', 1, 2, 'bad')))
t(lambda: str(UnicodeEncodeError('ascii', 'a\u20ac', 1, 2, 'bad')))
t(lambda: str(UnicodeEncodeError('ascii', 'a\U0001f600', 1, 2, 'bad')))
t(lambda: str(UnicodeEncodeError('ascii', 'abc', 1, 3, 'bad')))
t(lambda: UnicodeEncodeError('ascii', b'abc', 1, 3, 'bad'))
t(lambda: str(UnicodeTranslateError('a\xe9', 1, 2, 'bad')))
t(lambda: str(UnicodeTranslateError('abc', 0, 2, 'bad')))
e = UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad')
print(e.encoding, e.object, e.start, e.end, e.reason, e.args)
e.start = 5; e.reason = 'zz'; print(str(e))
e.end = 6; print(str(e))
e = UnicodeEncodeError('ascii', 'abc', -5, 100, 'x'); print(e.start, e.end, str(e))
t(lambda: UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad', 6))
class U(UnicodeDecodeError): pass
print(str(U('utf-8', b'\xff', 0, 1, 'bad')), repr(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad')))
t(lambda: UnicodeDecodeError('utf-8', memoryview(b'\xff'), 0, 1, 'bad').object)
try:
    b'\xff'.decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
try:
    'x\udcff'.encode('ascii')
except UnicodeError as e:
    print(type(e).__name__, e.encoding, ascii(e.object), e.start, e.end, e.reason, ascii(e.args))
`)
}

// TestMemoryView covers memoryview over bytes and bytearray: indexing,
// slicing, assignment, comparison, hashing, the methods and attributes,
// release and the context manager.
func TestMemoryView(t *testing.T) {
	checkExprsWith(t, `
def mv(r):
    return ('MV', r.tobytes(), r.readonly) if isinstance(r, memoryview) else r
m = memoryview(b'abc'); ba = bytearray(b'xyz'); mb = memoryview(ba)
r = memoryview(b'q'); r.release()
`, `
mv(m[0])
mv(m[-1])
mv(m[3])
mv(m[1:])
mv(m[::-1])
mv(m['a'])
mv(len(m))
mv(m.tobytes())
mv(m.tolist())
mv(m.hex())
mv(m.hex(':'))
mv(m.nbytes)
mv(m.readonly)
mv(m.itemsize)
mv(m.format)
mv(m.ndim)
mv(m.shape)
mv(m.strides)
mv(m.suboffsets)
mv(m.c_contiguous)
mv(m.contiguous)
mv(m.f_contiguous)
mv(m.obj is not None)
mv(m == b'abc')
mv(m == bytearray(b'abc'))
mv(m == m)
mv(m == 'abc')
mv(m < m)
mv(hash(m) == hash(b'abc'))
mv(list(m))
mv(b'b' in m)
mv(98 in m)
mv(bytes(m))
mv(bytearray(m))
mv(m.toreadonly())
mv(m.tobytes('C'))
mv(m.tobytes('x'))
mv(m.tobytes(order=None))
mv(mb.readonly)
mv(m.__setitem__(0, 65))
mv(r[0])
mv(len(r))
mv(r.tobytes())
mv(r.release() is None)
mv(r.obj)
mv(r == r)
mv(r.nbytes)
mv(memoryview(1))
mv(memoryview('a'))
mv(memoryview())
mv(memoryview(b'a', b'b'))
mv(memoryview(object=b'a').tobytes())
mv(memoryview(m).tobytes())
mv(m.cast('B').tolist())
mv(m.cast('c').tolist())
mv(m.cast('b').tolist())
mv(m.cast('x'))
mv(mb.__setitem__(0, 65) or ba)
mv(mb.__setitem__(slice(1,3), b'QQ') or ba)
mv(mb.__setitem__(slice(1,3), b'Q'))
mv(mb.__setitem__(0, 256))
mv(mb.__setitem__(0, b'a'))
mv(mb.__delitem__(0))
mv(mb[::2].tolist())
mv(mb[::-1])
mv(mb[1:][::-1].tolist())
mv(memoryview(bytearray(b'abcdef'))[1:5][::2].tobytes())
mv(len(memoryview(b'abcdef')[::3]))
mv(memoryview(b'abcdef')[::2].strides)
mv(memoryview(b'abcdef')[::2].c_contiguous)
mv(memoryview(b'abc') == memoryview(bytearray(b'abc')))
mv(memoryview(b'abc') != b'abd')
mv(repr(r).startswith('<released memory at 0x'))
mv(repr(m).startswith('<memory at 0x'))
mv(type(iter(m)).__name__)
mv(m.cast('c')[1])
mv(m.cast('b').format)
mv(memoryview(b'\xff').cast('b')[0])
mv(b'ab'.__buffer__(0))
mv(b'ab'.__buffer__())
mv(b'ab'.__buffer__('x'))
mv(b'ab'.__buffer__(-1))
mv(bytearray(b'ab').__buffer__(0))
mv(memoryview(b'ab').__buffer__(0))
mv(bytearray(b'ab').__release_buffer__(memoryview(b'x')))
mv(memoryview(b'ab').__release_buffer__(memoryview(b'x')))
mv(bytearray(b'ab').__release_buffer__(1))
`)
	checkLines(t, `
with memoryview(b'ab') as x:
    print(x.tobytes())
print(repr(x)[:21])
try:
    x[0]
except Exception as e:
    print(type(e).__name__, e)
b2 = bytearray(b'ab')
with memoryview(b2) as y:
    try:
        b2.append(1)
    except Exception as e:
        print(type(e).__name__, e)
    y[0] = 120
b2.append(1)
print(b2)
`)
}

// TestByteArrayRandomized runs random sequences of bytearray mutations and
// queries (testdata/barandom.py) under the VM and CPython.
func TestByteArrayRandomized(t *testing.T) {
	oracle.Require(t)
	gen := oracle.Run(t, nil, "testdata/barandom.py", "1", "300")
	if gen.ExitCode != 0 {
		t.Fatalf("barandom.py: %s", gen.Stderr)
	}
	checkLines(t, string(gen.Stdout))
}

// TestUnicodeEscapeWarnings checks the DeprecationWarning of invalid
// escapes (once per location, in __main__), where the VM can warn.
func TestUnicodeEscapeWarnings(t *testing.T) {
	if _, stderr, _ := runVM(t, "probe.py", []byte("b'\\\\z'.decode('unicode_escape')\n"), ""); stderr == "" {
		t.Skip("the VM cannot issue warnings yet")
	}
	checkProgram(t, `
print(b'\\z\\q'.decode('unicode_escape'))
print(b'\\\xe9'.decode('unicode_escape'))
print(b'\\777\\z'.decode('unicode_escape'))
for i in range(2):
    print(b'\\y'.decode('unicode_escape'))
print(b'\\8'.decode('raw_unicode_escape'))
print(b'\\400'.decode('unicode_escape'))
`)
}
