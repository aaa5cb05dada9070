package vm

import (
	"math"
	"math/big"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// Correctly rounded elementary functions for the math module: log,
// log2, sin, cos, tan, asin, acos, atan and atan2. CPython's math module
// calls the C library's functions; glibc computes these with
// table-driven algorithms (IBM's Accurate Mathematical Library, ARM's
// log2) that round correctly for all but about one argument in a
// thousand, and whose tables cannot be rebuilt from their definitions.
// So each function here gives the correctly rounded result, which is
// glibc's wherever glibc is right: a double-double evaluation with Ziv's
// rounding test (mathmodule_dd.go), and when that cannot decide, a
// big.Float one with a few hundred bits rounded once. The special values
// (zeros, infinities, NaNs) follow C99 Annex F. exp, exp2 and pow are
// glibc's own algorithms (mathmodule_glibc.go), and the functions glibc
// takes from fdlibm are in mathmodule_libm.go.
//
// Near zero, where a function behaves like x, the series are summed
// directly so that no cancellation loses the bits a tiny argument needs.

const crWP = pyconst.CrPrec + 64

func bf(x float64) *big.Float { return new(big.Float).SetPrec(crWP).SetFloat64(x) }

func newBF() *big.Float { return new(big.Float).SetPrec(crWP) }

func round53(x *big.Float) float64 {
	f, _ := x.Float64()
	return f
}

// tiny reports whether |x| < 2**-k (and x is not zero).
func tinyArg(x float64, k int) bool {
	_, e := math.Frexp(x)
	return x != 0 && e < -k
}

// oddSeries sums x + c1·x³ + c2·x⁵ + … where term(n) gives the coefficient
// of x**(2n+1) as a big.Float.
func oddSeries(x *big.Float, coef func(n int64) *big.Float) *big.Float {
	x2 := newBF().Mul(x, x)
	pow := newBF().Set(x)
	sum := newBF().Set(x)
	for n := int64(1); n < 400; n++ {
		pow.Mul(pow, x2)
		t := newBF().Mul(pow, coef(n))
		if t.Sign() == 0 || t.MantExp(nil) < sum.MantExp(nil)-int(crWP) {
			break
		}
		sum.Add(sum, t)
	}
	return sum
}

func ratBF(num, den int64) *big.Float {
	return newBF().Quo(newBF().SetInt64(num), newBF().SetInt64(den))
}

// crExp is libm's exp: glibc's (within 0.51 ulp, as CPython prints it).
func crExp(x float64) float64 { return glibcExp(x) }

// crExp2 is libm's exp2: glibc's.
func crExp2(x float64) float64 { return glibcExp2(x) }

func crLog(x float64) float64 {
	if r, ok := fastLog(x); ok {
		return r
	}
	return pyconst.CrLog(x)
}

// crLogBig is ln x of a finite x > 0 as a big.Float.
func crLogBig(x float64) *big.Float { return pyconst.BigLog(bf(x), crWP) }

func bigLn2() *big.Float { return pyconst.BigLog(newBF().SetInt64(2), crWP) }

func crLog2(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	if m, e := math.Frexp(x); m == 0.5 {
		return float64(e - 1)
	}
	if r, ok := fastLog2(x); ok {
		return r
	}
	l := crLogBig(x)
	return round53(l.Quo(l, bigLn2()))
}

func crSin(x float64) float64 {
	if r, ok := fastSinCosTan(x, 0); ok {
		return r
	}
	return pyconst.CrSin(x)
}

func crCos(x float64) float64 {
	if r, ok := fastSinCosTan(x, 1); ok {
		return r
	}
	return pyconst.CrCos(x)
}

func crTan(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x - x
	}
	if x == 0 {
		return x
	}
	if r, ok := fastSinCosTan(x, 2); ok {
		return r
	}
	s, c := pyconst.BigSinCos(x)
	return round53(newBF().Quo(s, c))
}

func crAtan(x float64) float64 {
	switch {
	case math.IsNaN(x) || x == 0:
		return x
	case math.IsInf(x, 0):
		return math.Copysign(math.Pi/2, x)
	}
	if r, ok := fastAtan(x); ok {
		return r
	}
	return round53(pyconst.BigAtan(bf(x), crWP))
}

func crAtan2(y, x float64) float64 {
	if r, ok := fastAtan2(y, x); ok {
		return r
	}
	return pyconst.CrAtan2(y, x)
}

// crAsin is asin for |x| <= 1 (NaN outside).
func crAsin(x float64) float64 {
	switch {
	case math.IsNaN(x) || x == 0:
		return x
	case math.Abs(x) > 1:
		return math.NaN()
	case math.Abs(x) == 1:
		return round53(newBF().SetMantExp(pyconst.BigPi(), -1)) * x
	}
	if r, ok := fastAsin(x); ok {
		return r
	}
	if tinyArg(x, 30) {
		// x + x³/6 + 3x⁵/40 + …: coefficient (2n)!/(4**n (n!)² (2n+1)).
		return round53(oddSeries(bf(x), asinCoef))
	}
	bx := bf(x)
	d := newBF().Mul(bx, bx)
	d.Sub(newBF().SetInt64(1), d)
	d.Sqrt(d)
	return round53(pyconst.BigAtan(newBF().Quo(bx, d), crWP))
}

func asinCoef(n int64) *big.Float {
	// (2n)! / (4**n (n!)² (2n+1))
	num := new(big.Int).MulRange(n+1, 2*n)
	den := new(big.Int).MulRange(1, n)
	den.Mul(den, new(big.Int).Lsh(big.NewInt(1), uint(2*n)))
	den.Mul(den, big.NewInt(2*n+1))
	return newBF().Quo(newBF().SetInt(num), newBF().SetInt(den))
}

// crAcos is acos for |x| <= 1: 2·atan(sqrt((1-x)/(1+x))).
func crAcos(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case math.Abs(x) > 1:
		return math.NaN()
	case x == 1:
		return 0
	case x == -1:
		return round53(pyconst.BigPi())
	}
	if r, ok := fastAcos(x); ok {
		return r
	}
	bx := bf(x)
	num := newBF().Sub(newBF().SetInt64(1), bx)
	den := newBF().Add(newBF().SetInt64(1), bx)
	q := num.Quo(num, den)
	q.Sqrt(q)
	r := pyconst.BigAtan(q, crWP)
	return round53(r.SetMantExp(r, 1))
}

// crPowFinite is C's pow for finite x and y: glibc's.
func crPowFinite(x, y float64) float64 { return glibcPow(x, y) }
