package vm

import (
	"math"
	"math/big"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// Correctly rounded elementary functions for the math module. CPython's
// math module calls the C library's functions, and glibc's (exp, log,
// pow, sin, cos, tan, atan … on x86-64) are correctly rounded for all but
// a vanishing fraction of arguments; Go's math package is not. So each
// function here evaluates in big.Float with a few hundred bits and
// rounds once, which gives glibc's answer wherever glibc is right. The
// special values (zeros, infinities, NaNs) follow C99 Annex F and are
// handled by the callers or below before any big arithmetic.
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

func crExp(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x > 709.8:
		return math.Inf(1)
	case x < -746:
		return 0
	}
	if r, ok := fastExp(x); ok {
		return r
	}
	return pyconst.CrExp(x)
}

func crExp2(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case math.IsInf(x, 1):
		return x
	case math.IsInf(x, -1):
		return 0
	case x >= 1024:
		return math.Inf(1)
	case x < -1080:
		return 0
	case x == math.Trunc(x):
		return math.Ldexp(1, int(x))
	}
	if r, ok := fastExp2(x); ok {
		return r
	}
	return pyconst.CrPow(2, x)
}

func crExpm1(x float64) float64 {
	switch {
	case math.IsNaN(x) || x == 0:
		return x
	case math.IsInf(x, 1):
		return x
	case math.IsInf(x, -1):
		return -1
	case x > 709.8:
		return math.Inf(1)
	case x < -40:
		// e**x - 1 rounds to -1 (e**x is below a quarter ulp of 1).
		return -1
	}
	if tinyArg(x, 30) {
		// x + x²/2 + x³/6 + …
		bx := bf(x)
		sum := newBF().Set(bx)
		term := newBF().Set(bx)
		for n := int64(2); n < 60; n++ {
			term.Mul(term, bx)
			term.Quo(term, newBF().SetInt64(n))
			sum.Add(sum, term)
		}
		return round53(sum)
	}
	e := pyconst.BigExp(bf(x), crWP)
	return round53(e.Sub(e, newBF().SetInt64(1)))
}

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

func crLog10(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	l := crLogBig(x)
	ten := pyconst.BigLog(newBF().SetInt64(10), crWP)
	return round53(l.Quo(l, ten))
}

func crLog1p(x float64) float64 {
	switch {
	case math.IsNaN(x) || x == 0 || math.IsInf(x, 1):
		return x
	case x < -1:
		return math.NaN()
	case x == -1:
		return math.Inf(-1)
	}
	if tinyArg(x, 30) {
		// x - x²/2 + x³/3 - …
		bx := bf(x)
		sum := newBF().Set(bx)
		pow := newBF().Set(bx)
		for n := int64(2); n < 40; n++ {
			pow.Mul(pow, bx)
			t := newBF().Quo(pow, newBF().SetInt64(n))
			if n%2 == 0 {
				sum.Sub(sum, t)
			} else {
				sum.Add(sum, t)
			}
		}
		return round53(sum)
	}
	s := new(big.Float).SetPrec(2200).SetFloat64(x)
	s.Add(s, big.NewFloat(1))
	return round53(pyconst.BigLog(s, crWP))
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

func crSinh(x float64) float64 {
	switch {
	case math.IsNaN(x) || x == 0 || math.IsInf(x, 0):
		return x
	case math.Abs(x) > 711:
		return math.Copysign(math.Inf(1), x)
	}
	if tinyArg(x, 20) {
		return round53(oddSeries(bf(x), func(n int64) *big.Float {
			return newBF().Quo(newBF().SetInt64(1), newBF().SetInt(new(big.Int).MulRange(1, 2*n+1)))
		}))
	}
	e := pyconst.BigExp(bf(x), crWP)
	inv := newBF().Quo(newBF().SetInt64(1), e)
	e.Sub(e, inv)
	return round53(e.SetMantExp(e, -1))
}

func crCosh(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case math.IsInf(x, 0):
		return math.Inf(1)
	case x == 0:
		return 1
	case math.Abs(x) > 711:
		return math.Inf(1)
	}
	e := pyconst.BigExp(bf(x), crWP)
	inv := newBF().Quo(newBF().SetInt64(1), e)
	e.Add(e, inv)
	return round53(e.SetMantExp(e, -1))
}

func crTanh(x float64) float64 {
	switch {
	case math.IsNaN(x) || x == 0:
		return x
	case math.IsInf(x, 0) || math.Abs(x) > 40:
		return math.Copysign(1, x)
	}
	if tinyArg(x, 20) {
		// x - x³/3 + 2x⁵/15 - 17x⁷/315 + …: tanh = sinh/cosh instead.
		bx := bf(x)
		sh := oddSeries(bx, func(n int64) *big.Float {
			return newBF().Quo(newBF().SetInt64(1), newBF().SetInt(new(big.Int).MulRange(1, 2*n+1)))
		})
		ch := newBF().SetInt64(1)
		x2 := newBF().Mul(bx, bx)
		term := newBF().SetInt64(1)
		for n := int64(1); n < 30; n++ {
			term.Mul(term, x2)
			term.Quo(term, newBF().SetInt64((2*n-1)*(2*n)))
			ch.Add(ch, term)
		}
		return round53(sh.Quo(sh, ch))
	}
	e := pyconst.BigExp(bf(2*math.Abs(x)), crWP)
	num := newBF().Sub(e, newBF().SetInt64(1))
	den := newBF().Add(e, newBF().SetInt64(1))
	r := round53(num.Quo(num, den))
	return math.Copysign(r, x)
}

func crAsinh(x float64) float64 {
	switch {
	case math.IsNaN(x) || x == 0 || math.IsInf(x, 0):
		return x
	}
	if tinyArg(x, 20) {
		// x - x³/6 + 3x⁵/40 - …: the asin coefficients with alternating signs.
		return round53(oddSeries(bf(x), func(n int64) *big.Float {
			c := asinCoef(n)
			if n%2 == 1 {
				c.Neg(c)
			}
			return c
		}))
	}
	ax := math.Abs(x)
	b := new(big.Float).SetPrec(crWP + 64).SetFloat64(ax)
	s := new(big.Float).SetPrec(crWP+64).Mul(b, b)
	s.Add(s, big.NewFloat(1))
	s.Sqrt(s)
	s.Add(s, b)
	return math.Copysign(round53(pyconst.BigLog(s, crWP)), x)
}

// crAcosh is acosh for x >= 1 (NaN below).
func crAcosh(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x < 1:
		return math.NaN()
	case x == 1:
		return 0
	}
	b := new(big.Float).SetPrec(crWP + 64).SetFloat64(x)
	s := new(big.Float).SetPrec(crWP+64).Mul(b, b)
	s.Sub(s, big.NewFloat(1))
	s.Sqrt(s)
	s.Add(s, b)
	return round53(pyconst.BigLog(s, crWP))
}

// crAtanh is atanh for |x| < 1 (±inf at ±1, NaN beyond).
func crAtanh(x float64) float64 {
	switch {
	case math.IsNaN(x) || x == 0:
		return x
	case math.Abs(x) > 1:
		return math.NaN()
	case math.Abs(x) == 1:
		return math.Copysign(math.Inf(1), x)
	}
	if tinyArg(x, 20) {
		return round53(oddSeries(bf(x), func(n int64) *big.Float { return ratBF(1, 2*n+1) }))
	}
	bx := bf(x)
	num := newBF().Add(newBF().SetInt64(1), bx)
	den := newBF().Sub(newBF().SetInt64(1), bx)
	l := pyconst.BigLog(num.Quo(num, den), crWP)
	return round53(l.SetMantExp(l, -1))
}

// crCbrt is the cube root, correctly rounded: from the integer cube root
// of the mantissa scaled to a multiple-of-three exponent.
func crCbrt(x float64) float64 {
	if math.IsNaN(x) || x == 0 || math.IsInf(x, 0) {
		return x
	}
	ax := math.Abs(x)
	m, e := math.Frexp(ax) // ax = m·2**e, 0.5 <= m < 1
	// ax = M·2**(e-53) with M a 53-bit integer; scale so that the
	// exponent is a multiple of 3 and the root has 64+ bits.
	M := new(big.Int).SetUint64(uint64(m * (1 << 53)))
	exp := e - 53
	shift := 3*70 - 53
	for (exp-shift)%3 != 0 {
		shift++
	}
	N := new(big.Int).Lsh(M, uint(shift))
	exp -= shift
	r := icbrt(N)
	// sticky: whether r**3 < N
	c := new(big.Int).Mul(r, r)
	c.Mul(c, r)
	f := new(big.Float).SetPrec(uint(r.BitLen() + 2)).SetInt(r)
	if c.Cmp(N) != 0 {
		// r < cbrt(N) < r+1: add half an ulp below the last bit, so the
		// rounding sees a value strictly between r and r+1.
		f2 := new(big.Float).SetPrec(uint(r.BitLen() + 2)).SetInt(new(big.Int).Lsh(r, 1))
		f2.Add(f2, big.NewFloat(1))
		f = f2.SetMantExp(f2, -1)
	}
	f.SetMantExp(f, exp/3)
	return math.Copysign(round53(f), x)
}

// icbrt is the integer cube root (floor) of n > 0.
func icbrt(n *big.Int) *big.Int {
	// Newton from an overestimate.
	x := new(big.Int).Lsh(big.NewInt(1), uint(n.BitLen()/3+1))
	for {
		// y = (2x + n/x²) / 3
		y := new(big.Int).Mul(x, x)
		y.Quo(n, y)
		y.Add(y, new(big.Int).Lsh(x, 1))
		y.Quo(y, big.NewInt(3))
		if y.Cmp(x) >= 0 {
			return x
		}
		x = y
	}
}

// crErf is the error function.
func crErf(x float64) float64 {
	switch {
	case math.IsNaN(x) || x == 0:
		return x
	case math.IsInf(x, 0):
		return math.Copysign(1, x)
	case math.Abs(x) > 6:
		return math.Copysign(1, x)
	}
	return round53(bigErf(x, crWP+uint(x*x*1.5)))
}

// bigErf sums erf(x) = 2/√π · Σ (-1)**n x**(2n+1) / (n! (2n+1)) at prec
// bits.
func bigErf(x float64, prec uint) *big.Float {
	nf := func() *big.Float { return new(big.Float).SetPrec(prec) }
	bx := nf().SetFloat64(x)
	x2 := nf().Mul(bx, bx)
	x2.Neg(x2)
	pow := nf().Set(bx) // (-1)**n x**(2n+1) / n!
	sum := nf().Set(bx)
	for n := int64(1); n < 100000; n++ {
		pow.Mul(pow, x2)
		pow.Quo(pow, nf().SetInt64(n))
		t := nf().Quo(pow, nf().SetInt64(2*n+1))
		sum.Add(sum, t)
		if t.Sign() == 0 || t.MantExp(nil) < sum.MantExp(nil)-int(prec)-8 {
			break
		}
	}
	pi := nf().Set(pyconst.BigPi())
	pi.Sqrt(pi)
	sum.Quo(sum, pi)
	return sum.SetMantExp(sum, 1)
}

// crErfc is the complementary error function.
func crErfc(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case math.IsInf(x, 1) || x > 27.3:
		return 0
	case math.IsInf(x, -1) || x < -6:
		return 2
	case x == 0:
		return 1
	}
	// erfc = 1 - erf, with enough bits that the cancellation (about
	// 1.45·x² bits) leaves crWP.
	extra := uint(0)
	if x > 0 {
		extra = uint(x*x*3) + 16
	}
	prec := crWP + extra
	e := bigErf(x, prec)
	one := new(big.Float).SetPrec(prec).SetInt64(1)
	return round53(one.Sub(one, e))
}

// crPowFinite is C's pow for finite x and y (C99 Annex F), correctly
// rounded.
func crPowFinite(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case x == 0:
		odd := isOddInteger(y)
		if y < 0 {
			if odd {
				return math.Copysign(math.Inf(1), x)
			}
			return math.Inf(1)
		}
		if odd {
			return x
		}
		return 0
	case x < 0:
		if y != math.Trunc(y) {
			return math.NaN()
		}
		if x == -1 {
			if isOddInteger(y) {
				return -1
			}
			return 1
		}
		r := fastPow(-x, y)
		if isOddInteger(y) {
			return -r
		}
		return r
	}
	return fastPow(x, y)
}
