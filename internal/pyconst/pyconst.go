// Package pyconst holds Python constant values as the parser and the compiler
// need them, with CPython 3.13's exact repr, hash and literal parsing.
//
// # Values
//
// Every constant is a [Value]: [None], [Ellipsis], [Bool], [Int], [Float],
// [Complex], [Str], [Bytes], [Tuple] and [FrozenSet]. The family is sealed
// (Value has an unexported method), so a type switch over it is exhaustive.
// Values are immutable: no method modifies its receiver or its arguments, and
// a Tuple or FrozenSet must not be modified once built.
//
// The representations are chosen so that the common cases cost nothing:
//
//   - [Int] is a two-word struct: an int64 when the value fits, a *big.Int
//     only when it does not. Arithmetic takes the int64 path whenever the
//     result fits, so small ints never allocate a big.Int.
//   - [Float] is a float64 and [Complex] a pair of them.
//   - [Bytes] is a Go string holding the raw bytes.
//   - [Str] is a Go string holding the text in generalized UTF-8 (below).
//
// # The string representation
//
// A Python str is a sequence of code points in U+0000..U+10FFFF, and this
// includes the surrogates U+D800..U+DFFF: the literal "\ud800" is a valid
// one-character string. UTF-8 cannot encode surrogates, so a Str is stored as
// generalized UTF-8: every code point, surrogates included, as its ordinary
// 1- to 4-byte UTF-8 sequence (a surrogate takes the 3 bytes ED A0..BF 80..BF).
// Two Python strings are equal exactly when their Str bytes are equal:
//
//   - a string without surrogates is stored as its plain UTF-8, so a valid Go
//     string converts to a Str with a type conversion, at no cost;
//   - surrogates are never combined: the two-character string "\ud83d\ude00"
//     is stored as two 3-byte sequences and stays distinct from the
//     one-character "😀" (a 4-byte sequence), as it does in Python. (This is
//     what distinguishes the encoding from WTF-8, which would pair them.)
//
// These are exactly the bytes that CPython's str.encode("utf-8",
// "surrogatepass") produces, which is also how marshal writes a non-ASCII str
// into a .pyc file. [Str.CodePoints], [DecodeRune], [AppendRune],
// [StrFromRunes] and [Str.Len] work in code points; [Str.UTF8] gives back
// ordinary UTF-8 when there are no surrogates. Bytes that are not well-formed
// generalized UTF-8 (which no function of this package produces) decode as
// U+FFFD, one byte at a time.
//
// # Repr
//
// [Value.Repr] returns what CPython's repr() returns. It fails only for an
// int with more than [MaxStrDigits] decimal digits (and for containers
// holding one), with CPython's ValueError message as a [*DigitLimitError].
// Whether a character of a str is printed as is or escaped follows
// str.isprintable(); Go's unicode tables are Unicode 15.0 while CPython 3.13
// uses 15.1, and the 627 characters that 15.1 added (all printable) are
// patched in, so the two agree on every code point (a test checks all of
// them against the oracle).
//
// # Hash
//
// [Value.Hash] returns what CPython 3.13's hash() returns on 64-bit Linux
// when PYTHONHASHSEED=0: the modular hash for numbers (modulus 2**61-1),
// SipHash-1-3 with an all-zero key for str and bytes, the xxHash-based tuple
// hash and the frozenset hash. A [Hasher] hashes for any other
// PYTHONHASHSEED value. Where CPython hashes by object identity (a NaN float,
// Ellipsis) the result here is a documented constant instead.
//
// # Literals
//
// [ParseIntLiteral], [ParseFloatLiteral] and [ParseImaginaryLiteral] turn the
// text of a number token into its value, as CPython's parser does, including
// its limit of [MaxStrDigits] digits for decimal int literals.
//
// # Operators
//
// [Binary], [Negative], [Positive], [Invert], [Truth] and [GetItem] apply
// Python's operators to constants with CPython 3.13's semantics (the
// coercions between bool, int, float and complex, the types and exact
// values of the results, and which operations raise, as an [*Error]); the
// AST optimizer folds constant expressions with them. The libm functions
// behind float and complex powers are correctly rounded here, which glibc's
// are in all but about one case in a thousand (arith.go, mathx.go).
package pyconst

import (
	"strconv"
)

// A Value is a Python constant: one of [NoneType], [EllipsisType], [Bool],
// [Int], [Float], [Complex], [Str], [Bytes], [Tuple] or [FrozenSet].
type Value interface {
	// TypeName returns the name of the value's Python type: "int", "str", ...
	TypeName() string

	// Repr returns CPython's repr() of the value. The only error is a
	// [*DigitLimitError], for an int too large to convert to decimal.
	Repr() (string, error)

	// Hash returns CPython's hash() of the value under PYTHONHASHSEED=0.
	Hash() int64

	// appendRepr appends the repr to dst. When limit is false the digit
	// limit on ints is not applied (for String methods) and it never fails.
	appendRepr(dst []byte, limit bool) ([]byte, error)
}

// MaxStrDigits is CPython's default limit on the number of decimal digits in
// a conversion between int and str (sys.int_info.default_max_str_digits).
const MaxStrDigits = 4300

// LiteralLimitHint is what CPython's parser appends to a [*DigitLimitError]'s
// message when a decimal int literal is too long: the SyntaxError that
// compile() reports reads err.Error() + LiteralLimitHint.
const LiteralLimitHint = " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."

// A DigitLimitError reports a conversion between int and decimal text that
// exceeds [MaxStrDigits] digits; CPython raises it as a ValueError.
type DigitLimitError struct {
	// Digits is the number of digits of the decimal text converted to an int
	// (a literal), or 0 for an int converted to text (repr), where CPython
	// does not say how many digits there would be.
	Digits int
}

// Error returns CPython's message for the error.
func (e *DigitLimitError) Error() string {
	if e.Digits > 0 {
		return "Exceeds the limit (" + strconv.Itoa(MaxStrDigits) +
			" digits) for integer string conversion: value has " + strconv.Itoa(e.Digits) +
			" digits; use sys.set_int_max_str_digits() to increase the limit"
	}
	return "Exceeds the limit (" + strconv.Itoa(MaxStrDigits) +
		" digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
}

// An Error is a Python exception raised by an operation on constants, such
// as a division by zero.
type Error struct {
	Type string // the exception class: "ZeroDivisionError", "ValueError", "OverflowError", "MemoryError"
	Msg  string // the message, as str() of the exception shows it
}

// Error returns the message, as str() of the Python exception would.
func (e *Error) Error() string { return e.Msg }

// ---- None, Ellipsis, Bool ----

// NoneType is the type of [None].
type NoneType struct{}

// None is Python's None.
var None NoneType

// TypeName returns "NoneType".
func (NoneType) TypeName() string { return "NoneType" }

// Repr returns "None".
func (NoneType) Repr() (string, error) { return "None", nil }

// String returns "None".
func (NoneType) String() string { return "None" }

// Hash returns CPython's constant hash of None (0xFCA86420, since 3.12).
func (NoneType) Hash() int64 { return noneHash }

func (NoneType) appendRepr(dst []byte, _ bool) ([]byte, error) { return append(dst, "None"...), nil }

// EllipsisType is the type of [Ellipsis].
type EllipsisType struct{}

// Ellipsis is Python's Ellipsis (the literal ...).
var Ellipsis EllipsisType

// TypeName returns "ellipsis".
func (EllipsisType) TypeName() string { return "ellipsis" }

// Repr returns "Ellipsis".
func (EllipsisType) Repr() (string, error) { return "Ellipsis", nil }

// String returns "Ellipsis".
func (EllipsisType) String() string { return "Ellipsis" }

// Hash returns a fixed value. CPython hashes Ellipsis by its address, which
// differs from run to run, so no value can match it.
func (EllipsisType) Hash() int64 { return ellipsisHash }

func (EllipsisType) appendRepr(dst []byte, _ bool) ([]byte, error) {
	return append(dst, "Ellipsis"...), nil
}

// Bool is a Python bool.
type Bool bool

// True and False are Python's two bools.
const (
	True  Bool = true
	False Bool = false
)

// TypeName returns "bool".
func (Bool) TypeName() string { return "bool" }

// Repr returns "True" or "False".
func (b Bool) Repr() (string, error) { return b.String(), nil }

// String returns "True" or "False".
func (b Bool) String() string {
	if b {
		return "True"
	}
	return "False"
}

// Hash returns 1 for True and 0 for False.
func (b Bool) Hash() int64 {
	if b {
		return 1
	}
	return 0
}

func (b Bool) appendRepr(dst []byte, _ bool) ([]byte, error) { return append(dst, b.String()...), nil }

// Int returns the bool as an int (0 or 1), as Python's arithmetic sees it.
func (b Bool) Int() Int {
	if b {
		return Int{small: 1}
	}
	return Int{}
}

// ---- Tuple ----

// Tuple is a Python tuple of constants.
type Tuple []Value

// TypeName returns "tuple".
func (Tuple) TypeName() string { return "tuple" }

// Repr returns CPython's repr of the tuple: "()", "(1,)", "(1, 2)".
func (t Tuple) Repr() (string, error) { return reprString(t) }

// String returns the repr, with ints of any size written out in full.
func (t Tuple) String() string { b, _ := t.appendRepr(nil, false); return string(b) }

// Hash returns CPython's hash of the tuple under PYTHONHASHSEED=0.
func (t Tuple) Hash() int64 { return defaultHasher.Hash(t) }

func (t Tuple) appendRepr(dst []byte, limit bool) ([]byte, error) {
	dst = append(dst, '(')
	for i, v := range t {
		if i > 0 {
			dst = append(dst, ", "...)
		}
		var err error
		if dst, err = v.appendRepr(dst, limit); err != nil {
			return nil, err
		}
	}
	if len(t) == 1 {
		dst = append(dst, ',')
	}
	return append(dst, ')'), nil
}

func reprString(v Value) (string, error) {
	b, err := v.appendRepr(nil, true)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// Compile-time checks that every type is a Value.
var (
	_ Value = None
	_ Value = Ellipsis
	_ Value = True
	_ Value = Int{}
	_ Value = Float(0)
	_ Value = Complex{}
	_ Value = Str("")
	_ Value = Bytes("")
	_ Value = Tuple(nil)
	_ Value = FrozenSet{}
)
