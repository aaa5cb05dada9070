package vm

import (
	"math"
	"math/big"
	"math/bits"
)

// The math module, written in Go (Modules/mathmodule.c): the same
// functions, argument handling and errors ("math domain error", "math
// range error" and the messages of the integer functions). The results
// are CPython's on x86-64 glibc, bit for bit: the libm functions are
// glibc's algorithms where they can be reproduced (mathmodule_glibc.go:
// exp, exp2, pow; mathmodule_libm.go: the fdlibm family) and correctly
// rounded where glibc is (all but rarely, mathmodule_cr.go); fsum,
// hypot/dist (vector_norm), sumprod, gamma and lgamma follow CPython's
// own algorithms operation by operation.

func init() {
	RegisterModule("math", initMathModule)
}

// clinicSpec describes a function whose arguments Argument Clinic parses
// with _PyArg_UnpackKeywords, for its exact messages and their order.
type clinicSpec struct {
	name    string
	params  []string
	posonly int // the leading positional-only parameters
	minpos  int // the required positional parameters
	maxpos  int // the positional parameters
}

func (c *clinicSpec) parse(t *Thread, args []Value, kwnames []*Str, out []Value) error {
	nkw := len(kwnames)
	nargs := len(args) - nkw
	maxargs := len(c.params)
	for i := range out {
		out[i] = Null
	}
	if nargs+nkw > maxargs {
		kwd := ""
		if nargs == 0 {
			kwd = "keyword "
		}
		return t.typeErrorf("%s() takes at most %d %sargument%s (%d given)", c.name, maxargs, kwd, plural(maxargs), nargs+nkw)
	}
	if nargs > c.maxpos {
		if c.maxpos == 0 {
			return t.typeErrorf("%s() takes no positional arguments", c.name)
		}
		how := "exactly"
		if c.minpos < c.maxpos {
			how = "at most"
		}
		return t.typeErrorf("%s() takes %s %d positional argument%s (%d given)", c.name, how, c.maxpos, plural(c.maxpos), nargs)
	}
	if minposonly := min(c.posonly, c.minpos); nargs < minposonly {
		how := "exactly"
		if minposonly < c.maxpos {
			how = "at least"
		}
		return t.typeErrorf("%s() takes %s %d positional argument%s (%d given)", c.name, how, minposonly, plural(minposonly), nargs)
	}
	copy(out, args[:nargs])
	used := 0
	for i := max(nargs, c.posonly); i < maxargs; i++ {
		for k, kw := range kwnames {
			if kw.s == c.params[i] {
				out[i] = args[nargs+k]
				used++
				break
			}
		}
		if out[i].IsNull() && i < c.minpos {
			return t.typeErrorf("%s() missing required argument '%s' (pos %d)", c.name, c.params[i], i+1)
		}
	}
	if used < nkw {
		for _, kw := range kwnames {
			for i := c.posonly; i < nargs; i++ {
				if kw.s == c.params[i] {
					return t.typeErrorf("argument for %s() given by name ('%s') and position (%d)", c.name, kw.s, i+1)
				}
			}
		}
		for _, kw := range kwnames {
			known := false
			for i := c.posonly; i < maxargs; i++ {
				if kw.s == c.params[i] {
					known = true
				}
			}
			if !known {
				return t.typeErrorf("%s() got an unexpected keyword argument '%s'", c.name, kw.s)
			}
		}
	}
	return nil
}

// mathFloat is PyFloat_AsDouble for the math functions: a float, or what
// __float__ or __index__ gives; "must be real number, not X" otherwise.
func mathFloat(t *Thread, v Value) (float64, error) {
	if v.IsFloat() {
		return v.FloatVal(), nil
	}
	if v.IsSmallInt() || v.IsBool() {
		return float64(int64(v.n)), nil
	}
	if f, ok := floatOf(v); ok && sameSlot(v.Type().Number.Float, FloatType.Number.Float) {
		return f, nil
	}
	tp := v.Type()
	if tp.Number.Float == nil && tp.Number.Index == nil {
		return 0, t.typeErrorf("must be real number, not %s", tp.Name)
	}
	return floatFromObject(t, v)
}

// mathDomain and mathRange are the errors is_error raises.
func mathDomain(t *Thread) error { return t.valueErrorf("math domain error") }
func mathRange(t *Thread) error  { return t.raise(OverflowErrorType, "math range error") }

// math1 is math_1: a NaN from a non-NaN is a domain error, an infinity
// from a finite argument a range error (canOverflow) or a domain error.
func math1(name string, fn func(float64) float64, canOverflow bool) BuiltinFunc {
	qual := "math." + name
	return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, qual, args, kw); err != nil {
			return Null, err
		}
		x, err := mathFloat(t, args[0])
		if err != nil {
			return Null, err
		}
		r := fn(x)
		if math.IsNaN(r) && !math.IsNaN(x) {
			return Null, mathDomain(t)
		}
		if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
			if canOverflow {
				return Null, mathRange(t)
			}
			return Null, mathDomain(t)
		}
		return Float(r), nil
	}
}

// mathErrno is the errno a function reports (math_1a's functions).
type mathErrno int

const (
	mathErrNone mathErrno = iota
	mathErrDom
	mathErrRange
)

// math1a is math_1a: the function reports its own errors; a range error
// whose result is below 1.5 in magnitude is an underflow, not an error.
func math1a(name string, fn func(float64) (float64, mathErrno)) BuiltinFunc {
	qual := "math." + name
	return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, qual, args, kw); err != nil {
			return Null, err
		}
		x, err := mathFloat(t, args[0])
		if err != nil {
			return Null, err
		}
		r, e := fn(x)
		if err := mathIsError(t, r, e); err != nil {
			return Null, err
		}
		return Float(r), nil
	}
}

func mathIsError(t *Thread, r float64, e mathErrno) error {
	switch e {
	case mathErrDom:
		return mathDomain(t)
	case mathErrRange:
		if math.Abs(r) >= 1.5 {
			return mathRange(t)
		}
	}
	return nil
}

// math2 is math_2 for two-argument libm functions.
func math2(name string, fn func(x, y float64) float64) BuiltinFunc {
	qual := "math." + name
	return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noKwargs(t, qual, kw); err != nil {
			return Null, err
		}
		if err := checkPositional(t, name, args, nil, 2, 2); err != nil {
			return Null, err
		}
		x, err := mathFloat(t, args[0])
		if err != nil {
			return Null, err
		}
		y, err := mathFloat(t, args[1])
		if err != nil {
			return Null, err
		}
		r := fn(x, y)
		e := mathErrNone
		if math.IsNaN(r) {
			if !math.IsNaN(x) && !math.IsNaN(y) {
				e = mathErrDom
			}
		} else if math.IsInf(r, 0) {
			if !math.IsInf(x, 0) && !math.IsNaN(x) && !math.IsInf(y, 0) && !math.IsNaN(y) {
				e = mathErrRange
			}
		}
		if err := mathIsError(t, r, e); err != nil {
			return Null, err
		}
		return Float(r), nil
	}
}

// piF is π as a float64 variable: C computes 0.75*Py_MATH_PI and
// 180.0/Py_MATH_PI in double arithmetic, where Go would fold the
// untyped constants exactly.
var (
	piF      = math.Pi
	radToDeg = 180.0 / piF
	degToRad = piF / 180.0
)

// mAtan2 is m_atan2: the special values first, then libm.
func mAtan2(y, x float64) float64 {
	if math.IsNaN(x) || math.IsNaN(y) {
		return math.NaN()
	}
	if math.IsInf(y, 0) {
		if math.IsInf(x, 0) {
			if !math.Signbit(x) {
				return math.Copysign(0.25*math.Pi, y)
			}
			return math.Copysign(0.75*piF, y)
		}
		return math.Copysign(0.5*math.Pi, y)
	}
	if math.IsInf(x, 0) || y == 0 {
		if !math.Signbit(x) {
			return math.Copysign(0, y)
		}
		return math.Copysign(math.Pi, y)
	}
	return crAtan2(y, x)
}

// mRemainder is m_remainder: the IEEE 754 remainder, exact.
func mRemainder(x, y float64) float64 {
	if !math.IsInf(x, 0) && !math.IsNaN(x) && !math.IsInf(y, 0) && !math.IsNaN(y) {
		if y == 0 {
			return math.NaN()
		}
		ax, ay := math.Abs(x), math.Abs(y)
		m := cFmod(ax, ay)
		c := ay - m
		var r float64
		switch {
		case m < c:
			r = m
		case m > c:
			r = -c
		default:
			r = m - 2.0*cFmod(0.5*(ax-m), ay)
		}
		return math.Copysign(1, x) * r
	}
	switch {
	case math.IsNaN(x):
		return x
	case math.IsNaN(y):
		return y
	case math.IsInf(x, 0):
		return math.NaN()
	}
	return x
}

// mSinpi is m_sinpi: sin(π·x) for finite x, accurate near integers.
func mSinpi(x float64) float64 {
	y := cFmod(math.Abs(x), 2.0)
	n := int(math.Round(2.0 * y))
	var r float64
	switch n {
	case 0:
		r = crSin(math.Pi * y)
	case 1:
		r = crCos(math.Pi * (y - 0.5))
	case 2:
		r = crSin(math.Pi * (1.0 - y))
	case 3:
		r = -crCos(math.Pi * (y - 1.5))
	default:
		r = crSin(math.Pi * (y - 2.0))
	}
	return math.Copysign(1.0, x) * r
}

// The Lanczos approximation of CPython's m_tgamma and m_lgamma.
const (
	lanczosG         = 6.024680040776729583740234375
	lanczosGMinusHlf = 5.524680040776729583740234375
	logPi            = 1.144729885849400174143427351353058711647
)

var lanczosNum = [13]float64{
	23531376880.410759688572007674451636754734846804940,
	42919803642.649098768957899047001988850926355848959,
	35711959237.355668049440185451547166705960488635843,
	17921034426.037209699919755754458931112671403265390,
	6039542586.3520280050642916443072979210699388420708,
	1439720407.3117216736632230727949123939715485786772,
	248874557.86205415651146038641322942321632125127801,
	31426415.585400194380614231628318205362874684987640,
	2876370.6289353724412254090516208496135991145378768,
	186056.26539522349504029498971604569928220784236328,
	8071.6720023658162106380029022722506138218516325024,
	210.82427775157934587250973392071336271166969580291,
	2.5066282746310002701649081771338373386264310793408,
}

var lanczosDen = [13]float64{
	0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
	13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0}

var gammaIntegral = [23]float64{
	1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
	3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
	1307674368000.0, 20922789888000.0, 355687428096000.0,
	6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
	51090942171709440000.0, 1124000727777607680000.0,
}

func lanczosSum(x float64) float64 {
	num, den := 0.0, 0.0
	if x < 5.0 {
		for i := 12; i >= 0; i-- {
			num = num*x + lanczosNum[i]
			den = den*x + lanczosDen[i]
		}
	} else {
		for i := 0; i < 13; i++ {
			num = num/x + lanczosNum[i]
			den = den/x + lanczosDen[i]
		}
	}
	return num / den
}

// mTgamma is CPython's m_tgamma.
func mTgamma(x float64) (float64, mathErrno) {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		if math.IsNaN(x) || x > 0 {
			return x, mathErrNone
		}
		return math.NaN(), mathErrDom
	}
	if x == 0 {
		return math.Copysign(math.Inf(1), x), mathErrDom
	}
	if x == math.Floor(x) {
		if x < 0 {
			return math.NaN(), mathErrDom
		}
		if x <= 23 {
			return gammaIntegral[int(x)-1], mathErrNone
		}
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		r := 1.0 / x
		if math.IsInf(r, 0) {
			return r, mathErrRange
		}
		return r, mathErrNone
	}
	if absx > 200.0 {
		if x < 0.0 {
			return 0.0 / mSinpi(x), mathErrNone
		}
		return math.Inf(1), mathErrRange
	}
	y := absx + lanczosGMinusHlf
	var z float64
	if absx > lanczosGMinusHlf {
		q := y - absx
		z = q - lanczosGMinusHlf
	} else {
		q := y - lanczosGMinusHlf
		z = q - absx
	}
	z = z * lanczosG / y
	var r float64
	if x < 0.0 {
		r = -math.Pi / mSinpi(absx) / absx * crExp(y) / lanczosSum(absx)
		r -= z * r
		if absx < 140.0 {
			r /= crPowFinite(y, absx-0.5)
		} else {
			sqrtpow := crPowFinite(y, absx/2.0-0.25)
			r /= sqrtpow
			r /= sqrtpow
		}
	} else {
		r = lanczosSum(absx) / crExp(y)
		r += z * r
		if absx < 140.0 {
			r *= crPowFinite(y, absx-0.5)
		} else {
			sqrtpow := crPowFinite(y, absx/2.0-0.25)
			r *= sqrtpow
			r *= sqrtpow
		}
	}
	if math.IsInf(r, 0) {
		return r, mathErrRange
	}
	return r, mathErrNone
}

// mLgamma is CPython's m_lgamma.
func mLgamma(x float64) (float64, mathErrno) {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		if math.IsNaN(x) {
			return x, mathErrNone
		}
		return math.Inf(1), mathErrNone
	}
	if x == math.Floor(x) && x <= 2.0 {
		if x <= 0.0 {
			return math.Inf(1), mathErrDom
		}
		return 0.0, mathErrNone
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		return -crLog(absx), mathErrNone
	}
	r := crLog(lanczosSum(absx)) - lanczosG
	r += (absx - 0.5) * (crLog(absx+lanczosG-0.5) - 1)
	if x < 0.0 {
		r = logPi - crLog(math.Abs(mSinpi(absx))) - crLog(absx) - r
	}
	if math.IsInf(r, 0) {
		return r, mathErrRange
	}
	return r, mathErrNone
}

// libmErrno wraps a function whose errors math_1a finds from errno: for
// erf and erfc (never an error).
func noErrno(fn func(float64) float64) func(float64) (float64, mathErrno) {
	return func(x float64) (float64, mathErrno) { return fn(x), mathErrNone }
}

// mathFloorCeil is math.floor / math.ceil.
func mathFloorCeil(name string, dunder string, round func(float64) float64) BuiltinFunc {
	qual := "math." + name
	dn := Intern(dunder)
	return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, qual, args, kw); err != nil {
			return Null, err
		}
		v := args[0]
		if v.IsFloat() {
			return floatToInt(t, round(v.FloatVal()))
		}
		if v.IsSmallInt() {
			return v, nil
		}
		m, err := lookupSpecial(t, v, dn)
		if err != nil {
			return Null, err
		}
		if !m.IsNull() {
			return t.Call(m, nil, nil)
		}
		x, err := mathFloat(t, v)
		if err != nil {
			return Null, err
		}
		return floatToInt(t, round(x))
	}
}

// loghelper is CPython's: ints of any size are handled by splitting off a
// power of two, other values go through math_1.
func logHelper(t *Thread, v Value, fn func(float64) float64) (float64, error) {
	if v.IsIntLike() {
		i, _ := intConst(v)
		if i.Sign() <= 0 {
			return 0, mathDomain(t)
		}
		if x, err := i.Float64(); err == nil {
			return fn(x), nil
		}
		m, e := intFrexp(i.Big())
		return fn(m) + fn(2.0)*float64(e), nil
	}
	x, err := mathFloat(t, v)
	if err != nil {
		return 0, err
	}
	r := fn(x)
	if math.IsNaN(r) && !math.IsNaN(x) {
		return 0, mathDomain(t)
	}
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
		return 0, mathDomain(t)
	}
	return r, nil
}

// intFrexp is _PyLong_Frexp: n = m·2**e with 0.5 <= m < 1, m rounded to
// 53 bits (half to even).
func intFrexp(n *big.Int) (float64, int) {
	f := new(big.Float).SetInt(n)
	m, _ := new(big.Float).SetPrec(53).SetMode(big.ToNearestEven).Set(f).Float64()
	mm, e := math.Frexp(m)
	if math.IsInf(m, 0) {
		// Too large for a float64: scale first.
		var mant big.Float
		exp := f.MantExp(&mant)
		mf, _ := mant.SetPrec(53).Float64()
		if mf == 1 {
			mf = 0.5
			exp++
		}
		return mf, exp
	}
	return mm, e
}

// fsum is math.fsum: Shewchuk's exact partial sums as CPython computes
// them, with its special-value handling and final rounding.
func mathFsum(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := oneArg(t, "math.fsum", args, kw); err != nil {
		return Null, err
	}
	it, err := Iter(t, args[0])
	if err != nil {
		return Null, err
	}
	var p []float64
	specialSum, infSum := 0.0, 0.0
	for {
		item, err := Next(t, it)
		if err != nil {
			return Null, err
		}
		if item.IsNull() {
			break
		}
		x, err := mathFloat(t, item)
		if err != nil {
			return Null, err
		}
		xsave := x
		i := 0
		for _, y := range p {
			if math.Abs(x) < math.Abs(y) {
				x, y = y, x
			}
			hi := x + y
			yr := hi - x
			lo := y - yr
			if lo != 0 {
				p[i] = lo
				i++
			}
			x = hi
		}
		p = p[:i]
		if x != 0 {
			if math.IsInf(x, 0) || math.IsNaN(x) {
				if !math.IsInf(xsave, 0) && !math.IsNaN(xsave) {
					return Null, t.raise(OverflowErrorType, "intermediate overflow in fsum")
				}
				if math.IsInf(xsave, 0) {
					infSum += xsave
				}
				specialSum += xsave
				p = p[:0]
			} else {
				p = append(p, x)
			}
		}
	}
	if specialSum != 0 {
		if math.IsNaN(infSum) {
			return Null, t.valueErrorf("-inf + inf in fsum")
		}
		return Float(specialSum), nil
	}
	hi := 0.0
	n := len(p)
	if n > 0 {
		n--
		hi = p[n]
		var lo float64
		for n > 0 {
			x := hi
			n--
			y := p[n]
			hi = x + y
			yr := hi - x
			lo = y - yr
			if lo != 0 {
				break
			}
		}
		if n > 0 && ((lo < 0 && p[n-1] < 0) || (lo > 0 && p[n-1] > 0)) {
			y := lo * 2.0
			x := hi + y
			yr := x - hi
			if y == yr {
				hi = x
			}
		}
	}
	return Float(hi), nil
}

// Double-length arithmetic (CPython's DoubleLength helpers).

// dlFastSum is Fast2Sum for |a| >= |b|.
func dlFastSum(a, b float64) (hi, lo float64) {
	x := a + b
	z := x - a
	return x, b - z
}

// dlSum is 2Sum.
func dlSum(a, b float64) (hi, lo float64) {
	x := a + b
	z := x - a
	y := (a - (x - z)) + (b - z)
	return x, y
}

// dlMul is the exact product as a double-length number.
func dlMul(x, y float64) (hi, lo float64) {
	z := x * y
	return z, math.FMA(x, y, -z)
}

// vectorNorm is CPython's vector_norm: sqrt of the sum of squares with
// the scaling, exact squaring and the differential correction of 3.12+.
func vectorNorm(vec []float64, maxv float64, foundNaN bool) float64 {
	if math.IsInf(maxv, 0) {
		return maxv
	}
	if foundNaN {
		return math.NaN()
	}
	if maxv == 0 || len(vec) <= 1 {
		return maxv
	}
	_, maxE := math.Frexp(maxv)
	if maxE < -1023 {
		const dblMin = 2.2250738585072014e-308
		for i := range vec {
			vec[i] /= dblMin
		}
		return dblMin * vectorNorm(vec, maxv/dblMin, foundNaN)
	}
	scale := math.Ldexp(1.0, -maxE)
	csum, frac1, frac2 := 1.0, 0.0, 0.0
	for _, x := range vec {
		x *= scale
		prHi, prLo := dlMul(x, x)
		smHi, smLo := dlFastSum(csum, prHi)
		csum = smHi
		frac1 += prLo
		frac2 += smLo
	}
	h := math.Sqrt(csum - 1.0 + (frac1 + frac2))
	prHi, prLo := dlMul(-h, h)
	smHi, smLo := dlFastSum(csum, prHi)
	csum = smHi
	frac1 += prLo
	frac2 += smLo
	x := csum - 1.0 + (frac1 + frac2)
	h += x / (2.0 * h)
	return h / scale
}

func mathHypot(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := noKwargs(t, "math.hypot", kw); err != nil {
		return Null, err
	}
	vec := make([]float64, len(args))
	maxv := 0.0
	foundNaN := false
	for i, a := range args {
		x, err := mathFloat(t, a)
		if err != nil {
			return Null, err
		}
		x = math.Abs(x)
		vec[i] = x
		foundNaN = foundNaN || math.IsNaN(x)
		if x > maxv {
			maxv = x
		}
	}
	return Float(vectorNorm(vec, maxv, foundNaN)), nil
}

func mathDist(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := noKwargs(t, "math.dist", kw); err != nil {
		return Null, err
	}
	if err := checkPositional(t, "dist", args, nil, 2, 2); err != nil {
		return Null, err
	}
	seq := func(v Value) ([]Value, error) {
		if tu, ok := v.o.(*Tuple); ok {
			return tu.items, nil
		}
		return t.collectIterable(v, nil)
	}
	p, err := seq(args[0])
	if err != nil {
		return Null, err
	}
	q, err := seq(args[1])
	if err != nil {
		return Null, err
	}
	if len(p) != len(q) {
		return Null, t.valueErrorf("both points must have the same number of dimensions")
	}
	vec := make([]float64, len(p))
	maxv := 0.0
	foundNaN := false
	for i := range p {
		px, err := mathFloat(t, p[i])
		if err != nil {
			return Null, err
		}
		qx, err := mathFloat(t, q[i])
		if err != nil {
			return Null, err
		}
		x := math.Abs(px - qx)
		vec[i] = x
		foundNaN = foundNaN || math.IsNaN(x)
		if x > maxv {
			maxv = x
		}
	}
	return Float(vectorNorm(vec, maxv, foundNaN)), nil
}

// tripleLength is CPython's TripleLength accumulator of sumprod.
type tripleLength struct{ hi, lo, tiny float64 }

func tlFma(x, y float64, total tripleLength) tripleLength {
	prHi, prLo := dlMul(x, y)
	smHi, smLo := dlSum(total.hi, prHi)
	r1Hi, r1Lo := dlSum(total.lo, prLo)
	r2Hi, r2Lo := dlSum(r1Hi, smLo)
	return tripleLength{smHi, r2Hi, total.tiny + r1Lo + r2Lo}
}

func tlToD(total tripleLength) float64 {
	lastHi, lastLo := dlSum(total.lo, total.hi)
	return total.tiny + lastLo + lastHi
}

// mathSumprod is math.sumprod(p, q): the exact int path, the
// triple-length float path and the generic one, switched as CPython
// switches them.
func mathSumprod(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := noKwargs(t, "math.sumprod", kw); err != nil {
		return Null, err
	}
	if err := checkPositional(t, "sumprod", args, nil, 2, 2); err != nil {
		return Null, err
	}
	pIt, err := Iter(t, args[0])
	if err != nil {
		return Null, err
	}
	qIt, err := Iter(t, args[1])
	if err != nil {
		return Null, err
	}
	total := Int(0)
	intPath, fltPath := true, true
	var intTotal int64
	intInUse := false
	var fltTotal tripleLength
	fltInUse := false
	for {
		pi, err := Next(t, pIt)
		if err != nil {
			return Null, err
		}
		qi, err := Next(t, qIt)
		if err != nil {
			return Null, err
		}
		if pi.IsNull() != qi.IsNull() {
			return Null, t.valueErrorf("Inputs are not the same length")
		}
		finished := pi.IsNull()
		if intPath {
			if !finished && pi.IsSmallInt() && qi.IsSmallInt() {
				a, b := pi.SmallInt(), qi.SmallInt()
				hiP, loP := bits.Mul64(uabs64(a), uabs64(b))
				if hiP == 0 && loP <= math.MaxInt64 {
					prod := int64(loP)
					if (a < 0) != (b < 0) {
						prod = -prod
					}
					s := intTotal + prod
					if (s > intTotal) == (prod > 0) || prod == 0 {
						intTotal = s
						intInUse = true
						continue
					}
				}
			}
			intPath = false
			if intInUse {
				if total, err = BinaryOpArg(t, total, Int(intTotal), opAdd); err != nil {
					return Null, err
				}
				intTotal, intInUse = 0, false
			}
		}
		if fltPath {
			if !finished {
				var fp, fq float64
				ok := true
				switch {
				case pi.IsFloat() && qi.IsFloat():
					fp, fq = pi.FloatVal(), qi.FloatVal()
				case pi.IsFloat() && isExactIntOrBool(qi):
					fp = pi.FloatVal()
					fq, ok = exactIntToFloat(qi)
				case qi.IsFloat() && isExactIntOrBool(pi):
					fq = qi.FloatVal()
					fp, ok = exactIntToFloat(pi)
				default:
					ok = false
				}
				if ok {
					nt := tlFma(fp, fq, fltTotal)
					if !math.IsInf(nt.hi, 0) && !math.IsNaN(nt.hi) {
						fltTotal = nt
						fltInUse = true
						continue
					}
				}
			}
			fltPath = false
			if fltInUse {
				if total, err = BinaryOpArg(t, total, Float(tlToD(fltTotal)), opAdd); err != nil {
					return Null, err
				}
				fltTotal, fltInUse = tripleLength{}, false
			}
		}
		if finished {
			return total, nil
		}
		term, err := BinaryOpArg(t, pi, qi, opMul)
		if err != nil {
			return Null, err
		}
		if total, err = BinaryOpArg(t, total, term, opAdd); err != nil {
			return Null, err
		}
	}
}

func isExactIntOrBool(v Value) bool {
	if v.IsSmallInt() || v.IsBool() {
		return true
	}
	b, ok := v.o.(*BigInt)
	return ok && b.cls == IntType
}

func exactIntToFloat(v Value) (float64, bool) {
	i, _ := intConst(v)
	f, err := i.Float64()
	return f, err == nil
}

// mathIndexArg is PyNumber_Index as a pyconst-sized big.Int.
func mathIndexArg(t *Thread, v Value) (*big.Int, error) {
	r, err := Index(t, v)
	if err != nil {
		return nil, err
	}
	i, _ := intConst(r)
	return i.Big(), nil
}

func mathGcdLcm(name string, lcm bool) BuiltinFunc {
	return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noKwargs(t, "math."+name, kw); err != nil {
			return Null, err
		}
		if len(args) == 0 {
			if lcm {
				return Int(1), nil
			}
			return Int(0), nil
		}
		res, err := mathIndexArg(t, args[0])
		if err != nil {
			return Null, err
		}
		res.Abs(res)
		for _, a := range args[1:] {
			x, err := mathIndexArg(t, a)
			if err != nil {
				return Null, err
			}
			if lcm {
				if res.Sign() == 0 || x.Sign() == 0 {
					res.SetInt64(0)
					continue
				}
				g := new(big.Int).GCD(nil, nil, res, new(big.Int).Abs(x))
				res.Quo(res, g)
				res.Mul(res, x)
				res.Abs(res)
			} else {
				res.GCD(nil, nil, res, new(big.Int).Abs(x))
			}
		}
		return NewBigInt(res), nil
	}
}

func mathIsqrt(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := oneArg(t, "math.isqrt", args, kw); err != nil {
		return Null, err
	}
	n, err := mathIndexArg(t, args[0])
	if err != nil {
		return Null, err
	}
	if n.Sign() < 0 {
		return Null, t.valueErrorf("isqrt() argument must be nonnegative")
	}
	return NewBigInt(n.Sqrt(n)), nil
}

func mathFactorialOf(t *Thread, v Value) (Value, error) {
	n, err := mathIndexArg(t, v)
	if err != nil {
		return Null, err
	}
	if !n.IsInt64() {
		if n.Sign() < 0 {
			return Null, t.valueErrorf("factorial() not defined for negative values")
		}
		return Null, t.raisef(OverflowErrorType, "factorial() argument should not exceed %d", int64(math.MaxInt64))
	}
	k := n.Int64()
	if k < 0 {
		return Null, t.valueErrorf("factorial() not defined for negative values")
	}
	if k > 1<<24 {
		return Null, NewException(MemoryErrorType)
	}
	return NewBigInt(new(big.Int).MulRange(1, k)), nil
}

func mathFactorial(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := oneArg(t, "math.factorial", args, kw); err != nil {
		return Null, err
	}
	return mathFactorialOf(t, args[0])
}

// permComb computes perm(n, k) or comb(n, k) for 0 <= k <= n.
func permComb(n, k *big.Int, comb bool) *big.Int {
	if comb {
		nk := new(big.Int).Sub(n, k)
		if nk.Cmp(k) < 0 {
			k = nk
		}
	}
	kk := k.Int64()
	r := big.NewInt(1)
	f := new(big.Int)
	for i := int64(0); i < kk; i++ {
		f.Sub(n, big.NewInt(i))
		r.Mul(r, f)
		if comb {
			r.Quo(r, big.NewInt(i+1))
		}
	}
	return r
}

func mathPermComb(name string, comb bool) BuiltinFunc {
	return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noKwargs(t, "math."+name, kw); err != nil {
			return Null, err
		}
		lo := 2
		if !comb {
			lo = 1
		}
		if err := checkPositional(t, name, args, nil, lo, 2); err != nil {
			return Null, err
		}
		if !comb && (len(args) == 1 || args[1].IsNone()) {
			return mathFactorialOf(t, args[0])
		}
		n, err := mathIndexArg(t, args[0])
		if err != nil {
			return Null, err
		}
		k, err := mathIndexArg(t, args[1])
		if err != nil {
			return Null, err
		}
		if n.Sign() < 0 {
			return Null, t.valueErrorf("n must be a non-negative integer")
		}
		if k.Sign() < 0 {
			return Null, t.valueErrorf("k must be a non-negative integer")
		}
		if k.Cmp(n) > 0 {
			return Int(0), nil
		}
		small := k
		if comb {
			if nk := new(big.Int).Sub(n, k); nk.Cmp(k) < 0 {
				small = nk
			}
		}
		if !small.IsInt64() {
			what := "k"
			if comb {
				what = "min(n - k, k)"
			}
			return Null, t.raisef(OverflowErrorType, "%s must not exceed %d", what, int64(math.MaxInt64))
		}
		if small.Int64() > 1<<24 {
			return Null, NewException(MemoryErrorType)
		}
		return NewBigInt(permComb(n, k, comb)), nil
	}
}

var (
	iscloseSpec   = clinicSpec{name: "isclose", params: []string{"a", "b", "rel_tol", "abs_tol"}, minpos: 2, maxpos: 2}
	nextafterSpec = clinicSpec{name: "nextafter", params: []string{"x", "y", "steps"}, posonly: 2, minpos: 2, maxpos: 2}
	prodSpec      = clinicSpec{name: "prod", params: []string{"iterable", "start"}, posonly: 1, minpos: 1, maxpos: 1}
)

// iscloseTolerances reads isclose's rel_tol and abs_tol (NULL when not
// given), shared by math.isclose and cmath.isclose.
func iscloseTolerances(t *Thread, rel, abs Value) (relTol, absTol float64, err error) {
	relTol, absTol = 1e-09, 0.0
	if !rel.IsNull() {
		if relTol, err = mathFloat(t, rel); err != nil {
			return
		}
	}
	if !abs.IsNull() {
		if absTol, err = mathFloat(t, abs); err != nil {
			return
		}
	}
	if relTol < 0 || absTol < 0 {
		err = t.valueErrorf("tolerances must be non-negative")
	}
	return
}

func mathIsclose(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [4]Value
	if err := iscloseSpec.parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	x, err := mathFloat(t, a[0])
	if err != nil {
		return Null, err
	}
	y, err := mathFloat(t, a[1])
	if err != nil {
		return Null, err
	}
	relTol, absTol, err := iscloseTolerances(t, a[2], a[3])
	if err != nil {
		return Null, err
	}
	if x == y {
		return True, nil
	}
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return False, nil
	}
	diff := math.Abs(y - x)
	return Bool(diff <= math.Abs(relTol*y) || diff <= math.Abs(relTol*x) || diff <= absTol), nil
}

// cNextafter is C's nextafter (y when x == y, so that signed zeros move).
func cNextafter(x, y float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsNaN(y):
		return x + y
	case x == y:
		return y
	}
	return math.Nextafter(x, y)
}

func mathNextafter(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [3]Value
	if err := nextafterSpec.parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	x, err := mathFloat(t, a[0])
	if err != nil {
		return Null, err
	}
	y, err := mathFloat(t, a[1])
	if err != nil {
		return Null, err
	}
	if a[2].IsNull() || a[2].IsNone() {
		return Float(cNextafter(x, y)), nil
	}
	st, err := mathIndexArg(t, a[2])
	if err != nil {
		return Null, err
	}
	if st.Sign() < 0 {
		return Null, t.valueErrorf("steps must be a non-negative integer")
	}
	steps := uint64(math.MaxUint64)
	if st.IsUint64() {
		steps = st.Uint64()
	}
	if steps == 0 || math.IsNaN(x) {
		return Float(x), nil
	}
	if math.IsNaN(y) {
		return Float(y), nil
	}
	ux, uy := math.Float64bits(x), math.Float64bits(y)
	if ux == uy {
		return Float(x), nil
	}
	const signBit = uint64(1) << 63
	ax, ay := ux&^signBit, uy&^signBit
	switch {
	case (ux^uy)&signBit != 0:
		if ax+ay <= steps {
			return Float(y), nil
		}
		if ax < steps {
			return Float(math.Float64frombits(uy&signBit | (steps - ax))), nil
		}
		return Float(math.Float64frombits(ux - steps)), nil
	case ax > ay:
		if ax-ay >= steps {
			return Float(math.Float64frombits(ux - steps)), nil
		}
		return Float(y), nil
	default:
		if ay-ax >= steps {
			return Float(math.Float64frombits(ux + steps)), nil
		}
		return Float(y), nil
	}
}

func mathProd(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [2]Value
	if err := prodSpec.parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	result := Int(1)
	if !a[1].IsNull() {
		result = a[1]
	}
	it, err := Iter(t, a[0])
	if err != nil {
		return Null, err
	}
	for {
		item, err := Next(t, it)
		if err != nil {
			return Null, err
		}
		if item.IsNull() {
			return result, nil
		}
		if result, err = BinaryOpArg(t, result, item, opMul); err != nil {
			return Null, err
		}
	}
}

// mathLdexp is math.ldexp(x, i).
func mathLdexp(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := noKwargs(t, "math.ldexp", kw); err != nil {
		return Null, err
	}
	if err := checkPositional(t, "ldexp", args, nil, 2, 2); err != nil {
		return Null, err
	}
	x, err := mathFloat(t, args[0])
	if err != nil {
		return Null, err
	}
	if !args[1].IsIntLike() {
		return Null, t.typeErrorf("Expected an int as second argument to ldexp.")
	}
	i, _ := intConst(args[1])
	e, ok := i.Int64()
	if !ok {
		e = math.MaxInt64
		if i.Sign() < 0 {
			e = math.MinInt64
		}
	}
	var r float64
	switch {
	case x == 0 || math.IsInf(x, 0) || math.IsNaN(x):
		r = x
	case e > math.MaxInt32:
		return Null, mathRange(t)
	case e < math.MinInt32:
		r = math.Copysign(0, x)
	default:
		r = math.Ldexp(x, int(e))
		if math.IsInf(r, 0) {
			return Null, mathRange(t)
		}
	}
	return Float(r), nil
}

// mathPow is math.pow(x, y): the IEEE special values handled directly,
// libm's pow for finite operands.
func mathPow(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := noKwargs(t, "math.pow", kw); err != nil {
		return Null, err
	}
	if err := checkPositional(t, "pow", args, nil, 2, 2); err != nil {
		return Null, err
	}
	x, err := mathFloat(t, args[0])
	if err != nil {
		return Null, err
	}
	y, err := mathFloat(t, args[1])
	if err != nil {
		return Null, err
	}
	finite := func(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }
	var r float64
	if !finite(x) || !finite(y) {
		switch {
		case math.IsNaN(x):
			r = x
			if y == 0 {
				r = 1
			}
		case math.IsNaN(y):
			r = y
			if x == 1 {
				r = 1
			}
		case math.IsInf(x, 0):
			odd := finite(y) && cFmod(math.Abs(y), 2.0) == 1.0
			switch {
			case y > 0:
				r = math.Abs(x)
				if odd {
					r = x
				}
			case y == 0:
				r = 1
			default:
				r = 0
				if odd {
					r = math.Copysign(0, x)
				}
			}
		default: // y infinite
			switch {
			case math.Abs(x) == 1:
				r = 1
			case y > 0 && math.Abs(x) > 1:
				r = y
			case y < 0 && math.Abs(x) < 1:
				r = -y
			default:
				r = 0
			}
		}
		return Float(r), nil
	}
	r = crPowFinite(x, y)
	if math.IsNaN(r) {
		return Null, mathDomain(t)
	}
	if math.IsInf(r, 0) {
		if x == 0 {
			return Null, mathDomain(t)
		}
		return Null, mathRange(t)
	}
	return Float(r), nil
}

func mathFmod(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := noKwargs(t, "math.fmod", kw); err != nil {
		return Null, err
	}
	if err := checkPositional(t, "fmod", args, nil, 2, 2); err != nil {
		return Null, err
	}
	x, err := mathFloat(t, args[0])
	if err != nil {
		return Null, err
	}
	y, err := mathFloat(t, args[1])
	if err != nil {
		return Null, err
	}
	if math.IsInf(y, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
		return Float(x), nil
	}
	r := cFmod(x, y)
	if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
		return Null, mathDomain(t)
	}
	return Float(r), nil
}

func mathFma(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := noKwargs(t, "math.fma", kw); err != nil {
		return Null, err
	}
	if err := checkPositional(t, "fma", args, nil, 3, 3); err != nil {
		return Null, err
	}
	var v [3]float64
	for i := range v {
		x, err := mathFloat(t, args[i])
		if err != nil {
			return Null, err
		}
		v[i] = x
	}
	x, y, z := v[0], v[1], v[2]
	r := math.FMA(x, y, z)
	finite := func(f float64) bool { return !math.IsInf(f, 0) && !math.IsNaN(f) }
	if !finite(r) {
		if math.IsNaN(r) {
			if !math.IsNaN(x) && !math.IsNaN(y) && !math.IsNaN(z) {
				return Null, t.valueErrorf("invalid operation in fma")
			}
		} else if finite(x) && finite(y) && finite(z) {
			return Null, t.raise(OverflowErrorType, "overflow in fma")
		}
	}
	return Float(r), nil
}

func mathTrunc(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := oneArg(t, "math.trunc", args, kw); err != nil {
		return Null, err
	}
	v := args[0]
	if v.IsFloat() {
		return floatToInt(t, v.FloatVal())
	}
	m, err := lookupSpecial(t, v, Intern("__trunc__"))
	if err != nil {
		return Null, err
	}
	if m.IsNull() {
		return Null, t.typeErrorf("type %s doesn't define __trunc__ method", typeName(v))
	}
	return t.Call(m, nil, nil)
}

func mathFloatFunc(name string, fn func(t *Thread, x float64) (Value, error)) BuiltinFunc {
	qual := "math." + name
	return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, qual, args, kw); err != nil {
			return Null, err
		}
		x, err := mathFloat(t, args[0])
		if err != nil {
			return Null, err
		}
		return fn(t, x)
	}
}

func mathLog(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := noKwargs(t, "math.log", kw); err != nil {
		return Null, err
	}
	if err := checkPositional(t, "log", args, nil, 1, 2); err != nil {
		return Null, err
	}
	num, err := logHelper(t, args[0], mLog)
	if err != nil {
		return Null, err
	}
	if len(args) == 1 {
		return Float(num), nil
	}
	den, err := logHelper(t, args[1], mLog)
	if err != nil {
		return Null, err
	}
	if den == 0 {
		return Null, t.raise(ZeroDivisionErrorType, "float division by zero")
	}
	return Float(num / den), nil
}

// mLog is m_log: the special values, then libm's log.
func mLog(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x == 0:
		return math.Inf(-1)
	case x < 0:
		return math.NaN()
	}
	return crLog(x)
}

func mathLogN(name string, fn func(float64) float64) BuiltinFunc {
	qual := "math." + name
	return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, qual, args, kw); err != nil {
			return Null, err
		}
		r, err := logHelper(t, args[0], fn)
		if err != nil {
			return Null, err
		}
		return Float(r), nil
	}
}

func initMathModule(t *Thread, m *Module) error {
	m.Set("__doc__", NewStrValue("This module provides access to the mathematical functions\ndefined by the C standard."))
	m.Set("pi", Float(math.Pi))
	m.Set("e", Float(math.E))
	m.Set("tau", Float(2*math.Pi))
	m.Set("inf", Float(math.Inf(1)))
	m.Set("nan", Float(math.NaN()))
	funcs := map[string]BuiltinFunc{
		"acos":  math1("acos", crAcos, false),
		"acosh": math1("acosh", libmAcosh, false),
		"asin":  math1("asin", crAsin, false),
		"asinh": math1("asinh", libmAsinh, false),
		"atan":  math1("atan", crAtan, false),
		"atanh": math1("atanh", libmAtanh, false),
		"cbrt":  math1("cbrt", libmCbrt, false),
		"cos":   math1("cos", crCos, false),
		"cosh":  math1("cosh", libmCosh, true),
		"exp":   math1("exp", crExp, true),
		"exp2":  math1("exp2", crExp2, true),
		"expm1": math1("expm1", libmExpm1, true),
		"fabs":  math1("fabs", math.Abs, false),
		"log1p": math1("log1p", libmLog1p, false),
		"sin":   math1("sin", crSin, false),
		"sinh":  math1("sinh", libmSinh, true),
		"sqrt":  math1("sqrt", math.Sqrt, false),
		"tan":   math1("tan", crTan, false),
		"tanh":  math1("tanh", libmTanh, false),

		"erf":    math1a("erf", noErrno(libmErf)),
		"erfc":   math1a("erfc", noErrno(libmErfc)),
		"gamma":  math1a("gamma", mTgamma),
		"lgamma": math1a("lgamma", mLgamma),

		"atan2":     math2("atan2", mAtan2),
		"copysign":  math2("copysign", math.Copysign),
		"remainder": math2("remainder", mRemainder),

		"ceil":  mathFloorCeil("ceil", "__ceil__", math.Ceil),
		"floor": mathFloorCeil("floor", "__floor__", math.Floor),
		"trunc": mathTrunc,

		"log":   mathLog,
		"log2":  mathLogN("log2", crLog2),
		"log10": mathLogN("log10", libmLog10),

		"fsum":      mathFsum,
		"hypot":     mathHypot,
		"dist":      mathDist,
		"sumprod":   mathSumprod,
		"gcd":       mathGcdLcm("gcd", false),
		"lcm":       mathGcdLcm("lcm", true),
		"isqrt":     mathIsqrt,
		"factorial": mathFactorial,
		"comb":      mathPermComb("comb", true),
		"perm":      mathPermComb("perm", false),
		"isclose":   mathIsclose,
		"nextafter": mathNextafter,
		"prod":      mathProd,
		"ldexp":     mathLdexp,
		"pow":       mathPow,
		"fmod":      mathFmod,
		"fma":       mathFma,

		"degrees": mathFloatFunc("degrees", func(t *Thread, x float64) (Value, error) {
			return Float(x * radToDeg), nil
		}),
		"radians": mathFloatFunc("radians", func(t *Thread, x float64) (Value, error) {
			return Float(x * degToRad), nil
		}),
		"isfinite": mathFloatFunc("isfinite", func(t *Thread, x float64) (Value, error) {
			return Bool(!math.IsInf(x, 0) && !math.IsNaN(x)), nil
		}),
		"isinf": mathFloatFunc("isinf", func(t *Thread, x float64) (Value, error) {
			return Bool(math.IsInf(x, 0)), nil
		}),
		"isnan": mathFloatFunc("isnan", func(t *Thread, x float64) (Value, error) {
			return Bool(math.IsNaN(x)), nil
		}),
		"frexp": mathFloatFunc("frexp", func(t *Thread, x float64) (Value, error) {
			if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
				return Value{o: NewTuple(Float(x), Int(0))}, nil
			}
			f, e := math.Frexp(x)
			return Value{o: NewTuple(Float(f), Int(int64(e)))}, nil
		}),
		"modf": mathFloatFunc("modf", func(t *Thread, x float64) (Value, error) {
			if math.IsInf(x, 0) {
				return Value{o: NewTuple(Float(math.Copysign(0, x)), Float(x))}, nil
			}
			if math.IsNaN(x) {
				return Value{o: NewTuple(Float(x), Float(x))}, nil
			}
			ip, frac := math.Modf(x)
			return Value{o: NewTuple(Float(frac), Float(ip))}, nil
		}),
		"ulp": mathFloatFunc("ulp", func(t *Thread, x float64) (Value, error) {
			if math.IsNaN(x) {
				return Float(x), nil
			}
			x = math.Abs(x)
			if math.IsInf(x, 0) {
				return Float(x), nil
			}
			x2 := math.Nextafter(x, math.Inf(1))
			if math.IsInf(x2, 0) {
				x2 = math.Nextafter(x, math.Inf(-1))
				return Float(x - x2), nil
			}
			return Float(x2 - x), nil
		}),
	}
	for name, fn := range funcs {
		m.AddFunc(name, fn)
		if v, ok := m.dict.GetStr(name); ok {
			if b, ok := v.o.(*Builtin); ok {
				b.doc = mathDocs[name]
			}
		}
	}
	return nil
}

func init() {
	// A minimal builtins.__import__ for interpreters that lack one, so
	// that "import math" works; the builtins module's own, when present,
	// is kept.
	onSetup(func() {
		if _, ok := builtinFuncs["__import__"]; ok {
			return
		}
		builtinFuncs["__import__"] = func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			args = args[:len(args)-len(kw)]
			if len(args) == 0 {
				return Null, t.typeErrorf("__import__() missing required argument 'name' (pos 1)")
			}
			name, ok := args[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("__import__() argument 1 must be str, not %s", typeName(args[0]))
			}
			var globals *Dict
			if len(args) > 1 {
				globals, _ = args[1].o.(*Dict)
			}
			fromlist, level := None, 0
			if len(args) > 3 {
				fromlist = args[3]
			}
			if len(args) > 4 && args[4].IsSmallInt() {
				level = int(args[4].SmallInt())
			}
			return t.importModuleLevel(name.s, globals, fromlist, level)
		}
	})
}

// uabs64 is |v| as a uint64 (exact for math.MinInt64).
func uabs64(v int64) uint64 {
	if v < 0 {
		return -uint64(v)
	}
	return uint64(v)
}
