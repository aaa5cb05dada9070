package pyconst

import "math/big"

// Exported forms of the correctly rounded libm functions of mathx.go, for
// the VM's float power and math module (which must give the results
// CPython gets from glibc).

// CrPow returns x**y correctly rounded, for a finite x > 0 other than 1
// and a finite y other than 0; an overflow gives +Inf.
func CrPow(x, y float64) float64 { return crPow(x, y) }

// CrExp returns e**x correctly rounded.
func CrExp(x float64) float64 { return crExp(x) }

// CrLog returns ln x correctly rounded (NaN for x < 0).
func CrLog(x float64) float64 { return crLog(x) }

// CrSin returns sin x correctly rounded.
func CrSin(x float64) float64 { return crSin(x) }

// CrCos returns cos x correctly rounded.
func CrCos(x float64) float64 { return crCos(x) }

// CrAtan2 returns atan2(y, x) correctly rounded.
func CrAtan2(y, x float64) float64 { return crAtan2(y, x) }

// CrHypot returns sqrt(x*x+y*y) correctly rounded.
func CrHypot(x, y float64) float64 { return crHypot(x, y) }

// LibmPow is C's pow as glibc computes it (correctly rounded, with C99's
// special cases).
func LibmPow(x, y float64) float64 { return libmPow(x, y) }

// CrPrec is the working precision of the correctly rounded functions.
const CrPrec = crPrec

// BigExp returns e**t with about prec bits (t of at most about 320 bits).
func BigExp(t *big.Float, prec uint) *big.Float { return bigExp(t, prec) }

// BigLog returns ln x with about prec bits, for a finite x > 0.
func BigLog(x *big.Float, prec uint) *big.Float { return bigLog(x, prec) }

// BigAtan returns atan(z) with about prec bits.
func BigAtan(z *big.Float, prec uint) *big.Float { return bigAtan(z, prec) }

// BigPi returns π with more than CrPrec+1024 bits; the caller must not
// modify it.
func BigPi() *big.Float {
	initConsts()
	return bigPi
}

// BigSinCos returns sin x and cos x with about CrPrec bits, for a finite
// x (reduced modulo π/2 exactly).
func BigSinCos(x float64) (sin, cos *big.Float) {
	r, k := reduceHalfPi(x)
	s, c := sinCosSeries(r)
	switch k {
	case 1:
		s, c = c, s.Neg(s)
	case 2:
		s, c = s.Neg(s), c.Neg(c)
	case 3:
		s, c = c.Neg(c), s
	}
	return s, c
}
