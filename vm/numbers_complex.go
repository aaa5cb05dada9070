package vm

import (
	"math"
	"strconv"
	"strings"
)

// complex: the constructor complex(real, imag) and complex(s), complex
// subclasses, and the methods and attributes of complex
// (Objects/complexobject.c).

// newComplexOf returns re+im*j as an instance of cls (complex or a
// subclass).
func newComplexOf(cls *Type, re, im float64) Value {
	if cls == ComplexType {
		return Value{o: NewComplex(re, im)}
	}
	return Value{o: &ComplexSub{ObjectBase: ObjectBase{cls: cls}, Real: re, Imag: im}}
}

var complexNewSpec = ArgSpec{Name: "complex", Params: []string{"real", "imag"}}

// complexNew is complex.__new__(cls, real=0, imag=0).
func complexNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	var a [2]Value
	if err := complexNewSpec.Parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	r, i := a[0], a[1]
	if r.IsNull() {
		r = Int(0)
	}
	if c, ok := r.o.(*Complex); ok && c.cls == ComplexType && i.IsNull() && cls == ComplexType {
		return r, nil
	}
	if s, ok := r.o.(*Str); ok {
		if !i.IsNull() {
			return Null, t.typeErrorf("complex() can't take second arg if first is a string")
		}
		re, im, err := complexFromString(t, s, r)
		if err != nil {
			return Null, err
		}
		return newComplexOf(cls, re, im), nil
	}
	if !i.IsNull() {
		if _, ok := i.o.(*Str); ok {
			return Null, t.typeErrorf("complex() second arg can't be a string")
		}
	}
	if m := r.Type().LookupString("__complex__"); !m.IsNull() {
		v, err := callDunder(t, r, Intern("__complex__"))
		if err != nil {
			return Null, err
		}
		if _, _, ok := complexOf(v); !ok {
			return Null, t.typeErrorf("__complex__ returned non-complex (type %s)", typeName(v))
		}
		if c, ok := v.o.(*Complex); !ok || c.cls != ComplexType {
			if err := numDeprecation(t, sprintf("__complex__ returned non-complex (type %s).  The ability to return an instance of a strict subclass of complex is deprecated, and may be removed in a future version of Python.", typeName(v))); err != nil {
				return Null, err
			}
		}
		r = v
	}
	isNumber := func(v Value) bool {
		if _, _, ok := complexOf(v); ok {
			return true
		}
		if v.o == intTag || v.o == boolTag || v.o == floatTag {
			return true
		}
		n := &v.Type().Number
		return n.Float != nil || n.Index != nil
	}
	if !isNumber(r) {
		return Null, t.typeErrorf("complex() first argument must be a string or a number, not '%s'", typeName(r))
	}
	if !i.IsNull() && !isNumber(i) {
		return Null, t.typeErrorf("complex() second argument must be a number, not '%s'", typeName(i))
	}
	var crRe, crIm, ciRe, ciIm float64
	crIsComplex, ciIsComplex := false, false
	if re, im, ok := complexOf(r); ok {
		crRe, crIm, crIsComplex = re, im, true
	} else {
		f, err := floatFromObject(t, r)
		if err != nil {
			return Null, err
		}
		crRe = f
	}
	switch {
	case i.IsNull():
		ciRe = crIm
	default:
		if re, im, ok := complexOf(i); ok {
			ciRe, ciIm, ciIsComplex = re, im, true
		} else {
			f, err := floatFromObject(t, i)
			if err != nil {
				return Null, err
			}
			ciRe = f
		}
	}
	if ciIsComplex {
		crRe -= ciIm
	}
	if crIsComplex && !i.IsNull() {
		ciRe += crIm
	}
	return newComplexOf(cls, crRe, ciRe), nil
}

// removeNumberUnderscores is _Py_string_to_number_with_underscores'
// check: every '_' between two digits, removed.
func removeNumberUnderscores(b []byte) ([]byte, bool) {
	if strings.IndexByte(string(b), '_') < 0 {
		return b, true
	}
	out := make([]byte, 0, len(b))
	prev := byte(0)
	for _, c := range b {
		if c == '_' {
			if !(prev >= '0' && prev <= '9') {
				return nil, false
			}
		} else {
			out = append(out, c)
			if prev == '_' && !(c >= '0' && c <= '9') {
				return nil, false
			}
		}
		prev = c
	}
	if prev == '_' {
		return nil, false
	}
	return out, true
}

// parseFloatPrefix reads the longest float at the start of b (as
// PyOS_string_to_double with an end pointer); n is 0 when there is none.
func parseFloatPrefix(b []byte) (float64, int) {
	i := 0
	neg := false
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		neg = b[i] == '-'
		i++
	}
	lower := func(k int) string {
		if i+k > len(b) {
			return ""
		}
		return strings.ToLower(string(b[i : i+k]))
	}
	sign := func(v float64) float64 {
		if neg {
			return -v
		}
		return v
	}
	switch {
	case lower(8) == "infinity":
		return sign(math.Inf(1)), i + 8
	case lower(3) == "inf":
		return sign(math.Inf(1)), i + 3
	case lower(3) == "nan":
		return sign(math.NaN()), i + 3
	}
	start := i
	nd := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
		nd++
	}
	if i < len(b) && b[i] == '.' {
		i++
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
			nd++
		}
	}
	if nd == 0 {
		return 0, 0
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		j := i + 1
		if j < len(b) && (b[j] == '+' || b[j] == '-') {
			j++
		}
		if j < len(b) && b[j] >= '0' && b[j] <= '9' {
			for j < len(b) && b[j] >= '0' && b[j] <= '9' {
				j++
			}
			i = j
		}
	}
	f, err := strconv.ParseFloat(string(b[start:i]), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, 0
		}
	}
	return sign(f), i
}

// complexFromString is complex(s).
func complexFromString(t *Thread, s *Str, orig Value) (float64, float64, error) {
	text, ok := removeNumberUnderscores(asciiNumberText(s))
	if !ok {
		r, err := Repr(t, orig)
		if err != nil {
			return 0, 0, err
		}
		return 0, 0, t.valueErrorf("could not convert string to complex: %s", r.s)
	}
	re, im, ok := parseComplexText(text)
	if !ok {
		return 0, 0, t.valueErrorf("complex() arg is a malformed string")
	}
	return re, im, nil
}

// parseComplexText parses the forms complex() accepts: <float>,
// <float>j, <float><signed-float>j, <float><sign>j, <sign>j and j, in
// optional parentheses, with surrounding whitespace.
func parseComplexText(b []byte) (re, im float64, ok bool) {
	i := 0
	skip := func() {
		for i < len(b) && asciiSpace(b[i]) {
			i++
		}
	}
	isJ := func() bool { return i < len(b) && (b[i] == 'j' || b[i] == 'J') }
	skip()
	bracket := false
	if i < len(b) && b[i] == '(' {
		bracket = true
		i++
		skip()
	}
	z, n := parseFloatPrefix(b[i:])
	if n > 0 {
		i += n
		switch {
		case i < len(b) && (b[i] == '+' || b[i] == '-'):
			re = z
			y, n := parseFloatPrefix(b[i:])
			if n > 0 {
				i += n
				im = y
			} else {
				im = 1
				if b[i] == '-' {
					im = -1
				}
				i++
			}
			if !isJ() {
				return 0, 0, false
			}
			i++
		case isJ():
			i++
			im = z
		default:
			re = z
		}
	} else {
		im = 1
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			if b[i] == '-' {
				im = -1
			}
			i++
		}
		if !isJ() {
			return 0, 0, false
		}
		i++
	}
	skip()
	if bracket {
		if i >= len(b) || b[i] != ')' {
			return 0, 0, false
		}
		i++
		skip()
	}
	return re, im, i == len(b)
}

func setupComplexMethods() {
	ct := ComplexType
	ct.New = complexNew
	ct.Doc = "Create a complex number from a string or numbers.\n\nIf a string is given, parse it as a complex number.\nIf a single number is given, convert it to a complex number.\nIf the 'real' or 'imag' arguments are given, create a complex number\nwith the specified real and imaginary components."
	method := func(name string, fn func(re, im float64, self Value) Value) MethodDef {
		qual := "complex." + name
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, qual, args, kw); err != nil {
				return Null, err
			}
			re, im, _ := complexOf(self)
			return fn(re, im, self), nil
		}}
	}
	defMethods(ct,
		method("conjugate", func(re, im float64, self Value) Value { return Value{o: NewComplex(re, -im)} }),
		method("__complex__", func(re, im float64, self Value) Value {
			if c, ok := self.o.(*Complex); ok && c.cls == ComplexType {
				return self
			}
			return Value{o: NewComplex(re, im)}
		}),
		method("__getnewargs__", func(re, im float64, self Value) Value {
			return Value{o: NewTuple(Float(re), Float(im))}
		}),
		MethodDef{Name: "__format__", Fn: complexFormatMethod},
	)
	defGetSet(ct, "real", func(t *Thread, self Value) (Value, error) {
		re, _, _ := complexOf(self)
		return Float(re), nil
	}, nil)
	defGetSet(ct, "imag", func(t *Thread, self Value) (Value, error) {
		_, im, _ := complexOf(self)
		return Float(im), nil
	}, nil)
}
