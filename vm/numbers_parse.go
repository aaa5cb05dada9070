package vm

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// Parsing numbers from text: int(s, base), float(s) and complex(s), as
// CPython's PyLong_FromString, PyFloat_FromString and complex_from_string
// do. A str is first made ASCII the way _PyUnicode_TransformDecimalAndSpaceToASCII
// makes it (every Unicode space becomes ' ', every decimal digit its ASCII
// digit, any other non-ASCII character '?', which no grammar accepts); the
// parsers then work on bytes.

// numIsSpace reports whether r is whitespace for str.isspace (and so for
// the number parsers): the ASCII controls \t..\r and \x1c..\x1f, the space,
// and the Unicode characters of bidirectional class WS, B or S or category
// Zs.
func numIsSpace(r rune) bool {
	switch {
	case r < 0x80:
		return r == ' ' || (r >= '\t' && r <= '\r') || (r >= 0x1c && r <= 0x1f)
	case r == 0x85 || r == 0xa0 || r == 0x1680 || r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// decimalValue returns the value of a Unicode decimal digit (category Nd),
// or -1. Every range of Nd starts at a digit zero and holds whole runs of
// ten, so the value is the offset in the range modulo 10.
func decimalValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if r < 0x80 {
		return -1
	}
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return -1
}

// asciiNumberText returns the text of a str for the number parsers.
func asciiNumberText(s *Str) []byte {
	if s.ascii {
		return []byte(s.s)
	}
	out := make([]byte, 0, len(s.s))
	for i := 0; i < len(s.s); {
		r, n := pyconst.DecodeRune(s.s[i:])
		i += n
		switch {
		case r < 0x80:
			out = append(out, byte(r))
		case numIsSpace(r):
			out = append(out, ' ')
		default:
			if d := decimalValue(r); d >= 0 {
				out = append(out, byte('0'+d))
			} else {
				out = append(out, '?')
			}
		}
	}
	return out
}

// asciiSpace is Py_ISSPACE.
func asciiSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

func trimASCIISpace(b []byte) []byte {
	for len(b) > 0 && asciiSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && asciiSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// digitOf is the value of an ASCII digit or letter (36 for anything else).
func digitOf(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 36
}

// intParseResult is what parseIntText found.
type intParseResult int

const (
	intParseOK intParseResult = iota
	intParseInvalid
	intParseTooManyDigits
)

// parseIntText parses an int literal of the given base (0, or 2 to 36) as
// int() accepts it. ndigits is the count of digits, for the digit-limit
// message; limit is sys.get_int_max_str_digits() (0: none).
func parseIntText(b []byte, base, limit int) (v Value, ndigits int, res intParseResult) {
	i := 0
	for i < len(b) && asciiSpace(b[i]) {
		i++
	}
	neg := false
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		neg = b[i] == '-'
		i++
	}
	errorIfNonzero := false
	if base == 0 {
		switch {
		case i >= len(b) || b[i] != '0':
			base = 10
		case i+1 < len(b) && (b[i+1] == 'x' || b[i+1] == 'X'):
			base = 16
		case i+1 < len(b) && (b[i+1] == 'o' || b[i+1] == 'O'):
			base = 8
		case i+1 < len(b) && (b[i+1] == 'b' || b[i+1] == 'B'):
			base = 2
		default:
			// A C-style octal literal is invalid, unless it is zero.
			errorIfNonzero = true
			base = 10
		}
	}
	if i+1 < len(b) && b[i] == '0' {
		c := b[i+1] | 0x20
		if (base == 16 && c == 'x') || (base == 8 && c == 'o') || (base == 2 && c == 'b') {
			i += 2
			if i < len(b) && b[i] == '_' {
				i++
			}
		}
	}
	start := i
	if i >= len(b) || digitOf(b[i]) >= base {
		return Null, 0, intParseInvalid
	}
	hasUnderscore := false
	for i < len(b) {
		c := b[i]
		if c == '_' {
			if i+1 >= len(b) || digitOf(b[i+1]) >= base {
				return Null, 0, intParseInvalid
			}
			hasUnderscore = true
			i++
			continue
		}
		if digitOf(c) >= base {
			break
		}
		ndigits++
		i++
	}
	digits := b[start:i]
	for i < len(b) && asciiSpace(b[i]) {
		i++
	}
	if i != len(b) {
		return Null, ndigits, intParseInvalid
	}
	if limit > 0 && base&(base-1) != 0 && ndigits > limit {
		return Null, ndigits, intParseTooManyDigits
	}
	if hasUnderscore {
		digits = []byte(strings.ReplaceAll(string(digits), "_", ""))
	}
	if len(digits) <= 12 || (base <= 16 && len(digits) <= 15) {
		u, err := strconv.ParseUint(string(digits), base, 64)
		if err == nil && u <= math.MaxInt64 {
			n := int64(u)
			if neg {
				n = -n
			}
			if errorIfNonzero && n != 0 {
				return Null, ndigits, intParseInvalid
			}
			return Int(n), ndigits, intParseOK
		}
	}
	z, ok := new(big.Int).SetString(string(digits), base)
	if !ok {
		return Null, ndigits, intParseInvalid
	}
	if errorIfNonzero && z.Sign() != 0 {
		return Null, ndigits, intParseInvalid
	}
	if neg {
		z.Neg(z)
	}
	return NewBigInt(z), ndigits, intParseOK
}

// truncRepr is %.200R: the repr cut to 200 code points.
func truncRepr(s string, n int) string {
	count := 0
	for i := 0; i < len(s); {
		if count == n {
			return s[:i]
		}
		_, size := pyconst.DecodeRune(s[i:])
		i += size
		count++
	}
	return s
}

// intFromText is int(s, base) for a str or the bytes of a bytes-like
// object (isBytes: the error shows the bytes' repr).
func intFromText(t *Thread, text []byte, base int, orig Value, isBytes bool) (Value, error) {
	v, nd, res := parseIntText(text, base, t.interp.maxStrDigits)
	switch res {
	case intParseOK:
		return v, nil
	case intParseTooManyDigits:
		return Null, t.valueErrorf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", t.interp.maxStrDigits, nd)
	}
	var r string
	if isBytes {
		r = pyconst.Bytes(text).String()
	} else {
		s, err := Repr(t, orig)
		if err != nil {
			return Null, err
		}
		r = s.s
	}
	return Null, t.valueErrorf("invalid literal for int() with base %d: %s", base, truncRepr(r, 200))
}

// bytesLikeOf returns the content of a bytes-like object (bytes,
// bytearray and their subclasses).
func bytesLikeOf(v Value) ([]byte, bool) {
	return bytesLike(v)
}

// parseFloatText parses the text of float(s): surrounding whitespace,
// then a sign and "inf", "infinity", "nan" (any case) or a decimal number
// whose digits may be separated by single underscores.
func parseFloatText(b []byte) (float64, bool) {
	b = trimASCIISpace(b)
	if len(b) == 0 {
		return 0, false
	}
	i := 0
	neg := false
	if b[0] == '+' || b[0] == '-' {
		neg = b[0] == '-'
		i++
	}
	rest := strings.ToLower(string(b[i:]))
	switch rest {
	case "inf", "infinity":
		if neg {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		if neg {
			return math.Copysign(math.NaN(), -1), true
		}
		return math.NaN(), true
	}
	clean, ok := cleanDecimal(b[i:])
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, false
		}
	}
	if neg {
		f = -f
	}
	return f, true
}

// cleanDecimal checks the grammar of an unsigned decimal float
// (digits [. digits] [e [sign] digits], or . digits [exp]; single
// underscores between digits) and returns it without underscores.
func cleanDecimal(b []byte) (string, bool) {
	var out []byte
	i := 0
	digits := func() int {
		n := 0
		for i < len(b) {
			c := b[i]
			if c >= '0' && c <= '9' {
				out = append(out, c)
				n++
				i++
				continue
			}
			if c == '_' && n > 0 && i+1 < len(b) && b[i+1] >= '0' && b[i+1] <= '9' {
				i++
				continue
			}
			break
		}
		return n
	}
	intDigits := digits()
	fracDigits := 0
	if i < len(b) && b[i] == '.' {
		out = append(out, '.')
		i++
		fracDigits = digits()
	}
	if intDigits == 0 && fracDigits == 0 {
		return "", false
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		out = append(out, 'e')
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			out = append(out, b[i])
			i++
		}
		if digits() == 0 {
			return "", false
		}
	}
	return string(out), i == len(b)
}

// floatFromText is float(s) for a str or a bytes-like object.
func floatFromText(t *Thread, text []byte, orig Value, isBytes bool) (Value, error) {
	if f, ok := parseFloatText(text); ok {
		return Float(f), nil
	}
	var r string
	if isBytes {
		r = pyconst.Bytes(text).String()
	} else {
		s, err := Repr(t, orig)
		if err != nil {
			return Null, err
		}
		r = s.s
	}
	return Null, t.valueErrorf("could not convert string to float: %s", r)
}
