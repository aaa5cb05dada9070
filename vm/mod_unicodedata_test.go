package vm_test

import (
	"os"
	"strings"
	"testing"
)

// The tests of unicodedata (mod_unicodedata.go): each program runs under
// the VM and under CPython 3.13 (Unicode 15.1.0).

// TestUnicodedataProperties checks every property function on characters
// of many kinds (controls, letters, CJK and Hangul, Tangut, Khitan, Nushu,
// the 15.1 additions, surrogates, private use, unassigned, digits and
// fractions), the errors of bad arguments, lookup of names, aliases and
// named sequences, normalization, and ucd_3_2_0.
func TestUnicodedataProperties(t *testing.T) {
	checkProgram(t, `import unicodedata as u
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0), u.UCD, sorted(k for k in dir(u) if not k.startswith('__')))
print(sorted(k for k in dir(u.UCD) if not k.startswith('__')))
print(repr(u.__doc__))
for c in ['\x00', 'A', '\u00e9', '\u4e00', '\uac00', '\U00017000', '\U00018b00', '\U0001b170', '\uf900', '\U0002ebf0', '\u2ffc', '\u31ef', '\ud800', '\ue000', '\U000f0000', '\U0010ffff', '\u0378', '\U00013460', '\U0001f600', '\u0660', '\u00bd', '\u2163', '\U00016fe4']:
    print(hex(ord(c)), u.name(c, None), u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c), u.mirrored(c), repr(u.decomposition(c)), u.decimal(c, None), u.digit(c, None), u.numeric(c, None))
t(lambda: u.name('ab')); t(lambda: u.name(3)); t(lambda: u.name('\x00')); t(lambda: u.name('')); t(lambda: u.name())
t(lambda: u.category('ab')); t(lambda: u.decimal('x')); t(lambda: u.digit('x')); t(lambda: u.numeric('x')); t(lambda: u.decimal('x', 5))
t(lambda: u.lookup('latin small letter a')); t(lambda: u.lookup('LATIN SMALL LETTER R WITH TILDE')); t(lambda: u.lookup('BYTE ORDER MARK'))
t(lambda: u.lookup('NOPE')); t(lambda: u.lookup('x' * 300)); t(lambda: u.lookup(b'SPACE')); t(lambda: u.lookup(3)); t(lambda: u.lookup('CJK UNIFIED IDEOGRAPH-4E00')); t(lambda: u.lookup('hangul syllable gag'))
t(lambda: u.lookup('CJK UNIFIED IDEOGRAPH-2EBF0')); t(lambda: u.lookup('TANGUT IDEOGRAPH-17000')); t(lambda: u.lookup('CJK COMPATIBILITY IDEOGRAPH-F900'))
t(lambda: u.lookup('KHITAN SMALL SCRIPT CHARACTER-18B00'))
t(lambda: u.normalize('NFC', 'e\u0301')); t(lambda: u.normalize('NFX', 'a')); t(lambda: u.normalize('NFC', 3)); t(lambda: u.normalize(3, 'a'))
t(lambda: u.is_normalized('NFD', '\u00e9')); t(lambda: u.is_normalized('NFQ', 'a'))
for f in ['NFC', 'NFD', 'NFKC', 'NFKD']:
    print(f, ascii(u.normalize(f, '\u00c5\u212b\uac00\ufb01\u1e9b\u0323 \u2460 \u0344 \U0001d400 \u0f73')))
print(u.ucd_3_2_0.category('\U0001f600'), u.ucd_3_2_0.name('A'), u.ucd_3_2_0.bidirectional('\u0378'))
t(lambda: u.ucd_3_2_0.name('\U0001f600'))
t(lambda: u.ucd_3_2_0.lookup('BYTE ORDER MARK'))
t(lambda: u.ucd_3_2_0.lookup('GRINNING FACE'))
t(lambda: u.ucd_3_2_0.normalize('NFC', '\u2adc'))
t(lambda: u.normalize('NFC', '\u2adc'))
t(lambda: u.ucd_3_2_0.normalize('NFD', '\uf951'))
t(lambda: u.normalize('NFD', '\uf951'))
t(lambda: u.UCD())
print(u.ucd_3_2_0.east_asian_width('\U0001f600'), u.ucd_3_2_0.mirrored('\U0001f600'), u.ucd_3_2_0.decomposition('\U0001f600'), u.ucd_3_2_0.combining('\U0001f600'))
print(type(u.ucd_3_2_0).__module__, type(u.ucd_3_2_0).__name__, repr(u.UCD.__doc__))
`)
}

// TestUnicodedataArgs checks the argument errors of every function of the
// module and of ucd_3_2_0, lookup's argument types, the algorithmic names
// in lookup and normalize's result for str subclasses.
func TestUnicodedataArgs(t *testing.T) {
	checkProgram(t, `import unicodedata as u
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for fn in ['category', 'bidirectional', 'combining', 'mirrored', 'east_asian_width', 'decomposition', 'name', 'decimal', 'digit', 'numeric', 'lookup', 'normalize', 'is_normalized']:
    f = getattr(u, f'{fn}')
    t(lambda: f()); t(lambda: f('a', 'b', 'c')); t(lambda: f(x=1)); t(lambda: f(3))
    g = getattr(u.ucd_3_2_0, fn)
    t(lambda: g()); t(lambda: g(3))
t(lambda: u.lookup(bytearray(b'SPACE'))); t(lambda: u.lookup(memoryview(b'SPACE'))); t(lambda: u.lookup('\ud800'))
t(lambda: u.lookup('SPACE\x00'))
t(lambda: u.ucd_3_2_0.lookup('CJK UNIFIED IDEOGRAPH-2EBF0'))
t(lambda: u.ucd_3_2_0.lookup('CJK UNIFIED IDEOGRAPH-9FBC'))
t(lambda: u.ucd_3_2_0.lookup('GRINNING FACE'))
t(lambda: u.ucd_3_2_0.lookup('LATIN SMALL LETTER R WITH TILDE'))
t(lambda: u.ucd_3_2_0.name('\u9fbc'))
t(lambda: u.lookup('cjk unified ideograph-4e00'))
t(lambda: u.lookup('CJK UNIFIED IDEOGRAPH-4e00'))
t(lambda: u.lookup('CJK UNIFIED IDEOGRAPH-04E00'))
t(lambda: u.lookup('HANGUL SYLLABLE GAGG'))
t(lambda: u.lookup('HANGUL SYLLABLE '))
t(lambda: u.lookup('HANGUL SYLLABLE X'))
t(lambda: u.lookup('Latin Capital Letter A'))
t(lambda: u.lookup('ı'))
t(lambda: u.lookup('line feed')); t(lambda: u.lookup('LF')); t(lambda: u.lookup('NULL')); t(lambda: u.lookup('<control>'))
t(lambda: u.name('\x00', 'dflt'))
class S(str): pass
t(lambda: u.category(S('a'))); t(lambda: type(u.normalize('NFC', S('a')))); t(lambda: type(u.normalize('NFD', S('\xe9'))))
t(lambda: type(u.normalize('NFC', S('e\u0301'))))
t(lambda: u.normalize('NFC', ''))
t(lambda: u.normalize(S('NFC'), 'a'))
t(lambda: u.normalize('nfc', 'a'))
`)
}

// TestUnicodedataSweep compares all the properties, the name and the four
// normal forms of a single character, for the current database and for
// ucd_3_2_0, over every 61st code point (CRCs of the results, by block).
// PEEPHOLE_UNICODEDATA_FULL=1 sweeps every code point (about two minutes).
func TestUnicodedataSweep(t *testing.T) {
	step := "61"
	if os.Getenv("PEEPHOLE_UNICODEDATA_FULL") != "" {
		step = "1"
	}
	checkProgram(t, strings.Replace(`import sys, zlib, unicodedata as U
step = int(sys.argv[1]) if len(sys.argv) > 1 else STEP
for db in (U, U.ucd_3_2_0):
    crc, n = 0, 0
    for c in range(0, 0x110000, step):
        ch = chr(c)
        t = (db.category(ch), db.bidirectional(ch), db.combining(ch), db.east_asian_width(ch), db.mirrored(ch),
             db.decomposition(ch), db.decimal(ch, None), db.digit(ch, None), db.numeric(ch, None), db.name(ch, None),
             db.normalize('NFC', ch), db.normalize('NFD', ch), db.normalize('NFKC', ch), db.normalize('NFKD', ch),
             db.is_normalized('NFC', ch), db.is_normalized('NFKD', ch))
        crc = zlib.crc32(ascii(t).encode(), crc)
        n += 1
        if n % 2048 == 0:
            print(db.unidata_version, hex(c), crc)
    print(db.unidata_version, 'end', n, crc)
`, "STEP", step, 1))
}

// TestUnicodedataLookupNormalize checks that lookup inverts name for every
// third code point (and accepts lower case), the aliases, named sequences
// and algorithmic names in both databases, and the four normal forms of
// random strings of combining marks, jamo, syllables and compatibility
// characters in both databases.
func TestUnicodedataLookupNormalize(t *testing.T) {
	checkLibProgram(t, `import zlib, random, unicodedata as U
def t(f):
    try: print(ascii(f()))
    except Exception as e: print(type(e).__name__, ascii(str(e)))
bad, crc = 0, 0
for c in range(0, 0x110000, 3):
    n = U.name(chr(c), None)
    if n is None:
        continue
    if U.lookup(n) != chr(c):
        bad += 1
    try:
        r = U.lookup(n.lower())
    except KeyError as e:
        r = str(e)
    crc = zlib.crc32(ascii(r).encode(), crc)
print('lookup', bad, crc)
for name in ['LINE FEED', 'lf', 'BYTE ORDER MARK', 'KANNADA LETTER LLLA', 'LATIN CAPITAL LETTER GHA', 'BENGALI LETTER KHINYA',
             'TAMIL SYLLABLE KSSA', 'latin small letter r with tilde', 'KEYCAP NUMBER SIGN', 'CJK UNIFIED IDEOGRAPH-2EE5D',
             'CJK UNIFIED IDEOGRAPH-2EE5E', 'CJK UNIFIED IDEOGRAPH-9FFF', 'CJK COMPATIBILITY IDEOGRAPH-2FA1D', 'HANGUL SYLLABLE HIH',
             'HANGUL SYLLABLE SSYEOLB', 'HANGUL SYLLABLE QQ', 'TANGUT IDEOGRAPH-17000', 'KHITAN SMALL SCRIPT CHARACTER-18CD5',
             'NUSHU CHARACTER-1B2FB', 'IDEOGRAPHIC DESCRIPTION CHARACTER ROTATION', 'SPACE', 'space ', ' SPACE', 'SP', 'NBSP', 'ZWJ']:
    t(lambda: U.lookup(name))
    t(lambda: U.ucd_3_2_0.lookup(name))
rnd = random.Random(5)
pool = [chr(c) for c in list(range(0x300, 0x370)) + list(range(0x1100, 0x1200)) + list(range(0xac00, 0xac40))] + list('aeiouAEIOU\u0f71\u0f72\u0f73\u0f80\u0b47\u0b3e\u0b57\u09c7\u09be\u1e9b\u0323\u0344\u2126\u212b\u00c5\ufb01\u3099\u309a\u304b\u30cf\uff76\uff9e\u05b0\u05bc\u0591\u0e33\u0e4d\U0001d15e\U0001d165\U0001d16d\U0002f868\u2adc')
crc = 0
for i in range(1500):
    s = ''.join(rnd.choice(pool) for _ in range(rnd.randint(1, 8)))
    for f in ('NFC', 'NFD', 'NFKC', 'NFKD'):
        r = (U.normalize(f, s), U.is_normalized(f, s), U.ucd_3_2_0.normalize(f, s), U.ucd_3_2_0.is_normalized(f, s))
        crc = zlib.crc32(ascii(r).encode(), crc)
    if i % 100 == 0:
        print(i, crc)
for s in ['Ame\u0301lie', '\u1e9b\u0323', '\ufb01ne \u2460\u2075', '\uac00\u11a8\u1100\u1161\u11a8', '\u0958\u09dc\u2adc', 'A\u030a\u212b\u00c5']:
    print([ascii(U.normalize(f, s)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')], [U.is_normalized(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])
`)
}
