package pyconst

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// ParseIntLiteral returns the value of the text of a Python int literal:
// decimal ("0", "00", "1_000"), hexadecimal ("0x1F"), octal ("0o17") or
// binary ("0b101"), prefixes in either case, with single underscores
// between digits (and after the prefix). The tokenizer has validated the
// text already; malformed text is still reported with an error, never a
// panic.
//
// A decimal literal of more than [MaxStrDigits] digits (underscores not
// counted) is an error, a [*DigitLimitError], as in CPython, unless all its
// digits are zero; CPython's parser reports it as a SyntaxError whose
// message ends with [LiteralLimitHint]. Other bases have no limit.
func ParseIntLiteral(text string) (Int, error) {
	base, digits := 10, text
	if len(text) >= 2 && text[0] == '0' {
		switch text[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 10 {
			digits = text[2:]
			if strings.HasPrefix(digits, "_") {
				digits = digits[1:]
			}
		}
	}
	n, ok := countDigits(digits, base)
	if !ok {
		return Int{}, errors.New("invalid int literal " + strconv.Quote(text))
	}
	if base == 10 && digits[0] == '0' {
		if strings.Trim(digits, "0_") != "" {
			return Int{}, errLeadingZeros
		}
		return Int{}, nil
	}
	if base == 10 && n > MaxStrDigits {
		return Int{}, &DigitLimitError{Digits: n}
	}
	if v, ok := parseSmallInt(digits, base); ok {
		return Int{small: v}, nil
	}
	b, ok := new(big.Int).SetString(strings.ReplaceAll(digits, "_", ""), base)
	if !ok {
		return Int{}, errors.New("invalid int literal " + strconv.Quote(text))
	}
	return intFromBig(b), nil
}

// parseSmallInt returns the value of the validated digits (underscores
// skipped) in base, if it fits in an int64.
func parseSmallInt(digits string, base int) (int64, bool) {
	var v int64
	for i := 0; i < len(digits); i++ {
		if digits[i] == '_' {
			continue
		}
		d := int64(digitValue(digits[i]))
		if v > (math.MaxInt64-d)/int64(base) {
			return 0, false
		}
		v = v*int64(base) + d
	}
	return v, true
}

// errLeadingZeros is CPython's SyntaxError message for "09" or "0_1".
var errLeadingZeros = errors.New("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")

// countDigits checks that s is digit (["_"] digit)* in the given base and
// returns the number of digits.
func countDigits(s string, base int) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			if i == 0 || i == len(s)-1 || s[i-1] == '_' {
				return 0, false
			}
			continue
		}
		if digitValue(c) >= base {
			return 0, false
		}
		n++
	}
	return n, n > 0
}

func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return 99
}

// ParseFloatLiteral returns the value of the text of a Python float
// literal: "1.5", ".5", "5.", "1e5", "1_000.5e1_0", "01.0". The value is the
// correctly rounded nearest float, as CPython computes it; one beyond the
// float range is infinity and one too small is zero, as in CPython. Malformed
// text is an error.
func ParseFloatLiteral(text string) (Float, error) {
	if !isFloatLiteral(text) {
		return 0, errors.New("invalid float literal " + strconv.Quote(text))
	}
	return Float(parseFloat(text)), nil
}

// ParseImaginaryLiteral returns the value of the text of a Python imaginary
// literal, a float literal or a decimal integer (leading zeros allowed)
// followed by j or J: "1j", "1.5J", "1_0e3j", "010j". The result has a real
// part of +0.0.
func ParseImaginaryLiteral(text string) (Complex, error) {
	n := len(text)
	if n < 2 || (text[n-1] != 'j' && text[n-1] != 'J') {
		return Complex{}, errors.New("invalid imaginary literal " + strconv.Quote(text))
	}
	body := text[:n-1]
	if _, ok := countDigits(body, 10); !ok && !isFloatLiteral(body) {
		return Complex{}, errors.New("invalid imaginary literal " + strconv.Quote(text))
	}
	return Complex{Imag: parseFloat(body)}, nil
}

// parseFloat converts validated literal text (decimal digits, '.', an
// exponent, underscores) to the nearest float64.
func parseFloat(text string) float64 {
	if strings.IndexByte(text, '_') >= 0 {
		text = strings.ReplaceAll(text, "_", "")
	}
	// strconv.ParseFloat rounds correctly; out of range it returns ±Inf or
	// 0 together with ErrRange, which are the values Python gives.
	f, _ := strconv.ParseFloat(text, 64)
	return f
}

// isFloatLiteral reports whether s matches Python's floatnumber:
// digitpart? "." digitpart | digitpart "." | (digitpart | pointfloat) exponent,
// where digitpart is digit (["_"] digit)* and exponent ("e"|"E") ["+"|"-"] digitpart.
func isFloatLiteral(s string) bool {
	mant, exp, hasExp := s, "", false
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp, hasExp = s[:i], s[i+1:], true
	}
	if hasExp {
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			exp = exp[1:]
		}
		if _, ok := countDigits(exp, 10); !ok {
			return false
		}
	}
	intPart, frac, hasPoint := strings.Cut(mant, ".")
	if !hasPoint {
		// A digitpart alone is a float only with an exponent.
		_, ok := countDigits(intPart, 10)
		return ok && hasExp
	}
	_, okInt := countDigits(intPart, 10)
	_, okFrac := countDigits(frac, 10)
	switch {
	case intPart == "":
		return okFrac
	case frac == "":
		return okInt
	}
	return okInt && okFrac
}
