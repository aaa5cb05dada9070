package vm

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// float: the constructor float(x), float subclasses, and the methods and
// attributes of float (Objects/floatobject.c).

// newFloatOf returns the float x as an instance of cls (float or a
// subclass).
func newFloatOf(cls *Type, x float64) Value {
	if cls == FloatType {
		return Float(x)
	}
	return Value{o: &FloatSub{ObjectBase: ObjectBase{cls: cls}, v: x}}
}

// floatNew is float.__new__(cls, x=0.0).
func floatNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	if len(kw) > 0 && (cls == FloatType || cls.Init == nil || sameSlot(cls.Init, InitSlot(objectInit))) {
		return Null, t.typeErrorf("float() takes no keyword arguments")
	}
	args = args[:len(args)-len(kw)]
	if len(args) > 1 {
		return Null, t.typeErrorf("float expected at most 1 argument, got %d", len(args))
	}
	if cls == FloatType && len(args) == 1 && args[0].IsFloat() {
		return args[0], nil // PyNumber_Float returns an exact float itself
	}
	if len(args) == 0 {
		return newFloatOf(cls, 0), nil
	}
	x, err := floatFromObject(t, args[0])
	if err != nil {
		return Null, err
	}
	return newFloatOf(cls, x), nil
}

// floatFromObject is float(x) (PyNumber_Float).
func floatFromObject(t *Thread, x Value) (float64, error) {
	switch x.o {
	case floatTag:
		return x.FloatVal(), nil
	case intTag, boolTag:
		return float64(int64(x.n)), nil
	}
	tp := x.Type()
	if s := tp.Number.Float; s != nil {
		if fs, ok := x.o.(*FloatSub); ok && sameSlot(s, FloatType.Number.Float) {
			return fs.v, nil
		}
		r, err := s(t, x)
		if err != nil {
			return 0, err
		}
		f, ok := floatOf(r)
		if !ok {
			return 0, t.typeErrorf("%s.__float__ returned non-float (type %s)", tp.Name, typeName(r))
		}
		if !r.IsFloat() {
			if err := numDeprecation(t, sprintf("%s.__float__ returned non-float (type %s).  The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.", tp.Name, typeName(r))); err != nil {
				return 0, err
			}
		}
		return f, nil
	}
	if tp.Number.Index != nil {
		r, err := Index(t, x)
		if err != nil {
			return 0, err
		}
		i, _ := intConst(r)
		f, err := i.Float64()
		if err != nil {
			return 0, constError(t, err)
		}
		return f, nil
	}
	if s, ok := x.o.(*Str); ok {
		v, err := floatFromText(t, asciiNumberText(s), x, false)
		if err != nil {
			return 0, err
		}
		return v.FloatVal(), nil
	}
	if b, ok := bytesLikeOf(x); ok {
		if f, ok := parseFloatText(b); ok {
			return f, nil
		}
		r := bytesLikeRepr(x, b)
		if r == "" {
			s, err := Repr(t, x)
			if err != nil {
				return 0, err
			}
			r = s.s
		}
		return 0, t.valueErrorf("could not convert string to float: %s", r)
	}
	return 0, t.typeErrorf("float() argument must be a string or a real number, not '%s'", typeName(x))
}

// bytesLikeRepr is the repr of an exact bytes or bytearray ("" for
// subclasses, whose repr the caller asks for).
func bytesLikeRepr(v Value, b []byte) string {
	switch x := v.o.(type) {
	case *Bytes:
		if x.cls == BytesType {
			return bytesReprText(b)
		}
	case *ByteArray:
		if x.cls == ByteArrayType {
			return "bytearray(" + bytesReprText(b) + ")"
		}
	}
	return ""
}

func bytesReprText(b []byte) string {
	var sb strings.Builder
	quote := byte('\'')
	if strings.IndexByte(string(b), '\'') >= 0 && strings.IndexByte(string(b), '"') < 0 {
		quote = '"'
	}
	sb.WriteByte('b')
	sb.WriteByte(quote)
	for _, c := range b {
		switch {
		case c == quote || c == '\\':
			sb.WriteByte('\\')
			sb.WriteByte(c)
		case c == '\t':
			sb.WriteString(`\t`)
		case c == '\n':
			sb.WriteString(`\n`)
		case c == '\r':
			sb.WriteString(`\r`)
		case c < 0x20 || c >= 0x7f:
			sb.WriteString(`\x`)
			sb.WriteString(hex2(int(c)))
		default:
			sb.WriteByte(c)
		}
	}
	sb.WriteByte(quote)
	return sb.String()
}

// floatMethod wraps a METH_NOARGS method of float.
func floatMethod(name string, fn func(t *Thread, x float64, self Value) (Value, error)) MethodDef {
	qual := "float." + name
	return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, qual, args, kw); err != nil {
			return Null, err
		}
		x, _ := floatOf(self)
		return fn(t, x, self)
	}}
}

// roundHalfEven rounds x to an integral float, half to even.
func roundHalfEven(x float64) float64 { return math.RoundToEven(x) }

// floatRound is float.__round__(ndigits=None).
func floatRound(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if len(kw) > 0 {
		return Null, t.typeErrorf("float.__round__() takes no keyword arguments")
	}
	if len(args) > 1 {
		return Null, t.typeErrorf("__round__ expected at most 1 argument, got %d", len(args))
	}
	x, _ := floatOf(self)
	if len(args) == 0 || args[0].IsNone() {
		return floatToInt(t, roundHalfEven(x))
	}
	nd, err := Index(t, args[0])
	if err != nil {
		return Null, err
	}
	n, _ := intConst(nd)
	if math.IsInf(x, 0) || math.IsNaN(x) || x == 0 {
		return Float(x), nil
	}
	// Beyond these bounds the result is x itself, or a zero.
	const ndigitsMax, ndigitsMin = 323, -308
	k, ok := n.Int64()
	if !ok || k > ndigitsMax {
		if n.Sign() > 0 {
			return Float(x), nil
		}
		return Float(math.Copysign(0, x)), nil
	}
	if k < ndigitsMin {
		return Float(math.Copysign(0, x)), nil
	}
	return Float(roundFloatDigits(x, int(k))), nil
}

// roundFloatDigits rounds x to nd decimal digits after the point (before
// it when nd is negative), correctly: the exact value of x rounded half
// to even, then read back as a float.
func roundFloatDigits(x float64, nd int) float64 {
	if nd >= 0 {
		s := strconv.FormatFloat(x, 'f', nd, 64)
		r, _ := strconv.ParseFloat(s, 64)
		return r
	}
	exact := new(big.Rat).SetFloat64(x)
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-nd)), nil)
	q := new(big.Rat).Quo(exact, new(big.Rat).SetInt(p))
	num, den := q.Num(), q.Denom()
	quo, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	// Round the quotient (truncated toward zero) half to even.
	rem2 := new(big.Int).Abs(rem)
	rem2.Lsh(rem2, 1)
	if c := rem2.Cmp(den); c > 0 || (c == 0 && quo.Bit(0) == 1) {
		if num.Sign() < 0 {
			quo.Sub(quo, big.NewInt(1))
		} else {
			quo.Add(quo, big.NewInt(1))
		}
	}
	if quo.Sign() == 0 {
		return math.Copysign(0, x)
	}
	quo.Mul(quo, p)
	f, _ := new(big.Float).SetInt(quo).Float64()
	return f
}

// floatAsIntegerRatio is float.as_integer_ratio().
func floatAsIntegerRatio(t *Thread, x float64, self Value) (Value, error) {
	if math.IsInf(x, 0) {
		return Null, t.raise(OverflowErrorType, "cannot convert Infinity to integer ratio")
	}
	if math.IsNaN(x) {
		return Null, t.valueErrorf("cannot convert NaN to integer ratio")
	}
	r := new(big.Rat).SetFloat64(x)
	return Value{o: NewTuple(NewBigInt(new(big.Int).Set(r.Num())), NewBigInt(new(big.Int).Set(r.Denom())))}, nil
}

// floatHex is float.hex(): 0x1.<13 hex digits>p<exponent>.
func floatHex(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	sign := ""
	if math.Signbit(x) {
		sign = "-"
		x = -x
	}
	if x == 0 {
		return sign + "0x0.0p+0"
	}
	bits := math.Float64bits(x)
	mant := bits & (1<<52 - 1)
	exp := int(bits >> 52 & 0x7ff)
	lead := "1"
	if exp == 0 {
		lead = "0"
		exp = -1022
	} else {
		exp -= 1023
	}
	m := strconv.FormatUint(mant, 16)
	m = strings.Repeat("0", 13-len(m)) + m
	es := strconv.Itoa(exp)
	if exp >= 0 {
		es = "+" + es
	}
	return sign + "0x" + lead + "." + m + "p" + es
}

// floatFromHex parses float.fromhex's argument; ok false means invalid,
// overflow a value too large.
func floatFromHex(s string) (x float64, ok, overflow bool) {
	b := trimASCIISpace([]byte(s))
	neg := false
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		neg = b[0] == '-'
		b = b[1:]
	}
	signed := func(v float64) float64 {
		if neg {
			return -v
		}
		return v
	}
	switch strings.ToLower(string(b)) {
	case "inf", "infinity":
		return signed(math.Inf(1)), true, false
	case "nan":
		return signed(math.NaN()), true, false
	}
	if len(b) >= 2 && b[0] == '0' && (b[1] == 'x' || b[1] == 'X') {
		b = b[2:]
	}
	mant := new(big.Int)
	ndig, fracDigits := 0, 0
	i := 0
	seenDot := false
	for i < len(b) {
		c := b[i]
		if c == '.' && !seenDot {
			seenDot = true
			i++
			continue
		}
		d := digitOf(c)
		if d >= 16 {
			break
		}
		mant.Lsh(mant, 4)
		mant.Or(mant, big.NewInt(int64(d)))
		ndig++
		if seenDot {
			fracDigits++
		}
		i++
	}
	if ndig == 0 {
		return 0, false, false
	}
	exp := int64(0)
	if i < len(b) && (b[i] == 'p' || b[i] == 'P') {
		i++
		eneg := false
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			eneg = b[i] == '-'
			i++
		}
		start := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			if exp < 1<<40 {
				exp = exp*10 + int64(b[i]-'0')
			}
			i++
		}
		if i == start {
			return 0, false, false
		}
		if eneg {
			exp = -exp
		}
	}
	if i != len(b) {
		return 0, false, false
	}
	if mant.Sign() == 0 {
		return signed(0), true, false
	}
	exp -= int64(4 * fracDigits)
	top := int64(mant.BitLen()) + exp // the value is below 2**top
	if top > 1024 {
		return 0, true, true
	}
	if top < -1080 {
		return signed(0), true, false
	}
	f := new(big.Float).SetPrec(uint(mant.BitLen())).SetInt(mant)
	f.SetMantExp(f, int(exp))
	v, _ := f.Float64()
	if math.IsInf(v, 0) {
		return 0, true, true
	}
	return signed(v), true, false
}

func setupFloatMethods() {
	ft := FloatType
	ft.New = floatNew
	ft.Doc = "Convert a string or number to a floating-point number, if possible."
	defMethods(ft,
		floatMethod("conjugate", func(t *Thread, x float64, self Value) (Value, error) { return floatSelf(self, x), nil }),
		floatMethod("__trunc__", func(t *Thread, x float64, self Value) (Value, error) { return floatToInt(t, x) }),
		floatMethod("__floor__", func(t *Thread, x float64, self Value) (Value, error) { return floatToInt(t, math.Floor(x)) }),
		floatMethod("__ceil__", func(t *Thread, x float64, self Value) (Value, error) { return floatToInt(t, math.Ceil(x)) }),
		MethodDef{Name: "__round__", Fn: floatRound},
		floatMethod("as_integer_ratio", floatAsIntegerRatio),
		MethodDef{Name: "fromhex", Class: true, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "float.fromhex", args, kw); err != nil {
				return Null, err
			}
			s, ok := args[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("bad argument type for built-in operation")
			}
			x, ok, overflow := floatFromHex(string(asciiNumberText(s)))
			if overflow {
				return Null, t.raise(OverflowErrorType, "hexadecimal value too large to represent as a float")
			}
			if !ok {
				return Null, t.valueErrorf("invalid hexadecimal floating-point string")
			}
			if cls, ok := self.o.(*Type); ok && cls != FloatType {
				return t.Call(self, []Value{Float(x)}, nil)
			}
			return Float(x), nil
		}},
		floatMethod("hex", func(t *Thread, x float64, self Value) (Value, error) { return NewStrValue(floatHex(x)), nil }),
		floatMethod("is_integer", func(t *Thread, x float64, self Value) (Value, error) {
			return Bool(!math.IsInf(x, 0) && x == math.Trunc(x)), nil
		}),
		floatMethod("__getnewargs__", func(t *Thread, x float64, self Value) (Value, error) {
			return Value{o: NewTuple(Float(x))}, nil
		}),
		MethodDef{Name: "__getformat__", Class: true, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "float.__getformat__", args, kw); err != nil {
				return Null, err
			}
			s, ok := args[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("__getformat__() argument must be str, not %s", typeName(args[0]))
			}
			if s.s != "double" && s.s != "float" {
				return Null, t.valueErrorf("__getformat__() argument 1 must be 'double' or 'float'")
			}
			return NewStrValue("IEEE, little-endian"), nil
		}},
		MethodDef{Name: "__format__", Fn: floatFormatMethod},
	)
	defGetSet(ft, "real", func(t *Thread, self Value) (Value, error) {
		x, _ := floatOf(self)
		return floatSelf(self, x), nil
	}, nil)
	defGetSet(ft, "imag", func(t *Thread, self Value) (Value, error) { return Float(0), nil }, nil)
}
