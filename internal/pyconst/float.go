package pyconst

import (
	"math"
	"strconv"
)

// Float is a Python float.
type Float float64

// TypeName returns "float".
func (Float) TypeName() string { return "float" }

// Repr returns CPython's repr of f: the shortest digits that read back as
// f, in exponent form when the decimal exponent is below -4 or at least 16
// ("1e+16", "1e-05"), otherwise positional with at least one digit after the
// point ("1.0", "0.0001"); and "inf", "-inf", "nan".
func (f Float) Repr() (string, error) { return f.String(), nil }

// String returns the repr of f.
func (f Float) String() string { return string(appendFloat(nil, float64(f), true, false)) }

// Hash returns CPython's hash of f; every NaN hashes to 0 (CPython 3.10+
// hashes a NaN by the address of its object instead).
func (f Float) Hash() int64 { return hashFloat(float64(f)) }

func (f Float) appendRepr(dst []byte, _ bool) ([]byte, error) {
	return appendFloat(dst, float64(f), true, false), nil
}

// appendFloat formats v as CPython's PyOS_double_to_string(v, 'r', 0, flags)
// does: addDot0 is Py_DTSF_ADD_DOT_0 (float repr; complex repr goes without)
// and sign is Py_DTSF_SIGN (a '+' on non-negative values). A NaN never shows
// a '-', whatever its sign bit.
func appendFloat(dst []byte, v float64, addDot0, sign bool) []byte {
	switch {
	case math.IsNaN(v):
		if sign {
			dst = append(dst, '+')
		}
		return append(dst, "nan"...)
	case math.Signbit(v):
		dst = append(dst, '-')
		v = -v
	case sign:
		dst = append(dst, '+')
	}
	if math.IsInf(v, 0) {
		return append(dst, "inf"...)
	}

	// Shortest round-trip digits, as d.ddde±XX.
	var buf [32]byte
	e := strconv.AppendFloat(buf[:0], v, 'e', -1, 64)
	var digits [24]byte
	nd := 0
	i := 0
	for ; e[i] != 'e'; i++ {
		if e[i] != '.' {
			digits[nd] = e[i]
			nd++
		}
	}
	exp, _ := strconv.Atoi(string(e[i+1:]))
	decpt := exp + 1 // digits are 0.DDDD * 10**decpt
	d := digits[:nd]

	if decpt <= -4 || decpt > 16 {
		dst = append(dst, d[0])
		if nd > 1 {
			dst = append(dst, '.')
			dst = append(dst, d[1:]...)
		}
		dst = append(dst, 'e')
		if exp < 0 {
			dst = append(dst, '-')
			exp = -exp
		} else {
			dst = append(dst, '+')
		}
		if exp < 10 {
			dst = append(dst, '0')
		}
		return strconv.AppendInt(dst, int64(exp), 10)
	}
	switch {
	case decpt <= 0:
		dst = append(dst, "0."...)
		for range -decpt {
			dst = append(dst, '0')
		}
		dst = append(dst, d...)
	case decpt >= nd:
		dst = append(dst, d...)
		for range decpt - nd {
			dst = append(dst, '0')
		}
		if addDot0 {
			dst = append(dst, ".0"...)
		}
	default:
		dst = append(dst, d[:decpt]...)
		dst = append(dst, '.')
		dst = append(dst, d[decpt:]...)
	}
	return dst
}

// Complex is a Python complex.
type Complex struct {
	Real, Imag float64
}

// TypeName returns "complex".
func (Complex) TypeName() string { return "complex" }

// Repr returns CPython's repr of c. When the real part is +0.0 only the
// imaginary part is shown ("1j", "-0j", "infj"); otherwise both, in
// parentheses, the imaginary one with an explicit sign ("(1+2j)",
// "(-0-1j)", "(nan+nanj)"). Parts are written like float reprs but without
// a trailing ".0" ("1e+16j").
func (c Complex) Repr() (string, error) { return c.String(), nil }

// String returns the repr of c.
func (c Complex) String() string { b, _ := c.appendRepr(nil, false); return string(b) }

// Hash returns CPython's hash of c: hash(real) + 1000003*hash(imag). A NaN
// part hashes to 0 (CPython uses the complex object's address).
func (c Complex) Hash() int64 {
	h := uint64(hashFloat(c.Real)) + hashImag*uint64(hashFloat(c.Imag))
	return fixHash(h)
}

func (c Complex) appendRepr(dst []byte, _ bool) ([]byte, error) {
	if c.Real == 0 && !math.Signbit(c.Real) {
		dst = appendFloat(dst, c.Imag, false, false)
		return append(dst, 'j'), nil
	}
	dst = append(dst, '(')
	dst = appendFloat(dst, c.Real, false, false)
	dst = appendFloat(dst, c.Imag, false, true)
	return append(dst, "j)"...), nil
}
