package vm

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"strings"
)

// memoryview: views of any number of dimensions over the buffers of
// bytes, bytearray and the other exporters (bufferExporter: BytesIO's
// getbuffer, array.array), with every native single-character item
// format of the struct module (c b B h H i I l L q Q n N f d e ? P, with
// an optional '@'), as CPython's Objects/memoryobject.c: indexing by
// integers and by tuples of integers, slicing of the first dimension,
// item and one-dimensional slice assignment through a writable view,
// cast to another format and shape (1-D -> N-D and N-D -> 1-D), tolist,
// tobytes in C or Fortran order, hex, comparison (item by item, formats
// unpacked as values when they differ), hashing of byte formats,
// release and the context manager.
//
// A view holds its base object and reads the base's bytes on each access,
// so that it sees the bytearray's changes; the layout of a view is
// CPython's: a byte offset, an item size, a shape and strides in bytes.
// CPython forbids resizing a bytearray while any view of it lives, and
// frees a view when its last reference goes; without reference counting
// a forgotten temporary view would lock its bytearray for ever, so here
// only a view of a bytearray inside a with block (entered and not yet
// released) holds the export. The other exporters track their views with
// weak pointers (bufexport.go).

// bufferExporter is an object other than bytes and bytearray that has a
// buffer a memoryview can view.
type bufferExporter interface {
	Object
	// bufferData returns the current contents.
	bufferData() []byte
	// bufferFormat returns the item format, the item size and whether
	// the buffer is read-only.
	bufferFormat() (format string, itemsize int, readonly bool)
	// bufferExport registers a new view of the buffer (a buffer with
	// live views cannot be resized).
	bufferExport(m *MemoryView)
}

// MemoryView is a memoryview object.
type MemoryView struct {
	ObjectBase
	base     Value  // the exporting object (obj)
	off      int    // byte offset of the first item in the base
	itemsize int    // bytes per item
	format   string // the format as reported ("B", "@I", …)
	fc       byte   // the native format character, 0 for another format
	shape    []int  // len(shape) is ndim
	strides  []int  // in bytes
	readonly bool
	released bool
	entered  bool  // inside a with block, holding an export
	hash     int64 // cached hash, -1 until computed
}

// MemoryViewType is the type of memoryview objects.
var (
	MemoryViewType = builtinType("memoryview", nil, FlagSequence)
	memoryIterType = builtinType("memory_iterator", nil, 0)
)

// nativeItemSize is the size of a native struct format character (as
// get_native_fmtchar), or -1.
func nativeItemSize(c byte) int {
	switch c {
	case 'c', 'b', 'B', '?':
		return 1
	case 'h', 'H', 'e':
		return 2
	case 'i', 'I', 'f':
		return 4
	case 'l', 'L', 'q', 'Q', 'n', 'N', 'd', 'P':
		return 8
	}
	return -1
}

// nativeFormatChar returns the character of a native single-character
// format ("I" or "@I"), or 0.
func nativeFormatChar(format string) byte {
	if len(format) == 2 && format[0] == '@' {
		format = format[1:]
	}
	if len(format) == 1 && nativeItemSize(format[0]) > 0 {
		return format[0]
	}
	return 0
}

func isByteFormat(c byte) bool { return c == 'B' || c == 'b' || c == 'c' }

// ndim is the number of dimensions.
func (m *MemoryView) ndim() int { return len(m.shape) }

// nitems is the product of the shape.
func (m *MemoryView) nitems() int {
	n := 1
	for _, d := range m.shape {
		n *= d
	}
	return n
}

// nbytes is the length of the view in bytes.
func (m *MemoryView) nbytes() int { return m.nitems() * m.itemsize }

// baseBytes returns the current bytes of the viewed object.
func (m *MemoryView) baseBytes() []byte {
	switch o := m.base.o.(type) {
	case *Bytes:
		return o.b
	case *ByteArray:
		return o.b
	case bufferExporter:
		return o.bufferData()
	}
	return nil
}

// itemAt returns the bytes of the item at byte offset p (zeros when the
// base has shrunk below it).
func (m *MemoryView) itemAt(b []byte, p int) []byte {
	if p < 0 || p+m.itemsize > len(b) {
		return make([]byte, m.itemsize)
	}
	return b[p : p+m.itemsize]
}

// cContiguous is PyBuffer_IsContiguous(view, 'C') (init_flags).
func (m *MemoryView) cContiguous() bool {
	switch m.ndim() {
	case 0:
		return true
	case 1:
		return m.shape[0] == 1 || m.strides[0] == m.itemsize
	}
	if m.nitems() == 0 {
		return true
	}
	sd := m.itemsize
	for i := m.ndim() - 1; i >= 0; i-- {
		if m.shape[i] > 1 && m.strides[i] != sd {
			return false
		}
		sd *= m.shape[i]
	}
	return true
}

// fContiguous is PyBuffer_IsContiguous(view, 'F').
func (m *MemoryView) fContiguous() bool {
	switch m.ndim() {
	case 0:
		return true
	case 1:
		return m.shape[0] == 1 || m.strides[0] == m.itemsize
	}
	if m.nitems() == 0 {
		return true
	}
	sd := m.itemsize
	for i := 0; i < m.ndim(); i++ {
		if m.shape[i] > 1 && m.strides[i] != sd {
			return false
		}
		sd *= m.shape[i]
	}
	return true
}

// data returns the viewed bytes in C order: a slice of the base when the
// view is C-contiguous, a copy otherwise.
func (m *MemoryView) data() []byte {
	b := m.baseBytes()
	if m.cContiguous() {
		n := m.nbytes()
		lo, hi := min(m.off, len(b)), min(m.off+n, len(b))
		if hi-lo == n {
			return b[lo:hi]
		}
	}
	out := make([]byte, 0, m.nbytes())
	m.walk(b, false, func(p int) { out = append(out, m.itemAt(b, p)...) })
	return out
}

// walk calls f with the byte offset of every item, in C order (the last
// index varies fastest) or Fortran order.
func (m *MemoryView) walk(b []byte, fortran bool, f func(p int)) {
	nd := m.ndim()
	if nd == 0 {
		f(m.off)
		return
	}
	if m.nitems() == 0 {
		return
	}
	idx := make([]int, nd)
	for {
		p := m.off
		for i, k := range idx {
			p += k * m.strides[i]
		}
		f(p)
		// advance the index
		if fortran {
			i := 0
			for ; i < nd; i++ {
				idx[i]++
				if idx[i] < m.shape[i] {
					break
				}
				idx[i] = 0
			}
			if i == nd {
				return
			}
		} else {
			i := nd - 1
			for ; i >= 0; i-- {
				idx[i]++
				if idx[i] < m.shape[i] {
					break
				}
				idx[i] = 0
			}
			if i < 0 {
				return
			}
		}
	}
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

// clone returns a new view with the layout of m (its own shape and
// strides), not entered.
func (m *MemoryView) clone() *MemoryView {
	c := *m
	c.ObjectBase = ObjectBase{cls: MemoryViewType}
	c.entered = false
	c.hash = -1
	c.shape = append([]int(nil), m.shape...)
	c.strides = append([]int(nil), m.strides...)
	if e, ok := c.base.o.(bufferExporter); ok {
		e.bufferExport(&c)
	}
	return &c
}

// newMemoryView returns a view of all of a bytes-like object.
func newMemoryView(t *Thread, obj Value) (*MemoryView, error) {
	m := &MemoryView{ObjectBase: ObjectBase{cls: MemoryViewType}, base: obj, itemsize: 1, format: "B", fc: 'B', hash: -1}
	switch o := obj.o.(type) {
	case *Bytes:
		m.readonly = true
		m.shape, m.strides = []int{len(o.b)}, []int{1}
	case *ByteArray:
		m.shape, m.strides = []int{len(o.b)}, []int{1}
	case *MemoryView:
		if err := o.check(t); err != nil {
			return nil, err
		}
		return o.clone(), nil
	case *PickleBuffer:
		v, err := o.forwardedView(t)
		if err != nil {
			return nil, err
		}
		return v.clone(), nil
	case bufferExporter:
		format, itemsize, readonly := o.bufferFormat()
		m.format, m.itemsize, m.readonly = format, itemsize, readonly
		m.fc = nativeFormatChar(format)
		m.shape, m.strides = []int{len(o.bufferData()) / itemsize}, []int{itemsize}
		o.bufferExport(m)
	default:
		return nil, t.typeErrorf("memoryview: a bytes-like object is required, not '%s'", typeName(obj))
	}
	return m, nil
}

// unpackItem converts the bytes of one item to a Python value
// (unpack_single).
func (m *MemoryView) unpackItem(t *Thread, p []byte) (Value, error) {
	le := binary.LittleEndian
	switch m.fc {
	case 'B':
		return Int(int64(p[0])), nil
	case 'b':
		return Int(int64(int8(p[0]))), nil
	case 'c':
		return Value{o: NewBytes([]byte{p[0]})}, nil
	case '?':
		return Bool(p[0] != 0), nil
	case 'h':
		return Int(int64(int16(le.Uint16(p)))), nil
	case 'H':
		return Int(int64(le.Uint16(p))), nil
	case 'i':
		return Int(int64(int32(le.Uint32(p)))), nil
	case 'I':
		return Int(int64(le.Uint32(p))), nil
	case 'l', 'q', 'n':
		return Int(int64(le.Uint64(p))), nil
	case 'L', 'Q', 'N', 'P':
		u := le.Uint64(p)
		if u > math.MaxInt64 {
			return NewBigInt(new(big.Int).SetUint64(u)), nil
		}
		return Int(int64(u)), nil
	case 'f':
		return Float(float64(math.Float32frombits(le.Uint32(p)))), nil
	case 'd':
		return Float(math.Float64frombits(le.Uint64(p))), nil
	case 'e':
		return Float(halfToFloat(le.Uint16(p))), nil
	}
	return Null, m.formatError(t)
}

// fmtName is the format without its '@', as the item errors name it.
func (m *MemoryView) fmtName() string {
	if len(m.format) > 1 && m.format[0] == '@' {
		return m.format[1:]
	}
	return m.format
}

// packItem converts v to the bytes of one item (pack_single).
func (m *MemoryView) packItem(t *Thread, v Value, p []byte) error {
	le := binary.LittleEndian
	name := m.fmtName()
	typeErr := func() error { return t.typeErrorf("memoryview: invalid type for format '%s'", name) }
	valueErr := func() error { return t.valueErrorf("memoryview: invalid value for format '%s'", name) }
	// fix converts the errors of the conversions as fix_error_int.
	fix := func(err error) error {
		if e := asException(err); e != nil {
			if e.cls.IsSubtype(TypeErrorType) {
				return typeErr()
			}
			if e.cls.IsSubtype(OverflowErrorType) || e.cls.IsSubtype(ValueErrorType) {
				return valueErr()
			}
		}
		return err
	}
	switch m.fc {
	case 'c':
		b, ok := v.o.(*Bytes)
		if !ok {
			return typeErr()
		}
		if len(b.b) != 1 {
			return valueErr()
		}
		p[0] = b.b[0]
		return nil
	case '?':
		ok, err := Truth(t, v)
		if err != nil {
			return err
		}
		p[0] = 0
		if ok {
			p[0] = 1
		}
		return nil
	case 'f', 'd', 'e':
		f, err := floatArg(t, v)
		if err != nil {
			return fix(err)
		}
		switch m.fc {
		case 'f':
			le.PutUint32(p, math.Float32bits(float32(f)))
		case 'd':
			le.PutUint64(p, math.Float64bits(f))
		default:
			h, err := floatToHalf(t, f)
			if err != nil {
				return fix(err)
			}
			le.PutUint16(p, h)
		}
		return nil
	case 0:
		return t.raisef(NotImplementedErrorType, "memoryview: format %s not supported", name)
	}
	if !hasIndex(v) {
		return typeErr()
	}
	iv, err := Index(t, v)
	if err != nil {
		return fix(err)
	}
	n := bigOf(iv)
	size := m.itemsize
	signed := m.fc == 'b' || m.fc == 'h' || m.fc == 'i' || m.fc == 'l' || m.fc == 'q' || m.fc == 'n'
	bits := uint(size * 8)
	var lo, hi *big.Int
	if signed {
		lo = new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), bits-1))
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits-1), big.NewInt(1))
	} else if m.fc == 'P' {
		// PyLong_AsVoidPtr takes negative values as signed.
		lo = new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 63))
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 64), big.NewInt(1))
	} else {
		lo = big.NewInt(0)
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits), big.NewInt(1))
	}
	if n.Cmp(lo) < 0 || n.Cmp(hi) > 0 {
		return valueErr()
	}
	var u uint64
	if n.Sign() < 0 {
		u = uint64(n.Int64())
	} else {
		u = n.Uint64()
	}
	switch size {
	case 1:
		p[0] = byte(u)
	case 2:
		le.PutUint16(p, uint16(u))
	case 4:
		le.PutUint32(p, uint32(u))
	default:
		le.PutUint64(p, u)
	}
	return nil
}

// itemOffset returns the byte offset of item index along dimension dim
// from p (lookup_dimension).
func (m *MemoryView) itemOffset(t *Thread, p, dim int, key Value) (int, error) {
	i, err := bytesIndexKey(t, key, m.shape[dim], fmt.Sprintf("index out of bounds on dimension %d", dim+1))
	if err != nil {
		return 0, err
	}
	return p + i*m.strides[dim], nil
}

// tupleOffset returns the byte offset of the item named by a tuple of
// indices (ptr_from_tuple); nil with an error for a sub-view.
func (m *MemoryView) tupleOffset(t *Thread, tup *Tuple) (int, error) {
	if len(tup.items) < m.ndim() {
		return 0, t.raisef(NotImplementedErrorType, "sub-views are not implemented")
	}
	if len(tup.items) > m.ndim() {
		return 0, t.typeErrorf("cannot index %d-dimension view with %d-element tuple", m.ndim(), len(tup.items))
	}
	p := m.off
	for dim, k := range tup.items {
		var err error
		if p, err = m.itemOffset(t, p, dim, k); err != nil {
			return 0, err
		}
	}
	return p, nil
}

// isMultiIndex reports a tuple of index-like values (is_multiindex).
func isMultiIndex(key Value) (*Tuple, bool) {
	tup, ok := key.o.(*Tuple)
	if !ok {
		return nil, false
	}
	for _, x := range tup.items {
		if !hasIndex(x) {
			return nil, false
		}
	}
	return tup, true
}

// isMultiSlice reports a non-empty tuple of slices (is_multislice).
func isMultiSlice(key Value) bool {
	tup, ok := key.o.(*Tuple)
	if !ok || len(tup.items) == 0 {
		return false
	}
	for _, x := range tup.items {
		if _, ok := x.o.(*Slice); !ok {
			return false
		}
	}
	return true
}

// checkFormat rejects a view whose format memoryview cannot unpack
// (adjust_fmt).
func (m *MemoryView) checkFormat(t *Thread) error {
	if m.fc == 0 {
		return m.formatError(t)
	}
	return nil
}

// formatError is the NotImplementedError of a format memoryview cannot
// unpack: adjust_fmt's for a format of several characters, unpack_single's
// for one character it does not know ('w', an array's 'u' or 'w').
func (m *MemoryView) formatError(t *Thread) error {
	f := strings.TrimPrefix(m.format, "@")
	if len(f) == 1 {
		return t.raisef(NotImplementedErrorType, "memoryview: format %s not supported", f)
	}
	return t.raisef(NotImplementedErrorType, "memoryview: unsupported format %s", m.format)
}

// unpackAt unpacks the item at byte offset p.
func (m *MemoryView) unpackAt(t *Thread, p int) (Value, error) {
	return m.unpackItem(t, m.itemAt(m.baseBytes(), p))
}

// packAt packs v into the item at byte offset p.
func (m *MemoryView) packAt(t *Thread, p int, v Value) error {
	tmp := make([]byte, m.itemsize)
	if err := m.packItem(t, v, tmp); err != nil {
		return err
	}
	b := m.baseBytes()
	if p >= 0 && p+m.itemsize <= len(b) {
		copy(b[p:], tmp)
	}
	return nil
}

// item returns item i of a one-dimensional view (memory_item).
func (m *MemoryView) item(t *Thread, key Value) (Value, error) {
	if err := m.checkFormat(t); err != nil {
		return Null, err
	}
	if m.ndim() == 0 {
		return Null, t.typeErrorf("invalid indexing of 0-dim memory")
	}
	if m.ndim() > 1 {
		return Null, t.raisef(NotImplementedErrorType, "multi-dimensional sub-views are not implemented")
	}
	p, err := m.itemOffset(t, m.off, 0, key)
	if err != nil {
		return Null, err
	}
	return m.unpackAt(t, p)
}

// tolist unpacks the view into (nested) lists.
func (m *MemoryView) tolist(t *Thread) (Value, error) {
	if err := m.checkFormat(t); err != nil {
		return Null, err
	}
	b := m.baseBytes()
	if m.ndim() == 0 {
		return m.unpackItem(t, m.itemAt(b, m.off))
	}
	var rec func(p, dim int) (Value, error)
	rec = func(p, dim int) (Value, error) {
		items := make([]Value, m.shape[dim])
		for i := range items {
			q := p + i*m.strides[dim]
			var err error
			if dim == m.ndim()-1 {
				items[i], err = m.unpackItem(t, m.itemAt(b, q))
			} else {
				items[i], err = rec(q, dim+1)
			}
			if err != nil {
				return Null, err
			}
		}
		return Value{o: NewList(items...)}, nil
	}
	return rec(m.off, 0)
}

// sliceView returns the view of a slice of the first dimension
// (init_slice).
func (m *MemoryView) sliceView(t *Thread, s *Slice) (*MemoryView, error) {
	start, _, step, n, err := s.Indices(t, m.shape[0])
	if err != nil {
		return nil, err
	}
	c := m.clone()
	c.off = m.off + start*m.strides[0]
	c.shape[0] = n
	c.strides[0] = m.strides[0] * step
	return c, nil
}

// sameShape is equiv_shape.
func sameShape(a, b *MemoryView) bool {
	if a.ndim() != b.ndim() {
		return false
	}
	for i := range a.shape {
		if a.shape[i] != b.shape[i] {
			return false
		}
		if a.shape[i] == 0 {
			break
		}
	}
	return true
}

// viewsEqual compares two views item by item (memory_richcompare).
func viewsEqual(t *Thread, a, b *MemoryView) (bool, error) {
	if !sameShape(a, b) {
		return false, nil
	}
	if a.fc == 0 || b.fc == 0 {
		// The struct module cannot unpack the format: not equal.
		return false, nil
	}
	ab, bb := a.baseBytes(), b.baseBytes()
	var pa, pb []int
	a.walk(ab, false, func(p int) { pa = append(pa, p) })
	b.walk(bb, false, func(p int) { pb = append(pb, p) })
	for i := range pa {
		x, y := a.itemAt(ab, pa[i]), b.itemAt(bb, pb[i])
		if a.fc == b.fc {
			switch a.fc {
			case 'f', 'd', 'e':
				u, _ := a.unpackItem(t, x)
				v, _ := b.unpackItem(t, y)
				if u.FloatVal() != v.FloatVal() {
					return false, nil
				}
			default:
				if string(x) != string(y) {
					return false, nil
				}
			}
			continue
		}
		u, err := a.unpackItem(t, x)
		if err != nil {
			return false, err
		}
		v, err := b.unpackItem(t, y)
		if err != nil {
			return false, err
		}
		eq, err := RichCompareBool(t, u, v, EQ)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
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
		if m.ndim() == 0 {
			return 0, t.typeErrorf("0-dim memory has no length")
		}
		return m.shape[0], nil
	}
	mt.Hash = func(t *Thread, v Value) (int64, error) {
		m := v.o.(*MemoryView)
		if m.hash != -1 {
			return m.hash, nil
		}
		if err := m.check(t); err != nil {
			return 0, err
		}
		if !m.readonly {
			return 0, t.valueErrorf("cannot hash writable memoryview object")
		}
		if !isByteFormat(m.fc) {
			return 0, t.valueErrorf("memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
		}
		if _, err := Hash(t, m.base); err != nil {
			return 0, err
		}
		m.hash = hasher.HashBytes(m.data())
		return m.hash, nil
	}
	mt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		if op != EQ && op != NE {
			return NotImplemented, nil
		}
		m := a.o.(*MemoryView)
		var eq bool
		if m.released {
			eq = a.o == b.o
		} else if o, ok := b.o.(*MemoryView); ok {
			if o.released {
				eq = a.o == b.o
			} else {
				var err error
				if eq, err = viewsEqual(t, m, o); err != nil {
					return Null, err
				}
			}
		} else if !isBufferObject(b) {
			return NotImplemented, nil
		} else {
			o, err := newMemoryView(t, b)
			if err != nil {
				return NotImplemented, nil
			}
			if eq, err = viewsEqual(t, m, o); err != nil {
				return Null, err
			}
		}
		return Bool(eq == (op == EQ)), nil
	}
	mt.GetItem = func(t *Thread, v, key Value) (Value, error) {
		m := v.o.(*MemoryView)
		if err := m.check(t); err != nil {
			return Null, err
		}
		if m.ndim() == 0 {
			if tup, ok := key.o.(*Tuple); ok && len(tup.items) == 0 {
				if err := m.checkFormat(t); err != nil {
					return Null, err
				}
				return m.unpackAt(t, m.off)
			}
			if key.o == Ellipsis.o {
				return v, nil
			}
			return Null, t.typeErrorf("invalid indexing of 0-dim memory")
		}
		if hasIndex(key) {
			return m.item(t, key)
		}
		if s, ok := key.o.(*Slice); ok {
			c, err := m.sliceView(t, s)
			if err != nil {
				return Null, err
			}
			return Value{o: c}, nil
		}
		if tup, ok := isMultiIndex(key); ok {
			if err := m.checkFormat(t); err != nil {
				return Null, err
			}
			p, err := m.tupleOffset(t, tup)
			if err != nil {
				return Null, err
			}
			return m.unpackAt(t, p)
		}
		if isMultiSlice(key) {
			return Null, t.raisef(NotImplementedErrorType, "multi-dimensional slicing is not implemented")
		}
		return Null, t.typeErrorf("memoryview: invalid slice key")
	}
	mt.SetItem = func(t *Thread, v, key, value Value) error {
		m := v.o.(*MemoryView)
		if err := m.check(t); err != nil {
			return err
		}
		if err := m.checkFormat(t); err != nil {
			return err
		}
		if m.readonly {
			return t.typeErrorf("cannot modify read-only memory")
		}
		if value.IsNull() {
			return t.typeErrorf("cannot delete memory")
		}
		if m.ndim() == 0 {
			if tup, ok := key.o.(*Tuple); key.o == Ellipsis.o || ok && len(tup.items) == 0 {
				return m.packAt(t, m.off, value)
			}
			return t.typeErrorf("invalid indexing of 0-dim memory")
		}
		if hasIndex(key) {
			if m.ndim() > 1 {
				return t.raisef(NotImplementedErrorType, "sub-views are not implemented")
			}
			p, err := m.itemOffset(t, m.off, 0, key)
			if err != nil {
				return err
			}
			return m.packAt(t, p, value)
		}
		if s, ok := key.o.(*Slice); ok && m.ndim() == 1 {
			if !isBufferObject(value) {
				return t.typeErrorf("a bytes-like object is required, not '%s'", typeName(value))
			}
			src, err := newMemoryView(t, value)
			if err != nil {
				return err
			}
			dest, err := m.sliceView(t, s)
			if err != nil {
				return err
			}
			if dest.fmtName() != src.fmtName() || dest.itemsize != src.itemsize || !sameShape(dest, src) {
				return t.valueErrorf("memoryview assignment: lvalue and rvalue have different structures")
			}
			data := append([]byte(nil), src.data()...)
			b := m.baseBytes()
			i := 0
			dest.walk(b, false, func(p int) {
				if p >= 0 && p+m.itemsize <= len(b) {
					copy(b[p:p+m.itemsize], data[i:i+m.itemsize])
				}
				i += m.itemsize
			})
			return nil
		}
		if tup, ok := isMultiIndex(key); ok {
			p, err := m.tupleOffset(t, tup)
			if err != nil {
				return err
			}
			return m.packAt(t, p, value)
		}
		if _, ok := key.o.(*Slice); ok || isMultiSlice(key) {
			return t.raisef(NotImplementedErrorType, "memoryview slice assignments are currently restricted to ndim = 1")
		}
		return t.typeErrorf("memoryview: invalid slice key")
	}
	mt.Iter = func(t *Thread, v Value) (Value, error) {
		m := v.o.(*MemoryView)
		if err := m.check(t); err != nil {
			return Null, err
		}
		if m.ndim() == 0 {
			return Null, t.typeErrorf("invalid indexing of 0-dim memory")
		}
		if m.ndim() != 1 {
			return Null, t.raisef(NotImplementedErrorType, "multi-dimensional sub-views are not implemented")
		}
		if err := m.checkFormat(t); err != nil {
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
		if it.i >= it.m.shape[0] {
			it.m = nil
			return Null, nil
		}
		r, err := it.m.unpackAt(t, it.m.off+it.i*it.m.strides[0])
		it.i++
		return r, err
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
	ints := func(xs []int) Value {
		items := make([]Value, len(xs))
		for i, x := range xs {
			items[i] = Int(int64(x))
		}
		return Value{o: NewTuple(items...)}
	}
	getter("obj", func(m *MemoryView) Value { return m.base })
	getter("nbytes", func(m *MemoryView) Value { return Int(int64(m.nbytes())) })
	getter("readonly", func(m *MemoryView) Value { return Bool(m.readonly) })
	getter("itemsize", func(m *MemoryView) Value { return Int(int64(m.itemsize)) })
	getter("format", func(m *MemoryView) Value { return NewStrValue(m.format) })
	getter("ndim", func(m *MemoryView) Value { return Int(int64(m.ndim())) })
	getter("shape", func(m *MemoryView) Value { return ints(m.shape) })
	getter("strides", func(m *MemoryView) Value { return ints(m.strides) })
	getter("suboffsets", func(m *MemoryView) Value { return Value{o: emptyTuple} })
	getter("c_contiguous", func(m *MemoryView) Value { return Bool(m.cContiguous()) })
	getter("f_contiguous", func(m *MemoryView) Value { return Bool(m.fContiguous()) })
	getter("contiguous", func(m *MemoryView) Value { return Bool(m.cContiguous() || m.fContiguous()) })

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
			order := "C"
			if !a[0].IsNull() && !a[0].IsNone() {
				s, ok := a[0].o.(*Str)
				if !ok {
					return Null, t.typeErrorf("tobytes() argument 'order' must be str or None, not %s", typeName(a[0]))
				}
				if s.s != "C" && s.s != "F" && s.s != "A" {
					return Null, t.valueErrorf("order must be 'C', 'F' or 'A'")
				}
				order = s.s
			}
			if order == "F" || order == "A" && !m.cContiguous() && m.fContiguous() {
				b := m.baseBytes()
				out := make([]byte, 0, m.nbytes())
				m.walk(b, true, func(p int) { out = append(out, m.itemAt(b, p)...) })
				return Value{o: NewBytes(out)}, nil
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
			return m.tolist(t)
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
			c := m.clone()
			c.readonly = true
			return Value{o: c}, nil
		}),
		method("cast", func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			var a [2]Value
			if err := memoryCastSpec.Parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			f, ok := a[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("cast() argument 'format' must be str, not %s", typeName(a[0]))
			}
			m, err := self(t, v)
			if err != nil {
				return Null, err
			}
			return m.cast(t, f, a[1])
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

// cast is memoryview.cast(format, shape) (memoryview_cast_impl).
func (m *MemoryView) cast(t *Thread, format *Str, shape Value) (Value, error) {
	if !m.cContiguous() {
		return Null, t.typeErrorf("memoryview: casts are restricted to C-contiguous views")
	}
	hasShape := !shape.IsNull()
	if hasShape || m.ndim() != 1 {
		for _, d := range m.shape {
			if d == 0 {
				return Null, t.typeErrorf("memoryview: cannot cast view with zeros in shape or strides")
			}
		}
	}
	ndim := 1
	var dims []Value
	if hasShape {
		switch s := shape.o.(type) {
		case *List:
			dims = append([]Value(nil), s.items...)
		case *Tuple:
			dims = s.items
		default:
			return Null, t.typeErrorf("shape must be a list or a tuple")
		}
		ndim = len(dims)
		if ndim > 64 {
			return Null, t.valueErrorf("memoryview: number of dimensions must not exceed 64")
		}
		if m.ndim() != 1 && ndim != 1 {
			return Null, t.typeErrorf("memoryview: cast must be 1D -> ND or ND -> 1D")
		}
	}
	// cast_to_1D
	ascii, err := encodeStr(t, format, "ascii", "strict")
	if err != nil {
		return Null, err
	}
	fc := nativeFormatChar(string(ascii))
	if fc == 0 {
		return Null, t.valueErrorf("memoryview: destination format must be a native single character format prefixed with an optional '@'")
	}
	if !isByteFormat(m.fc) && !isByteFormat(fc) {
		return Null, t.typeErrorf("memoryview: cannot cast between two non-byte formats")
	}
	itemsize := nativeItemSize(fc)
	length := m.nbytes()
	if length%itemsize != 0 {
		return Null, t.typeErrorf("memoryview: length is not a multiple of itemsize")
	}
	c := m.clone()
	c.format, c.fc, c.itemsize = string(ascii), fc, itemsize
	c.shape, c.strides = []int{length / itemsize}, []int{itemsize}
	if !hasShape {
		return Value{o: c}, nil
	}
	// cast_to_ND
	c.shape, c.strides = make([]int, ndim), make([]int, ndim)
	n := itemsize
	for i, d := range dims {
		if !d.IsIntLike() {
			return Null, t.typeErrorf("memoryview.cast(): elements of shape must be integers")
		}
		x64, ok := smallIntOf(d)
		x := int(x64)
		if !ok {
			return Null, t.raisef(OverflowErrorType, "Python int too large to convert to C ssize_t")
		}
		if x <= 0 {
			return Null, t.valueErrorf("memoryview.cast(): elements of shape must be integers > 0")
		}
		if x > math.MaxInt64/n {
			return Null, t.valueErrorf("memoryview.cast(): product(shape) > SSIZE_MAX")
		}
		n *= x
		c.shape[i] = x
	}
	if ndim == 0 {
		n = itemsize
	}
	sd := itemsize
	for i := ndim - 1; i >= 0; i-- {
		c.strides[i] = sd
		sd *= c.shape[i]
	}
	if n != length {
		return Null, t.typeErrorf("memoryview: product(shape) * itemsize != buffer size")
	}
	return Value{o: c}, nil
}

// isBufferObject reports whether v exports a buffer.
func isBufferObject(v Value) bool {
	switch v.o.(type) {
	case *Bytes, *ByteArray, *MemoryView, *PickleBuffer, bufferExporter:
		return true
	}
	return false
}

var (
	memoryToBytesSpec = ArgSpec{Name: "tobytes", Params: []string{"order"}}
	memoryCastSpec    = ArgSpec{Name: "cast", Params: []string{"format", "shape"}, Required: 1}
)

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
