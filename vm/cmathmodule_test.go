package vm_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// The cmath module against CPython: argument errors, exceptions, the
// special-value tables (exact), and a sweep on pseudo-random arguments
// (exact but for the rare last-bit difference of the sines, cosines,
// tangents and arc tangents the functions are built on, which the
// formulas of tanh and ** can amplify to a few ulps).

func TestCmathErrors(t *testing.T) {
	checkNum(t, `
import cmath
t(lambda: cmath.sqrt('x'))
t(lambda: cmath.sqrt())
t(lambda: cmath.sqrt(1, 2))
t(lambda: cmath.sqrt(z=1))
t(lambda: cmath.log(1, 2, 3))
t(lambda: cmath.log())
t(lambda: cmath.log(1, 'x'))
t(lambda: cmath.log(0))
t(lambda: cmath.log(1, 1))
t(lambda: cmath.log(8, 2))
t(lambda: cmath.log(-8, 2j))
t(lambda: cmath.rect(1))
t(lambda: cmath.rect('a', 1))
t(lambda: cmath.rect(1, float('inf')))
t(lambda: cmath.rect(float('inf'), 1))
t(lambda: cmath.rect(2, 0.5))
t(lambda: cmath.phase('a'))
t(lambda: cmath.phase(-1))
t(lambda: cmath.phase(complex(-1, -0.0)))
t(lambda: cmath.polar())
t(lambda: cmath.polar(1j))
t(lambda: cmath.polar(complex(1e308, 1e308)))
t(lambda: cmath.isclose(1))
t(lambda: cmath.isclose(1, 2, 3))
t(lambda: cmath.isclose(1, 'a'))
t(lambda: cmath.isclose(1+1j, 1+1j, rel_tol=-1))
t(lambda: cmath.isclose(1+1j, 1+1.0000000001j))
t(lambda: cmath.isclose(1e-10j, 0, abs_tol=1e-9))
t(lambda: cmath.isclose(complex('inf'), complex('inf')))
t(lambda: cmath.sqrt(10**400))
class C:
    def __complex__(self): return 1j
class F:
    def __float__(self): return 2.0
class I:
    def __index__(self): return 3
class BadC:
    def __complex__(self): return 1
t(lambda: (cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I())))
t(lambda: cmath.sqrt(BadC()))
t(lambda: cmath.exp(1000))
t(lambda: cmath.exp(complex(1, float('inf'))))
t(lambda: cmath.atanh(1))
t(lambda: cmath.atanh(-1))
t(lambda: cmath.cosh(1000+1j))
t(lambda: cmath.sinh(1000+1j))
t(lambda: cmath.acos(2))
t(lambda: cmath.asin(1e300))
t(lambda: cmath.log10(1000))
t(lambda: cmath.sqrt(-4))
t(lambda: cmath.sqrt(complex(-4, -0.0)))
t(lambda: (cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj))
print(cmath.__doc__)
print(cmath.sqrt.__doc__)
print(cmath.isclose.__doc__)
print([x for x in dir(cmath) if not x.startswith('__')])
`)
}

func TestCmathSpecialValues(t *testing.T) {
	checkNum(t, `
import cmath
inf = float('inf'); nan = float('nan')
specials = [inf, -inf, nan, 0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 1e300, -1e300, 1e-300, 1e-320, 0.5]
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10', 'sin', 'sinh',
         'sqrt', 'tan', 'tanh', 'phase', 'polar', 'isfinite', 'isinf', 'isnan']
def show(v):
    if isinstance(v, tuple):
        return '(' + ','.join(show(x) for x in v) + ')'
    if isinstance(v, complex):
        return v.real.hex() + ',' + v.imag.hex()
    if isinstance(v, float):
        return v.hex()
    return repr(v)
for name in names:
    f = getattr(cmath, name)
    s = name
    for re in specials:
        for im in specials:
            try:
                s += ' ' + show(f(complex(re, im)))
            except Exception as e:
                s += ' ' + type(e).__name__ + ':' + str(e)
    print(s)
s = 'rect'
for r in specials:
    for phi in specials:
        try:
            s += ' ' + show(cmath.rect(r, phi))
        except Exception as e:
            s += ' ' + type(e).__name__ + ':' + str(e)
print(s)
`)
}

const cmathSweep = `
import cmath
state = [777]
def rnd():
    state[0] = (state[0] * 6364136223846793005 + 1442695040888963407) % 2**64
    return state[0]
def unif(lo, hi):
    return lo + (hi - lo) * (rnd() >> 11) / 2**53
def show(v):
    if isinstance(v, tuple):
        return ' '.join(show(x) for x in v)
    if isinstance(v, complex):
        return repr(v.real) + ' ' + repr(v.imag)
    return repr(v)
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10', 'sin', 'sinh',
         'sqrt', 'tan', 'tanh', 'phase', 'polar']
for name in names:
    f = getattr(cmath, name)
    s = name
    for i in range(N):
        z = complex(unif(-3, 3), unif(-3, 3))
        if i % 3 == 0:
            z *= unif(-50, 50)
        try:
            s += ' ' + show(f(z))
        except Exception as e:
            s += ' ' + type(e).__name__ + ' -'
    print(s)
for name, g in [('rect', lambda: cmath.rect(unif(0, 10), unif(-10, 10))),
                ('logbase', lambda: cmath.log(complex(unif(-3, 3), unif(-3, 3)), unif(0, 5))),
                ('pow', lambda: complex(unif(-3, 3), unif(-3, 3)) ** complex(unif(-3, 3), unif(-3, 3))),
                ('abs', lambda: abs(complex(unif(-1e3, 1e3), unif(-1e3, 1e3))))]:
    s = name
    for i in range(N):
        try:
            s += ' ' + show(g())
        except Exception as e:
            s += ' ' + type(e).__name__ + ' -'
    print(s)
`

func TestCmathSweep(t *testing.T) {
	oracle.Require(t)
	n := 300
	if os.Getenv("PEEPHOLE_MATH_SWEEP") == "1" {
		n = 5000
	}
	src := fmt.Sprintf("N = %d\n", n) + cmathSweep
	path := filepath.Join(t.TempDir(), "csweep.py")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	want := oracle.Run(t, nil, path)
	got, stderr, code := runVM(t, path, []byte(src), "")
	if code != 0 || stderr != "" {
		t.Fatalf("the sweep failed under peephole (exit %d):\n%s", code, stderr)
	}
	wl := strings.Split(strings.TrimSpace(string(want.Stdout)), "\n")
	gl := strings.Split(strings.TrimSpace(got), "\n")
	if len(wl) != len(gl) {
		t.Fatalf("CPython printed %d lines, peephole %d", len(wl), len(gl))
	}
	for i := range wl {
		ws, gs := strings.Fields(wl[i]), strings.Fields(gl[i])
		name := ws[0]
		if len(ws) != len(gs) || gs[0] != name {
			t.Errorf("%s: %d fields, CPython has %d", name, len(gs), len(ws))
			continue
		}
		diff := 0
		for j := 1; j < len(ws); j++ {
			if ws[j] == gs[j] {
				continue
			}
			diff++
			w, err1 := strconv.ParseFloat(ws[j], 64)
			g, err2 := strconv.ParseFloat(gs[j], 64)
			if err1 != nil || err2 != nil || ulpsApart(w, g) > 16 {
				t.Errorf("%s: field %d is %s, CPython's %s", name, j, gs[j], ws[j])
			}
		}
		if diff*50 > len(ws) {
			t.Errorf("%s: %d of %d results differ from CPython's in the last bits", name, diff, len(ws))
		}
	}
}
