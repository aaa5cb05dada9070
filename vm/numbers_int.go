package vm

import (
	"math/big"
	"math/bits"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// int and bool: the constructors (int(x), int(s, base), bool(x)), the
// instances of int subclasses, and the methods and attributes of int
// (Objects/longobject.c, boolobject.c).

// newIntOf returns the int v (a plain int) as an instance of cls, which is
// int or a subclass of it.
func newIntOf(cls *Type, v Value) Value {
	if cls == IntType {
		return v
	}
	return Value{o: &IntSub{ObjectBase: ObjectBase{cls: cls}, v: intValue(v)}}
}

// isExactInt reports whether v is exactly an int (not a bool or an int
// subclass instance).
func isExactInt(v Value) bool {
	if v.IsSmallInt() {
		return true
	}
	b, ok := v.o.(*BigInt)
	return ok && b.cls == IntType
}

// plainInt returns the int value of an int-like value as an exact int.
func plainInt(v Value) Value {
	if v.o == intTag {
		return v
	}
	if v.o == boolTag {
		return Int(int64(v.n))
	}
	switch x := v.o.(type) {
	case *IntSub:
		return plainInt(x.v)
	case *BigInt:
		if x.cls == IntType {
			return v
		}
		return Value{o: &BigInt{ObjectBase: ObjectBase{cls: IntType}, v: x.v}}
	}
	return v
}

// intFromConst is the Value of a pyconst Int.
func intFromConst(i pyconst.Int) Value {
	if n, ok := i.Int64(); ok {
		return Int(n)
	}
	return Value{o: &BigInt{ObjectBase: ObjectBase{cls: IntType}, v: i.Big()}}
}

var intNewSpec = ArgSpec{Name: "int", Params: []string{"", "base"}, PosOnly: 1, Style: StyleUnpack}

// intNew is int.__new__(cls, x=0, base=10).
func intNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	if cls == IntType && len(args) == 1 && len(kw) == 0 && args[0].IsSmallInt() {
		return args[0], nil
	}
	if cls.IsSubtype(BoolType) {
		return Null, t.typeErrorf("int.__new__(bool) is not safe, use bool.__new__()")
	}
	var a [2]Value
	if len(kw) == 0 && len(args) > 2 {
		return Null, t.typeErrorf("int expected at most 2 arguments, got %d", len(args))
	}
	if err := intNewSpec.Parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	x, baseArg := a[0], a[1]
	var v Value
	var err error
	switch {
	case x.IsNull():
		if !baseArg.IsNull() {
			return Null, t.typeErrorf("int() missing string argument")
		}
		v = Int(0)
	case baseArg.IsNull():
		v, err = intFromObject(t, x)
	default:
		base, berr := AsSize(t, baseArg, OverflowErrorType)
		if berr != nil {
			if e := asException(berr); e != nil && e.cls == OverflowErrorType {
				base = -1
			} else {
				return Null, berr
			}
		}
		if base != 0 && (base < 2 || base > 36) {
			return Null, t.valueErrorf("int() base must be >= 2 and <= 36, or 0")
		}
		if s, ok := x.o.(*Str); ok {
			v, err = intFromText(t, asciiNumberText(s), base, x, false)
		} else if b, ok := bytesLikeOf(x); ok {
			v, err = intFromText(t, b, base, x, true)
		} else {
			return Null, t.typeErrorf("int() can't convert non-string with explicit base")
		}
	}
	if err != nil {
		return Null, err
	}
	return newIntOf(cls, v), nil
}

// intFromObject is int(x) with one argument (PyNumber_Long).
func intFromObject(t *Thread, x Value) (Value, error) {
	switch x.o {
	case intTag:
		return x, nil
	case boolTag:
		return Int(int64(x.n)), nil
	case floatTag:
		return floatToInt(t, x.FloatVal())
	}
	if b, ok := x.o.(*BigInt); ok && b.cls == IntType {
		return x, nil
	}
	tp := x.Type()
	if s := tp.Number.Int; s != nil {
		r, err := s(t, x)
		if err != nil {
			return Null, err
		}
		if !r.IsIntLike() {
			return Null, t.typeErrorf("__int__ returned non-int (type %s)", typeName(r))
		}
		if !isExactInt(r) {
			if err := numDeprecation(t, sprintf("__int__ returned non-int (type %s).  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.", typeName(r))); err != nil {
				return Null, err
			}
		}
		return plainInt(r), nil
	}
	if tp.Number.Index != nil {
		r, err := Index(t, x)
		if err != nil {
			return Null, err
		}
		return plainInt(r), nil
	}
	if m := tp.LookupString("__trunc__"); !m.IsNull() {
		if err := numDeprecation(t, "The delegation of int() to __trunc__ is deprecated."); err != nil {
			return Null, err
		}
		r, err := callDunder(t, x, Intern("__trunc__"))
		if err != nil {
			return Null, err
		}
		if r.IsIntLike() {
			return plainInt(r), nil
		}
		if !hasIndex(r) {
			return Null, t.typeErrorf("__trunc__ returned non-Integral (type %s)", typeName(r))
		}
		r, err = Index(t, r)
		if err != nil {
			return Null, err
		}
		return plainInt(r), nil
	}
	if s, ok := x.o.(*Str); ok {
		return intFromText(t, asciiNumberText(s), 10, x, false)
	}
	if b, ok := bytesLikeOf(x); ok {
		return intFromText(t, b, 10, x, true)
	}
	return Null, t.typeErrorf("int() argument must be a string, a bytes-like object or a real number, not '%s'", typeName(x))
}

var boolNewSpec = ArgSpec{Name: "bool", Params: []string{""}, PosOnly: 1, Style: StyleUnpack}

// boolNew is bool.__new__(cls, x=False).
func boolNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	if len(kw) > 0 {
		return Null, t.typeErrorf("bool() takes no keyword arguments")
	}
	if len(args) > 1 {
		return Null, t.typeErrorf("bool expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 0 {
		return False, nil
	}
	b, err := Truth(t, args[0])
	return Bool(b), err
}

// intMethod wraps a METH_NOARGS method of int.
func intMethod(name string, fn func(t *Thread, i pyconst.Int, self Value) (Value, error)) MethodDef {
	qual := "int." + name
	return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, qual, args, kw); err != nil {
			return Null, err
		}
		i, _ := intConst(self)
		return fn(t, i, self)
	}}
}

func intSelf(t *Thread, i pyconst.Int, self Value) (Value, error) { return plainInt(self), nil }

var (
	toBytesSpec   = ArgSpec{Name: "to_bytes", Params: []string{"length", "byteorder", "signed"}, KwOnly: 1}
	fromBytesSpec = ArgSpec{Name: "from_bytes", Params: []string{"bytes", "byteorder", "signed"}, KwOnly: 1, Required: 1}
)

// byteOrderArg reads the byteorder argument: true for little-endian.
func byteOrderArg(t *Thread, fname string, v Value) (bool, error) {
	if v.IsNull() {
		return false, nil
	}
	s, ok := v.o.(*Str)
	if !ok {
		return false, t.typeErrorf("%s() argument 'byteorder' must be str, not %s", fname, typeName(v))
	}
	switch s.s {
	case "little":
		return true, nil
	case "big":
		return false, nil
	}
	return false, t.valueErrorf("byteorder must be either 'little' or 'big'")
}

// intToBytes is int.to_bytes(length=1, byteorder='big', *, signed=False).
func intToBytes(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [3]Value
	if err := toBytesSpec.Parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	length := 1
	if !a[0].IsNull() {
		n, err := AsSize(t, a[0], OverflowErrorType)
		if err != nil {
			if e := asException(err); e != nil && e.cls == OverflowErrorType {
				return Null, t.raise(OverflowErrorType, "Python int too large to convert to C ssize_t")
			}
			return Null, err
		}
		if n < 0 {
			return Null, t.valueErrorf("length argument must be non-negative")
		}
		length = n
	}
	little, err := byteOrderArg(t, "to_bytes", a[1])
	if err != nil {
		return Null, err
	}
	signed := false
	if !a[2].IsNull() {
		if signed, err = Truth(t, a[2]); err != nil {
			return Null, err
		}
	}
	i, _ := intConst(self)
	z := i.Big()
	if z.Sign() < 0 && !signed {
		return Null, t.raise(OverflowErrorType, "can't convert negative int to unsigned")
	}
	// The bits needed: for a signed value one more than its magnitude
	// needs (two's complement), except for -2**(8n-1).
	nbits := z.BitLen()
	if signed {
		if z.Sign() < 0 {
			m := new(big.Int).Neg(z)
			m.Sub(m, big.NewInt(1))
			nbits = m.BitLen() + 1
		} else if z.Sign() > 0 {
			nbits++
		}
	}
	if nbits > 8*length {
		return Null, t.raise(OverflowErrorType, "int too big to convert")
	}
	if length > 1<<30 {
		return Null, NewException(MemoryErrorType)
	}
	out := make([]byte, length)
	if z.Sign() < 0 {
		// Two's complement: 2**(8*length) + z.
		m := new(big.Int).Lsh(big.NewInt(1), uint(8*length))
		z = m.Add(m, z)
	}
	z.FillBytes(out)
	if little {
		for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
			out[l], out[r] = out[r], out[l]
		}
	}
	return Value{o: NewBytes(out)}, nil
}

// bytesFromObject is PyObject_Bytes for from_bytes: a bytes-like object,
// or an iterable of ints in range(256).
func bytesFromObject(t *Thread, v Value) ([]byte, error) {
	if b, ok := bytesLikeOf(v); ok {
		return b, nil
	}
	if m := v.Type().LookupString("__bytes__"); !m.IsNull() {
		r, err := callDunder(t, v, Intern("__bytes__"))
		if err != nil {
			return nil, err
		}
		b, ok := r.o.(*Bytes)
		if !ok {
			return nil, t.typeErrorf("__bytes__ returned non-bytes (type %s)", typeName(r))
		}
		return b.b, nil
	}
	if _, ok := v.o.(*Str); ok || v.Type().Iter == nil {
		return nil, t.typeErrorf("cannot convert '%s' object to bytes", typeName(v))
	}
	items, err := t.collectIterable(v, nil)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(items))
	for k, it := range items {
		if !hasIndex(it) {
			return nil, t.typeErrorf("'%s' object cannot be interpreted as an integer", typeName(it))
		}
		n, err := AsSize(t, it, nil)
		if err != nil {
			return nil, err
		}
		if n < 0 || n > 255 {
			return nil, t.valueErrorf("bytes must be in range(0, 256)")
		}
		out[k] = byte(n)
	}
	return out, nil
}

// intFromBytes is the classmethod int.from_bytes(bytes, byteorder='big',
// *, signed=False).
func intFromBytes(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [3]Value
	if err := fromBytesSpec.Parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	little, err := byteOrderArg(t, "from_bytes", a[1])
	if err != nil {
		return Null, err
	}
	signed := false
	if !a[2].IsNull() {
		if signed, err = Truth(t, a[2]); err != nil {
			return Null, err
		}
	}
	b, err := bytesFromObject(t, a[0])
	if err != nil {
		return Null, err
	}
	buf := b
	if little {
		buf = make([]byte, len(b))
		for k := range b {
			buf[len(b)-1-k] = b[k]
		}
	}
	z := new(big.Int).SetBytes(buf)
	if signed && len(buf) > 0 && buf[0]&0x80 != 0 {
		m := new(big.Int).Lsh(big.NewInt(1), uint(8*len(buf)))
		z.Sub(z, m)
	}
	v := NewBigInt(z)
	cls, _ := self.o.(*Type)
	if cls == nil || cls == IntType {
		return v, nil
	}
	return t.Call(self, []Value{v}, nil)
}

// intRound is int.__round__(ndigits=None): self for ndigits >= 0, else
// rounded to a multiple of 10**-ndigits, half to even.
func intRound(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if len(kw) > 0 {
		return Null, t.typeErrorf("int.__round__() takes no keyword arguments")
	}
	if len(args) > 1 {
		return Null, t.typeErrorf("__round__ expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 0 {
		return plainInt(self), nil
	}
	nd, err := Index(t, args[0])
	if err != nil {
		return Null, err
	}
	n, _ := intConst(nd)
	if n.Sign() >= 0 {
		return plainInt(self), nil
	}
	i, _ := intConst(self)
	k, ok := n.Neg().Int64()
	// 10**k > 2*|self| rounds to 0; 10**k has more than 3.3*k bits.
	if !ok || k > int64(i.BitLen())/3+2 {
		return Int(0), nil
	}
	return intFromConst(roundIntHalfEven(i, int(k))), nil
}

// roundIntHalfEven rounds x to a multiple of 10**k, half to even.
func roundIntHalfEven(x pyconst.Int, k int) pyconst.Int {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil)
	z := x.Big()
	q, r := new(big.Int).DivMod(z, p, new(big.Int)) // r >= 0
	r2 := new(big.Int).Lsh(r, 1)
	if c := r2.Cmp(p); c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	return pyconst.IntFromBig(q.Mul(q, p))
}

// intGetAttr makes a getset of int that computes from the int's value.
func intAttr(name string, fn func(self Value) Value) {
	defGetSet(IntType, name, func(t *Thread, self Value) (Value, error) { return fn(self), nil }, nil)
}

// bitCount is the number of ones in |i|.
func bitCount(i pyconst.Int) int {
	if n, ok := i.Int64(); ok {
		if n < 0 {
			return bits.OnesCount64(-uint64(n))
		}
		return bits.OnesCount64(uint64(n))
	}
	c := 0
	for _, w := range i.Big().Bits() {
		c += bits.OnesCount(uint(w))
	}
	return c
}

func setupIntMethods() {
	IntType.New = intNew
	BoolType.New = boolNew
	IntType.Doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating-point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4"
	BoolType.Doc = "Returns True when the argument is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed."
	defMethods(IntType,
		intMethod("conjugate", intSelf),
		intMethod("bit_length", func(t *Thread, i pyconst.Int, self Value) (Value, error) {
			return Int(int64(i.BitLen())), nil
		}),
		intMethod("bit_count", func(t *Thread, i pyconst.Int, self Value) (Value, error) {
			return Int(int64(bitCount(i))), nil
		}),
		MethodDef{Name: "to_bytes", Fn: intToBytes},
		MethodDef{Name: "from_bytes", Fn: intFromBytes, Class: true},
		intMethod("as_integer_ratio", func(t *Thread, i pyconst.Int, self Value) (Value, error) {
			return Value{o: NewTuple(plainInt(self), Int(1))}, nil
		}),
		intMethod("__trunc__", intSelf),
		intMethod("__floor__", intSelf),
		intMethod("__ceil__", intSelf),
		MethodDef{Name: "__round__", Fn: intRound},
		intMethod("__getnewargs__", func(t *Thread, i pyconst.Int, self Value) (Value, error) {
			return Value{o: NewTuple(plainInt(self))}, nil
		}),
		MethodDef{Name: "__format__", Fn: intFormatMethod},
		intMethod("__sizeof__", func(t *Thread, i pyconst.Int, self Value) (Value, error) {
			n := (i.BitLen() + 29) / 30
			return Int(int64(24 + 4*max(n, 1))), nil
		}),
		intMethod("is_integer", func(t *Thread, i pyconst.Int, self Value) (Value, error) {
			return True, nil
		}),
	)
	intAttr("real", plainInt)
	intAttr("imag", func(Value) Value { return Int(0) })
	intAttr("numerator", plainInt)
	intAttr("denominator", func(Value) Value { return Int(1) })
}
