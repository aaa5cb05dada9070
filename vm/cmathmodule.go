package vm

import (
	"math"
	"strings"
)

// The cmath module, written in Go (Modules/cmathmodule.c): the complex
// functions by CPython's formulas (which avoid spurious overflow and
// cancellation), its special-value tables for infinities and NaNs (C99
// Annex G), and its errors: errno EDOM is "math domain error", ERANGE
// "math range error". The real functions they call are the math
// module's, so that the results are CPython's on glibc.

func init() {
	RegisterModule("cmath", initCmathModule)
}

// cplx is a complex value being computed.
type cplx struct{ re, im float64 }

// cmathErr is the errno a cmath function sets.
type cmathErr int

const (
	cmOK cmathErr = iota
	cmDom
	cmRange
)

const (
	cmLargeDouble = math.MaxFloat64 / 4
	cmLn2         = 0.6931471805599453094
	cmLn10        = 2.302585092994045684
	cmScaleUp     = 2*(53/2) + 1
	cmScaleDown   = -(cmScaleUp + 1) / 2
	dblMin        = 0x1p-1022
)

var (
	cmSqrtLargeDouble = math.Sqrt(cmLargeDouble)
	cmLogLargeDouble  = crLog(cmLargeDouble)
	cmSqrtDblMin      = math.Sqrt(dblMin)
)

// specialType classifies a double as special_type does.
func specialType(d float64) int {
	switch {
	case math.IsNaN(d):
		return 6
	case math.IsInf(d, 1):
		return 5
	case math.IsInf(d, -1):
		return 0
	case d == 0:
		if math.Signbit(d) {
			return 2
		}
		return 3
	case d < 0:
		return 1
	}
	return 4
}

// The special-value tables, row by the real part's type (-inf, neg,
// -0, +0, pos, +inf, nan) and column by the imaginary part's; U marks
// cells never used.
var cmathTableText = map[string]string{
	"acos": `P34,INF P,INF P,INF P,-INF P,-INF P34,-INF N,INF
		P12,INF U,U U,U U,U U,U P12,-INF N,N
		P12,INF U,U P12,0 P12,-0 U,U P12,-INF P12,N
		P12,INF U,U P12,0 P12,-0 U,U P12,-INF P12,N
		P12,INF U,U U,U U,U U,U P12,-INF N,N
		P14,INF 0,INF 0,INF 0,-INF 0,-INF P14,-INF N,INF
		N,INF N,N N,N N,N N,N N,-INF N,N`,
	"acosh": `INF,-P34 INF,-P INF,-P INF,P INF,P INF,P34 INF,N
		INF,-P12 U,U U,U U,U U,U INF,P12 N,N
		INF,-P12 U,U 0,-P12 0,P12 U,U INF,P12 N,N
		INF,-P12 U,U 0,-P12 0,P12 U,U INF,P12 N,N
		INF,-P12 U,U U,U U,U U,U INF,P12 N,N
		INF,-P14 INF,-0 INF,-0 INF,0 INF,0 INF,P14 INF,N
		INF,N N,N N,N N,N N,N INF,N N,N`,
	"asinh": `-INF,-P14 -INF,-0 -INF,-0 -INF,0 -INF,0 -INF,P14 -INF,N
		-INF,-P12 U,U U,U U,U U,U -INF,P12 N,N
		-INF,-P12 U,U -0,-0 -0,0 U,U -INF,P12 N,N
		INF,-P12 U,U 0,-0 0,0 U,U INF,P12 N,N
		INF,-P12 U,U U,U U,U U,U INF,P12 N,N
		INF,-P14 INF,-0 INF,-0 INF,0 INF,0 INF,P14 INF,N
		INF,N N,N N,-0 N,0 N,N INF,N N,N`,
	"atanh": `-0,-P12 -0,-P12 -0,-P12 -0,P12 -0,P12 -0,P12 -0,N
		-0,-P12 U,U U,U U,U U,U -0,P12 N,N
		-0,-P12 U,U -0,-0 -0,0 U,U -0,P12 -0,N
		0,-P12 U,U 0,-0 0,0 U,U 0,P12 0,N
		0,-P12 U,U U,U U,U U,U 0,P12 N,N
		0,-P12 0,-P12 0,-P12 0,P12 0,P12 0,P12 0,N
		0,-P12 N,N N,N N,N N,N 0,P12 N,N`,
	"cosh": `INF,N U,U INF,0 INF,-0 U,U INF,N INF,N
		N,N U,U U,U U,U U,U N,N N,N
		N,0 U,U 1,0 1,-0 U,U N,0 N,0
		N,0 U,U 1,-0 1,0 U,U N,0 N,0
		N,N U,U U,U U,U U,U N,N N,N
		INF,N U,U INF,-0 INF,0 U,U INF,N INF,N
		N,N N,N N,0 N,0 N,N N,N N,N`,
	"exp": `0,0 U,U 0,-0 0,0 U,U 0,0 0,0
		N,N U,U U,U U,U U,U N,N N,N
		N,N U,U 1,-0 1,0 U,U N,N N,N
		N,N U,U 1,-0 1,0 U,U N,N N,N
		N,N U,U U,U U,U U,U N,N N,N
		INF,N U,U INF,-0 INF,0 U,U INF,N INF,N
		N,N N,N N,-0 N,0 N,N N,N N,N`,
	"log": `INF,-P34 INF,-P INF,-P INF,P INF,P INF,P34 INF,N
		INF,-P12 U,U U,U U,U U,U INF,P12 N,N
		INF,-P12 U,U -INF,-P -INF,P U,U INF,P12 N,N
		INF,-P12 U,U -INF,-0 -INF,0 U,U INF,P12 N,N
		INF,-P12 U,U U,U U,U U,U INF,P12 N,N
		INF,-P14 INF,-0 INF,-0 INF,0 INF,0 INF,P14 INF,N
		INF,N N,N N,N N,N N,N INF,N N,N`,
	"sinh": `INF,N U,U -INF,-0 -INF,0 U,U INF,N INF,N
		N,N U,U U,U U,U U,U N,N N,N
		0,N U,U -0,-0 -0,0 U,U 0,N 0,N
		0,N U,U 0,-0 0,0 U,U 0,N 0,N
		N,N U,U U,U U,U U,U N,N N,N
		INF,N U,U INF,-0 INF,0 U,U INF,N INF,N
		N,N N,N N,-0 N,0 N,N N,N N,N`,
	"sqrt": `INF,-INF 0,-INF 0,-INF 0,INF 0,INF INF,INF N,INF
		INF,-INF U,U U,U U,U U,U INF,INF N,N
		INF,-INF U,U 0,-0 0,0 U,U INF,INF N,N
		INF,-INF U,U 0,-0 0,0 U,U INF,INF N,N
		INF,-INF U,U U,U U,U U,U INF,INF N,N
		INF,-INF INF,-0 INF,-0 INF,0 INF,0 INF,INF INF,N
		INF,-INF N,N N,N N,N N,N INF,INF N,N`,
	"tanh": `-1,0 U,U -1,-0 -1,0 U,U -1,0 -1,0
		N,N U,U U,U U,U U,U N,N N,N
		N,N U,U -0,-0 -0,0 U,U N,N N,N
		N,N U,U 0,-0 0,0 U,U N,N N,N
		N,N U,U U,U U,U U,U N,N N,N
		1,0 U,U 1,-0 1,0 U,U 1,0 1,0
		N,N N,N N,-0 N,0 N,N N,N N,N`,
	"rect": `INF,N U,U -INF,0 -INF,-0 U,U INF,N INF,N
		N,N U,U U,U U,U U,U N,N N,N
		0,0 U,U -0,0 -0,-0 U,U 0,0 0,0
		0,0 U,U 0,-0 0,0 U,U 0,0 0,0
		N,N U,U U,U U,U U,U N,N N,N
		INF,N U,U INF,-0 INF,0 U,U INF,N INF,N
		N,N N,N N,0 N,0 N,N N,N N,N`,
}

var cmathTables = map[string]*[7][7]cplx{}

func init() {
	piF := math.Pi
	val := func(s string) float64 {
		switch s {
		case "P":
			return piF
		case "-P":
			return -piF
		case "P12":
			return 0.5 * piF
		case "-P12":
			return -0.5 * piF
		case "P14":
			return 0.25 * piF
		case "-P14":
			return -0.25 * piF
		case "P34":
			return 0.75 * piF
		case "-P34":
			return -0.75 * piF
		case "INF":
			return math.Inf(1)
		case "-INF":
			return math.Inf(-1)
		case "N":
			return math.NaN()
		case "U":
			return -9.5426319407711027e33
		case "0":
			return 0
		case "-0":
			return math.Copysign(0, -1)
		case "1":
			return 1
		case "-1":
			return -1
		}
		panic("cmath: bad special value " + s)
	}
	for name, text := range cmathTableText {
		var tab [7][7]cplx
		for i, row := range strings.Split(text, "\n") {
			for j, cell := range strings.Fields(row) {
				parts := strings.Split(cell, ",")
				tab[i][j] = cplx{val(parts[0]), val(parts[1])}
			}
		}
		cmathTables[name] = &tab
	}
}

func isFinite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

// cmSpecial returns the table's value for a non-finite z.
func cmSpecial(name string, z cplx) (cplx, bool) {
	if isFinite(z.re) && isFinite(z.im) {
		return cplx{}, false
	}
	return cmathTables[name][specialType(z.re)][specialType(z.im)], true
}

// cmHypot is C's hypot: glibc's.
func cmHypot(x, y float64) float64 { return glibcHypot(x, y) }

func cmSqrt(z cplx) (cplx, cmathErr) {
	if r, ok := cmSpecial("sqrt", z); ok {
		return r, cmOK
	}
	if z.re == 0 && z.im == 0 {
		return cplx{0, z.im}, cmOK
	}
	ax, ay := math.Abs(z.re), math.Abs(z.im)
	var s float64
	if ax < dblMin && ay < dblMin {
		ax = math.Ldexp(ax, cmScaleUp)
		s = math.Ldexp(math.Sqrt(ax+cmHypot(ax, math.Ldexp(ay, cmScaleUp))), cmScaleDown)
	} else {
		ax /= 8.
		s = 2. * math.Sqrt(ax+cmHypot(ax, ay/8.))
	}
	d := ay / (2. * s)
	if z.re >= 0 {
		return cplx{s, math.Copysign(d, z.im)}, cmOK
	}
	return cplx{d, math.Copysign(s, z.im)}, cmOK
}

func cmAcos(z cplx) (cplx, cmathErr) {
	if r, ok := cmSpecial("acos", z); ok {
		return r, cmOK
	}
	var r cplx
	if math.Abs(z.re) > cmLargeDouble || math.Abs(z.im) > cmLargeDouble {
		r.re = mAtan2(math.Abs(z.im), z.re)
		r.im = -math.Copysign(crLog(cmHypot(z.re/2., z.im/2.))+cmLn2*2., z.im)
	} else {
		s1, _ := cmSqrt(cplx{1. - z.re, -z.im})
		s2, _ := cmSqrt(cplx{1. + z.re, z.im})
		r.re = 2. * mAtan2(s1.re, s2.re)
		r.im = libmAsinh(float64(s2.re*s1.im) - float64(s2.im*s1.re))
	}
	return r, cmOK
}

func cmAcosh(z cplx) (cplx, cmathErr) {
	if r, ok := cmSpecial("acosh", z); ok {
		return r, cmOK
	}
	var r cplx
	if math.Abs(z.re) > cmLargeDouble || math.Abs(z.im) > cmLargeDouble {
		r.re = crLog(cmHypot(z.re/2., z.im/2.)) + cmLn2*2.
		r.im = mAtan2(z.im, z.re)
	} else {
		s1, _ := cmSqrt(cplx{z.re - 1., z.im})
		s2, _ := cmSqrt(cplx{z.re + 1., z.im})
		r.re = libmAsinh(float64(s1.re*s2.re) + float64(s1.im*s2.im))
		r.im = 2. * mAtan2(s1.im, s2.re)
	}
	return r, cmOK
}

func cmAsinh(z cplx) (cplx, cmathErr) {
	if r, ok := cmSpecial("asinh", z); ok {
		return r, cmOK
	}
	var r cplx
	if math.Abs(z.re) > cmLargeDouble || math.Abs(z.im) > cmLargeDouble {
		if z.im >= 0 {
			r.re = math.Copysign(crLog(cmHypot(z.re/2., z.im/2.))+cmLn2*2., z.re)
		} else {
			r.re = -math.Copysign(crLog(cmHypot(z.re/2., z.im/2.))+cmLn2*2., -z.re)
		}
		r.im = mAtan2(z.im, math.Abs(z.re))
	} else {
		s1, _ := cmSqrt(cplx{1. + z.im, -z.re})
		s2, _ := cmSqrt(cplx{1. - z.im, z.re})
		r.re = libmAsinh(float64(s1.re*s2.im) - float64(s2.re*s1.im))
		r.im = mAtan2(z.im, float64(s1.re*s2.re)-float64(s1.im*s2.im))
	}
	return r, cmOK
}

func cmAsin(z cplx) (cplx, cmathErr) {
	s, e := cmAsinh(cplx{-z.im, z.re})
	return cplx{s.im, -s.re}, e
}

func cmAtanh(z cplx) (cplx, cmathErr) {
	if r, ok := cmSpecial("atanh", z); ok {
		return r, cmOK
	}
	if z.re < 0 {
		r, e := cmAtanh(cplx{-z.re, -z.im})
		return cplx{-r.re, -r.im}, e
	}
	ay := math.Abs(z.im)
	switch {
	case z.re > cmSqrtLargeDouble || ay > cmSqrtLargeDouble:
		h := cmHypot(z.re/2., z.im/2.)
		return cplx{z.re / 4. / h / h, math.Copysign(math.Pi/2., z.im)}, cmOK
	case z.re == 1. && ay < cmSqrtDblMin:
		if ay == 0 {
			return cplx{math.Inf(1), z.im}, cmDom
		}
		return cplx{-crLog(math.Sqrt(ay) / math.Sqrt(cmHypot(ay, 2.))), math.Copysign(mAtan2(2., -ay)/2, z.im)}, cmOK
	}
	re := libmLog1p(4.*z.re/(float64((1-z.re)*(1-z.re))+float64(ay*ay))) / 4.
	im := -mAtan2(-2.*z.im, float64((1-z.re)*(1+z.re))-float64(ay*ay)) / 2.
	return cplx{re, im}, cmOK
}

func cmAtan(z cplx) (cplx, cmathErr) {
	s, e := cmAtanh(cplx{-z.im, z.re})
	return cplx{s.im, -s.re}, e
}

// cmInfinite handles cosh, sinh and exp of ±inf + iy for finite,
// nonzero y: infinities (or zeros) signed as cos y and sin y.
func cmSignedInf(c, s float64, cs, ss float64) cplx {
	return cplx{math.Copysign(c, cs), math.Copysign(s, ss)}
}

func cmCosh(z cplx) (cplx, cmathErr) {
	if !isFinite(z.re) || !isFinite(z.im) {
		var r cplx
		if math.IsInf(z.re, 0) && isFinite(z.im) && z.im != 0 {
			inf := math.Inf(1)
			if z.re > 0 {
				r = cmSignedInf(inf, inf, crCos(z.im), crSin(z.im))
			} else {
				r = cplx{math.Copysign(inf, crCos(z.im)), -math.Copysign(inf, crSin(z.im))}
			}
		} else {
			r = cmathTables["cosh"][specialType(z.re)][specialType(z.im)]
		}
		if math.IsInf(z.im, 0) && !math.IsNaN(z.re) {
			return r, cmDom
		}
		return r, cmOK
	}
	var r cplx
	if math.Abs(z.re) > cmLogLargeDouble {
		xm1 := z.re - math.Copysign(1., z.re)
		r.re = crCos(z.im) * libmCosh(xm1) * math.E
		r.im = crSin(z.im) * libmSinh(xm1) * math.E
	} else {
		r.re = crCos(z.im) * libmCosh(z.re)
		r.im = crSin(z.im) * libmSinh(z.re)
	}
	if math.IsInf(r.re, 0) || math.IsInf(r.im, 0) {
		return r, cmRange
	}
	return r, cmOK
}

func cmCos(z cplx) (cplx, cmathErr) { return cmCosh(cplx{-z.im, z.re}) }

func cmSinh(z cplx) (cplx, cmathErr) {
	if !isFinite(z.re) || !isFinite(z.im) {
		var r cplx
		if math.IsInf(z.re, 0) && isFinite(z.im) && z.im != 0 {
			inf := math.Inf(1)
			if z.re > 0 {
				r = cmSignedInf(inf, inf, crCos(z.im), crSin(z.im))
			} else {
				r = cplx{-math.Copysign(inf, crCos(z.im)), math.Copysign(inf, crSin(z.im))}
			}
		} else {
			r = cmathTables["sinh"][specialType(z.re)][specialType(z.im)]
		}
		if math.IsInf(z.im, 0) && !math.IsNaN(z.re) {
			return r, cmDom
		}
		return r, cmOK
	}
	var r cplx
	if math.Abs(z.re) > cmLogLargeDouble {
		xm1 := z.re - math.Copysign(1., z.re)
		r.re = crCos(z.im) * libmSinh(xm1) * math.E
		r.im = crSin(z.im) * libmCosh(xm1) * math.E
	} else {
		r.re = crCos(z.im) * libmSinh(z.re)
		r.im = crSin(z.im) * libmCosh(z.re)
	}
	if math.IsInf(r.re, 0) || math.IsInf(r.im, 0) {
		return r, cmRange
	}
	return r, cmOK
}

func cmSin(z cplx) (cplx, cmathErr) {
	s, e := cmSinh(cplx{-z.im, z.re})
	return cplx{s.im, -s.re}, e
}

func cmExp(z cplx) (cplx, cmathErr) {
	if !isFinite(z.re) || !isFinite(z.im) {
		var r cplx
		if math.IsInf(z.re, 0) && isFinite(z.im) && z.im != 0 {
			if z.re > 0 {
				inf := math.Inf(1)
				r = cmSignedInf(inf, inf, crCos(z.im), crSin(z.im))
			} else {
				r = cmSignedInf(0, 0, crCos(z.im), crSin(z.im))
			}
		} else {
			r = cmathTables["exp"][specialType(z.re)][specialType(z.im)]
		}
		if math.IsInf(z.im, 0) && (isFinite(z.re) || math.IsInf(z.re, 1)) {
			return r, cmDom
		}
		return r, cmOK
	}
	var r cplx
	if z.re > cmLogLargeDouble {
		l := glibcExp(z.re - 1.)
		r.re = l * crCos(z.im) * math.E
		r.im = l * crSin(z.im) * math.E
	} else {
		l := glibcExp(z.re)
		r.re = l * crCos(z.im)
		r.im = l * crSin(z.im)
	}
	if math.IsInf(r.re, 0) || math.IsInf(r.im, 0) {
		return r, cmRange
	}
	return r, cmOK
}

func cmLog(z cplx) (cplx, cmathErr) {
	if r, ok := cmSpecial("log", z); ok {
		return r, cmOK
	}
	ax, ay := math.Abs(z.re), math.Abs(z.im)
	var re float64
	switch {
	case ax > cmLargeDouble || ay > cmLargeDouble:
		re = crLog(cmHypot(ax/2., ay/2.)) + cmLn2
	case ax < dblMin && ay < dblMin:
		if ax > 0 || ay > 0 {
			re = crLog(cmHypot(math.Ldexp(ax, 53), math.Ldexp(ay, 53))) - 53*cmLn2
		} else {
			return cplx{math.Inf(-1), mAtan2(z.im, z.re)}, cmDom
		}
	default:
		h := cmHypot(ax, ay)
		if 0.71 <= h && h <= 1.73 {
			am, an := ax, ay
			if !(ax > ay) {
				am, an = ay, ax
			}
			re = libmLog1p(float64((am-1)*(am+1))+float64(an*an)) / 2.
		} else {
			re = crLog(h)
		}
	}
	return cplx{re, mAtan2(z.im, z.re)}, cmOK
}

func cmLog10(z cplx) (cplx, cmathErr) {
	r, e := cmLog(z)
	return cplx{r.re / cmLn10, r.im / cmLn10}, e
}

func cmTanh(z cplx) (cplx, cmathErr) {
	if !isFinite(z.re) || !isFinite(z.im) {
		var r cplx
		if math.IsInf(z.re, 0) && isFinite(z.im) && z.im != 0 {
			sc := float64(2.*crSin(z.im)) * crCos(z.im)
			if z.re > 0 {
				r = cplx{1.0, math.Copysign(0, sc)}
			} else {
				r = cplx{-1.0, math.Copysign(0, sc)}
			}
		} else {
			r = cmathTables["tanh"][specialType(z.re)][specialType(z.im)]
		}
		if math.IsInf(z.im, 0) && isFinite(z.re) {
			return r, cmDom
		}
		return r, cmOK
	}
	if math.Abs(z.re) > cmLogLargeDouble {
		return cplx{math.Copysign(1., z.re), float64(float64(4.*crSin(z.im))*crCos(z.im)) * glibcExp(-2.*math.Abs(z.re))}, cmOK
	}
	tx := libmTanh(z.re)
	ty := crTan(z.im)
	cx := 1. / libmCosh(z.re)
	txty := tx * ty
	denom := 1. + float64(txty*txty)
	return cplx{tx * (1. + float64(ty*ty)) / denom, ((ty / denom) * cx) * cx}, cmOK
}

func cmTan(z cplx) (cplx, cmathErr) {
	s, e := cmTanh(cplx{-z.im, z.re})
	return cplx{s.im, -s.re}, e
}

// cQuot is _Py_c_quot (Smith's algorithm); edom reports a division by
// zero.
func cQuot(a, b cplx) (cplx, bool) {
	abr, abi := math.Abs(b.re), math.Abs(b.im)
	switch {
	case abr >= abi:
		if abr == 0 {
			return cplx{}, true
		}
		ratio := b.im / b.re
		denom := b.re + float64(b.im*ratio)
		return cplx{(a.re + float64(a.im*ratio)) / denom, (a.im - float64(a.re*ratio)) / denom}, false
	case abi >= abr:
		ratio := b.re / b.im
		denom := float64(b.re*ratio) + b.im
		return cplx{(float64(a.re*ratio) + a.im) / denom, (float64(a.im*ratio) - a.re) / denom}, false
	}
	return cplx{math.NaN(), math.NaN()}, false
}

// cAbs is _Py_c_abs.
func cAbs(z cplx) (float64, cmathErr) {
	if !isFinite(z.re) || !isFinite(z.im) {
		switch {
		case math.IsInf(z.re, 0):
			return math.Abs(z.re), cmOK
		case math.IsInf(z.im, 0):
			return math.Abs(z.im), cmOK
		}
		return math.NaN(), cmOK
	}
	r := cmHypot(z.re, z.im)
	if !isFinite(r) {
		return r, cmRange
	}
	return r, cmOK
}

// cmathArg is PyComplex_AsCComplex.
func cmathArg(t *Thread, v Value) (cplx, error) {
	if re, im, ok := complexOf(v); ok {
		return cplx{re, im}, nil
	}
	if m := v.Type().LookupString("__complex__"); !m.IsNull() {
		r, err := callDunder(t, v, Intern("__complex__"))
		if err != nil {
			return cplx{}, err
		}
		re, im, ok := complexOf(r)
		if !ok {
			return cplx{}, t.typeErrorf("__complex__ returned non-complex (type %s)", typeName(r))
		}
		return cplx{re, im}, nil
	}
	x, err := mathFloat(t, v)
	return cplx{x, 0}, err
}

func cmathResult(t *Thread, r cplx, e cmathErr) (Value, error) {
	switch e {
	case cmDom:
		return Null, mathDomain(t)
	case cmRange:
		return Null, mathRange(t)
	}
	return Value{o: NewComplex(r.re, r.im)}, nil
}

func cmath1(name string, fn func(cplx) (cplx, cmathErr)) BuiltinFunc {
	qual := "cmath." + name
	return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, qual, args, kw); err != nil {
			return Null, err
		}
		z, err := cmathArg(t, args[0])
		if err != nil {
			return Null, err
		}
		r, e := fn(z)
		return cmathResult(t, r, e)
	}
}

var cmathIscloseSpec = clinicSpec{name: "isclose", params: []string{"a", "b", "rel_tol", "abs_tol"}, minpos: 2, maxpos: 2}

func initCmathModule(t *Thread, m *Module) error {
	m.Set("__doc__", NewStrValue("This module provides access to mathematical functions for complex\nnumbers."))
	m.Set("pi", Float(math.Pi))
	m.Set("e", Float(math.E))
	m.Set("tau", Float(2*math.Pi))
	m.Set("inf", Float(math.Inf(1)))
	m.Set("infj", Value{o: NewComplex(0, math.Inf(1))})
	m.Set("nan", Float(math.NaN()))
	m.Set("nanj", Value{o: NewComplex(0, math.NaN())})
	funcs := map[string]BuiltinFunc{
		"acos": cmath1("acos", cmAcos), "acosh": cmath1("acosh", cmAcosh),
		"asin": cmath1("asin", cmAsin), "asinh": cmath1("asinh", cmAsinh),
		"atan": cmath1("atan", cmAtan), "atanh": cmath1("atanh", cmAtanh),
		"cos": cmath1("cos", cmCos), "cosh": cmath1("cosh", cmCosh),
		"exp": cmath1("exp", cmExp), "log10": cmath1("log10", cmLog10),
		"sin": cmath1("sin", cmSin), "sinh": cmath1("sinh", cmSinh),
		"sqrt": cmath1("sqrt", cmSqrt), "tan": cmath1("tan", cmTan),
		"tanh": cmath1("tanh", cmTanh),
		"log": func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noKwargs(t, "cmath.log", kw); err != nil {
				return Null, err
			}
			if err := checkPositional(t, "log", args, nil, 1, 2); err != nil {
				return Null, err
			}
			x, err := cmathArg(t, args[0])
			if err != nil {
				return Null, err
			}
			r, e := cmLog(x)
			if len(args) == 2 {
				y, err := cmathArg(t, args[1])
				if err != nil {
					return Null, err
				}
				ly, e2 := cmLog(y)
				if e2 != cmOK {
					e = e2
				}
				q, edom := cQuot(r, ly)
				if edom {
					e = cmDom
				}
				r = q
			}
			return cmathResult(t, r, e)
		},
		"phase": func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "cmath.phase", args, kw); err != nil {
				return Null, err
			}
			z, err := cmathArg(t, args[0])
			if err != nil {
				return Null, err
			}
			phi := mAtan2(z.im, z.re)
			if phi == 0 && z.im != 0 && isFinite(z.re) {
				// glibc's atan2 reports the underflow with ERANGE.
				return Null, mathRange(t)
			}
			return Float(phi), nil
		},
		"polar": func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "cmath.polar", args, kw); err != nil {
				return Null, err
			}
			z, err := cmathArg(t, args[0])
			if err != nil {
				return Null, err
			}
			phi := mAtan2(z.im, z.re)
			r, e := cAbs(z)
			if e == cmRange {
				return Null, mathRange(t)
			}
			return Value{o: NewTuple(Float(r), Float(phi))}, nil
		},
		"rect": func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noKwargs(t, "cmath.rect", kw); err != nil {
				return Null, err
			}
			if err := checkPositional(t, "rect", args, nil, 2, 2); err != nil {
				return Null, err
			}
			r, err := mathFloat(t, args[0])
			if err != nil {
				return Null, err
			}
			phi, err := mathFloat(t, args[1])
			if err != nil {
				return Null, err
			}
			var z cplx
			e := cmOK
			switch {
			case !isFinite(r) || !isFinite(phi):
				if math.IsInf(r, 0) && isFinite(phi) && phi != 0 {
					inf := math.Inf(1)
					if r > 0 {
						z = cmSignedInf(inf, inf, crCos(phi), crSin(phi))
					} else {
						z = cplx{-math.Copysign(inf, crCos(phi)), -math.Copysign(inf, crSin(phi))}
					}
				} else {
					z = cmathTables["rect"][specialType(r)][specialType(phi)]
				}
				if r != 0 && !math.IsNaN(r) && math.IsInf(phi, 0) {
					e = cmDom
				}
			case phi == 0:
				z = cplx{r, r * phi}
			default:
				z = cplx{r * crCos(phi), r * crSin(phi)}
			}
			return cmathResult(t, z, e)
		},
		"isfinite": cmathPredicate("isfinite", func(z cplx) bool { return isFinite(z.re) && isFinite(z.im) }),
		"isnan":    cmathPredicate("isnan", func(z cplx) bool { return math.IsNaN(z.re) || math.IsNaN(z.im) }),
		"isinf":    cmathPredicate("isinf", func(z cplx) bool { return math.IsInf(z.re, 0) || math.IsInf(z.im, 0) }),
		"isclose": func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [4]Value
			if err := cmathIscloseSpec.parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			x, err := cmathArg(t, a[0])
			if err != nil {
				return Null, err
			}
			y, err := cmathArg(t, a[1])
			if err != nil {
				return Null, err
			}
			relTol, absTol, err := iscloseTolerances(t, a[2], a[3])
			if err != nil {
				return Null, err
			}
			if x.re == y.re && x.im == y.im {
				return True, nil
			}
			if math.IsInf(x.re, 0) || math.IsInf(x.im, 0) || math.IsInf(y.re, 0) || math.IsInf(y.im, 0) {
				return False, nil
			}
			diff, _ := cAbs(cplx{x.re - y.re, x.im - y.im})
			ab, _ := cAbs(y)
			aa, _ := cAbs(x)
			return Bool(diff <= relTol*ab || diff <= relTol*aa || diff <= absTol), nil
		},
	}
	for name, fn := range funcs {
		m.AddFunc(name, fn)
		if v, ok := m.dict.GetStr(name); ok {
			if b, ok := v.o.(*Builtin); ok {
				b.doc = cmathDocs[name]
			}
		}
	}
	return nil
}

func cmathPredicate(name string, pred func(cplx) bool) BuiltinFunc {
	qual := "cmath." + name
	return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, qual, args, kw); err != nil {
			return Null, err
		}
		z, err := cmathArg(t, args[0])
		if err != nil {
			return Null, err
		}
		return Bool(pred(z)), nil
	}
}
