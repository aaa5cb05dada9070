package vm

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// This file is the numeric core: int (small ints held in the Value, big
// ones as *BigInt), bool, float and complex, and their arithmetic. The
// arithmetic itself is pyconst's (the same code that folds constants in
// the compiler, written to CPython's semantics and messages); the VM
// converts at the edges and keeps the small-int paths inline.

// BigInt is an int too large for an int64 (smaller ints are held in the
// Value itself; every operation returns them small again).
type BigInt struct {
	ObjectBase
	v *big.Int
}

// Big returns the value; the caller must not modify it.
func (b *BigInt) Big() *big.Int { return b.v }

// Complex is a Python complex.
type Complex struct {
	ObjectBase
	Real, Imag float64
}

// NewComplex returns the complex re+im*j.
func NewComplex(re, im float64) *Complex {
	return &Complex{ObjectBase: ObjectBase{cls: ComplexType}, Real: re, Imag: im}
}

// IntSub and FloatSub are instances of classes derived from int and
// float: the builtin value plus the instance's dict.
type (
	IntSub struct {
		ObjectBase
		v Value
	}
	FloatSub struct {
		ObjectBase
		v float64
	}
	ComplexSub struct {
		ObjectBase
		Real, Imag float64
	}
)

// intConst returns v as a pyconst Int when v is an int (or bool, or an
// instance of an int subclass).
func intConst(v Value) (pyconst.Int, bool) {
	switch v.o {
	case intTag, boolTag:
		return pyconst.IntFromInt64(int64(v.n)), true
	case floatTag, nil:
		return pyconst.Int{}, false
	}
	switch x := v.o.(type) {
	case *BigInt:
		return pyconst.IntFromBig(x.v), true
	case *IntSub:
		return intConst(x.v)
	}
	return pyconst.Int{}, false
}

// IsIntLike reports whether v is an int, a bool or an int subclass
// instance.
func (v Value) IsIntLike() bool {
	switch v.o {
	case intTag, boolTag:
		return true
	case floatTag, nil:
		return false
	}
	switch v.o.(type) {
	case *BigInt, *IntSub:
		return true
	}
	return false
}

// intValue returns the plain int of an int-like value.
func intValue(v Value) Value {
	switch v.o {
	case intTag:
		return v
	case boolTag:
		return Int(int64(v.n))
	}
	if s, ok := v.o.(*IntSub); ok {
		return intValue(s.v)
	}
	return v
}

// floatOf returns the float of a float or float subclass instance.
func floatOf(v Value) (float64, bool) {
	if v.o == floatTag {
		return v.FloatVal(), true
	}
	if s, ok := v.o.(*FloatSub); ok {
		return s.v, true
	}
	return 0, false
}

// complexOf returns the parts of a complex or complex subclass instance.
func complexOf(v Value) (float64, float64, bool) {
	switch x := v.o.(type) {
	case *Complex:
		return x.Real, x.Imag, true
	case *ComplexSub:
		return x.Real, x.Imag, true
	}
	return 0, 0, false
}

// numConst converts a number of the three numeric tower levels to a
// pyconst value; level says which (1 int, 2 float, 3 complex; 0 none).
func numConst(v Value) (pyconst.Value, int) {
	if i, ok := intConst(v); ok {
		if v.o == boolTag {
			return pyconst.Bool(v.n != 0), 1
		}
		return i, 1
	}
	if f, ok := floatOf(v); ok {
		return pyconst.Float(f), 2
	}
	if re, im, ok := complexOf(v); ok {
		return pyconst.Complex{Real: re, Imag: im}, 3
	}
	return nil, 0
}

// numLevel is the level of the numeric tower of v (1 int, 2 float, 3
// complex; 0 for anything else), without converting it.
func numLevel(v Value) int {
	switch v.o {
	case intTag, boolTag:
		return 1
	case floatTag:
		return 2
	case nil:
		return 0
	}
	switch v.o.(type) {
	case *BigInt, *IntSub:
		return 1
	case *FloatSub:
		return 2
	case *Complex, *ComplexSub:
		return 3
	}
	return 0
}

// fromNumConst turns pyconst's result back into a Value.
func fromNumConst(k pyconst.Value) Value { return FromConst(k) }

// constError turns pyconst's error into the Python exception.
func constError(t *Thread, err error) error {
	if e, ok := err.(*pyconst.Error); ok {
		cls := map[string]*Type{
			"ZeroDivisionError": ZeroDivisionErrorType, "ValueError": ValueErrorType,
			"OverflowError": OverflowErrorType, "MemoryError": MemoryErrorType, "TypeError": TypeErrorType,
		}[e.Type]
		if cls == nil {
			cls = SystemErrorType
		}
		return t.raise(cls, e.Msg)
	}
	return err
}

// numOp applies a pyconst operator to two numbers when both are at most
// of the given level; NotImplemented otherwise.
func numOp(t *Thread, op pyconst.BinaryOp, level int, a, b Value) (Value, error) {
	la, lb := numLevel(a), numLevel(b)
	if la == 0 || lb == 0 || la > level || lb > level || max(la, lb) != level {
		return NotImplemented, nil
	}
	ka, _ := numConst(a)
	kb, _ := numConst(b)
	r, err := pyconst.Binary(op, ka, kb)
	if err != nil {
		return Null, constError(t, err)
	}
	return fromNumConst(r), nil
}

// numSlots returns the number slots of one level of the tower.
func numSlots(level int) NumberSlots {
	mk := func(op pyconst.BinaryOp) BinarySlot {
		return func(t *Thread, a, b Value) (Value, error) { return numOp(t, op, level, a, b) }
	}
	n := NumberSlots{
		Add: mk(pyconst.OpAdd), Sub: mk(pyconst.OpSub), Mul: mk(pyconst.OpMul),
		TrueDiv: mk(pyconst.OpTrueDiv),
		Pow: func(t *Thread, a, b, z Value) (Value, error) {
			if !z.IsNull() && !z.IsNone() {
				return intPowMod(t, a, b, z)
			}
			return numOp(t, pyconst.OpPow, level, a, b)
		},
	}
	if level < 3 {
		n.FloorDiv = mk(pyconst.OpFloorDiv)
		n.Mod = mk(pyconst.OpMod)
		n.DivMod = func(t *Thread, a, b Value) (Value, error) {
			q, err := numOp(t, pyconst.OpFloorDiv, level, a, b)
			if err != nil || q.Is(NotImplemented) {
				return q, err
			}
			r, err := numOp(t, pyconst.OpMod, level, a, b)
			if err != nil {
				return Null, err
			}
			if level == 2 {
				// float divmod computes both from one fmod, as CPython.
				fa, _ := numConst(a)
				fb, _ := numConst(b)
				qq, _ := pyconst.Binary(pyconst.OpFloorDiv, fa, fb)
				rr, _ := pyconst.Binary(pyconst.OpMod, fa, fb)
				q, r = fromNumConst(qq), fromNumConst(rr)
			}
			return Value{o: NewTuple(q, r)}, nil
		}
	}
	if level == 1 {
		n.LShift = mk(pyconst.OpLShift)
		n.RShift = mk(pyconst.OpRShift)
		n.And = mk(pyconst.OpAnd)
		n.Or = mk(pyconst.OpOr)
		n.Xor = mk(pyconst.OpXor)
		n.Invert = func(t *Thread, v Value) (Value, error) {
			i, _ := intConst(v)
			return fromNumConst(i.Invert()), nil
		}
		n.Index = func(t *Thread, v Value) (Value, error) { return intValue(v), nil }
		n.Int = n.Index
		n.Float = func(t *Thread, v Value) (Value, error) {
			i, _ := intConst(v)
			f, err := i.Float64()
			if err != nil {
				return Null, constError(t, err)
			}
			return Float(f), nil
		}
	}
	n.Neg = func(t *Thread, v Value) (Value, error) {
		k, _ := numConst(v)
		r, err := pyconst.Negative(k)
		if err != nil {
			return Null, constError(t, err)
		}
		return fromNumConst(r), nil
	}
	n.Pos = func(t *Thread, v Value) (Value, error) {
		if v.IsFloat() {
			return v, nil // float_pos returns an exact float itself
		}
		k, _ := numConst(v)
		r, err := pyconst.Positive(k)
		if err != nil {
			return Null, constError(t, err)
		}
		return fromNumConst(r), nil
	}
	n.Abs = func(t *Thread, v Value) (Value, error) {
		switch level {
		case 1:
			i, _ := intConst(v)
			return fromNumConst(i.Abs()), nil
		case 2:
			f, _ := floatOf(v)
			return Float(math.Abs(f)), nil
		}
		re, im, _ := complexOf(v)
		h, e := cAbs(cplx{re, im})
		if e == cmRange {
			return Null, t.raise(OverflowErrorType, "absolute value too large")
		}
		return Float(h), nil
	}
	n.Bool = func(t *Thread, v Value) (bool, error) {
		k, _ := numConst(v)
		return pyconst.Truth(k), nil
	}
	if level == 2 {
		n.Int = func(t *Thread, v Value) (Value, error) {
			f, _ := floatOf(v)
			return floatToInt(t, f)
		}
		n.Float = func(t *Thread, v Value) (Value, error) {
			f, _ := floatOf(v)
			return floatSelf(v, f), nil
		}
	}
	return n
}

// floatToInt is int(f): truncation, with CPython's errors for inf and nan.
func floatToInt(t *Thread, f float64) (Value, error) {
	if math.IsInf(f, 0) {
		return Null, t.raise(OverflowErrorType, "cannot convert float infinity to integer")
	}
	if math.IsNaN(f) {
		return Null, t.raise(ValueErrorType, "cannot convert float NaN to integer")
	}
	f = math.Trunc(f)
	if f >= -9.2e18 && f <= 9.2e18 {
		return Int(int64(f)), nil
	}
	b, _ := big.NewFloat(f).Int(nil)
	return NewBigInt(b), nil
}

// intPowMod is pow(a, b, m) for ints (long_pow with a modulus): any
// operand not an int leaves the call to the other operands' slots.
func intPowMod(t *Thread, a, b, m Value) (Value, error) {
	if !m.IsIntLike() {
		return NotImplemented, nil
	}
	x, ok1 := intConst(a)
	y, ok2 := intConst(b)
	z, _ := intConst(m)
	if !ok1 || !ok2 {
		return NotImplemented, nil
	}
	if z.Sign() == 0 {
		return Null, t.raise(ValueErrorType, "pow() 3rd argument cannot be 0")
	}
	if r, ok := smallPowMod(x, y, z); ok {
		return r, nil
	}
	bx, by, bz := x.Big(), y.Big(), z.Big()
	neg := bz.Sign() < 0
	mod := new(big.Int).Abs(bz)
	base := new(big.Int).Set(bx)
	exp := new(big.Int).Set(by)
	if exp.Sign() < 0 {
		inv := new(big.Int).ModInverse(new(big.Int).Mod(base, mod), mod)
		if inv == nil {
			return Null, t.raise(ValueErrorType, "base is not invertible for the given modulus")
		}
		base = inv
		exp.Neg(exp)
	}
	r := new(big.Int).Exp(new(big.Int).Mod(base, mod), exp, mod)
	if mod.Cmp(big.NewInt(1)) == 0 {
		r.SetInt64(0)
	}
	if neg && r.Sign() != 0 {
		r.Sub(r, mod)
	}
	return NewBigInt(r), nil
}

// smallPowMod is pow(x, y, z) for a base and an exponent >= 0 in an
// int64 and a modulus in an int64, by square and multiply with 128-bit
// products (no allocation).
func smallPowMod(x, y, z pyconst.Int) (Value, bool) {
	b, ok1 := x.Int64()
	e, ok2 := y.Int64()
	m, ok3 := z.Int64()
	if !ok1 || !ok2 || !ok3 || e < 0 || m == math.MinInt64 {
		return Null, false
	}
	um := uint64(m)
	if m < 0 {
		um = uint64(-m)
	}
	if um == 1 {
		return Int(0), true
	}
	// The base reduced into [0, |m|).
	r := b % int64(um)
	if r < 0 {
		r += int64(um)
	}
	base, acc := uint64(r), uint64(1)
	mulmod := func(p, q uint64) uint64 {
		hi, lo := bits.Mul64(p, q)
		_, rem := bits.Div64(hi, lo, um)
		return rem
	}
	for e > 0 {
		if e&1 != 0 {
			acc = mulmod(acc, base)
		}
		base = mulmod(base, base)
		e >>= 1
	}
	res := int64(acc)
	if m < 0 && res != 0 {
		res -= int64(um)
	}
	return Int(res), true
}

// intCompare compares two int-like values.
func intCompare(a, b Value) int {
	if a.o == intTag && b.o == intTag {
		x, y := int64(a.n), int64(b.n)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	x, _ := intConst(a)
	y, _ := intConst(b)
	return x.Cmp(y)
}

// numCompare compares two real numbers (ints and floats) exactly, as
// CPython's float_richcompare does; ok is false for a NaN.
func numCompare(a, b Value) (c int, ok bool) {
	fa, aIsFloat := floatOf(a)
	fb, bIsFloat := floatOf(b)
	if !aIsFloat && !bIsFloat {
		return intCompare(a, b), true
	}
	if aIsFloat && bIsFloat {
		switch {
		case fa < fb:
			return -1, true
		case fa > fb:
			return 1, true
		case fa == fb:
			return 0, true
		}
		return 0, false
	}
	if aIsFloat {
		c, ok := floatIntCompare(fa, b)
		return c, ok
	}
	c, ok = floatIntCompare(fb, a)
	return -c, ok
}

// floatIntCompare compares a float with an int exactly.
func floatIntCompare(f float64, i Value) (int, bool) {
	if math.IsNaN(f) {
		return 0, false
	}
	if math.IsInf(f, 1) {
		return 1, true
	}
	if math.IsInf(f, -1) {
		return -1, true
	}
	if i.o == intTag {
		n := int64(i.n)
		if n > -(1<<53) && n < 1<<53 {
			g := float64(n)
			switch {
			case f < g:
				return -1, true
			case f > g:
				return 1, true
			}
			return 0, true
		}
	}
	x, _ := intConst(i)
	bf := new(big.Float).SetPrec(0).SetFloat64(f)
	bi := new(big.Float).SetInt(x.Big())
	return bf.Cmp(bi), true
}

func cmpResult(c int, op CompareOp) bool {
	switch op {
	case LT:
		return c < 0
	case LE:
		return c <= 0
	case EQ:
		return c == 0
	case NE:
		return c != 0
	case GT:
		return c > 0
	}
	return c >= 0
}

// intRichCompare is int's tp_richcompare.
func intRichCompare(t *Thread, a, b Value, op CompareOp) (Value, error) {
	if !b.IsIntLike() {
		return NotImplemented, nil
	}
	return Bool(cmpResult(intCompare(a, b), op)), nil
}

// floatRichCompare is float's tp_richcompare.
func floatRichCompare(t *Thread, a, b Value, op CompareOp) (Value, error) {
	if _, isF := floatOf(b); !isF && !b.IsIntLike() {
		return NotImplemented, nil
	}
	c, ok := numCompare(a, b)
	if !ok {
		return Bool(op == NE), nil
	}
	return Bool(cmpResult(c, op)), nil
}

// complexRichCompare is complex's: only == and !=.
func complexRichCompare(t *Thread, a, b Value, op CompareOp) (Value, error) {
	if op != EQ && op != NE {
		return NotImplemented, nil
	}
	re, im, _ := complexOf(a)
	var eq bool
	switch {
	case b.IsIntLike():
		if im != 0 {
			eq = false
		} else {
			c, ok := floatIntCompare(re, b)
			eq = ok && c == 0
		}
	default:
		if f, ok := floatOf(b); ok {
			eq = im == 0 && re == f
		} else if re2, im2, ok := complexOf(b); ok {
			eq = re == re2 && im == im2
		} else {
			return NotImplemented, nil
		}
	}
	return Bool(eq == (op == EQ)), nil
}

// intRepr is repr(int), with CPython's limit on the digits converted.
func intRepr(t *Thread, v Value) (Value, error) {
	if v.o == intTag {
		return NewStrValue(formatInt64(int64(v.n))), nil
	}
	if v.o == boolTag {
		if v.n != 0 {
			return Value{o: Intern("True")}, nil
		}
		return Value{o: Intern("False")}, nil
	}
	i, _ := intConst(v)
	if i.BitLen() > maxStrDigitsBits && t.interp.maxStrDigits > 0 {
		digits := len(i.Big().Text(10))
		if i.Sign() < 0 {
			digits--
		}
		if digits > t.interp.maxStrDigits {
			return Null, t.valueErrorf("Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", t.interp.maxStrDigits)
		}
	}
	return NewStrValue(i.Big().Text(10)), nil
}

// maxStrDigitsBits is below the bit length of any int with more than
// 4300 digits, so that repr only counts digits of ints that may exceed it.
const maxStrDigitsBits = 4300 * 3

// floatRepr is repr(float): the shortest repr that round-trips.
func floatRepr(t *Thread, v Value) (Value, error) {
	f, _ := floatOf(v)
	return NewStrValue(pyconst.Float(f).String()), nil
}

// complexRepr is repr(complex).
func complexRepr(t *Thread, v Value) (Value, error) {
	re, im, _ := complexOf(v)
	return NewStrValue(pyconst.Complex{Real: re, Imag: im}.String()), nil
}

func init() {
	onSetup(setupNumbers)
}

func setupNumbers() {
	IntType.Number = numSlots(1)
	BoolType.Number = numSlots(1)
	boolBit := func(op pyconst.BinaryOp) BinarySlot {
		return func(t *Thread, a, b Value) (Value, error) {
			if a.IsBool() && b.IsBool() {
				switch op {
				case pyconst.OpAnd:
					return Bool(a.n&b.n != 0), nil
				case pyconst.OpOr:
					return Bool(a.n|b.n != 0), nil
				}
				return Bool(a.n != b.n), nil
			}
			return numOp(t, op, 1, a, b)
		}
	}
	BoolType.Number.And = boolBit(pyconst.OpAnd)
	BoolType.Number.Or = boolBit(pyconst.OpOr)
	BoolType.Number.Xor = boolBit(pyconst.OpXor)
	FloatType.Number = numSlots(2)
	ComplexType.Number = numSlots(3)
	// Mixed operands: the float slots accept ints, the complex ones any
	// number (numOp checks the highest level of the two).
	IntType.Compare = intRichCompare
	FloatType.Compare = floatRichCompare
	ComplexType.Compare = complexRichCompare
	IntType.Repr = intRepr
	BoolType.Repr = intRepr
	FloatType.Repr = floatRepr
	ComplexType.Repr = complexRepr
	IntType.Hash = func(t *Thread, v Value) (int64, error) {
		i, _ := intConst(v)
		return i.Hash(), nil
	}
	BoolType.Hash = IntType.Hash
	FloatType.Hash = func(t *Thread, v Value) (int64, error) {
		f, _ := floatOf(v)
		return hashFloat(f), nil
	}
	ComplexType.Hash = func(t *Thread, v Value) (int64, error) {
		re, im, _ := complexOf(v)
		return pyconst.Complex{Real: re, Imag: im}.Hash(), nil
	}
}

// pyconstInt is the arbitrary-precision int of pyconst.
type pyconstInt = pyconst.Int
