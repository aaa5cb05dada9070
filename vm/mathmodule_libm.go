package vm

import "math"

// The libm functions that glibc does not round correctly: its expm1,
// log1p, log10, sinh, cosh, tanh, asinh, acosh, atanh, cbrt, erf and
// erfc are the classic Sun fdlibm algorithms (with glibc's rearranged
// polynomial evaluation) and Drepper's cbrt, within an ulp or so of the
// true value. To print the digits CPython prints, they are computed here
// by the same methods, operation for operation, on top of the correctly
// rounded exp and log (as glibc's are). Every product that feeds a sum is
// wrapped in float64() so that no platform fuses it into an FMA, which
// the x86-64 build of glibc does not do either, except where glibc
// has an FMA-compiled variant that it picks on CPUs with FMA (expm1 and
// log1p, since glibc 2.35): there the contractions GCC makes (a product
// whose only uses are additions becomes fused into them) are written out
// with math.FMA.

const (
	ln2Hi  = 6.93147180369123816490e-01 // ln 2 to 32 bits: n·ln2Hi is exact
	ln2Lo  = 1.90821492927058770002e-10 // ln 2 - ln2Hi
	invLn2 = 1.44269504088896338700e+00
	two54  = 1.80143985094819840000e+16
)

func hiWord(x float64) uint32 { return uint32(math.Float64bits(x) >> 32) }

func withHiWord(x float64, hi uint32) float64 {
	return math.Float64frombits(uint64(hi)<<32 | math.Float64bits(x)&0xffffffff)
}

// The expm1 polynomial: coefficients of R1 in hxs = x²/2, scaled.
var expm1Q = [6]float64{
	1.0,
	-3.33333333333331316428e-02,
	1.58730158725481460165e-03,
	-7.93650757867487942473e-05,
	4.00821782732936239552e-06,
	-2.01099218183624371326e-07,
}

// libmExpm1 is e**x - 1: reduction to |r| <= ln2/2 with a correction
// term, a rational approximation of expm1(r), and the scaling back by 2**k
// in the form that loses least.
func libmExpm1(x float64) float64 {
	hx := hiWord(x)
	neg := hx&0x80000000 != 0
	hx &= 0x7fffffff
	if hx >= 0x4043687A { // |x| >= 56·ln2
		if hx >= 0x40862E42 {
			if math.IsNaN(x) {
				return x
			}
			if math.IsInf(x, 0) {
				if neg {
					return -1
				}
				return x
			}
			if x > 7.09782712893383973096e+02 {
				return math.Inf(1)
			}
		}
		if neg {
			return -1
		}
	}
	var hi, lo, c float64
	var k int32
	switch {
	case hx > 0x3fd62e42: // |x| > ln2/2
		if hx < 0x3FF0A2B2 { // and < 1.5·ln2
			if !neg {
				hi, lo, k = x-ln2Hi, ln2Lo, 1
			} else {
				hi, lo, k = x+ln2Hi, -ln2Lo, -1
			}
		} else {
			half := 0.5
			if neg {
				half = -0.5
			}
			k = int32(math.FMA(invLn2, x, half))
			t := float64(k)
			hi = x - float64(t*ln2Hi)
			lo = float64(t * ln2Lo)
		}
		x = hi - lo
		c = (hi - x) - lo
	case hx < 0x3c900000: // |x| < 2**-54
		return x
	}
	hfx := 0.5 * x
	hxs := x * hfx
	r1a := math.FMA(hxs, expm1Q[1], 1.0)
	h2 := hxs * hxs
	r2 := math.FMA(hxs, expm1Q[3], expm1Q[2])
	h4 := h2 * h2
	r3 := math.FMA(hxs, expm1Q[5], expm1Q[4])
	r1 := math.FMA(h4, r3, math.FMA(h2, r2, r1a))
	t := math.FMA(-r1, hfx, 3.0)
	e := hxs * ((r1 - t) / math.FMA(-x, t, 6.0))
	if k == 0 {
		return x - math.FMA(x, e, -hxs)
	}
	e = math.FMA(x, e-c, -c)
	e -= hxs
	switch {
	case k == -1:
		return float64(0.5*(x-e)) - 0.5
	case k == 1:
		if x < -0.25 {
			return -2.0 * (e - (x + 0.5))
		}
		return 1.0 + float64(2.0*(x-e))
	case k <= -2 || k > 56:
		y := 1.0 - (e - x)
		y = withHiWord(y, hiWord(y)+uint32(k<<20))
		return y - 1.0
	case k < 20:
		t := withHiWord(0, 0x3ff00000-(0x200000>>uint(k))) // 1 - 2**-k
		y := t - (e - x)
		return withHiWord(y, hiWord(y)+uint32(k<<20))
	}
	t = withHiWord(0, uint32((0x3ff-k)<<20)) // 2**-k
	y := x - (e + t)
	y += 1.0
	return withHiWord(y, hiWord(y)+uint32(k<<20))
}

var log1pLp = [8]float64{
	0.0,
	6.666666666666735130e-01,
	3.999999999940941908e-01,
	2.857142874366239149e-01,
	2.222219843214978396e-01,
	1.818357216161805012e-01,
	1.531383769920937332e-01,
	1.479819860511658591e-01,
}

// libmLog1p is log(1+x): 1+x = 2**k·(1+f) with a correction term c for
// the rounding of 1+x, then log(1+f) from s = f/(2+f).
func libmLog1p(x float64) float64 {
	hx := int32(hiWord(x))
	ax := hx & 0x7fffffff
	k := int32(1)
	var f, c float64
	var hu int32
	if hx < 0x3FDA827A { // x < 0.41422
		if ax >= 0x3ff00000 { // x <= -1
			if x == -1 {
				return math.Inf(-1)
			}
			return math.NaN()
		}
		if ax < 0x3e200000 { // |x| < 2**-29
			if ax < 0x3c900000 {
				return x
			}
			return x - float64(float64(x*x)*0.5)
		}
		if hx > 0 || hx <= int32(-1076707645) { // -0.2929 < x < 0.41422 (0xbfd2bec3)
			k, f, hu = 0, x, 1
		}
	} else if hx >= 0x7ff00000 {
		return x + x
	}
	if k != 0 {
		var u float64
		if hx < 0x43400000 {
			u = 1.0 + x
			hu = int32(hiWord(u))
			k = (hu >> 20) - 1023
			if k > 0 {
				c = 1.0 - (u - x)
			} else {
				c = x - (u - 1.0)
			}
			c /= u
		} else {
			u = x
			hu = int32(hiWord(u))
			k = (hu >> 20) - 1023
			c = 0
		}
		hu &= 0x000fffff
		if hu < 0x6a09e {
			u = withHiWord(u, uint32(hu)|0x3ff00000)
		} else {
			k++
			u = withHiWord(u, uint32(hu)|0x3fe00000)
			hu = (0x00100000 - hu) >> 2
		}
		f = u - 1.0
	}
	hfsq := float64(0.5*f) * f
	fk := float64(k)
	if hu == 0 { // |f| < 2**-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			c = math.FMA(fk, ln2Lo, c)
			return math.FMA(fk, ln2Hi, c)
		}
		r := hfsq * math.FMA(-0.66666666666666666, f, 1.0)
		if k == 0 {
			return f - r
		}
		return math.FMA(fk, ln2Hi, -((r - math.FMA(fk, ln2Lo, c)) - f))
	}
	s := f / (2.0 + f)
	z := s * s
	z2 := z * z
	r2 := math.FMA(z, log1pLp[3], log1pLp[2])
	z4 := z2 * z2
	r3 := math.FMA(z, log1pLp[5], log1pLp[4])
	z6 := z4 * z2
	r4 := math.FMA(z, log1pLp[7], log1pLp[6])
	r := math.FMA(z, log1pLp[1], float64(z2*r2))
	r = math.FMA(z4, r3, r)
	r = math.FMA(z6, r4, r)
	// s·(hfsq+R) is computed once for the two returns below, in another
	// block than its uses, so GCC does not fuse it into them.
	p := float64(s * (hfsq + r))
	if k == 0 {
		return f - (hfsq - p)
	}
	return math.FMA(fk, ln2Hi, -((hfsq - (p + math.FMA(fk, ln2Lo, c))) - f))
}

// libmLog10 is log10: x = 2**n·m, then n·log10(2) in two parts plus
// log(m)/ln 10.
func libmLog10(x float64) float64 {
	const (
		ivln10   = 4.34294481903251816668e-01
		log102Hi = 3.01029995663611771306e-01
		log102Lo = 3.69423907715893078616e-13
	)
	hx := int64(math.Float64bits(x))
	k := int64(0)
	if hx < 0x0010000000000000 {
		if hx&0x7fffffffffffffff == 0 {
			return math.Inf(-1)
		}
		if hx < 0 {
			return math.NaN()
		}
		k -= 54
		x *= two54
		hx = int64(math.Float64bits(x))
	}
	if hx >= 0x7ff0000000000000 {
		return x + x
	}
	k += (hx >> 52) - 1023
	i := int64(uint64(k) >> 63)
	hx = hx&0x000fffffffffffff | (0x3ff-i)<<52
	y := float64(k + i)
	x = math.Float64frombits(uint64(hx))
	z := float64(y*log102Lo) + float64(ivln10*crLog(x))
	return z + float64(y*log102Hi)
}

// libmSinh is sinh via expm1 below 22, exp above.
func libmSinh(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x + x
	}
	h := 0.5
	if x < 0 || (x == 0 && math.Signbit(x)) {
		h = -h
	}
	ix := hiWord(x) & 0x7fffffff
	ax := math.Abs(x)
	if ix < 0x40360000 { // |x| < 22
		if ix < 0x3e300000 { // |x| < 2**-28
			return x
		}
		t := libmExpm1(ax)
		if ix < 0x3ff00000 {
			return h * (2.0*t - float64(t*t)/(t+1.0))
		}
		return h * (t + t/(t+1.0))
	}
	if ix < 0x40862e42 {
		return h * crExp(ax)
	}
	if math.Float64bits(ax) <= 0x408633ce8fb9f87d {
		w := crExp(0.5 * ax)
		t := h * w
		return t * w
	}
	return x * 1.0e307
}

// libmCosh is cosh: 1 + expm1²/(2e**x) near 0, (e**x + e**-x)/2 below 22.
func libmCosh(x float64) float64 {
	ix := hiWord(x) & 0x7fffffff
	ax := math.Abs(x)
	if ix < 0x40360000 {
		if ix < 0x3fd62e43 {
			if ix < 0x3c800000 {
				return 1
			}
			t := libmExpm1(ax)
			w := 1.0 + t
			return 1.0 + float64(t*t)/(w+w)
		}
		t := crExp(ax)
		return float64(0.5*t) + 0.5/t
	}
	if ix < 0x40862e42 {
		return 0.5 * crExp(ax)
	}
	if math.Float64bits(ax) <= 0x408633ce8fb9f87d {
		w := crExp(0.5 * ax)
		t := 0.5 * w
		return t * w
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x * x
	}
	return math.Inf(1)
}

// libmTanh is tanh from expm1(±2|x|).
func libmTanh(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	if math.IsInf(x, 0) {
		return math.Copysign(1, x)
	}
	ix := hiWord(x) & 0x7fffffff
	var z float64
	if ix < 0x40360000 { // |x| < 22
		if x == 0 {
			return x
		}
		if ix < 0x3c800000 { // |x| < 2**-55
			return x * (1.0 + x)
		}
		if ix >= 0x3ff00000 {
			t := libmExpm1(2.0 * math.Abs(x))
			z = 1.0 - 2.0/(t+2.0)
		} else {
			t := libmExpm1(-2.0 * math.Abs(x))
			z = -t / (t + 2.0)
		}
	} else {
		z = 1.0
	}
	if x < 0 {
		return -z
	}
	return z
}

// libmAsinh is asinh by log or log1p, per range.
func libmAsinh(x float64) float64 {
	const ln2 = 6.93147180559945286227e-01
	ix := hiWord(x) & 0x7fffffff
	if ix < 0x3e300000 { // |x| < 2**-28
		return x
	}
	var w float64
	if ix > 0x41b00000 { // |x| > 2**28
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return x + x
		}
		w = crLog(math.Abs(x)) + ln2
	} else {
		xa := math.Abs(x)
		if ix > 0x40000000 { // 2 < |x| <= 2**28
			w = crLog(float64(2.0*xa) + 1.0/(math.Sqrt(float64(xa*xa)+1.0)+xa))
		} else {
			t := xa * xa
			w = libmLog1p(xa + t/(1.0+math.Sqrt(1.0+t)))
		}
	}
	return math.Copysign(w, x)
}

// libmAcosh is acosh for x >= 1.
func libmAcosh(x float64) float64 {
	const ln2 = 6.93147180559945286227e-01
	hx := int64(math.Float64bits(x))
	switch {
	case hx > 0x4000000000000000:
		if hx >= 0x41b0000000000000 {
			if hx >= 0x7ff0000000000000 {
				return x + x
			}
			return crLog(x) + ln2
		}
		t := x * x
		return crLog(float64(2.0*x) - 1.0/(x+math.Sqrt(t-1.0)))
	case hx > 0x3ff0000000000000:
		t := x - 1.0
		return libmLog1p(t + math.Sqrt(float64(2.0*t)+float64(t*t)))
	case hx == 0x3ff0000000000000:
		return 0
	}
	return math.NaN()
}

// libmAtanh is atanh from log1p.
func libmAtanh(x float64) float64 {
	xa := math.Abs(x)
	var t float64
	switch {
	case xa < 0.5:
		if xa < 0x1.0p-28 {
			return x
		}
		t = xa + xa
		t = 0.5 * libmLog1p(t+float64(t*xa)/(1.0-xa))
	case xa < 1.0:
		t = 0.5 * libmLog1p((xa+xa)/(1.0-xa))
	case xa > 1.0 || math.IsNaN(x):
		return math.NaN()
	default:
		return math.Copysign(math.Inf(1), x)
	}
	return math.Copysign(t, x)
}

// cbrtFactor holds 2**(k/3) for k = -2..2, the reciprocals computed in
// double arithmetic as C computes them.
var cbrtFactor = func() [5]float64 {
	cbrt2, sqrCbrt2 := 1.2599210498948731648, 1.5874010519681994748
	return [5]float64{1.0 / sqrCbrt2, 1.0 / cbrt2, 1.0, cbrt2, sqrCbrt2}
}()

// libmCbrt is glibc's cube root: a polynomial first guess for the
// mantissa in [0.5, 1), one Halley step, and the exponent's third.
func libmCbrt(x float64) float64 {
	factor := &cbrtFactor
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x + x
	}
	xm, xe := math.Frexp(math.Abs(x))
	u := 0.354895765043919860 + float64((1.50819193781584896+
		float64((-2.11499494167371287+
			float64((2.44693122563534430+
				float64((-1.83469277483613086+
					float64((0.784932344976639262-float64(0.145263899385486377*xm))*xm))*xm))*xm))*xm))*xm)
	t2 := u * u * u
	ym := u * (t2 + float64(2.0*xm)) / (float64(2.0*t2) + xm) * factor[2+xe%3]
	if x < 0 {
		ym = -ym
	}
	return math.Ldexp(ym, xe/3)
}

// The erf and erfc rational approximations.
var (
	erfPP = [5]float64{1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05}
	erfQQ = [6]float64{0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06}
	erfPA = [7]float64{-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02, -2.16637559486879084300e-03}
	erfQA = [7]float64{0, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02}
	erfRA = [8]float64{-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01, -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02, -8.12874355063065934246e+01, -9.81432934416914548592e+00}
	erfSA = [9]float64{0, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02, 6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02, 6.57024977031928170135e+00, -6.04244152148580987438e-02}
	erfRB = [7]float64{-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01, -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03, -4.83519191608651397019e+02}
	erfSB = [8]float64{0, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03, 3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02, -2.24409524465858183362e+01}
)

const (
	erfErx = 8.45062911510467529297e-01
	erfEfx = 1.28379167095512586316e-01
)

// erfSmallRatio is y = R/S of erf on |x| < 0.84375.
func erfSmallRatio(x float64) float64 {
	z := x * x
	r1 := erfPP[0] + float64(z*erfPP[1])
	z2 := z * z
	r2 := erfPP[2] + float64(z*erfPP[3])
	z4 := z2 * z2
	s1 := 1.0 + float64(z*erfQQ[1])
	s2 := erfQQ[2] + float64(z*erfQQ[3])
	s3 := erfQQ[4] + float64(z*erfQQ[5])
	r := r1 + float64(z2*r2) + float64(z4*erfPP[4])
	s := s1 + float64(z2*s2) + float64(z4*s3)
	return r / s
}

// erfMidPQ is P and Q of erf on 0.84375 <= |x| < 1.25 (s = |x| - 1).
func erfMidPQ(s float64) (p, q float64) {
	p1 := erfPA[0] + float64(s*erfPA[1])
	s2 := s * s
	q1 := 1.0 + float64(s*erfQA[1])
	s4 := s2 * s2
	p2 := erfPA[2] + float64(s*erfPA[3])
	s6 := s4 * s2
	q2 := erfQA[2] + float64(s*erfQA[3])
	p3 := erfPA[4] + float64(s*erfPA[5])
	q3 := erfQA[4] + float64(s*erfQA[5])
	p = p1 + float64(s2*p2) + float64(s4*p3) + float64(s6*erfPA[6])
	q = q1 + float64(s2*q2) + float64(s4*q3) + float64(s6*erfQA[6])
	return p, q
}

// erfTailR is exp(-x²-0.5625+R/S) for |x| >= 1.25 (x = |x|); big picks
// the approximation for |x| >= 1/0.35.
func erfTail(x float64, big bool) float64 {
	s := 1.0 / (x * x)
	var r, ss float64
	if !big {
		r1 := erfRA[0] + float64(s*erfRA[1])
		s2 := s * s
		s1 := 1.0 + float64(s*erfSA[1])
		s4 := s2 * s2
		r2 := erfRA[2] + float64(s*erfRA[3])
		s6 := s4 * s2
		sx2 := erfSA[2] + float64(s*erfSA[3])
		s8 := s4 * s4
		r3 := erfRA[4] + float64(s*erfRA[5])
		sx3 := erfSA[4] + float64(s*erfSA[5])
		r4 := erfRA[6] + float64(s*erfRA[7])
		sx4 := erfSA[6] + float64(s*erfSA[7])
		r = r1 + float64(s2*r2) + float64(s4*r3) + float64(s6*r4)
		ss = s1 + float64(s2*sx2) + float64(s4*sx3) + float64(s6*sx4) + float64(s8*erfSA[8])
	} else {
		r1 := erfRB[0] + float64(s*erfRB[1])
		s2 := s * s
		s1 := 1.0 + float64(s*erfSB[1])
		s4 := s2 * s2
		r2 := erfRB[2] + float64(s*erfRB[3])
		s6 := s4 * s2
		sx2 := erfSB[2] + float64(s*erfSB[3])
		r3 := erfRB[4] + float64(s*erfRB[5])
		sx3 := erfSB[4] + float64(s*erfSB[5])
		sx4 := erfSB[6] + float64(s*erfSB[7])
		r = r1 + float64(s2*r2) + float64(s4*r3) + float64(s6*erfRB[6])
		ss = s1 + float64(s2*sx2) + float64(s4*sx3) + float64(s6*sx4)
	}
	z := math.Float64frombits(math.Float64bits(x) &^ 0xffffffff)
	return crExp(-float64(z*z)-0.5625) * crExp(float64((z-x)*(z+x))+r/ss)
}

// libmErf is the error function.
func libmErf(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	if math.IsInf(x, 0) {
		return math.Copysign(1, x)
	}
	hx := int32(hiWord(x))
	ix := hx & 0x7fffffff
	if ix < 0x3feb0000 { // |x| < 0.84375
		if ix < 0x3e300000 { // |x| < 2**-28
			if ix < 0x00800000 {
				return 0.0625 * (float64(16.0*x) + float64((16.0*erfEfx)*x))
			}
			return x + float64(erfEfx*x)
		}
		return x + float64(x*erfSmallRatio(x))
	}
	if ix < 0x3ff40000 { // < 1.25
		p, q := erfMidPQ(math.Abs(x) - 1.0)
		if hx >= 0 {
			return erfErx + p/q
		}
		return -erfErx - p/q
	}
	if ix >= 0x40180000 { // |x| >= 6
		if hx >= 0 {
			return 1
		}
		return -1
	}
	ax := math.Abs(x)
	r := erfTail(ax, ix >= 0x4006DB6E)
	if hx >= 0 {
		return 1.0 - r/ax
	}
	return r/ax - 1.0
}

// libmErfc is the complementary error function.
func libmErfc(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	if math.IsInf(x, 0) {
		if x > 0 {
			return 0
		}
		return 2
	}
	hx := int32(hiWord(x))
	ix := hx & 0x7fffffff
	if ix < 0x3feb0000 { // |x| < 0.84375
		if ix < 0x3c700000 {
			return 1.0 - x
		}
		y := erfSmallRatio(x)
		if hx < 0x3fd00000 { // x < 1/4
			return 1.0 - (x + float64(x*y))
		}
		r := x * y
		r += x - 0.5
		return 0.5 - r
	}
	if ix < 0x3ff40000 { // < 1.25
		p, q := erfMidPQ(math.Abs(x) - 1.0)
		if hx >= 0 {
			z := 1.0 - erfErx
			return z - p/q
		}
		z := erfErx + p/q
		return 1.0 + z
	}
	if ix < 0x403c0000 { // |x| < 28
		ax := math.Abs(x)
		if ix >= 0x4006DB6D && hx < 0 && ix >= 0x40180000 {
			return 2 // x < -6
		}
		r := erfTail(ax, ix >= 0x4006DB6D)
		if hx > 0 {
			return r / ax
		}
		return 2.0 - r/ax
	}
	if hx > 0 {
		return 0
	}
	return 2
}
