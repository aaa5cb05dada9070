package pyconst

// This file holds correctly rounded versions of the libm functions that
// CPython's float and complex powers call: pow, exp, log, sin, cos, atan2
// and hypot. CPython calls the C library's; glibc's are correctly rounded
// for all but a tiny fraction of inputs (its pow, exp and log are documented
// to be within 0.52 ULP), while Go's math package may be off by an ULP more
// often. So each function here computes its result in big.Float with a
// few hundred bits and rounds once to the nearest float64, which is the
// answer glibc gives in all but those rare cases.
//
// Special values (zeros, infinities) follow C99 Annex F, as glibc does;
// Go's math package has the same special cases, so those are left to it.
// A NaN result is the NaN glibc gives: an operand NaN passes through (the
// first one, for two), and an invalid operation on non-NaNs gives the
// default NaN of x86 arithmetic (sign bit set), both computed with Go's own
// float arithmetic, which on amd64 uses the same SSE instructions as C.

import (
	"math"
	"math/big"
	"sync"
)

// crPrec is the working precision, in bits, of the correctly rounded
// functions: far more than the 53 bits of a float64, so that the one final
// rounding is the only one that matters.
const crPrec = 320

var (
	constOnce sync.Once
	bigLn2    *big.Float // ln 2 to 2*crPrec bits
	bigPi     *big.Float // π to piPrec bits
)

// piPrec is the precision of π: enough to reduce any float64 (up to 2**1024)
// modulo π/2 and keep crPrec bits.
const piPrec = 1024 + 2*crPrec + 64

func initConsts() {
	constOnce.Do(func() {
		// ln 2 = 2·atanh(1/3).
		third := new(big.Float).SetPrec(2*crPrec+64).Quo(big.NewFloat(1), big.NewFloat(3))
		bigLn2 = atanhSeries(third, 2*crPrec+64)
		bigLn2.Mul(bigLn2, big.NewFloat(2))
		// π = 16·atan(1/5) − 4·atan(1/239) (Machin).
		p := uint(piPrec + 64)
		a := atanSeries(new(big.Float).SetPrec(p).Quo(big.NewFloat(1), big.NewFloat(5)), p)
		b := atanSeries(new(big.Float).SetPrec(p).Quo(big.NewFloat(1), big.NewFloat(239)), p)
		a.Mul(a, big.NewFloat(16))
		b.Mul(b, big.NewFloat(4))
		bigPi = new(big.Float).SetPrec(p).Sub(a, b)
	})
}

func newF(prec uint) *big.Float { return new(big.Float).SetPrec(prec) }

// atanhSeries returns atanh(z) = z + z³/3 + z⁵/5 + … for |z| < 1.
func atanhSeries(z *big.Float, prec uint) *big.Float {
	z2 := newF(prec).Mul(z, z)
	term := newF(prec).Set(z)
	sum := newF(prec).Set(z)
	t := newF(prec)
	for k := int64(3); ; k += 2 {
		term.Mul(term, z2)
		t.Quo(term, newF(prec).SetInt64(k))
		if t.Sign() == 0 || t.MantExp(nil) < sum.MantExp(nil)-int(prec)-8 {
			break
		}
		sum.Add(sum, t)
	}
	return sum
}

// atanSeries returns atan(z) = z − z³/3 + z⁵/5 − … for |z| < 1.
func atanSeries(z *big.Float, prec uint) *big.Float {
	z2 := newF(prec).Mul(z, z)
	z2.Neg(z2)
	term := newF(prec).Set(z)
	sum := newF(prec).Set(z)
	t := newF(prec)
	for k := int64(3); ; k += 2 {
		term.Mul(term, z2)
		t.Quo(term, newF(prec).SetInt64(k))
		if t.Sign() == 0 || t.MantExp(nil) < sum.MantExp(nil)-int(prec)-8 {
			break
		}
		sum.Add(sum, t)
	}
	return sum
}

// bigLog returns ln x for a finite x > 0.
func bigLog(x *big.Float, prec uint) *big.Float {
	initConsts()
	m := newF(prec + 32)
	e := x.MantExp(m) // x = m·2**e, 0.5 <= m < 1
	if m.Cmp(big.NewFloat(math.Sqrt2/2)) < 0 {
		m.Mul(m, big.NewFloat(2))
		e--
	}
	// ln m = 2·atanh((m−1)/(m+1)), with |(m−1)/(m+1)| < 0.18.
	num := newF(prec+32).Sub(m, big.NewFloat(1))
	den := newF(prec+32).Add(m, big.NewFloat(1))
	z := newF(prec+32).Quo(num, den)
	r := atanhSeries(z, prec+32)
	r.Mul(r, big.NewFloat(2))
	if e != 0 {
		el := newF(prec+64).Mul(bigLn2, newF(prec+64).SetInt64(int64(e)))
		r = newF(prec+32).Add(r, el)
	}
	return r
}

// bigExp returns e**t. For |t| beyond any float64 result it returns a value
// that rounds to +Inf or to 0.
func bigExp(t *big.Float, prec uint) *big.Float {
	initConsts()
	if t.Sign() == 0 {
		return newF(prec).SetInt64(1)
	}
	if f, _ := t.Float64(); f > 1e5 {
		return newF(prec).SetMantExp(big.NewFloat(1), 1<<20)
	} else if f < -1e5 {
		return newF(prec).SetMantExp(big.NewFloat(1), -(1 << 20))
	}
	wp := prec + 64
	// t = k·ln2 + r, |r| <= ln2/2.
	q := newF(wp).Quo(t, bigLn2)
	kf, _ := q.Float64()
	k := int64(math.Round(kf))
	r := newF(wp).Sub(t, newF(wp).Mul(bigLn2, newF(wp).SetInt64(k)))
	// e**r = (e**(r/2**s))**(2**s).
	const s = 12
	r.SetMantExp(r, -s)
	sum := newF(wp).SetInt64(1)
	term := newF(wp).SetInt64(1)
	for n := int64(1); ; n++ {
		term.Mul(term, r)
		term.Quo(term, newF(wp).SetInt64(n))
		if term.Sign() == 0 || term.MantExp(nil) < -int(wp)-8 {
			break
		}
		sum.Add(sum, term)
	}
	for range s {
		sum.Mul(sum, sum)
	}
	return sum.SetMantExp(sum, int(k))
}

func round64(x *big.Float) float64 {
	f, _ := x.Float64()
	return f
}

// crPow returns x**y correctly rounded, for a finite x > 0 other than 1 and
// a finite y other than 0. An overflow gives +Inf.
func crPow(x, y float64) float64 {
	if y == math.Trunc(y) {
		m, e := math.Frexp(x)
		if m == 0.5 {
			// A power of two: x**y = 2**((e-1)·y) exactly.
			p := float64(e-1) * y
			switch {
			case p > 2000:
				return math.Inf(1)
			case p < -2000:
				return 0
			}
			return round64(newF(64).SetMantExp(big.NewFloat(0.5), int(p)+1))
		}
		if math.Abs(y) <= 64 {
			return exactPow(x, int(y))
		}
	}
	xf := newF(crPrec).SetFloat64(x)
	t := bigLog(xf, crPrec+32)
	t.Mul(t, newF(crPrec).SetFloat64(y))
	return round64(bigExp(t, crPrec))
}

// exactPow returns x**n correctly rounded for 0 < |n| <= 64, by computing
// x**|n| exactly.
func exactPow(x float64, n int) float64 {
	neg := n < 0
	if neg {
		n = -n
	}
	prec := uint(53*n + 64)
	r := newF(prec).SetInt64(1)
	b := newF(prec).SetFloat64(x)
	for k := n; k > 0; k >>= 1 {
		if k&1 != 0 {
			r.Mul(r, b)
		}
		if k > 1 {
			b.Mul(b, b)
		}
	}
	if neg {
		r = newF(prec+crPrec).Quo(newF(prec+crPrec).SetInt64(1), r)
	}
	return round64(r)
}

// libmPow is C's pow for the operands _Py_c_pow gives it: the C99 special
// cases (which Go's math.Pow shares), and crPow for the rest.
func libmPow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case math.IsNaN(x) || math.IsNaN(y):
		return x + y
	}
	if x <= 0 || x == 1 || math.IsInf(x, 0) || math.IsNaN(x) || y == 0 || math.IsInf(y, 0) || math.IsNaN(y) {
		return math.Pow(x, y)
	}
	return crPow(x, y)
}

// crExp returns e**x correctly rounded.
func crExp(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	if x == 0 || math.IsInf(x, 0) {
		return math.Exp(x)
	}
	return round64(bigExp(newF(crPrec).SetFloat64(x), crPrec))
}

// crLog returns ln x correctly rounded.
func crLog(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x < 0:
		return (x - x) / (x - x) // C's invalid operation: the default NaN
	case x == 0 || x == 1 || math.IsInf(x, 0):
		return math.Log(x)
	}
	return round64(bigLog(newF(crPrec).SetFloat64(x), crPrec))
}

// crHypot returns sqrt(x²+y²) correctly rounded.
func crHypot(x, y float64) float64 {
	switch {
	case math.IsInf(x, 0) || math.IsInf(y, 0):
		return math.Inf(1)
	case math.IsNaN(x) || math.IsNaN(y):
		return math.Abs(x + y) // glibc takes the absolute values first
	case x == 0 || y == 0:
		return math.Abs(x + y)
	}
	bx := newF(crPrec).SetFloat64(x)
	by := newF(crPrec).SetFloat64(y)
	bx.Mul(bx, bx)
	by.Mul(by, by)
	s := newF(crPrec).Add(bx, by)
	return round64(s.Sqrt(s))
}

// bigAtan returns atan(z).
func bigAtan(z *big.Float, prec uint) *big.Float {
	initConsts()
	wp := prec + 32
	neg := z.Sign() < 0
	a := newF(wp).Abs(z)
	invert := a.Cmp(big.NewFloat(1)) > 0
	if invert {
		a.Quo(newF(wp).SetInt64(1), a)
	}
	// atan(a) = 2·atan(a / (1 + sqrt(1 + a²))), four times.
	const halvings = 4
	for range halvings {
		d := newF(wp).Mul(a, a)
		d.Add(d, big.NewFloat(1))
		d.Sqrt(d)
		d.Add(d, big.NewFloat(1))
		a.Quo(a, d)
	}
	r := atanSeries(a, wp)
	r.SetMantExp(r, halvings)
	if invert {
		half := newF(wp).SetMantExp(bigPi, -1)
		r = newF(wp).Sub(half, r)
	}
	if neg {
		r.Neg(r)
	}
	return r
}

// crAtan2 returns atan2(y, x) correctly rounded.
func crAtan2(y, x float64) float64 {
	if math.IsNaN(x) || math.IsNaN(y) {
		return x + y
	}
	if x == 0 || y == 0 || math.IsInf(x, 0) || math.IsInf(y, 0) || math.IsNaN(x) || math.IsNaN(y) {
		return math.Atan2(y, x)
	}
	initConsts()
	wp := uint(crPrec + 32)
	q := newF(wp).Quo(newF(wp).SetFloat64(y), newF(wp).SetFloat64(x))
	r := bigAtan(q, crPrec)
	if x < 0 {
		pi := newF(wp).Set(bigPi)
		if y < 0 {
			r.Sub(r, pi)
		} else {
			r.Add(r, pi)
		}
	}
	return round64(r)
}

// reduceHalfPi returns r and k with x = k·π/2 + r, |r| <= π/4, for a finite x.
func reduceHalfPi(x float64) (*big.Float, int64) {
	initConsts()
	bx := newF(piPrec).SetFloat64(x)
	halfPi := newF(piPrec).SetMantExp(bigPi, -1)
	q := newF(piPrec).Quo(bx, halfPi)
	kInt, _ := newF(piPrec).Add(q, big.NewFloat(0.5)).Int(nil)
	// Round half up is fine: at a tie either choice leaves |r| = π/4.
	kf := newF(piPrec).SetInt(kInt)
	if kf.Cmp(newF(piPrec).Add(q, big.NewFloat(0.5))) > 0 {
		kInt.Sub(kInt, big.NewInt(1))
		kf.SetInt(kInt)
	}
	r := newF(piPrec).Sub(bx, newF(piPrec).Mul(kf, halfPi))
	k := new(big.Int).And(kInt, big.NewInt(3)).Int64()
	return newF(crPrec + 64).Set(r), k
}

// sinCosSeries returns sin r and cos r for |r| <= π/4.
func sinCosSeries(r *big.Float) (s, c *big.Float) {
	wp := r.Prec()
	r2 := newF(wp).Mul(r, r)
	r2.Neg(r2)
	s = newF(wp).Set(r)
	c = newF(wp).SetInt64(1)
	ts := newF(wp).Set(r)
	tc := newF(wp).SetInt64(1)
	for n := int64(1); ; n++ {
		tc.Mul(tc, r2)
		tc.Quo(tc, newF(wp).SetInt64((2*n-1)*(2*n)))
		ts.Mul(ts, r2)
		ts.Quo(ts, newF(wp).SetInt64((2*n)*(2*n+1)))
		c.Add(c, tc)
		s.Add(s, ts)
		if (tc.Sign() == 0 || tc.MantExp(nil) < -int(wp)-8) && (ts.Sign() == 0 || ts.MantExp(nil) < s.MantExp(nil)-int(wp)-8) {
			break
		}
	}
	return s, c
}

// crSin returns sin x correctly rounded (NaN for an infinite x).
func crSin(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x - x // the operand NaN, or the default NaN for an infinity
	}
	if x == 0 {
		return math.Sin(x)
	}
	r, k := reduceHalfPi(x)
	s, c := sinCosSeries(r)
	switch k {
	case 0:
		return round64(s)
	case 1:
		return round64(c)
	case 2:
		return round64(s.Neg(s))
	}
	return round64(c.Neg(c))
}

// crCos returns cos x correctly rounded (NaN for an infinite x).
func crCos(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x - x // the operand NaN, or the default NaN for an infinity
	}
	if x == 0 {
		return math.Cos(x)
	}
	r, k := reduceHalfPi(x)
	s, c := sinCosSeries(r)
	switch k {
	case 0:
		return round64(c)
	case 1:
		return round64(s.Neg(s))
	case 2:
		return round64(c.Neg(c))
	}
	return round64(s)
}
