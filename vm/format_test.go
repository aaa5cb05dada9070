package vm_test

import "testing"

// The format mini-language against CPython: format(), f-strings and the
// __format__ methods of int, bool, float, complex, str and object, with
// every error message.

const formatPrelude = `
def t(v, spec):
    try:
        print(repr(v), repr(spec), repr(format(v, spec)))
    except Exception as e:
        print(repr(v), repr(spec), type(e).__name__, e)
`

func TestFormatInt(t *testing.T) {
	checkProgram(t, formatPrelude+`
specs = ['', 'z', 'zd', '.2', '+c', '#c', 'c', ',c', ',x', '_x', '_b', '_o', '_X', '#_x', ',_', '_,', ',,', '__', '.', '.x',
         'xx', '10.2xx', 'q', '\x01', 'é', '\u1234', '=10', '010', '0=10', 'x<10', '<010', '#010x', '#X', 'n', ',n', '_n',
         ',d', '_d', '%', '.0%', 'e', 'E', 'f', 'F', 'g', 'G', '.3e', '#o', '#b', '99999999999999999999', '.99999999999999999999',
         '010,', '011_x', '012_b', '=+10', '^+10', ' ', '-', '+', '+010,', ' 010_', '^', '>', '<', '=', '*^11,', '٣',
         '05c', '<5c', '^5c', '=5c', 'z.2', '+z', 'z#', '#=5', '+#', 'z=5', '=z', '+zc', 'z#c', '#+c', 's', 'r', ',.2', '\x00',
         '€>8', '0>8', '0<8', '0^8', '0=8', '-08', '+#08x', '#08b', '#8o', ' #x', '_=12', '  5']
for v in [0, 1, -1, 1234, -1234, 65, 10**30, -10**30, 2**64, True, False, 0x10FFFF, 0x110000, -5]:
    for s in specs:
        t(v, s)
n = 1234567
print(f"{n:,} {n:_} {n:>12,} {n:<12_} {n:^+14,} {n:012,} {n:x} {n:#X} {n:#_b} {n:e} {n:.2%}")
print(f"{-n:=+15,d} {n!r:>10} {n!s:*^11}")
w = 10
p = 3
print(f"{n:{w}} {n:>{w},} {1.5:{w}.{p}f}")
`)
}

func TestFormatFloat(t *testing.T) {
	checkProgram(t, formatPrelude+`
inf = float('inf')
nan = float('nan')
specs = ['', '.3', '.0', 'g', '.3g', '#g', '#.3g', '.0g', '#.0g', 'e', '.0e', '#.0e', 'E', 'f', '.0f', '#.0f', 'F', '%', '.1%', '#.0%',
         'n', '.3n', ',', '_', ',.2f', '_.3e', '010.2f', '+', ' ', 'z.2f', 'z', 'z.0f', 'z.3g', 'z%', '=12', '012', '<012', '#', '#.3',
         'G', ',g', '015,.3f', '.17g', '.20e', '.30f', '.16', '.17', '.1', '#.1', 'd', 'x', 'c', 's', 'b', 'r', 'zd',
         '=+12.3f', '^12.2e', '*<12', 'x>+12,.1f', '020_.4f', '.2147483648f', '.2147483648', ',%', '+.0%', '#.0e']
for v in [0.0, -0.0, 1.0, -1.0, 1234.5678, -1234.5678, 1e100, 1e-7, 123.0, 0.5, 2.5, 1.5, 1e16, 1.5e16, 9.999999e15,
          100.0, 1e22, 12345678.9, 0.1, 1/3, 2/3, 5e-324, 1.7976931348623157e308, 0.000123456, 999.9999, 0.00049999,
          -0.0001, 1e-5, 123456789.0, inf, -inf, nan, -nan]:
    for s in specs:
        t(v, s)
for p in range(0, 25):
    print(format(0.1, f'.{p}e'), format(2/3, f'.{p}f'), format(1e22/7, f'.{p}g'), format(5e-324, f'.{p}g'), format(-1.5, f'.{p}'))
print(f"{3.14159:.3f} {2.5:>10,.2f} {1e100:g} {1e-100:.2e} {-0.0:z.1f} {1234567.891:_.2f}")
`)
}

func TestFormatComplexStrObject(t *testing.T) {
	checkProgram(t, formatPrelude+`
inf = float('inf')
nan = float('nan')
specs = ['', '10', '<20', '^20.3f', '020', '=20', '%', 'd', '+', ' ', '-', 'e', 'E', 'g', 'G', '.3', 'n', ',', '_', 'z', 'zf',
         '#', '#g', 'c', 's', 'f', '.0f', '#.0f', '>30,.2f', '*^25', 'x<7', '.2', '.0']
for v in [1+2j, -1-2j, 1234567+2j, -0.0+2j, 2j, -2j, complex(-0.0, -0.0), complex(0.0, -0.0), complex(inf, nan), 1e20+1j,
          complex(1.5, -2.25), 1e-7j, complex(-1e16, 1e16)]:
    for s in specs:
        t(v, s)
specs = ['', 's', '5', '>5', '05', '0>5', '+', '#', '=5', 'z', 'd', '.1', '.0', '^7.2', ',', '_', 'x<7', ',s', '.10', '10.3',
         '^', '€^9', '\u1234<4', 'c', 'r', '#=5', '0=5', '.99999999999999999999']
for v in ['abc', '', 'héllo', 'a\u1234b']:
    for s in specs:
        t(v, s)
for v in [None, object(), [1, 2], (1,), {1: 2}, len]:
    for s in ['', '5', 'x', 's', '!']:
        try:
            r = format(v, s)
            print(repr(s), 'ok', type(r).__name__)
        except Exception as e:
            print(repr(s), type(e).__name__, e)
class S(str):
    def __str__(self):
        return 'S!'
t(S('abc'), '')
t(S('abc'), '5')
print(type(format(S('abc'), '')).__name__)
class Fmt:
    def __format__(self, spec):
        return 'F' + spec
print(format(Fmt(), 'xyz'))
print(f"{Fmt():abc} {Fmt()!r:.3}")
class Bad:
    def __format__(self, spec):
        return 5
try:
    format(Bad(), '')
except TypeError as e:
    print(e)
t(1, 5)
for call in [lambda: (5).__format__(), lambda: (5).__format__(1), lambda: (5).__format__('x', 'y'), lambda: (1.5).__format__(b''),
             lambda: 'a'.__format__(5), lambda: (1j).__format__(), lambda: object().__format__(1), lambda: format(), lambda: format(1, 'd', 3)]:
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__, e)
`)
}
