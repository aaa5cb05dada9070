package vm

import (
	"fmt"
)

// memoryview, for the one-dimensional views of bytes and bytearray that
// programs use: indexing, slicing (with steps), item and slice assignment
// through a writable view, comparison, hashing, tobytes/tolist/hex,
// toreadonly, cast between the one-byte formats (B, b, c), release and
// the context manager.
//
// A view holds its base object and reads its bytes on each access, so
// that it sees the bytearray's changes. CPython forbids resizing a
// bytearray while any view of it lives, and frees a view when its last
// reference goes; without reference counting a forgotten temporary view
// would lock its bytearray for ever, so here only a view inside a with
// block (entered and not yet released) holds the export.

// MemoryView is a memoryview object.
type MemoryView struct {
	ObjectBase
	base     Value // the bytes or bytearray viewed
	off      int   // index of the first byte in the base
	n        int   // number of items
	step     int   // distance between items in the base
	readonly bool
	format   byte // 'B', 'b' or 'c'
	released bool
	entered  bool // inside a with block, holding an export
}

// MemoryViewType is the type of memoryview objects.
var (
	MemoryViewType = builtinType("memoryview", nil, FlagSequence)
	memoryIterType = builtinType("memory_iterator", nil, 0)
)

// baseBytes returns the current bytes of the viewed object.
func (m *MemoryView) baseBytes() []byte {
	switch o := m.base.o.(type) {
	case *Bytes:
		return o.b
	case *ByteArray:
		return o.b
	}
	return nil
}

// index returns the base index of item i, or -1 when the base has
// shrunk below it.
func (m *MemoryView) index(i int) int {
	j := m.off + i*m.step
	if j < 0 || j >= len(m.baseBytes()) {
		return -1
	}
	return j
}

// data returns the viewed bytes: a slice of the base when the view is
// contiguous, a copy otherwise.
func (m *MemoryView) data() []byte {
	b := m.baseBytes()
	if m.step == 1 {
		lo, hi := min(m.off, len(b)), min(m.off+m.n, len(b))
		return b[lo:hi]
	}
	out := make([]byte, 0, m.n)
	for i := 0; i < m.n; i++ {
		if j := m.index(i); j >= 0 {
			out = append(out, b[j])
		}
	}
	return out
}

func (m *MemoryView) check(t *Thread) error {
	if m.released {
		return t.valueErrorf("operation forbidden on released memoryview object")
	}
	return nil
}

func (m *MemoryView) release() {
	if m.entered {
		if ba, ok := m.base.o.(*ByteArray); ok {
			ba.exports--
		}
		m.entered = false
	}
	m.released = true
}

// newMemoryView returns a view of all of a bytes-like object.
func newMemoryView(t *Thread, obj Value) (*MemoryView, error) {
	switch o := obj.o.(type) {
	case *Bytes:
		return &MemoryView{ObjectBase: ObjectBase{cls: MemoryViewType}, base: obj, n: len(o.b), step: 1, readonly: true, format: 'B'}, nil
	case *ByteArray:
		return &MemoryView{ObjectBase: ObjectBase{cls: MemoryViewType}, base: obj, n: len(o.b), step: 1, format: 'B'}, nil
	case *MemoryView:
		if err := o.check(t); err != nil {
			return nil, err
		}
		c := *o
		c.ObjectBase = ObjectBase{cls: MemoryViewType}
		c.entered = false
		return &c, nil
	}
	return nil, t.typeErrorf("memoryview: a bytes-like object is required, not '%s'", typeName(obj))
}

// item returns item i (in range) as a Python value.
func (m *MemoryView) item(i int) Value {
	j := m.index(i)
	var c byte
	if j >= 0 {
		c = m.baseBytes()[j]
	}
	switch m.format {
	case 'b':
		return Int(int64(int8(c)))
	case 'c':
		return Value{o: NewBytes([]byte{c})}
	}
	return Int(int64(c))
}

// packItem converts a value assigned to an item to its byte.
func (m *MemoryView) packItem(t *Thread, v Value) (byte, error) {
	if m.format == 'c' {
		b, ok := v.o.(*Bytes)
		if !ok || len(b.b) != 1 {
			return 0, t.valueErrorf("memoryview: invalid value for format 'c'")
		}
		return b.b[0], nil
	}
	if !v.IsIntLike() {
		return 0, t.typeErrorf("memoryview: invalid type for format '%c'", m.format)
	}
	n, ok := smallIntOf(v)
	lo, hi := int64(0), int64(255)
	if m.format == 'b' {
		lo, hi = -128, 127
	}
	if !ok || n < lo || n > hi {
		return 0, t.valueErrorf("memoryview: invalid value for format '%c'", m.format)
	}
	return byte(n), nil
}

var memoryViewNewSpec = ArgSpec{Name: "memoryview", Params: []string{"object"}, Required: 1}

func setupMemoryView() {
	mt := MemoryViewType
	mt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		var a [1]Value
		if err := memoryViewNewSpec.Parse(t, args, kw, a[:]); err != nil {
			return Null, err
		}
		m, err := newMemoryView(t, a[0])
		if err != nil {
			return Null, err
		}
		return Value{o: m}, nil
	}
	mt.Repr = func(t *Thread, v Value) (Value, error) {
		m := v.o.(*MemoryView)
		if m.released {
			return NewStrValue(fmt.Sprintf("<released memory at %#x>", identityOf(v))), nil
		}
		return NewStrValue(fmt.Sprintf("<memory at %#x>", identityOf(v))), nil
	}
	mt.Len = func(t *Thread, v Value) (int, error) {
		m := v.o.(*MemoryView)
		if err := m.check(t); err != nil {
			return 0, err
		}
		return m.n, nil
	}
	mt.Hash = func(t *Thread, v Value) (int64, error) {
		m := v.o.(*MemoryView)
		if err := m.check(t); err != nil {
			return 0, err
		}
		if !m.readonly {
			return 0, t.valueErrorf("cannot hash writable memoryview object")
		}
		return hasher.HashBytes(m.data()), nil
	}
	mt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		if op != EQ && op != NE {
			return NotImplemented, nil
		}
		m := a.o.(*MemoryView)
		eq := false
		if a.o == b.o {
			eq = true
		} else if m.released {
			eq = false
		} else if o, ok := b.o.(*MemoryView); ok && o.released {
			eq = false
		} else if y, ok := bytesLike(b); ok {
			eq = string(m.data()) == string(y)
		} else {
			return NotImplemented, nil
		}
		return Bool(eq == (op == EQ)), nil
	}
	mt.GetItem = func(t *Thread, v, key Value) (Value, error) {
		m := v.o.(*MemoryView)
		if err := m.check(t); err != nil {
			return Null, err
		}
		if s, ok := key.o.(*Slice); ok {
			start, _, step, n, err := s.Indices(t, m.n)
			if err != nil {
				return Null, err
			}
			c := *m
			c.ObjectBase = ObjectBase{cls: MemoryViewType}
			c.entered = false
			c.off = m.off + start*m.step
			c.step = m.step * step
			c.n = n
			if n == 0 {
				c.off, c.step = m.off, 1
			}
			return Value{o: &c}, nil
		}
		if !hasIndex(key) {
			return Null, t.typeErrorf("memoryview: invalid slice key")
		}
		i, err := bytesIndexKey(t, key, m.n, "index out of bounds on dimension 1")
		if err != nil {
			return Null, err
		}
		return m.item(i), nil
	}
	mt.SetItem = func(t *Thread, v, key, value Value) error {
		m := v.o.(*MemoryView)
		if err := m.check(t); err != nil {
			return err
		}
		if m.readonly {
			return t.typeErrorf("cannot modify read-only memory")
		}
		if value.IsNull() {
			return t.typeErrorf("cannot delete memory")
		}
		b := m.baseBytes()
		if s, ok := key.o.(*Slice); ok {
			start, _, step, n, err := s.Indices(t, m.n)
			if err != nil {
				return err
			}
			src, ok := bytesLike(value)
			if !ok {
				return t.typeErrorf("a bytes-like object is required, not '%s'", typeName(value))
			}
			if len(src) != n {
				return t.valueErrorf("memoryview assignment: lvalue and rvalue have different structures")
			}
			src = append([]byte(nil), src...)
			for i, k := 0, start; i < n; i, k = i+1, k+step {
				if j := m.index(k); j >= 0 {
					b[j] = src[i]
				}
			}
			return nil
		}
		if !hasIndex(key) {
			return t.typeErrorf("memoryview: invalid slice key")
		}
		i, err := bytesIndexKey(t, key, m.n, "index out of bounds on dimension 1")
		if err != nil {
			return err
		}
		c, err := m.packItem(t, value)
		if err != nil {
			return err
		}
		if j := m.index(i); j >= 0 {
			b[j] = c
		}
		return nil
	}
	mt.Iter = func(t *Thread, v Value) (Value, error) {
		m := v.o.(*MemoryView)
		if err := m.check(t); err != nil {
			return Null, err
		}
		return Value{o: &memoryIter{ObjectBase: ObjectBase{cls: memoryIterType}, m: m}}, nil
	}
	memoryIterType.Iter = selfIter
	memoryIterType.Next = func(t *Thread, v Value) (Value, error) {
		it := v.o.(*memoryIter)
		if it.m == nil {
			return Null, nil
		}
		if err := it.m.check(t); err != nil {
			return Null, err
		}
		if it.i >= it.m.n {
			it.m = nil
			return Null, nil
		}
		r := it.m.item(it.i)
		it.i++
		return r, nil
	}

	self := func(t *Thread, v Value) (*MemoryView, error) {
		m := v.o.(*MemoryView)
		return m, m.check(t)
	}
	getter := func(name string, f func(m *MemoryView) Value) {
		defGetSet(mt, name, func(t *Thread, v Value) (Value, error) {
			m, err := self(t, v)
			if err != nil {
				return Null, err
			}
			return f(m), nil
		}, nil)
	}
	getter("obj", func(m *MemoryView) Value { return m.base })
	getter("nbytes", func(m *MemoryView) Value { return Int(int64(m.n)) })
	getter("readonly", func(m *MemoryView) Value { return Bool(m.readonly) })
	getter("itemsize", func(m *MemoryView) Value { return Int(1) })
	getter("format", func(m *MemoryView) Value { return NewStrValue(string(m.format)) })
	getter("ndim", func(m *MemoryView) Value { return Int(1) })
	getter("shape", func(m *MemoryView) Value { return Value{o: NewTuple(Int(int64(m.n)))} })
	getter("strides", func(m *MemoryView) Value { return Value{o: NewTuple(Int(int64(m.step)))} })
	getter("suboffsets", func(m *MemoryView) Value { return Value{o: emptyTuple} })
	contiguous := func(m *MemoryView) Value { return Bool(m.step == 1 || m.n <= 1) }
	getter("c_contiguous", contiguous)
	getter("f_contiguous", contiguous)
	getter("contiguous", contiguous)

	method := func(name string, fn BuiltinFunc) MethodDef { return MethodDef{Name: name, Fn: fn} }
	defMethods(mt,
		method("tobytes", func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			var a [1]Value
			if err := memoryToBytesSpec.Parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			m, err := self(t, v)
			if err != nil {
				return Null, err
			}
			if !a[0].IsNull() && !a[0].IsNone() {
				s, ok := a[0].o.(*Str)
				if !ok {
					return Null, t.typeErrorf("tobytes() argument 'order' must be str or None, not %s", typeName(a[0]))
				}
				if s.s != "C" && s.s != "F" && s.s != "A" {
					return Null, t.valueErrorf("order must be 'C', 'F' or 'A'")
				}
			}
			return Value{o: NewBytes(append([]byte(nil), m.data()...))}, nil
		}),
		method("tolist", func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "memoryview.tolist", args, kw); err != nil {
				return Null, err
			}
			m, err := self(t, v)
			if err != nil {
				return Null, err
			}
			items := make([]Value, m.n)
			for i := range items {
				items[i] = m.item(i)
			}
			return Value{o: NewList(items...)}, nil
		}),
		method("hex", func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			var a [2]Value
			if err := bytesHexSpec.Parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			m, err := self(t, v)
			if err != nil {
				return Null, err
			}
			return bytesHex(t, m.data(), a[0], a[1])
		}),
		method("release", func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "memoryview.release", args, kw); err != nil {
				return Null, err
			}
			v.o.(*MemoryView).release()
			return None, nil
		}),
		method("toreadonly", func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "memoryview.toreadonly", args, kw); err != nil {
				return Null, err
			}
			m, err := self(t, v)
			if err != nil {
				return Null, err
			}
			c := *m
			c.ObjectBase = ObjectBase{cls: MemoryViewType}
			c.entered = false
			c.readonly = true
			return Value{o: &c}, nil
		}),
		method("cast", func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			var a [2]Value
			if err := memoryCastSpec.Parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			m, err := self(t, v)
			if err != nil {
				return Null, err
			}
			f, ok := a[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("memoryview: format argument must be a string")
			}
			format := f.s
			if len(format) == 2 && format[0] == '@' {
				format = format[1:]
			}
			if len(format) != 1 || !isNativeFormat(format[0]) {
				return Null, t.valueErrorf("memoryview: destination format must be a native single character format prefixed with an optional '@'")
			}
			switch format[0] {
			case 'B', 'b', 'c':
			default:
				return Null, t.raisef(NotImplementedErrorType, "memoryview: cast to format '%s' is not supported", format)
			}
			if m.step != 1 {
				return Null, t.typeErrorf("memoryview: casts are restricted to C-contiguous views")
			}
			c := *m
			c.ObjectBase = ObjectBase{cls: MemoryViewType}
			c.entered = false
			c.format = format[0]
			return Value{o: &c}, nil
		}),
		method("__enter__", func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "memoryview.__enter__", args, kw); err != nil {
				return Null, err
			}
			m, err := self(t, v)
			if err != nil {
				return Null, err
			}
			if !m.entered {
				if ba, ok := m.base.o.(*ByteArray); ok {
					ba.exports++
					m.entered = true
				}
			}
			return v, nil
		}),
		method("__exit__", func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			v.o.(*MemoryView).release()
			return None, nil
		}),
	)
	attachStrDocs(MemoryViewType)
}

var (
	memoryToBytesSpec = ArgSpec{Name: "tobytes", Params: []string{"order"}}
	memoryCastSpec    = ArgSpec{Name: "cast", Params: []string{"format", "shape"}, Required: 1}
)

// isNativeFormat reports whether c is a struct format character that
// memoryview.cast accepts.
func isNativeFormat(c byte) bool {
	switch c {
	case 'c', 'b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'f', 'd', 'e', '?', 'P':
		return true
	}
	return false
}

// memoryIter iterates the items of a memoryview.
type memoryIter struct {
	ObjectBase
	m *MemoryView
	i int
}

func init() {
	publicBuiltinTypes[MemoryViewType] = true
	onSetup(setupMemoryView)
}

// The buffer protocol's Python face (PEP 688): __buffer__(flags) returns
// a memoryview of the object, __release_buffer__(view) lets it go.
func init() {
	onSetup(func() {
		buffer := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, self.Type().Name, "", args, kw, 1, 1); err != nil {
				return Null, err
			}
			flags, err := sizeArg(t, args[0])
			if err != nil {
				return Null, err
			}
			m, err := newMemoryView(t, self)
			if err != nil {
				return Null, err
			}
			if flags&1 != 0 && m.readonly {
				return Null, t.raise(BufferErrorType, "Object is not writable.")
			}
			return Value{o: m}, nil
		}
		release := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, self.Type().Name, "", args, kw, 1, 1); err != nil {
				return Null, err
			}
			m, ok := args[0].o.(*MemoryView)
			if !ok {
				return Null, t.typeErrorf("expected a memoryview object")
			}
			base := self
			if sm, ok := self.o.(*MemoryView); ok {
				base = sm.base
			}
			if m.base.o != base.o {
				return Null, t.valueErrorf("memoryview's buffer is not this object")
			}
			return None, nil
		}
		const bufferDoc = "Return a buffer object that exposes the underlying memory of the object."
		const releaseDoc = "Release the buffer object that exposes the underlying memory of the object."
		defMethods(BytesType, MethodDef{Name: "__buffer__", Fn: buffer, Doc: bufferDoc})
		defMethods(ByteArrayType, MethodDef{Name: "__buffer__", Fn: buffer, Doc: bufferDoc}, MethodDef{Name: "__release_buffer__", Fn: release, Doc: releaseDoc})
		defMethods(MemoryViewType, MethodDef{Name: "__buffer__", Fn: buffer, Doc: bufferDoc}, MethodDef{Name: "__release_buffer__", Fn: release, Doc: releaseDoc})
		attachStrDocs(BytesType)
		attachStrDocs(ByteArrayType)
		attachStrDocs(MemoryViewType)
	})
}
