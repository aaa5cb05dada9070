package vm

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"strings"
	"sync"
)

// The _struct module that struct.py re-exports: pack, unpack and their
// friends over format strings, and the Struct type, with CPython's
// sizes, alignment (native mode, x86-64), ranges and messages.

var (
	StructType      = nativeType("_struct", "Struct", nil, FlagBaseType)
	structErrorType *Type
)

// structItem is one code of a parsed format: count repetitions of code
// (for 's' and 'p', one item of count bytes).
type structItem struct {
	code   byte
	count  int
	size   int // of one repetition
	offset int // of the first repetition
}

// structFormat is a parsed format.
type structFormat struct {
	src     Value
	items   []structItem
	size    int
	nvalues int
	little  bool
	native  bool
}

// StructObj is a _struct.Struct.
type StructObj struct {
	ObjectBase
	f *structFormat
}

// structSizes are the standard sizes and native (size, alignment).
var structStd = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 4, 'L': 4,
	'q': 8, 'Q': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}
var structNative = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
	'q': 8, 'Q': 8, 'n': 8, 'N': 8, 'P': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}

func (t *Thread) structError(format string, args ...any) error {
	return NewException(structErrorType, NewStrValue(fmt.Sprintf(format, args...)))
}

// parseStructFormat parses a format string (prepare_s).
func (t *Thread) parseStructFormat(v Value) (*structFormat, error) {
	var s string
	switch o := v.o.(type) {
	case *Str:
		s = o.s
	case *Bytes:
		s = string(o.b)
	default:
		return nil, t.typeErrorf("Struct() argument 1 must be a str or bytes object, not %s", typeName(v))
	}
	f := &structFormat{src: v, little: true, native: true}
	i := 0
	if len(s) > 0 {
		switch s[0] {
		case '@':
			i = 1
		case '=', '<':
			f.native, i = false, 1
		case '>', '!':
			f.native, f.little, i = false, false, 1
		}
	}
	sizes := structStd
	if f.native {
		sizes = structNative
	}
	off := 0
	for i < len(s) {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			i++
			continue
		}
		count := 1
		if c >= '0' && c <= '9' {
			count = 0
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				if count > (math.MaxInt64-9)/10 {
					return nil, t.structError("total struct size too long")
				}
				count = count*10 + int(s[i]-'0')
				i++
			}
			if i >= len(s) {
				return nil, t.structError("repeat count given without format specifier")
			}
			c = s[i]
		}
		size, ok := sizes[c]
		if !ok {
			return nil, t.structError("bad char in struct format")
		}
		if f.native && off%size != 0 && c != 's' && c != 'p' && c != 'x' && c != 'c' {
			off += size - off%size
		}
		it := structItem{code: c, count: count, size: size, offset: off}
		switch c {
		case 's', 'p':
			it.size = count
			off += count
			f.nvalues++
		case 'x':
			off += count
		default:
			off += count * size
			f.nvalues += count
		}
		f.items = append(f.items, it)
		i++
	}
	f.size = off
	return f, nil
}

// packInt checks and converts an integer argument of code c.
func (t *Thread) structInt(c byte, size int, signed bool, v Value) (uint64, error) {
	if !hasIndex(v) {
		return 0, t.structError("required argument is not an integer")
	}
	iv, err := Index(t, v)
	if err != nil {
		return 0, err
	}
	n := bigOf(iv)
	bits := uint(size * 8)
	var lo, hi *big.Int
	if signed {
		lo = new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), bits-1))
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits-1), big.NewInt(1))
	} else {
		lo = big.NewInt(0)
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits), big.NewInt(1))
	}
	if n.Cmp(lo) < 0 || n.Cmp(hi) > 0 {
		return 0, t.structError("'%c' format requires %s <= number <= %s", c, lo.String(), hi.String())
	}
	if n.Sign() < 0 {
		return uint64(n.Int64()), nil
	}
	return n.Uint64(), nil
}

// structFloat converts a float argument.
func (t *Thread) structFloat(v Value) (float64, error) {
	f, err := floatArg(t, v)
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(TypeErrorType) {
			return 0, t.structError("required argument is not a float")
		}
		return 0, err
	}
	return canonicalNaN(f), nil
}

// floatToHalf is PyFloat_Pack2: IEEE binary16, rounding half to even.
func floatToHalf(t *Thread, x float64) (uint16, error) {
	sign := uint16(0)
	if math.Signbit(x) {
		sign = 0x8000
	}
	if math.IsNaN(x) {
		return sign | 0x7e00, nil
	}
	if math.IsInf(x, 0) {
		return sign | 0x7c00, nil
	}
	a := math.Abs(x)
	if a == 0 {
		return sign, nil
	}
	frac, exp := math.Frexp(a) // a = frac * 2**exp, 0.5 <= frac < 1
	if exp > 16 {
		return 0, t.raise(OverflowErrorType, "float too large to pack with e format")
	}
	var e int
	var m float64
	if exp < -13 {
		// Subnormal: value / 2**-24.
		m = math.Ldexp(frac, exp+24)
		e = 0
	} else {
		e = exp + 14
		m = (frac*2 - 1) * 1024
	}
	bits := uint64(m)
	rem := m - float64(bits)
	if rem > 0.5 || (rem == 0.5 && bits&1 == 1) {
		bits++
		if e == 0 && bits == 1024 {
			e, bits = 1, 0
		} else if e > 0 && bits == 1024 {
			bits = 0
			e++
			if e == 31 {
				return 0, t.raise(OverflowErrorType, "float too large to pack with e format")
			}
		}
	}
	if e >= 31 {
		return 0, t.raise(OverflowErrorType, "float too large to pack with e format")
	}
	return sign | uint16(e)<<10 | uint16(bits), nil
}

// halfToFloat is PyFloat_Unpack2.
func halfToFloat(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	e := int(h>>10) & 0x1f
	m := float64(h & 0x3ff)
	switch e {
	case 0:
		return sign * math.Ldexp(m, -24)
	case 31:
		if m == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * math.Ldexp(1+m/1024, e-15)
}

// pack writes args into buf (pack_into at offset 0 of a fresh buffer).
func (f *structFormat) pack(t *Thread, buf []byte, args []Value) error {
	var bo binary.ByteOrder = binary.LittleEndian
	if !f.little {
		bo = binary.BigEndian
	}
	k := 0
	for _, it := range f.items {
		switch it.code {
		case 'x':
			continue
		case 's', 'p':
			v := args[k]
			k++
			data, ok := bufferBytesOf(v)
			if !ok {
				return t.structError("argument for '%c' must be a bytes object", it.code)
			}
			dst := buf[it.offset : it.offset+it.size]
			if it.code == 's' {
				copy(dst, data)
			} else if it.size > 0 {
				n := min(len(data), it.size-1, 255)
				dst[0] = byte(n)
				copy(dst[1:], data[:n])
			}
			continue
		}
		for r := 0; r < it.count; r++ {
			v := args[k]
			k++
			p := buf[it.offset+r*it.size : it.offset+(r+1)*it.size]
			switch it.code {
			case 'c':
				data, ok := bufferBytesOf(v)
				if !ok || len(data) != 1 {
					return t.structError("char format requires a bytes object of length 1")
				}
				p[0] = data[0]
			case '?':
				b, err := Truth(t, v)
				if err != nil {
					return err
				}
				p[0] = byte(btoi(b))
			case 'e':
				x, err := t.structFloat(v)
				if err != nil {
					return err
				}
				h, err := floatToHalf(t, x)
				if err != nil {
					return err
				}
				bo.PutUint16(p, h)
			case 'f':
				x, err := t.structFloat(v)
				if err != nil {
					return err
				}
				y := float32(x)
				if math.IsInf(float64(y), 0) && !math.IsInf(x, 0) {
					return t.raise(OverflowErrorType, "float too large to pack with f format")
				}
				bo.PutUint32(p, math.Float32bits(y))
			case 'd':
				x, err := t.structFloat(v)
				if err != nil {
					return err
				}
				bo.PutUint64(p, math.Float64bits(x))
			default:
				signed := strings.IndexByte("bhilqn", it.code) >= 0
				u, err := t.structInt(it.code, it.size, signed, v)
				if err != nil {
					return err
				}
				switch it.size {
				case 1:
					p[0] = byte(u)
				case 2:
					bo.PutUint16(p, uint16(u))
				case 4:
					bo.PutUint32(p, uint32(u))
				case 8:
					bo.PutUint64(p, u)
				}
			}
		}
	}
	return nil
}

// unpack reads the values of the format from data (len(data) == size).
func (f *structFormat) unpack(data []byte) []Value {
	var bo binary.ByteOrder = binary.LittleEndian
	if !f.little {
		bo = binary.BigEndian
	}
	out := make([]Value, 0, f.nvalues)
	for _, it := range f.items {
		switch it.code {
		case 'x':
			continue
		case 's':
			out = append(out, Value{o: NewBytes(append([]byte(nil), data[it.offset:it.offset+it.size]...))})
			continue
		case 'p':
			if it.size == 0 {
				out = append(out, Value{o: NewBytes(nil)})
				continue
			}
			n := int(data[it.offset])
			if n >= it.size {
				n = it.size - 1
			}
			out = append(out, Value{o: NewBytes(append([]byte(nil), data[it.offset+1:it.offset+1+n]...))})
			continue
		}
		for r := 0; r < it.count; r++ {
			p := data[it.offset+r*it.size : it.offset+(r+1)*it.size]
			switch it.code {
			case 'c':
				out = append(out, Value{o: NewBytes([]byte{p[0]})})
			case '?':
				out = append(out, Bool(p[0] != 0))
			case 'e':
				out = append(out, Float(halfToFloat(bo.Uint16(p))))
			case 'f':
				out = append(out, Float(float64(math.Float32frombits(bo.Uint32(p)))))
			case 'd':
				out = append(out, Float(math.Float64frombits(bo.Uint64(p))))
			default:
				var u uint64
				switch it.size {
				case 1:
					u = uint64(p[0])
				case 2:
					u = uint64(bo.Uint16(p))
				case 4:
					u = uint64(bo.Uint32(p))
				case 8:
					u = bo.Uint64(p)
				}
				if strings.IndexByte("bhilqn", it.code) >= 0 {
					shift := uint(64 - 8*it.size)
					out = append(out, Int(int64(u<<shift)>>shift))
				} else if u > math.MaxInt64 {
					out = append(out, NewBigInt(new(big.Int).SetUint64(u)))
				} else {
					out = append(out, Int(int64(u)))
				}
			}
		}
	}
	return out
}

// structBuffer returns the bytes of a bytes-like argument (memoryviews
// and other buffers through bytes()).
func (t *Thread) structBuffer(v Value) ([]byte, error) {
	if b, ok := bufferBytesOf(v); ok {
		return b, nil
	}
	if _, ok := v.o.(*Str); ok {
		return nil, t.typeErrorf("a bytes-like object is required, not 'str'")
	}
	r, err := t.Call(Value{o: BytesType}, []Value{v}, nil)
	if err != nil {
		return nil, t.typeErrorf("a bytes-like object is required, not '%s'", typeName(v))
	}
	b, _ := bufferBytesOf(r)
	return b, nil
}

func (f *structFormat) packValues(t *Thread, args []Value) (Value, error) {
	if len(args) != f.nvalues {
		return Null, t.structError("pack expected %d items for packing (got %d)", f.nvalues, len(args))
	}
	buf := make([]byte, f.size)
	if err := f.pack(t, buf, args); err != nil {
		return Null, err
	}
	return Value{o: NewBytes(buf)}, nil
}

func (f *structFormat) unpackValue(t *Thread, v Value) (Value, error) {
	data, err := t.structBuffer(v)
	if err != nil {
		return Null, err
	}
	if len(data) != f.size {
		return Null, t.structError("unpack requires a buffer of %d bytes", f.size)
	}
	return Value{o: NewTuple(f.unpack(data)...)}, nil
}

func (f *structFormat) unpackFrom(t *Thread, v Value, offset int) (Value, error) {
	data, err := t.structBuffer(v)
	if err != nil {
		return Null, err
	}
	if offset < 0 {
		if offset+len(data) < 0 {
			return Null, t.structError("offset %d out of range for %d-byte buffer", offset, len(data))
		}
		offset += len(data)
		if len(data)-offset < f.size {
			return Null, t.structError("not enough data to unpack %d bytes at offset %d", f.size, offset-len(data))
		}
	}
	if len(data)-offset < f.size {
		return Null, t.structError("unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d (actual buffer size is %d)", f.size+offset, f.size, offset, len(data))
	}
	return Value{o: NewTuple(f.unpack(data[offset : offset+f.size])...)}, nil
}

func (f *structFormat) packInto(t *Thread, buffer Value, offset int, args []Value) error {
	ba, ok := buffer.o.(*ByteArray)
	if !ok {
		if _, isBytes := buffer.o.(*Bytes); isBytes {
			return t.typeErrorf("argument must be read-write bytes-like object, not bytes")
		}
		return t.typeErrorf("argument must be read-write bytes-like object, not %s", typeName(buffer))
	}
	if len(args) != f.nvalues {
		return t.structError("pack_into expected %d items for packing (got %d)", f.nvalues, len(args))
	}
	n := len(ba.b)
	if offset < 0 {
		if offset+n < 0 {
			return t.structError("offset %d out of range for %d-byte buffer", offset, n)
		}
		offset += n
		if n-offset < f.size {
			return t.structError("no space to pack %d bytes at offset %d", f.size, offset-n)
		}
	}
	if n-offset < f.size {
		return t.structError("pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d (actual buffer size is %d)", f.size+offset, f.size, offset, n)
	}
	tmp := make([]byte, f.size)
	if err := f.pack(t, tmp, args); err != nil {
		return err
	}
	copy(ba.b[offset:], tmp)
	return nil
}

// structIter is what iter_unpack returns.
type structIter struct {
	ObjectBase
	f    *structFormat
	data []byte
	pos  int
}

var structIterType = nativeType("_struct", "unpack_iterator", nil, 0)

func (f *structFormat) iterUnpack(t *Thread, v Value) (Value, error) {
	data, err := t.structBuffer(v)
	if err != nil {
		return Null, err
	}
	if f.size == 0 {
		return Null, t.structError("cannot iteratively unpack with a struct of length 0")
	}
	if len(data)%f.size != 0 {
		return Null, t.structError("iterative unpacking requires a buffer of a multiple of %d bytes", f.size)
	}
	return Value{o: &structIter{ObjectBase: ObjectBase{cls: structIterType}, f: f, data: data}}, nil
}

// formatOf returns the parsed format of a function's first argument.
func (t *Thread) structFormatArg(v Value) (*structFormat, error) {
	if s, ok := v.o.(*StructObj); ok {
		return s.f, nil
	}
	return t.parseStructFormat(v)
}

func init() {
	onSetup(setupStruct)
	RegisterModule("_struct", func(t *Thread, m *Module) error {
		structErrorOnce.Do(makeStructError)
		m.addType(StructType)
		m.Set("error", Value{o: structErrorType})
		fn := func(name string, lo int, f func(t *Thread, sf *structFormat, rest []Value) (Value, error)) {
			m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := noKwargs(t, name, kw); err != nil {
					return Null, err
				}
				if len(args) < lo {
					if lo == 1 {
						return Null, t.typeErrorf("%s expected at least 1 argument, got 0", name)
					}
					return Null, t.typeErrorf("%s expected %d arguments, got %d", name, lo, len(args))
				}
				sf, err := t.structFormatArg(args[0])
				if err != nil {
					return Null, err
				}
				return f(t, sf, args[1:])
			})
		}
		fn("pack", 1, func(t *Thread, sf *structFormat, rest []Value) (Value, error) { return sf.packValues(t, rest) })
		fn("unpack", 2, func(t *Thread, sf *structFormat, rest []Value) (Value, error) {
			if len(rest) != 1 {
				return Null, t.typeErrorf("unpack expected 2 arguments, got %d", len(rest)+1)
			}
			return sf.unpackValue(t, rest[0])
		})
		fn("iter_unpack", 2, func(t *Thread, sf *structFormat, rest []Value) (Value, error) {
			if len(rest) != 1 {
				return Null, t.typeErrorf("iter_unpack expected 2 arguments, got %d", len(rest)+1)
			}
			return sf.iterUnpack(t, rest[0])
		})
		fn("pack_into", 3, func(t *Thread, sf *structFormat, rest []Value) (Value, error) {
			off, err := AsSize(t, rest[1], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			return None, sf.packInto(t, rest[0], off, rest[2:])
		})
		m.AddFunc("unpack_from", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			spec := ArgSpec{Name: "unpack_from", Params: []string{"format", "buffer", "offset"}, PosOnly: 1, Required: 2}
			var a [3]Value
			if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
				return Null, err
			}
			sf, err := t.structFormatArg(a[0])
			if err != nil {
				return Null, err
			}
			off := 0
			if !a[2].IsNull() {
				if off, err = AsSize(t, a[2], OverflowErrorType); err != nil {
					return Null, err
				}
			}
			return sf.unpackFrom(t, a[1], off)
		})
		m.AddFunc("calcsize", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "calcsize", args, kw); err != nil {
				return Null, err
			}
			sf, err := t.structFormatArg(args[0])
			if err != nil {
				return Null, err
			}
			return Int(int64(sf.size)), nil
		})
		m.AddFunc("_clearcache", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return None, nil
		})
		return nil
	})
}

// structErrorOnce makes struct.error when _struct is first imported,
// after the builtin exception types have their slots.
var structErrorOnce sync.Once

func makeStructError() {
	// Made by hand: newExcType would list it among the builtins.
	structErrorType = &Type{Name: "error", QualName: "error", Flags: FlagBaseType | FlagBaseExcSubclass | FlagHasDict | FlagHeapType,
		Base: ExceptionType, Bases: []*Type{ExceptionType}}
	structErrorType.cls = TypeType
	structErrorType.Dict = NewDict()
	structErrorType.Dict.SetStr("__module__", NewStrValue("struct"))
	structErrorType.MRO, _ = c3MRO(structErrorType, structErrorType.Bases)
	structErrorType.builtin = BaseExceptionType
	structErrorType.version = nextTypeVersion()
	inheritSlots(structErrorType)
}

func setupStruct() {
	st := StructType
	get := func(v Value) *structFormat { return v.o.(*StructObj).f }
	st.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		spec := ArgSpec{Name: "Struct", Params: []string{"format"}, Required: 1}
		var a [1]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		f, err := t.parseStructFormat(a[0])
		if err != nil {
			return Null, err
		}
		return Value{o: &StructObj{ObjectBase: ObjectBase{cls: cls}, f: f}}, nil
	}
	st.Init = func(t *Thread, self Value, args []Value, kw []*Str) error { return nil }
	st.Repr = func(t *Thread, v Value) (Value, error) {
		r, err := Repr(t, structFormatStr(get(v)))
		if err != nil {
			return Null, err
		}
		return NewStrValue(shortName(v.Type()) + "(" + r.s + ")"), nil
	}
	defGetSet(st, "format", func(t *Thread, self Value) (Value, error) { return structFormatStr(get(self)), nil }, nil)
	defGetSet(st, "size", func(t *Thread, self Value) (Value, error) { return Int(int64(get(self).size)), nil }, nil)
	defMethods(st,
		MethodDef{Name: "pack", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noKwargs(t, "pack", kw); err != nil {
				return Null, err
			}
			return get(self).packValues(t, args)
		}},
		MethodDef{Name: "unpack", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "unpack", args, kw); err != nil {
				return Null, err
			}
			return get(self).unpackValue(t, args[0])
		}},
		MethodDef{Name: "iter_unpack", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "iter_unpack", args, kw); err != nil {
				return Null, err
			}
			return get(self).iterUnpack(t, args[0])
		}},
		MethodDef{Name: "unpack_from", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			spec := ArgSpec{Name: "unpack_from", Params: []string{"buffer", "offset"}, Required: 1}
			var a [2]Value
			if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
				return Null, err
			}
			off := 0
			if !a[1].IsNull() {
				var err error
				if off, err = AsSize(t, a[1], OverflowErrorType); err != nil {
					return Null, err
				}
			}
			return get(self).unpackFrom(t, a[0], off)
		}},
		MethodDef{Name: "pack_into", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noKwargs(t, "pack_into", kw); err != nil {
				return Null, err
			}
			if len(args) < 2 {
				return Null, t.typeErrorf("pack_into expected buffer argument")
			}
			off, err := AsSize(t, args[1], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			return None, get(self).packInto(t, args[0], off, args[2:])
		}},
	)
	it := structIterType
	it.Iter = selfIter
	it.Next = func(t *Thread, v Value) (Value, error) {
		si := v.o.(*structIter)
		if si.pos+si.f.size > len(si.data) {
			return Null, nil
		}
		r := NewTuple(si.f.unpack(si.data[si.pos : si.pos+si.f.size])...)
		si.pos += si.f.size
		return Value{o: r}, nil
	}
	defMethods(it, MethodDef{Name: "__length_hint__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		si := self.o.(*structIter)
		return Int(int64((len(si.data) - si.pos) / si.f.size)), nil
	}})
}

// structFormatStr is Struct.format: the format as a str.
func structFormatStr(f *structFormat) Value {
	if b, ok := f.src.o.(*Bytes); ok {
		return NewStrValue(string(b.b))
	}
	return f.src
}
