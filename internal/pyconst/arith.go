package pyconst

// This file implements Python's operators on constants, with CPython
// 3.13's semantics: the operand coercions (bool → int → float → complex),
// the results' types and exact values, and which operations raise. The AST
// optimizer folds constant expressions with them; it applies CPython's size
// limits itself before calling them.
//
// Floats follow CPython's float object: the special cases of float_pow,
// float_floor_div and float_rem come first and the platform's pow() last;
// here pow() and the other libm functions that complex ** needs (exp, log,
// sin, cos, atan2, hypot) are correctly rounded (mathx.go), which is what
// glibc's are in all but rare cases. Complex arithmetic replays
// complexobject.c step by step (Smith's division, repeated squaring for
// small integer powers), in 3.13's form: a real operand becomes a complex
// with a +0.0 imaginary part before the operation, so 2*complex(inf, 0) is
// (inf+nanj).
//
// Go may fuse x*y+z into one rounding on some architectures; every product
// that is added to something is converted with float64() first, which the Go
// specification guarantees rounds it, so results are the same everywhere.

import (
	"math"
	"math/big"
	"strings"
)

// BinaryOp is a Python binary operator.
type BinaryOp uint8

// The binary operators, in the order of the ast module's operator class.
const (
	OpAdd BinaryOp = iota + 1
	OpSub
	OpMul
	OpMatMul
	OpTrueDiv
	OpMod
	OpPow
	OpLShift
	OpRShift
	OpOr
	OpXor
	OpAnd
	OpFloorDiv
)

var binaryOpSymbols = [...]string{"", "+", "-", "*", "@", "/", "%", "** or pow()", "<<", ">>", "|", "^", "&", "//"}

// String returns the operator as Python writes it in error messages.
func (op BinaryOp) String() string {
	if int(op) < len(binaryOpSymbols) {
		return binaryOpSymbols[op]
	}
	return "?"
}

// maxSequenceLen bounds the length of a str, bytes or tuple that an
// operation builds (in bytes for str). CPython has no such bound but would
// need the memory; a constant folder never comes near it.
const maxSequenceLen = 1 << 28

// Errors that several operations share.
var (
	errUnsupportedFormat = &Error{Type: "NotImplementedError", Msg: "pyconst: % formatting of str and bytes is not implemented"}
	errUnsupportedSet    = &Error{Type: "NotImplementedError", Msg: "pyconst: frozenset operators are not implemented"}
	errSeqTooLong        = &Error{Type: "MemoryError", Msg: ""}
	errIndexSized        = &Error{Type: "OverflowError", Msg: "cannot fit 'int' into an index-sized integer"}
)

func typeError(format string, args ...string) *Error {
	msg := format
	for _, a := range args {
		msg = strings.Replace(msg, "%s", a, 1)
	}
	return &Error{Type: "TypeError", Msg: msg}
}

func unsupportedOperands(op BinaryOp, a, b Value) *Error {
	return typeError("unsupported operand type(s) for %s: '%s' and '%s'", op.String(), a.TypeName(), b.TypeName())
}

// numeric kinds, in the order of coercion.
const (
	kindNone = iota
	kindInt
	kindFloat
	kindComplex
)

func numKind(v Value) int {
	switch v.(type) {
	case Bool, Int:
		return kindInt
	case Float:
		return kindFloat
	case Complex:
		return kindComplex
	}
	return kindNone
}

// asInt returns a bool or int as an Int.
func asInt(v Value) (Int, bool) {
	switch v := v.(type) {
	case Int:
		return v, true
	case Bool:
		return v.Int(), true
	}
	return Int{}, false
}

// toFloat converts a bool, int or float to a float64 as CPython's
// PyFloat_AsDouble does; an int too large is an OverflowError.
func toFloat(v Value) (float64, error) {
	if f, ok := v.(Float); ok {
		return float64(f), nil
	}
	i, _ := asInt(v)
	return i.Float64()
}

// toComplex converts a number to a complex as complexobject.c's to_complex
// does: a real number gets a +0.0 imaginary part.
func toComplex(v Value) (Complex, error) {
	if c, ok := v.(Complex); ok {
		return c, nil
	}
	f, err := toFloat(v)
	return Complex{Real: f}, err
}

// Binary returns a op b, as Python evaluates it for two constants, or the
// exception it raises as an [*Error]. Two things Python can do are not
// implemented and give an Error of type "NotImplementedError": % formatting
// of a str or bytes, and the set operators of frozensets. A sequence result
// of more than 2**28 items is refused with a MemoryError.
func Binary(op BinaryOp, a, b Value) (Value, error) {
	ka, kb := numKind(a), numKind(b)
	if ka != kindNone && kb != kindNone {
		switch max(ka, kb) {
		case kindInt:
			if ba, ok := a.(Bool); ok {
				if bb, ok := b.(Bool); ok {
					switch op {
					case OpAnd:
						return ba && bb, nil
					case OpOr:
						return ba || bb, nil
					case OpXor:
						return Bool(ba != bb), nil
					}
				}
			}
			x, _ := asInt(a)
			y, _ := asInt(b)
			return intBinary(op, x, y, a, b)
		case kindFloat:
			return floatBinary(op, a, b)
		default:
			return complexBinary(op, a, b)
		}
	}
	switch op {
	case OpAdd:
		switch a := a.(type) {
		case Str:
			if b, ok := b.(Str); ok {
				return concat(a, b)
			}
			return nil, typeError("can only concatenate str (not \"%s\") to str", b.TypeName())
		case Bytes:
			if b, ok := b.(Bytes); ok {
				return concat(a, b)
			}
			return nil, typeError("can't concat %s to bytes", b.TypeName())
		case Tuple:
			if b, ok := b.(Tuple); ok {
				if len(a)+len(b) > maxSequenceLen {
					return nil, errSeqTooLong
				}
				t := make(Tuple, 0, len(a)+len(b))
				return append(append(t, a...), b...), nil
			}
			return nil, typeError("can only concatenate tuple (not \"%s\") to tuple", b.TypeName())
		}
	case OpMul:
		if n, ok := asInt(b); ok && isSequence(a) {
			return repeat(a, n)
		}
		if n, ok := asInt(a); ok && isSequence(b) {
			return repeat(b, n)
		}
		if isSequence(a) || isSequence(b) {
			other := b
			if !isSequence(a) {
				other = a
			}
			return nil, typeError("can't multiply sequence by non-int of type '%s'", other.TypeName())
		}
	case OpMod:
		switch a.(type) {
		case Str, Bytes:
			return nil, errUnsupportedFormat
		}
	case OpSub, OpAnd, OpOr, OpXor:
		if _, ok := a.(FrozenSet); ok {
			if _, ok := b.(FrozenSet); ok {
				return nil, errUnsupportedSet
			}
		}
	}
	return nil, unsupportedOperands(op, a, b)
}

func isSequence(v Value) bool {
	switch v.(type) {
	case Str, Bytes, Tuple:
		return true
	}
	return false
}

func concat[S Str | Bytes](a, b S) (Value, error) {
	if len(a)+len(b) > maxSequenceLen {
		return nil, errSeqTooLong
	}
	return any(a + b).(Value), nil
}

// repeat returns seq * n: empty for n <= 0, an OverflowError when n does
// not fit in a Py_ssize_t.
func repeat(seq Value, n Int) (Value, error) {
	k, ok := n.Int64()
	if !ok {
		return nil, errIndexSized
	}
	if k < 0 {
		k = 0
	}
	var size int
	switch s := seq.(type) {
	case Str:
		size = len(s)
	case Bytes:
		size = len(s)
	case Tuple:
		size = len(s)
	}
	if size > 0 && k > int64(maxSequenceLen/size) {
		return nil, errSeqTooLong
	}
	switch s := seq.(type) {
	case Str:
		return Str(strings.Repeat(string(s), int(k))), nil
	case Bytes:
		return Bytes(strings.Repeat(string(s), int(k))), nil
	default:
		t := seq.(Tuple)
		out := make(Tuple, 0, len(t)*int(k))
		for range k {
			out = append(out, t...)
		}
		return out, nil
	}
}

// ---- int ----

func intBinary(op BinaryOp, x, y Int, a, b Value) (Value, error) {
	switch op {
	case OpAdd:
		return x.Add(y), nil
	case OpSub:
		return x.Sub(y), nil
	case OpMul:
		return x.Mul(y), nil
	case OpTrueDiv:
		f, err := intTrueDiv(x, y)
		if err != nil {
			return nil, err
		}
		return Float(f), nil
	case OpFloorDiv:
		return wrapInt(x.FloorDiv(y))
	case OpMod:
		return wrapInt(x.Mod(y))
	case OpPow:
		if y.Sign() < 0 {
			// long_pow hands a negative exponent to float_pow.
			return floatBinary(OpPow, a, b)
		}
		return wrapInt(x.Pow(y))
	case OpLShift:
		return wrapInt(x.LShift(y))
	case OpRShift:
		return wrapInt(x.RShift(y))
	case OpAnd:
		return x.And(y), nil
	case OpOr:
		return x.Or(y), nil
	case OpXor:
		return x.Xor(y), nil
	}
	return nil, unsupportedOperands(op, a, b)
}

func wrapInt(i Int, err error) (Value, error) {
	if err != nil {
		return nil, err
	}
	return i, nil
}

// intTrueDiv returns x / y correctly rounded, as CPython's long_true_divide.
func intTrueDiv(x, y Int) (float64, error) {
	if y.Sign() == 0 {
		return 0, &Error{Type: "ZeroDivisionError", Msg: "division by zero"}
	}
	const exact = 1 << 53
	if a, ok := x.Int64(); ok && a > -exact && a < exact {
		if b, ok := y.Int64(); ok && b > -exact && b < exact {
			return float64(a) / float64(b), nil
		}
	}
	f, _ := new(big.Rat).SetFrac(x.bigOf(), y.bigOf()).Float64()
	if math.IsInf(f, 0) {
		return 0, &Error{Type: "OverflowError", Msg: "integer division result too large for a float"}
	}
	if f == 0 && (x.Sign() < 0) != (y.Sign() < 0) {
		f = math.Copysign(0, -1)
	}
	return f, nil
}

// ---- float ----

func floatBinary(op BinaryOp, a, b Value) (Value, error) {
	switch op {
	case OpAdd, OpSub, OpMul, OpTrueDiv, OpFloorDiv, OpMod, OpPow:
	default:
		return nil, unsupportedOperands(op, a, b)
	}
	x, err := toFloat(a)
	if err != nil {
		return nil, err
	}
	y, err := toFloat(b)
	if err != nil {
		return nil, err
	}
	if math.IsNaN(x) && math.IsNaN(y) && (op == OpAdd || op == OpMul) {
		// CPython's compiled a + b and a * b give b's NaN when both are.
		return Float(y), nil
	}
	switch op {
	case OpAdd:
		return Float(x + y), nil
	case OpSub:
		return Float(x - y), nil
	case OpMul:
		return Float(x * y), nil
	case OpTrueDiv:
		if y == 0 {
			return nil, &Error{Type: "ZeroDivisionError", Msg: "float division by zero"}
		}
		return Float(x / y), nil
	case OpFloorDiv:
		if y == 0 {
			return nil, &Error{Type: "ZeroDivisionError", Msg: "float floor division by zero"}
		}
		q, _ := floatDivMod(x, y)
		return Float(q), nil
	case OpMod:
		if y == 0 {
			return nil, &Error{Type: "ZeroDivisionError", Msg: "float modulo by zero"}
		}
		return Float(floatMod(x, y)), nil
	}
	return floatPow(x, y, a, b)
}

// cFmod is C's fmod: math.Mod for finite operands; for the others, the NaN
// that x87/SSE arithmetic gives (an operand's NaN, or the default NaN).
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

// floatMod is CPython's float_rem for y != 0.
func floatMod(x, y float64) float64 {
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

// floatDivMod is CPython's _float_div_mod for y != 0.
func floatDivMod(x, y float64) (floordiv, mod float64) {
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

// isOddInteger is CPython's DOUBLE_IS_ODD_INTEGER.
func isOddInteger(x float64) bool { return cFmod(math.Abs(x), 2.0) == 1.0 }

// floatPow is CPython's float_pow: its special cases, then a correctly
// rounded pow for finite positive bases. A negative base with a non-integer
// exponent gives a complex, computed from the original operands a and b.
func floatPow(iv, iw float64, a, b Value) (Value, error) {
	switch {
	case iw == 0:
		return Float(1.0), nil
	case math.IsNaN(iv):
		return Float(iv), nil
	case math.IsNaN(iw):
		if iv == 1.0 {
			return Float(1.0), nil
		}
		return Float(iw), nil
	case math.IsInf(iw, 0):
		iv = math.Abs(iv)
		switch {
		case iv == 1.0:
			return Float(1.0), nil
		case (iw > 0) == (iv > 1.0):
			return Float(math.Abs(iw)), nil
		}
		return Float(0.0), nil
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
		return Float(0.0), nil
	case iv == 0:
		if iw < 0 {
			return nil, &Error{Type: "ZeroDivisionError", Msg: "zero to a negative power"}
		}
		if isOddInteger(iw) {
			return Float(iv), nil
		}
		return Float(0.0), nil
	}
	negate := false
	if iv < 0 {
		if iw != math.Floor(iw) {
			return complexBinary(OpPow, a, b)
		}
		iv = -iv
		negate = isOddInteger(iw)
	}
	if iv == 1.0 {
		if negate {
			return Float(-1.0), nil
		}
		return Float(1.0), nil
	}
	ix := crPow(iv, iw)
	if math.IsInf(ix, 0) {
		return nil, &Error{Type: "OverflowError", Msg: "[Errno 34] Numerical result out of range"}
	}
	if negate {
		ix = -ix
	}
	return Float(ix), nil
}

// ---- complex ----

func complexBinary(op BinaryOp, a, b Value) (Value, error) {
	switch op {
	case OpAdd, OpSub, OpMul, OpTrueDiv, OpPow:
	case OpFloorDiv, OpMod:
		return nil, typeError("unsupported operand type(s) for %s: '%s' and '%s'", op.String(), a.TypeName(), b.TypeName())
	default:
		return nil, unsupportedOperands(op, a, b)
	}
	x, err := toComplex(a)
	if err != nil {
		return nil, err
	}
	y, err := toComplex(b)
	if err != nil {
		return nil, err
	}
	switch op {
	case OpAdd:
		return Complex{x.Real + y.Real, x.Imag + y.Imag}, nil
	case OpSub:
		return Complex{x.Real - y.Real, x.Imag - y.Imag}, nil
	case OpMul:
		return cProd(x, y), nil
	case OpTrueDiv:
		q, edom := cQuot(x, y)
		if edom {
			return nil, &Error{Type: "ZeroDivisionError", Msg: "division by zero"}
		}
		return q, nil
	}
	return complexPow(x, y)
}

// cProd is CPython's _Py_c_prod.
func cProd(a, b Complex) Complex {
	return Complex{
		Real: float64(a.Real*b.Real) - float64(a.Imag*b.Imag),
		Imag: float64(a.Real*b.Imag) + float64(a.Imag*b.Real),
	}
}

// cQuot is CPython 3.13's _Py_c_quot (Smith's algorithm); edom reports a
// division by zero.
func cQuot(a, b Complex) (r Complex, edom bool) {
	absBReal, absBImag := math.Abs(b.Real), math.Abs(b.Imag)
	switch {
	case absBReal >= absBImag:
		if absBReal == 0 {
			return Complex{}, true
		}
		ratio := b.Imag / b.Real
		denom := b.Real + float64(b.Imag*ratio)
		r.Real = (a.Real + float64(a.Imag*ratio)) / denom
		r.Imag = (a.Imag - float64(a.Real*ratio)) / denom
	case absBImag >= absBReal:
		ratio := b.Real / b.Imag
		denom := float64(b.Real*ratio) + b.Imag
		r.Real = (float64(a.Real*ratio) + a.Imag) / denom
		r.Imag = (float64(a.Imag*ratio) - a.Real) / denom
	default: // a NaN
		r.Real, r.Imag = pyNaN, pyNaN
	}
	return r, false
}

// complexPow is CPython's complex_pow: repeated squaring for an integer
// exponent of at most 100 in magnitude, _Py_c_pow otherwise; a result with
// an infinite part is an OverflowError.
func complexPow(a, b Complex) (Value, error) {
	var p Complex
	edom := false
	if b.Imag == 0 && b.Real == math.Floor(b.Real) && math.Abs(b.Real) <= 100 {
		n := int64(b.Real)
		if n > 0 {
			p = cPowu(a, n)
		} else {
			p, edom = cQuot(Complex{Real: 1}, cPowu(a, -n))
		}
	} else {
		p, edom = cPow(a, b)
	}
	if edom {
		return nil, &Error{Type: "ZeroDivisionError", Msg: "zero to a negative or complex power"}
	}
	if math.IsInf(p.Real, 0) || math.IsInf(p.Imag, 0) {
		return nil, &Error{Type: "OverflowError", Msg: "complex exponentiation"}
	}
	return p, nil
}

// cPowu is CPython's c_powu: x**n for n >= 0 by repeated squaring.
func cPowu(x Complex, n int64) Complex {
	r := Complex{Real: 1}
	p := x
	for mask := int64(1); mask > 0 && n >= mask; mask <<= 1 {
		if n&mask != 0 {
			r = cProd(r, p)
		}
		p = cProd(p, p)
	}
	return r
}

// pyNaN is CPython's Py_NAN, C's NAN: the quiet NaN with a clear sign bit.
var pyNaN = math.Float64frombits(0x7ff8000000000000)

// cPow is CPython's _Py_c_pow, with correctly rounded libm functions. Like
// glibc's, sin and cos of an infinity set errno to EDOM, which complex_pow
// reports as a ZeroDivisionError.
func cPow(a, b Complex) (r Complex, edom bool) {
	switch {
	case b.Real == 0 && b.Imag == 0:
		return Complex{Real: 1}, false
	case a.Real == 0 && a.Imag == 0:
		return Complex{}, b.Imag != 0 || b.Real < 0
	}
	vabs := crHypot(a.Real, a.Imag)
	length := libmPow(vabs, b.Real)
	at := crAtan2(a.Imag, a.Real)
	phase := at * b.Real
	if b.Imag != 0 {
		length /= crExp(at * b.Imag)
		phase += float64(b.Imag * crLog(vabs))
	}
	return Complex{Real: length * crCos(phase), Imag: length * crSin(phase)}, math.IsInf(phase, 0)
}

// ---- unary operators ----

// Negative returns -v, or a TypeError for a value that is not a number.
func Negative(v Value) (Value, error) {
	switch v := v.(type) {
	case Bool:
		return v.Int().Neg(), nil
	case Int:
		return v.Neg(), nil
	case Float:
		return -v, nil
	case Complex:
		return Complex{-v.Real, -v.Imag}, nil
	}
	return nil, typeError("bad operand type for unary -: '%s'", v.TypeName())
}

// Positive returns +v (a bool becomes an int), or a TypeError for a value
// that is not a number.
func Positive(v Value) (Value, error) {
	switch v := v.(type) {
	case Bool:
		return v.Int(), nil
	case Int, Float, Complex:
		return v, nil
	}
	return nil, typeError("bad operand type for unary +: '%s'", v.TypeName())
}

// Invert returns ~v for a bool or int, or a TypeError. (CPython 3.13 also
// issues a DeprecationWarning for ~ on a bool.)
func Invert(v Value) (Value, error) {
	if i, ok := asInt(v); ok {
		return i.Invert(), nil
	}
	return nil, typeError("bad operand type for unary ~: '%s'", v.TypeName())
}

// Truth reports whether v is true in Python: None and zeros and empty
// containers are false, everything else (NaN included) is true.
func Truth(v Value) bool {
	switch v := v.(type) {
	case NoneType:
		return false
	case Bool:
		return bool(v)
	case Int:
		return v.Sign() != 0
	case Float:
		return v != 0
	case Complex:
		return v.Real != 0 || v.Imag != 0
	case Str:
		return len(v) > 0
	case Bytes:
		return len(v) > 0
	case Tuple:
		return len(v) > 0
	case FrozenSet:
		return v.Len() > 0
	}
	return true
}

// GetItem returns container[key] for a str, bytes or tuple container and a
// bool or int key (an item of a bytes is an int), or the exception Python
// raises: an IndexError out of range, a TypeError for other types.
func GetItem(container, key Value) (Value, error) {
	var n int
	switch c := container.(type) {
	case Str:
		n = -1
	case Bytes:
		n = len(c)
	case Tuple:
		n = len(c)
	default:
		return nil, typeError("'%s' object is not subscriptable", container.TypeName())
	}
	k, ok := asInt(key)
	if !ok {
		return nil, typeError("%s indices must be integers or slices, not %s", container.TypeName(), key.TypeName())
	}
	i, ok := k.Int64()
	if !ok {
		return nil, &Error{Type: "IndexError", Msg: "cannot fit 'int' into an index-sized integer"}
	}
	if s, isStr := container.(Str); isStr {
		n = s.Len()
	}
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return nil, &Error{Type: "IndexError", Msg: container.TypeName() + " index out of range"}
	}
	switch c := container.(type) {
	case Str:
		j := int64(0)
		off := 0
		for off < len(c) {
			_, size := DecodeRune(string(c[off:]))
			if j == i {
				return c[off : off+size], nil
			}
			off += size
			j++
		}
		return nil, &Error{Type: "IndexError", Msg: "string index out of range"}
	case Bytes:
		return IntFromInt64(int64(c[i])), nil
	default:
		return container.(Tuple)[i], nil
	}
}
