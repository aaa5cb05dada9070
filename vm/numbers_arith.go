package vm

import (
	"math"
	"math/bits"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// The arithmetic slots of float and complex, and the fast paths of int's,
// as Objects/floatobject.c and complexobject.c compute them at run time
// (the messages are 3.13's run-time ones: "float divmod()", "0.0 cannot be
// raised to a negative power", "complex division by zero" …). pyconst
// keeps the int arithmetic of any size and complex powers.

// floatOperand converts an operand of a float operation
// (CONVERT_TO_DOUBLE): a float, or an int (OverflowError when too large);
// ok is false for anything else.
func floatOperand(t *Thread, v Value) (x float64, ok bool, err error) {
	switch v.o {
	case floatTag:
		return v.FloatVal(), true, nil
	case intTag, boolTag:
		return float64(int64(v.n)), true, nil
	case nil:
		return 0, false, nil
	}
	switch o := v.o.(type) {
	case *FloatSub:
		return o.v, true, nil
	case *BigInt:
		f, err := pyconst.IntFromBig(o.v).Float64()
		if err != nil {
			return 0, true, constError(t, err)
		}
		return f, true, nil
	case *IntSub:
		return floatOperand(t, o.v)
	}
	return 0, false, nil
}

// floatArgPair converts both operands; handled is false when one is not
// a float or an int (the slot returns NotImplemented).
func floatArgPair(t *Thread, a, b Value) (x, y float64, handled bool, err error) {
	if a.o == floatTag && b.o == floatTag {
		return a.FloatVal(), b.FloatVal(), true, nil
	}
	x, ok, err := floatOperand(t, a)
	if !ok || err != nil {
		return 0, 0, ok, err
	}
	y, ok, err = floatOperand(t, b)
	return x, y, ok, err
}

func floatAdd(t *Thread, a, b Value) (Value, error) {
	x, y, ok, err := floatArgPair(t, a, b)
	if !ok || err != nil {
		return NotImplemented, err
	}
	return Float(x + y), nil
}

func floatSub(t *Thread, a, b Value) (Value, error) {
	x, y, ok, err := floatArgPair(t, a, b)
	if !ok || err != nil {
		return NotImplemented, err
	}
	return Float(x - y), nil
}

func floatMul(t *Thread, a, b Value) (Value, error) {
	x, y, ok, err := floatArgPair(t, a, b)
	if !ok || err != nil {
		return NotImplemented, err
	}
	return Float(x * y), nil
}

func floatTrueDiv(t *Thread, a, b Value) (Value, error) {
	x, y, ok, err := floatArgPair(t, a, b)
	if !ok || err != nil {
		return NotImplemented, err
	}
	if y == 0 {
		return Null, t.raise(ZeroDivisionErrorType, "float division by zero")
	}
	return Float(x / y), nil
}

func floatFloorDiv(t *Thread, a, b Value) (Value, error) {
	x, y, ok, err := floatArgPair(t, a, b)
	if !ok || err != nil {
		return NotImplemented, err
	}
	if y == 0 {
		return Null, t.raise(ZeroDivisionErrorType, "float floor division by zero")
	}
	q, _ := floatDivModValues(x, y)
	return Float(q), nil
}

func floatModSlot(t *Thread, a, b Value) (Value, error) {
	x, y, ok, err := floatArgPair(t, a, b)
	if !ok || err != nil {
		return NotImplemented, err
	}
	if y == 0 {
		return Null, t.raise(ZeroDivisionErrorType, "float modulo by zero")
	}
	return Float(floatModValue(x, y)), nil
}

func floatDivModSlot(t *Thread, a, b Value) (Value, error) {
	x, y, ok, err := floatArgPair(t, a, b)
	if !ok || err != nil {
		return NotImplemented, err
	}
	if y == 0 {
		return Null, t.raise(ZeroDivisionErrorType, "float divmod()")
	}
	q, r := floatDivModValues(x, y)
	return Value{o: NewTuple(Float(q), Float(r))}, nil
}

// cFmod is C's fmod: math.Mod for finite operands; for the others the NaN
// that x86 arithmetic gives.
func cFmod(x, y float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsNaN(y):
		return x * y
	case math.IsInf(x, 0) || y == 0:
		p := x * y
		return p / p
	}
	return math.Mod(x, y)
}

// floatModValue is float_rem for y != 0: the remainder has y's sign.
func floatModValue(x, y float64) float64 {
	mod := cFmod(x, y)
	if mod != 0 {
		if (y < 0) != (mod < 0) {
			mod += y
		}
	} else {
		mod = math.Copysign(0, y)
	}
	return mod
}

// floatDivModValues is _float_div_mod for y != 0.
func floatDivModValues(x, y float64) (floordiv, mod float64) {
	mod = cFmod(x, y)
	div := (x - mod) / y
	if mod != 0 {
		if (y < 0) != (mod < 0) {
			mod += y
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, y)
	}
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, x/y)
	}
	return floordiv, mod
}

// isOddInteger is DOUBLE_IS_ODD_INTEGER.
func isOddInteger(x float64) bool { return cFmod(math.Abs(x), 2.0) == 1.0 }

// errRange is the OverflowError of a libm result out of range:
// OverflowError(34, 'Numerical result out of range'), as
// PyErr_SetFromErrno(OverflowError) makes it.
func errRange(t *Thread) error {
	return NewException(OverflowErrorType, Int(34), NewStrValue("Numerical result out of range"))
}

// floatPowSlot is float's nb_power (float_pow).
func floatPowSlot(t *Thread, a, b, z Value) (Value, error) {
	if !z.IsNull() && !z.IsNone() {
		return Null, t.typeErrorf("pow() 3rd argument not allowed unless all arguments are integers")
	}
	iv, iw, ok, err := floatArgPair(t, a, b)
	if !ok || err != nil {
		return NotImplemented, err
	}
	return floatPowValues(t, iv, iw)
}

// floatPowValues is float_pow of two floats.
func floatPowValues(t *Thread, iv, iw float64) (Value, error) {
	switch {
	case iw == 0:
		return Float(1), nil
	case math.IsNaN(iv):
		return Float(iv), nil
	case math.IsNaN(iw):
		if iv == 1 {
			return Float(1), nil
		}
		return Float(iw), nil
	case math.IsInf(iw, 0):
		av := math.Abs(iv)
		switch {
		case av == 1:
			return Float(1), nil
		case (iw > 0) == (av > 1):
			return Float(math.Abs(iw)), nil
		}
		return Float(0), nil
	case math.IsInf(iv, 0):
		odd := isOddInteger(iw)
		if iw > 0 {
			if odd {
				return Float(iv), nil
			}
			return Float(math.Abs(iv)), nil
		}
		if odd {
			return Float(math.Copysign(0, iv)), nil
		}
		return Float(0), nil
	case iv == 0:
		if iw < 0 {
			return Null, t.raise(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power")
		}
		if isOddInteger(iw) {
			return Float(iv), nil
		}
		return Float(0), nil
	}
	negate := false
	x := iv
	if x < 0 {
		if iw != math.Floor(iw) {
			// A negative number to a fractional power is complex.
			return complexPowValues(t, iv, 0, iw, 0)
		}
		x = -x
		negate = isOddInteger(iw)
	}
	if x == 1 {
		if negate {
			return Float(-1), nil
		}
		return Float(1), nil
	}
	r := fastPow(x, iw)
	if math.IsInf(r, 0) {
		return Null, errRange(t)
	}
	if negate {
		r = -r
	}
	return Float(r), nil
}

// fastPow is libm's pow for a finite x > 0 other than 1 and a finite,
// nonzero y: glibc's, as CPython gets it (even x**2 and x**0.5 go
// through it, as in CPython, since its roundings can differ from x*x's).
func fastPow(x, y float64) float64 { return glibcPow(x, y) }

// complexPowValues is complex_pow of two complex numbers: repeated
// squaring for a small integral exponent, _Py_c_pow otherwise (with
// glibc's hypot, pow, exp, log, atan2, cos and sin).
func complexPowValues(t *Thread, ar, ai, br, bi float64) (Value, error) {
	a, b := cplx{ar, ai}, cplx{br, bi}
	var p cplx
	edom := false
	if b.im == 0 && b.re == math.Floor(b.re) && math.Abs(b.re) <= 100 {
		n := int64(b.re)
		if n > 0 {
			p = cPowu(a, n)
		} else {
			p, edom = cQuot(cplx{1, 0}, cPowu(a, -n))
		}
	} else {
		p, edom = cPow(a, b)
	}
	if edom {
		return Null, t.raise(ZeroDivisionErrorType, "0.0 to a negative or complex power")
	}
	if math.IsInf(p.re, 0) || math.IsInf(p.im, 0) {
		return Null, t.raise(OverflowErrorType, "complex exponentiation")
	}
	return Value{o: NewComplex(p.re, p.im)}, nil
}

// cProd is _Py_c_prod.
func cProd(a, b cplx) cplx {
	return cplx{float64(a.re*b.re) - float64(a.im*b.im), float64(a.re*b.im) + float64(a.im*b.re)}
}

// cPowu is c_powu: x**n for n >= 0 by repeated squaring.
func cPowu(x cplx, n int64) cplx {
	r := cplx{1, 0}
	p := x
	for mask := int64(1); mask > 0 && n >= mask; mask <<= 1 {
		if n&mask != 0 {
			r = cProd(r, p)
		}
		p = cProd(p, p)
	}
	return r
}

// cPow is _Py_c_pow; edom is errno's EDOM (zero to a negative or complex
// power, or the cosine of an infinite phase).
func cPow(a, b cplx) (cplx, bool) {
	switch {
	case b.re == 0 && b.im == 0:
		return cplx{1, 0}, false
	case a.re == 0 && a.im == 0:
		return cplx{}, b.im != 0 || b.re < 0
	}
	vabs := glibcHypot(a.re, a.im)
	length := glibcPow(vabs, b.re)
	at := mAtan2(a.im, a.re)
	phase := at * b.re
	if b.im != 0 {
		length /= glibcExp(at * b.im)
		phase += float64(b.im * mLog(vabs))
	}
	// cos and sin of an infinite phase set errno to EDOM, which CPython
	// reports as the zero-to-a-negative-power error.
	return cplx{length * crCos(phase), length * crSin(phase)}, math.IsInf(phase, 0)
}

// complexOperands converts the operands of a complex operation; handled
// is false when one is not a number.
func complexOperands(t *Thread, a, b Value) (ar, ai, br, bi float64, handled bool, err error) {
	conv := func(v Value) (float64, float64, bool, error) {
		if re, im, ok := complexOf(v); ok {
			return re, im, true, nil
		}
		x, ok, err := floatOperand(t, v)
		return x, 0, ok, err
	}
	ar, ai, ok, err := conv(a)
	if !ok || err != nil {
		return 0, 0, 0, 0, ok, err
	}
	br, bi, ok, err = conv(b)
	return ar, ai, br, bi, ok, err
}

func complexTrueDiv(t *Thread, a, b Value) (Value, error) {
	ar, ai, br, bi, ok, err := complexOperands(t, a, b)
	if !ok || err != nil {
		return NotImplemented, err
	}
	if br == 0 && bi == 0 {
		return Null, t.raise(ZeroDivisionErrorType, "complex division by zero")
	}
	r, err := pyconst.Binary(pyconst.OpTrueDiv, pyconst.Complex{Real: ar, Imag: ai}, pyconst.Complex{Real: br, Imag: bi})
	if err != nil {
		return Null, constError(t, err)
	}
	return fromNumConst(r), nil
}

func complexPowSlot(t *Thread, a, b, z Value) (Value, error) {
	ar, ai, br, bi, ok, err := complexOperands(t, a, b)
	if !ok || err != nil {
		return NotImplemented, err
	}
	if !z.IsNull() && !z.IsNone() {
		return Null, t.raise(ValueErrorType, "complex modulo")
	}
	return complexPowValues(t, ar, ai, br, bi)
}

// intPowSlot is int's nb_power: a negative exponent hands over to float
// pow, a modulus to intPowMod.
func intPowSlot(t *Thread, a, b, z Value) (Value, error) {
	if !z.IsNull() && !z.IsNone() {
		return intPowMod(t, a, b, z)
	}
	if !a.IsIntLike() || !b.IsIntLike() {
		return NotImplemented, nil
	}
	y, _ := intConst(b)
	if y.Sign() < 0 {
		x, _, err := floatOperand(t, a)
		if err != nil {
			return Null, err
		}
		w, _, err := floatOperand(t, b)
		if err != nil {
			return Null, err
		}
		return floatPowValues(t, x, w)
	}
	return numOp(t, pyconst.OpPow, 1, a, b)
}

// setupNumberFastSlots installs the slots above.
func setupNumberFastSlots() {
	for _, tp := range []*Type{IntType, BoolType} {
		n := &tp.Number
		n.Pow = intPowSlot
		n.Add = intAddSlot
		n.Sub = intSubSlot
		n.Mul = intMulSlot
		n.FloorDiv = intFloorDivSlot
		n.Mod = intModSlot
		n.LShift = intLShiftSlot
		n.RShift = intRShiftSlot
		n.Neg = intNegSlot
	}
	fn := &FloatType.Number
	fn.Add, fn.Sub, fn.Mul, fn.TrueDiv = floatAdd, floatSub, floatMul, floatTrueDiv
	fn.FloorDiv, fn.Mod, fn.DivMod, fn.Pow = floatFloorDiv, floatModSlot, floatDivModSlot, floatPowSlot
	cn := &ComplexType.Number
	cn.TrueDiv, cn.Pow = complexTrueDiv, complexPowSlot
	BoolType.Number.Invert = func(t *Thread, v Value) (Value, error) {
		if err := numDeprecation(t, "Bitwise inversion '~' on bool is deprecated and will be removed in Python 3.16. This returns the bitwise inversion of the underlying int object and is usually not what you expect from negating a bool. Use the 'not' operator for boolean negation or ~int(x) if you really want the bitwise inversion of the underlying int."); err != nil {
			return Null, err
		}
		i, _ := intConst(v)
		return fromNumConst(i.Invert()), nil
	}
}

// The int slots with a fast path for two small ints.

func intAddSlot(t *Thread, a, b Value) (Value, error) {
	if a.o == intTag && b.o == intTag {
		x, y := int64(a.n), int64(b.n)
		if s := x + y; (s > x) == (y > 0) {
			return Int(s), nil
		}
	}
	return numOp(t, pyconst.OpAdd, 1, a, b)
}

func intSubSlot(t *Thread, a, b Value) (Value, error) {
	if a.o == intTag && b.o == intTag {
		x, y := int64(a.n), int64(b.n)
		if s := x - y; (s < x) == (y > 0) {
			return Int(s), nil
		}
	}
	return numOp(t, pyconst.OpSub, 1, a, b)
}

func intMulSlot(t *Thread, a, b Value) (Value, error) {
	if a.IsSmallInt() && b.IsSmallInt() {
		x, y := int64(a.n), int64(b.n)
		hi, lo := bits.Mul64(uabs64(x), uabs64(y))
		if hi == 0 && lo <= math.MaxInt64 {
			if (x < 0) != (y < 0) {
				return Int(-int64(lo)), nil
			}
			return Int(int64(lo)), nil
		}
	}
	return numOp(t, pyconst.OpMul, 1, a, b)
}

func intFloorDivSlot(t *Thread, a, b Value) (Value, error) {
	if a.IsSmallInt() && b.IsSmallInt() {
		x, y := int64(a.n), int64(b.n)
		if y != 0 && !(x == math.MinInt64 && y == -1) {
			q := x / y
			if x%y != 0 && (x < 0) != (y < 0) {
				q--
			}
			return Int(q), nil
		}
	}
	return numOp(t, pyconst.OpFloorDiv, 1, a, b)
}

func intModSlot(t *Thread, a, b Value) (Value, error) {
	if a.IsSmallInt() && b.IsSmallInt() {
		x, y := int64(a.n), int64(b.n)
		if y != 0 && y != -1 {
			m := x % y
			if m != 0 && (m < 0) != (y < 0) {
				m += y
			}
			return Int(m), nil
		}
	}
	return numOp(t, pyconst.OpMod, 1, a, b)
}

func intLShiftSlot(t *Thread, a, b Value) (Value, error) {
	if a.IsSmallInt() && b.IsSmallInt() {
		x, n := int64(a.n), int64(b.n)
		if n >= 0 && n < 63 {
			if r := x << uint(n); r>>uint(n) == x {
				return Int(r), nil
			}
		}
	}
	if x, ok := intConst(a); ok && x.Sign() != 0 {
		if n, ok := intConst(b); ok && n.Sign() > 0 && lshiftTooManyDigits(x, n) {
			return Null, t.raise(OverflowErrorType, "too many digits in integer")
		}
	}
	return numOp(t, pyconst.OpLShift, 1, a, b)
}

// lshiftTooManyDigits reports whether x << n has more 30-bit digits than
// a CPython int can have (MAX_LONG_DIGITS on a 64-bit build), which is
// an OverflowError there rather than a failed allocation.
func lshiftTooManyDigits(x, n pyconst.Int) bool {
	const maxLongDigits = (1<<63 - 1 - 24) / 4
	k, ok := n.Int64()
	if !ok {
		return true
	}
	words, rem := k/30, k%30
	size := (int64(x.BitLen()) + 29) / 30
	if rem != 0 {
		size++
	}
	return words > maxLongDigits-size
}

func intRShiftSlot(t *Thread, a, b Value) (Value, error) {
	if a.IsSmallInt() && b.IsSmallInt() {
		x, n := int64(a.n), int64(b.n)
		if n >= 0 {
			return Int(x >> uint(min(n, 63))), nil
		}
	}
	return numOp(t, pyconst.OpRShift, 1, a, b)
}

func intNegSlot(t *Thread, v Value) (Value, error) {
	if v.IsSmallInt() && int64(v.n) != math.MinInt64 {
		return Int(-int64(v.n)), nil
	}
	i, _ := intConst(v)
	return fromNumConst(i.Neg()), nil
}
