package pyconst

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
)

// Int is a Python int of any size. The zero Int is 0.
//
// A value that fits in an int64 is held in that int64 and no big.Int is
// allocated; only a value outside the int64 range has a *big.Int, which is
// never modified once the Int is built. Ints compare with [Int.Cmp], not ==.
type Int struct {
	big   *big.Int // the value when it does not fit in an int64; or nil
	small int64    // the value when big is nil
}

// IntFromInt64 returns the Int of value v.
func IntFromInt64(v int64) Int { return Int{small: v} }

// IntFromUint64 returns the Int of value v.
func IntFromUint64(v uint64) Int {
	if v <= math.MaxInt64 {
		return Int{small: int64(v)}
	}
	return Int{big: new(big.Int).SetUint64(v)}
}

// IntFromBig returns the Int of value v. It copies v, which the caller may
// go on modifying.
func IntFromBig(v *big.Int) Int {
	if v.IsInt64() {
		return Int{small: v.Int64()}
	}
	return Int{big: new(big.Int).Set(v)}
}

// intFromBig is IntFromBig without the copy, for a v that nothing else holds.
func intFromBig(v *big.Int) Int {
	if v.IsInt64() {
		return Int{small: v.Int64()}
	}
	return Int{big: v}
}

// IsSmall reports whether x fits in an int64.
func (x Int) IsSmall() bool { return x.big == nil }

// Int64 returns x as an int64 and true, or 0 and false if x does not fit.
func (x Int) Int64() (int64, bool) {
	if x.big != nil {
		return 0, false
	}
	return x.small, true
}

// Big returns x as a new big.Int, which the caller may modify.
func (x Int) Big() *big.Int {
	if x.big != nil {
		return new(big.Int).Set(x.big)
	}
	return big.NewInt(x.small)
}

// bigOf returns x as a big.Int that the caller must not modify.
func (x Int) bigOf() *big.Int {
	if x.big != nil {
		return x.big
	}
	return big.NewInt(x.small)
}

// TypeName returns "int".
func (Int) TypeName() string { return "int" }

// Repr returns x in decimal, or a [*DigitLimitError] if that takes more
// than [MaxStrDigits] digits (the sign does not count), as in CPython.
func (x Int) Repr() (string, error) {
	if x.big == nil {
		return strconv.FormatInt(x.small, 10), nil
	}
	return reprString(x)
}

// String returns x in decimal, without CPython's digit limit.
func (x Int) String() string { return x.Text(10) }

// Text returns x in the given base (2 to 62, lower-case letters for 10 to
// 36), with a leading '-' if negative and no prefix, without any digit limit.
func (x Int) Text(base int) string {
	if x.big == nil {
		return strconv.FormatInt(x.small, base)
	}
	return x.big.Text(base)
}

// Hash returns CPython's hash of x: |x| modulo 2**61-1 with x's sign, where
// -1 becomes -2.
func (x Int) Hash() int64 {
	if x.big == nil {
		return hashInt64(x.small)
	}
	return hashBig(x.big)
}

// decimalBitsBound is a bit length below which every int has at most
// MaxStrDigits decimal digits: 2**14284 < 10**4300.
const decimalBitsBound = 14284

func (x Int) appendRepr(dst []byte, limit bool) ([]byte, error) {
	if x.big == nil {
		return strconv.AppendInt(dst, x.small, 10), nil
	}
	if limit && x.big.BitLen() > decimalBitsBound {
		// 10**4300 has 14284.4 bits, so anything of 14400 bits or more is
		// over the limit; in between, count the digits.
		if x.big.BitLen() >= 14400 {
			return nil, &DigitLimitError{}
		}
		s := x.big.Append(nil, 10)
		n := len(s)
		if x.big.Sign() < 0 {
			n--
		}
		if n > MaxStrDigits {
			return nil, &DigitLimitError{}
		}
		return append(dst, s...), nil
	}
	return x.big.Append(dst, 10), nil
}

// Sign returns -1, 0 or +1 as x is negative, zero or positive.
func (x Int) Sign() int {
	if x.big != nil {
		return x.big.Sign()
	}
	switch {
	case x.small < 0:
		return -1
	case x.small > 0:
		return 1
	}
	return 0
}

// Cmp returns -1, 0 or +1 as x is less than, equal to or greater than y.
func (x Int) Cmp(y Int) int {
	if x.big == nil && y.big == nil {
		switch {
		case x.small < y.small:
			return -1
		case x.small > y.small:
			return 1
		}
		return 0
	}
	return x.bigOf().Cmp(y.bigOf())
}

// BitLen returns the number of bits of |x|, as Python's int.bit_length().
func (x Int) BitLen() int {
	if x.big != nil {
		return x.big.BitLen()
	}
	u := uint64(x.small)
	if x.small < 0 {
		u = -u
	}
	return bits.Len64(u)
}

// Float64 converts x to the nearest float64 (ties to even), as Python's
// float(x); if that is out of range it returns an OverflowError.
func (x Int) Float64() (float64, error) {
	if x.big == nil {
		return float64(x.small), nil
	}
	f, _ := new(big.Float).SetInt(x.big).Float64()
	if math.IsInf(f, 0) {
		return 0, &Error{Type: "OverflowError", Msg: "int too large to convert to float"}
	}
	return f, nil
}

// Neg returns -x.
func (x Int) Neg() Int {
	if x.big == nil && x.small != math.MinInt64 {
		return Int{small: -x.small}
	}
	return intFromBig(new(big.Int).Neg(x.bigOf()))
}

// Abs returns |x|.
func (x Int) Abs() Int {
	if x.Sign() < 0 {
		return x.Neg()
	}
	return x
}

// Invert returns ~x, which is -x-1.
func (x Int) Invert() Int {
	if x.big == nil {
		return Int{small: ^x.small}
	}
	return intFromBig(new(big.Int).Not(x.big))
}

// Add returns x + y.
func (x Int) Add(y Int) Int {
	if x.big == nil && y.big == nil {
		s := x.small + y.small
		if (x.small^s)&(y.small^s) >= 0 {
			return Int{small: s}
		}
	}
	return intFromBig(new(big.Int).Add(x.bigOf(), y.bigOf()))
}

// Sub returns x - y.
func (x Int) Sub(y Int) Int {
	if x.big == nil && y.big == nil {
		d := x.small - y.small
		if (x.small^y.small)&(x.small^d) >= 0 {
			return Int{small: d}
		}
	}
	return intFromBig(new(big.Int).Sub(x.bigOf(), y.bigOf()))
}

// Mul returns x * y.
func (x Int) Mul(y Int) Int {
	if x.big == nil && y.big == nil {
		a, b := x.small, y.small
		ua, ub := uint64(a), uint64(b)
		if a < 0 {
			ua = -ua
		}
		if b < 0 {
			ub = -ub
		}
		hi, lo := bits.Mul64(ua, ub)
		if hi == 0 {
			if (a < 0) == (b < 0) {
				if lo <= math.MaxInt64 {
					return Int{small: int64(lo)}
				}
			} else if lo <= 1<<63 {
				return Int{small: int64(-lo)}
			}
		}
	}
	return intFromBig(new(big.Int).Mul(x.bigOf(), y.bigOf()))
}

var (
	errDivByZero = &Error{Type: "ZeroDivisionError", Msg: "integer division or modulo by zero"}
	errModByZero = &Error{Type: "ZeroDivisionError", Msg: "integer modulo by zero"}
)

// FloorDiv returns x // y, rounded toward negative infinity, or a
// ZeroDivisionError when y is 0.
func (x Int) FloorDiv(y Int) (Int, error) {
	q, _, err := x.divMod(y)
	if err != nil {
		return Int{}, errDivByZero
	}
	return q, nil
}

// Mod returns x % y, which has the sign of y, or a ZeroDivisionError when
// y is 0.
func (x Int) Mod(y Int) (Int, error) {
	_, r, err := x.divMod(y)
	if err != nil {
		return Int{}, errModByZero
	}
	return r, nil
}

// DivMod returns x // y and x % y, as Python's divmod(x, y), or a
// ZeroDivisionError when y is 0.
func (x Int) DivMod(y Int) (q, r Int, err error) {
	return x.divMod(y)
}

func (x Int) divMod(y Int) (Int, Int, error) {
	if y.Sign() == 0 {
		return Int{}, Int{}, errDivByZero
	}
	if x.big == nil && y.big == nil && !(x.small == math.MinInt64 && y.small == -1) {
		a, b := x.small, y.small
		q, r := a/b, a%b
		if r != 0 && (r < 0) != (b < 0) {
			q--
			r += b
		}
		return Int{small: q}, Int{small: r}, nil
	}
	q, r := new(big.Int).QuoRem(x.bigOf(), y.bigOf(), new(big.Int))
	if r.Sign() != 0 && r.Sign() != y.Sign() {
		q.Sub(q, big.NewInt(1))
		r.Add(r, y.bigOf())
	}
	return intFromBig(q), intFromBig(r), nil
}

// maxResultBits bounds the size of a result that Pow and LShift agree to
// build (2**31 bits, 256 MiB). CPython has no such bound of its own and would
// try, then fail with MemoryError; a constant folder limits sizes far below
// this anyway.
const maxResultBits = 1 << 31

var errTooBig = &Error{Type: "MemoryError", Msg: ""}

// Pow returns x ** y for y >= 0. A negative y, whose result Python computes
// as a float, is a ValueError; a result of more than 2**31 bits is a
// MemoryError.
func (x Int) Pow(y Int) (Int, error) {
	if y.Sign() < 0 {
		return Int{}, &Error{Type: "ValueError", Msg: "negative exponent"}
	}
	if y.Sign() == 0 {
		return Int{small: 1}, nil
	}
	if x.big == nil && x.small >= -1 && x.small <= 1 {
		if x.small == -1 && y.bigOf().Bit(0) == 0 {
			return Int{small: 1}, nil
		}
		return x, nil
	}
	e, ok := y.Int64()
	if hi, lo := bits.Mul64(uint64(x.BitLen()-1), uint64(e)); !ok || hi != 0 || lo > maxResultBits {
		return Int{}, errTooBig
	}
	if x.big == nil {
		// Square and multiply in int64 while it fits.
		result, base, n := int64(1), x.small, e
		for {
			if n&1 != 0 {
				hi, lo := bits.Mul64(abs64(result), abs64(base))
				if hi != 0 || lo > math.MaxInt64 {
					break
				}
				neg := (result < 0) != (base < 0)
				result = int64(lo)
				if neg {
					result = -result
				}
			}
			n >>= 1
			if n == 0 {
				return Int{small: result}, nil
			}
			hi, lo := bits.Mul64(abs64(base), abs64(base))
			if hi != 0 || lo > math.MaxInt64 {
				break
			}
			base = int64(lo)
		}
	}
	return intFromBig(new(big.Int).Exp(x.bigOf(), big.NewInt(e), nil)), nil
}

// abs64 returns |v| as a uint64 (exact even for math.MinInt64).
func abs64(v int64) uint64 {
	if v < 0 {
		return -uint64(v)
	}
	return uint64(v)
}

var errNegShift = &Error{Type: "ValueError", Msg: "negative shift count"}

// LShift returns x << n, or a ValueError when n is negative (and a
// MemoryError for a result of more than 2**31 bits).
func (x Int) LShift(n Int) (Int, error) {
	if n.Sign() < 0 {
		return Int{}, errNegShift
	}
	if x.Sign() == 0 {
		return Int{}, nil
	}
	k, ok := n.Int64()
	if !ok || k > maxResultBits {
		return Int{}, errTooBig
	}
	if x.big == nil && k < 63 {
		s := x.small << uint(k)
		if s>>uint(k) == x.small {
			return Int{small: s}, nil
		}
	}
	return intFromBig(new(big.Int).Lsh(x.bigOf(), uint(k))), nil
}

// RShift returns x >> n, rounded toward negative infinity, or a ValueError
// when n is negative.
func (x Int) RShift(n Int) (Int, error) {
	if n.Sign() < 0 {
		return Int{}, errNegShift
	}
	k, ok := n.Int64()
	if !ok || k >= int64(x.BitLen()) {
		if x.Sign() < 0 {
			return Int{small: -1}, nil
		}
		return Int{}, nil
	}
	if x.big == nil {
		return Int{small: x.small >> uint(k)}, nil
	}
	return intFromBig(new(big.Int).Rsh(x.big, uint(k))), nil
}

// And returns x & y (two's complement semantics for negative values).
func (x Int) And(y Int) Int {
	if x.big == nil && y.big == nil {
		return Int{small: x.small & y.small}
	}
	return intFromBig(new(big.Int).And(x.bigOf(), y.bigOf()))
}

// Or returns x | y (two's complement semantics for negative values).
func (x Int) Or(y Int) Int {
	if x.big == nil && y.big == nil {
		return Int{small: x.small | y.small}
	}
	return intFromBig(new(big.Int).Or(x.bigOf(), y.bigOf()))
}

// Xor returns x ^ y (two's complement semantics for negative values).
func (x Int) Xor(y Int) Int {
	if x.big == nil && y.big == nil {
		return Int{small: x.small ^ y.small}
	}
	return intFromBig(new(big.Int).Xor(x.bigOf(), y.bigOf()))
}
