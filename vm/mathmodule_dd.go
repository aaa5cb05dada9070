package vm

import (
	"math"
	"math/big"
	"sync"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// Fast paths of the correctly rounded functions: each is evaluated in
// double-double arithmetic (about 106 bits) with an error bound well
// below 2**-80, and Ziv's rounding test decides whether that is enough to
// know the correctly rounded result; when it is not (about once in 2**27
// calls or rarer), or for arguments outside the ranges handled here, the
// big.Float version decides. The results are the same as the slow path's,
// only about a hundred times faster.

// dd is an unevaluated sum hi + lo with |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

func twoSum(a, b float64) (float64, float64) {
	s := a + b
	bb := s - a
	return s, (a - (s - bb)) + (b - bb)
}

func fastTwoSum(a, b float64) (float64, float64) {
	s := a + b
	return s, b - (s - a)
}

func twoProd(a, b float64) (float64, float64) {
	p := a * b
	return p, math.FMA(a, b, -p)
}

func ddAdd(a, b dd) dd {
	s, e := twoSum(a.hi, b.hi)
	t, f := twoSum(a.lo, b.lo)
	e += t
	s, e = fastTwoSum(s, e)
	e += f
	s, e = fastTwoSum(s, e)
	return dd{s, e}
}

func ddAddF(a dd, b float64) dd {
	s, e := twoSum(a.hi, b)
	e += a.lo
	s, e = fastTwoSum(s, e)
	return dd{s, e}
}

func ddNeg(a dd) dd { return dd{-a.hi, -a.lo} }

func ddMul(a, b dd) dd {
	p, e := twoProd(a.hi, b.hi)
	e += float64(a.hi*b.lo) + float64(a.lo*b.hi)
	p, e = fastTwoSum(p, e)
	return dd{p, e}
}

func ddMulF(a dd, b float64) dd {
	p, e := twoProd(a.hi, b)
	e += float64(a.lo * b)
	p, e = fastTwoSum(p, e)
	return dd{p, e}
}

func ddDiv(a, b dd) dd {
	q1 := a.hi / b.hi
	r := ddAdd(a, ddNeg(ddMulF(b, q1)))
	q2 := r.hi / b.hi
	r = ddAdd(r, ddNeg(ddMulF(b, q2)))
	q3 := r.hi / b.hi
	s, e := fastTwoSum(q1, q2)
	return ddAddF(dd{s, e}, q3)
}

func ddSqrt(a dd) dd {
	if a.hi <= 0 {
		return dd{}
	}
	s := math.Sqrt(a.hi)
	p, e := twoProd(s, s)
	r := ddAdd(a, dd{-p, -e})
	return ddAddF(dd{s, 0}, r.hi/(2*s))
}

func ddScale(a dd, k int) dd { return dd{math.Ldexp(a.hi, k), math.Ldexp(a.lo, k)} }

// roundScaled is roundDD of a·2**k, for a result in the normal range
// (where rounding commutes with the scaling); ok is false outside it.
func roundScaled(a dd, k, bits int) (float64, bool) {
	if k < -1020 || k > 1024 {
		return 0, false
	}
	r, ok := roundDD(a, bits)
	if !ok {
		return 0, false
	}
	r = math.Ldexp(r, k)
	if math.Abs(r) < 0x1p-1022 || math.IsInf(r, 0) {
		return 0, false
	}
	return r, true
}

// roundDD applies Ziv's test to a value known to within a relative error
// of 2**-bits: ok reports whether every value in that interval rounds to
// the same double, which is then the correctly rounded result.
func roundDD(a dd, bits int) (float64, bool) {
	e := math.Ldexp(math.Abs(a.hi), -bits)
	x := a.hi + (a.lo - e)
	y := a.hi + (a.lo + e)
	return x, x == y
}

func ddFromBig(b *big.Float) dd {
	hi, _ := b.Float64()
	r := new(big.Float).SetPrec(b.Prec()).Sub(b, new(big.Float).SetFloat64(hi))
	lo, _ := r.Float64()
	return dd{hi, lo}
}

// The constants, from big.Float once.
var (
	ddOnce      sync.Once
	ddLn2C      dd
	ddLn2Parts  [3]float64 // ln 2 = sum, to about 160 bits
	ddInvFact   [32]dd     // 1/n!
	ddPio2Parts [4]float64 // π/2 to about 210 bits
	ddPio2      dd
	ddPi        dd
	ddAtanTab   [9]dd // atan(i/8)
	ddLog10     dd
)

func ddInit() {
	ddOnce.Do(func() {
		ln2 := pyconst.BigLog(newBF().SetInt64(2), crWP)
		ddLn2C = ddFromBig(ln2)
		rest := new(big.Float).SetPrec(crWP).Set(ln2)
		for i := range ddLn2Parts {
			f, _ := rest.Float64()
			ddLn2Parts[i] = f
			rest.Sub(rest, new(big.Float).SetFloat64(f))
		}
		f := big.NewInt(1)
		for n := range ddInvFact {
			if n > 0 {
				f.Mul(f, big.NewInt(int64(n)))
			}
			ddInvFact[n] = ddFromBig(newBF().Quo(newBF().SetInt64(1), newBF().SetInt(f)))
		}
		pio2 := new(big.Float).SetPrec(crWP).Set(pyconst.BigPi())
		pio2.SetMantExp(pio2, -1)
		ddPio2 = ddFromBig(pio2)
		rest = new(big.Float).SetPrec(crWP).Set(pio2)
		for i := range ddPio2Parts {
			f, _ := rest.Float64()
			ddPio2Parts[i] = f
			rest.Sub(rest, new(big.Float).SetFloat64(f))
		}
		ddPi = ddScale(ddPio2, 1)
		for i := range ddAtanTab {
			ddAtanTab[i] = ddFromBig(pyconst.BigAtan(ratBF(int64(i), 8), crWP))
		}
		ddLog10 = ddFromBig(pyconst.BigLog(newBF().SetInt64(10), crWP))
	})
}

// ddExpCore is e**a for |a| < 710, as dd times 2**k (the dd near 1).
func ddExpCore(a dd) (dd, int) {
	k := math.Round(a.hi * invLn2)
	// r = a - k·ln2: k·part1 is close to a.hi, so their difference is exact.
	p1, e1 := twoProd(k, ddLn2Parts[0])
	p2, e2 := twoProd(k, ddLn2Parts[1])
	r := dd{a.hi - p1, 0}
	r = ddAddF(r, -e1)
	r = ddAddF(r, a.lo)
	r = ddAddF(r, -p2)
	r = ddAddF(r, -e2)
	r = ddAddF(r, -k*ddLn2Parts[2])
	// e**r = (e**(r/256))**256, the inner one by its Taylor series.
	rs := ddScale(r, -8)
	s := ddInvFact[11]
	for n := 10; n >= 0; n-- {
		s = ddAdd(ddMul(s, rs), ddInvFact[n])
	}
	for range 8 {
		s = ddMul(s, s)
	}
	return s, int(k)
}

// fastExp is the correctly rounded e**x, or ok false.
func fastExp(x float64) (float64, bool) {
	if !(x > -708 && x < 709) {
		return 0, false
	}
	ddInit()
	s, k := ddExpCore(dd{x, 0})
	return roundScaled(s, k, 90)
}

// ddLogOf is ln x for a finite x > 0 as dd (relative error < 2**-90).
func ddLogOf(x float64) dd {
	if math.Abs(x-1) < 0.0625 {
		// ln x = 2·atanh(s), s = (x-1)/(x+1).
		num := dd{x - 1, 0} // exact (Sterbenz)
		den := ddAddF(dd{x, 0}, 1)
		s := ddDiv(num, den)
		s2 := ddMul(s, s)
		sum := ddFromRat(1, 25)
		for n := 11; n >= 0; n-- {
			sum = ddAdd(ddMul(sum, s2), ddFromRat(1, int64(2*n+1)))
		}
		return ddScale(ddMul(sum, s), 1)
	}
	y0 := math.Log(x)
	e, k := ddExpCore(dd{-y0, 0})
	// t = x·e**-y0 - 1 is about 2**-52; ln x = y0 + ln(1+t).
	t := ddAddF(ddScale(ddMulF(e, x), k), -1)
	t2 := ddMul(t, t)
	corr := ddAdd(t, ddScale(ddNeg(t2), -1))
	corr = ddAdd(corr, ddMulF(ddMul(t2, t), 1.0/3))
	return ddAddF(corr, y0)
}

var ddRatCache sync.Map

func ddFromRat(num, den int64) dd {
	key := [2]int64{num, den}
	if v, ok := ddRatCache.Load(key); ok {
		return v.(dd)
	}
	v := ddFromBig(ratBF(num, den))
	ddRatCache.Store(key, v)
	return v
}

func fastLog(x float64) (float64, bool) {
	if !(x > 0x1p-1020 && x < math.MaxFloat64) {
		return 0, false
	}
	ddInit()
	return roundDD(ddLogOf(x), 88)
}

// ddSinCos returns sin x and cos x for |x| < 2**20 as dd.
func ddSinCos(x float64) (s, c dd) {
	k := math.Round(x * (2 / math.Pi))
	p1, e1 := twoProd(k, ddPio2Parts[0])
	p2, e2 := twoProd(k, ddPio2Parts[1])
	p3, e3 := twoProd(k, ddPio2Parts[2])
	r := dd{x - p1, 0}
	r = ddAddF(r, -e1)
	r = ddAddF(r, -p2)
	r = ddAddF(r, -e2)
	r = ddAddF(r, -p3)
	r = ddAddF(r, -e3)
	r = ddAddF(r, -k*ddPio2Parts[3])
	r2 := ddMul(r, r)
	// sin r = r·Σ (-1)**n r**2n/(2n+1)!, cos r = Σ (-1)**n r**2n/(2n)!.
	// The first neglected terms, r**30/30! and r**31/31!, are below 2**-110.
	ss := ddInvFact[29]
	cs := ddInvFact[28]
	for n := 13; n >= 0; n-- {
		sc := ddInvFact[2*n+1]
		cc := ddInvFact[2*n]
		if n%2 == 1 {
			sc, cc = ddNeg(sc), ddNeg(cc)
		}
		ss = ddAdd(ddMul(ss, r2), sc)
		cs = ddAdd(ddMul(cs, r2), cc)
	}
	sn := ddMul(ss, r)
	switch int64(k) & 3 {
	case 0:
		return sn, cs
	case 1:
		return cs, ddNeg(sn)
	case 2:
		return ddNeg(sn), ddNeg(cs)
	}
	return ddNeg(cs), sn
}

func fastSinCosTan(x float64, which int) (float64, bool) {
	if !(math.Abs(x) < 0x1p20) || x == 0 {
		return 0, false
	}
	ddInit()
	s, c := ddSinCos(x)
	switch which {
	case 0:
		return roundDD(s, 88)
	case 1:
		return roundDD(c, 88)
	}
	return roundDD(ddDiv(s, c), 86)
}

// ddAtan is atan of a dd argument.
func ddAtan(a dd) dd {
	neg := a.hi < 0
	if neg {
		a = ddNeg(a)
	}
	invert := a.hi > 1
	if invert {
		a = ddDiv(dd{1, 0}, a)
	}
	i := int(math.Round(a.hi * 8))
	c := float64(i) / 8
	// atan a = atan c + atan((a-c)/(1+a·c))
	num := ddAddF(a, -c)
	den := ddAddF(ddMulF(a, c), 1)
	t := ddDiv(num, den)
	t2 := ddMul(t, t)
	sum := ddFromRat(1, 29)
	for n := 13; n >= 0; n-- {
		coef := ddFromRat(1, int64(2*n+1))
		if n%2 == 1 {
			coef = ddNeg(coef)
		}
		sum = ddAdd(ddMul(sum, t2), coef)
	}
	r := ddAdd(ddAtanTab[i], ddMul(sum, t))
	if invert {
		r = ddAdd(ddPio2, ddNeg(r))
	}
	if neg {
		r = ddNeg(r)
	}
	return r
}

func fastAtan(x float64) (float64, bool) {
	if !(math.Abs(x) > 0x1p-500 && math.Abs(x) < 0x1p500) {
		return 0, false
	}
	ddInit()
	return roundDD(ddAtan(dd{x, 0}), 86)
}

// fastAtan2 is atan2 for finite nonzero y and x.
func fastAtan2(y, x float64) (float64, bool) {
	ay, ax := math.Abs(y), math.Abs(x)
	if !(ay > 0x1p-500 && ay < 0x1p500 && ax > 0x1p-500 && ax < 0x1p500) {
		return 0, false
	}
	ddInit()
	q := ddDiv(dd{y, 0}, dd{x, 0})
	r := ddAtan(q)
	if x < 0 {
		if y < 0 {
			r = ddAdd(r, ddNeg(ddPi))
		} else {
			r = ddAdd(r, ddPi)
		}
	}
	return roundDD(r, 86)
}

// fastAsin is asin for 0 < |x| < 1: atan(x / sqrt(1 - x²)).
func fastAsin(x float64) (float64, bool) {
	if !(math.Abs(x) > 0x1p-500 && math.Abs(x) < 1) {
		return 0, false
	}
	ddInit()
	p, e := twoProd(x, x)
	d := ddAdd(dd{1, 0}, dd{-p, -e})
	q := ddDiv(dd{x, 0}, ddSqrt(d))
	return roundDD(ddAtan(q), 84)
}

// fastAcos is acos for |x| < 1: 2·atan(sqrt((1-x)/(1+x))).
func fastAcos(x float64) (float64, bool) {
	if !(math.Abs(x) < 1) {
		return 0, false
	}
	ddInit()
	num := ddAddF(dd{1, 0}, -x)
	den := ddAddF(dd{1, 0}, x)
	q := ddSqrt(ddDiv(num, den))
	if q.hi == 0 {
		return 0, false
	}
	return roundDD(ddScale(ddAtan(q), 1), 84)
}

// fastPowPos is x**y for finite x > 0 and finite y.
func fastPowPos(x, y float64) (float64, bool) {
	if !(x > 0x1p-1020 && x < math.MaxFloat64) {
		return 0, false
	}
	ddInit()
	l := ddLogOf(x)
	z := ddMulF(l, y)
	if !(z.hi > -708 && z.hi < 709) {
		return 0, false
	}
	s, k := ddExpCore(z)
	return roundScaled(s, k, 78)
}

// fastExp2 is 2**x.
func fastExp2(x float64) (float64, bool) {
	if !(x > -1021 && x < 1023) {
		return 0, false
	}
	ddInit()
	s, k := ddExpCore(ddMulF(ddLn2C, x))
	return roundScaled(s, k, 86)
}

// fastLog2 is log2 x.
func fastLog2(x float64) (float64, bool) {
	if !(x > 0x1p-1020 && x < math.MaxFloat64) {
		return 0, false
	}
	ddInit()
	return roundDD(ddDiv(ddLogOf(x), ddLn2C), 86)
}
