package vm

import (
	"bytes"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// bytes and bytearray: the objects, their constructors and their core
// slots (repr, hash, comparison, indexing, concatenation, containment,
// iteration). Their many methods, shared by the two types, live in
// bytesmethods.go; bytearray's mutations in bytearray.go.
//
// Both hold a []byte. A bytes never changes it once made. Every bytes-like
// argument (bytes, bytearray, memoryview: CPython's buffer protocol) is
// read through bytesLike.

// Bytes is a Python bytes object.
type Bytes struct {
	ObjectBase
	b    []byte
	hash int64 // -1 until computed
}

// NewBytes returns a bytes object holding b (kept).
func NewBytes(b []byte) *Bytes {
	return &Bytes{ObjectBase: ObjectBase{cls: BytesType}, b: b, hash: -1}
}

// Bytes returns the content; the caller must not modify it.
func (b *Bytes) Bytes() []byte { return b.b }

// ByteArray is a Python bytearray.
type ByteArray struct {
	ObjectBase
	b []byte
	// exports counts the memoryviews that export the buffer: while there
	// are any, the bytearray cannot change size.
	exports int
}

// NewByteArray returns a bytearray holding b (kept).
func NewByteArray(b []byte) *ByteArray {
	return &ByteArray{ObjectBase: ObjectBase{cls: ByteArrayType}, b: b}
}

// Bytes returns the content, which the bytearray may later change.
func (b *ByteArray) Bytes() []byte { return b.b }

// emptyBytes is b”.
var emptyBytes = NewBytes([]byte{})

// bytesLike returns the bytes of a bytes-like object: bytes, bytearray or
// a memoryview of one, or another buffer exporter (array.array).
func bytesLike(v Value) ([]byte, bool) {
	switch o := v.o.(type) {
	case *Bytes:
		return o.b, true
	case *ByteArray:
		return o.b, true
	case *MemoryView:
		if o.released {
			return nil, false
		}
		return o.data(), true
	case bufferExporter:
		return o.bufferData(), true
	case *PickleBuffer:
		if o.view == nil || o.view.released {
			return nil, false
		}
		return o.view.data(), true
	}
	return nil, false
}

// bufferArg returns the bytes of an argument that must be bytes-like, or
// "a bytes-like object is required, not 'str'".
func bufferArg(t *Thread, v Value) ([]byte, error) {
	if m, ok := v.o.(*MemoryView); ok && m.released {
		return nil, t.valueErrorf("operation forbidden on released memoryview object")
	}
	if b, ok := bytesLike(v); ok {
		return b, nil
	}
	return nil, t.typeErrorf("a bytes-like object is required, not '%s'", typeName(v))
}

// byteValue converts an int argument to a byte: "byte must be in
// range(0, 256)".
func byteValue(t *Thread, v Value) (byte, error) {
	n, err := sizeArg(t, v)
	if err != nil {
		if e := asException(err); e != nil && e.cls == OverflowErrorType {
			return 0, t.valueErrorf("byte must be in range(0, 256)")
		}
		return 0, err
	}
	if n < 0 || n > 255 {
		return 0, t.valueErrorf("byte must be in range(0, 256)")
	}
	return byte(n), nil
}

var bytesNewSpec = ArgSpec{Name: "bytes", Params: []string{"source", "encoding", "errors"}}
var byteArrayInitSpec = ArgSpec{Name: "bytearray", Params: []string{"source", "encoding", "errors"}}

// encodingArgs reads the optional encoding and errors arguments of a
// constructor: "bytes() argument 'encoding' must be str, not int".
func encodingArgs(t *Thread, fname string, enc, errs Value) (string, string, error) {
	encoding, errors := "utf-8", "strict"
	if !enc.IsNull() {
		s, ok := enc.o.(*Str)
		if !ok {
			return "", "", t.typeErrorf("%s() argument 'encoding' must be str, not %s", fname, clinicTypeName(enc))
		}
		encoding = s.s
	}
	if !errs.IsNull() {
		s, ok := errs.o.(*Str)
		if !ok {
			return "", "", t.typeErrorf("%s() argument 'errors' must be str, not %s", fname, clinicTypeName(errs))
		}
		errors = s.s
	}
	return encoding, errors, nil
}

// bytesFromSource makes the content of bytes(x) or bytearray(x) for a
// source other than a str: a count of zero bytes, a buffer, or an
// iterable of ints.
func bytesFromSource(t *Thread, x Value, array bool) ([]byte, error) {
	what := "bytes"
	if array {
		what = "bytearray"
	}
	if b, ok := bytesLike(x); ok {
		return append([]byte(nil), b...), nil
	}
	if hasIndex(x) {
		n, err := AsSize(t, x, OverflowErrorType)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, t.valueErrorf("negative count")
		}
		if n > 1<<40 {
			return nil, NewException(MemoryErrorType)
		}
		return make([]byte, n), nil
	}
	var items []Value
	switch c := x.o.(type) {
	case *List:
		items = c.items
	case *Tuple:
		items = c.items
	default:
		if x.Type().Iter == nil && x.Type().GetItem == nil {
			return nil, t.typeErrorf("cannot convert '%s' object to %s", typeName(x), what)
		}
		var err error
		items, err = t.collectIterable(x, func() error {
			return t.typeErrorf("cannot convert '%s' object to %s", typeName(x), what)
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]byte, len(items))
	for i, it := range items {
		var n int
		var err error
		if it.IsSmallInt() {
			n = int(it.SmallInt())
		} else if n, err = sizeArg(t, it); err != nil {
			if e := asException(err); e == nil || e.cls != OverflowErrorType {
				return nil, err
			}
			n = -1
		}
		if n < 0 || n > 255 {
			if array {
				return nil, t.valueErrorf("byte must be in range(0, 256)")
			}
			return nil, t.valueErrorf("bytes must be in range(0, 256)")
		}
		out[i] = byte(n)
	}
	return out, nil
}

func bytesNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	var a [3]Value
	if err := bytesNewSpec.Parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	x := a[0]
	mk := func(b []byte) Value {
		if cls == BytesType {
			if len(b) == 0 {
				return Value{o: emptyBytes}
			}
			return Value{o: NewBytes(b)}
		}
		return Value{o: &Bytes{ObjectBase: ObjectBase{cls: cls}, b: b, hash: -1}}
	}
	if x.IsNull() {
		if !a[1].IsNull() {
			return Null, t.typeErrorf("encoding without a string argument")
		}
		if !a[2].IsNull() {
			return Null, t.typeErrorf("errors without a string argument")
		}
		return mk(nil), nil
	}
	if !a[1].IsNull() || !a[2].IsNull() {
		s, ok := x.o.(*Str)
		if !ok {
			if !a[1].IsNull() {
				return Null, t.typeErrorf("encoding without a string argument")
			}
			return Null, t.typeErrorf("errors without a string argument")
		}
		if a[1].IsNull() {
			return Null, t.typeErrorf("string argument without an encoding")
		}
		encoding, errors, err := encodingArgs(t, "bytes", a[1], a[2])
		if err != nil {
			return Null, err
		}
		b, err := encodeStr(t, s, encoding, errors)
		if err != nil {
			return Null, err
		}
		return mk(b), nil
	}
	if m, err := lookupSpecial(t, x, Intern("__bytes__")); err != nil {
		return Null, err
	} else if !m.IsNull() {
		r, err := t.Call(m, nil, nil)
		if err != nil {
			return Null, err
		}
		rb, ok := r.o.(*Bytes)
		if !ok {
			return Null, t.typeErrorf("__bytes__ returned non-bytes (type %s)", typeName(r))
		}
		if cls == BytesType {
			return r, nil
		}
		return mk(rb.b), nil
	}
	if _, ok := x.o.(*Str); ok {
		return Null, t.typeErrorf("string argument without an encoding")
	}
	if b, ok := x.o.(*Bytes); ok && cls == BytesType && b.cls == BytesType {
		return x, nil
	}
	b, err := bytesFromSource(t, x, false)
	if err != nil {
		return Null, err
	}
	return mk(b), nil
}

func byteArrayInit(t *Thread, self Value, args []Value, kw []*Str) error {
	var a [3]Value
	if err := byteArrayInitSpec.Parse(t, args, kw, a[:]); err != nil {
		return err
	}
	ba := self.o.(*ByteArray)
	if ba.exports > 0 {
		return t.raise(BufferErrorType, "Existing exports of data: object cannot be re-sized")
	}
	x := a[0]
	if x.IsNull() {
		if !a[1].IsNull() {
			return t.typeErrorf("encoding without a string argument")
		}
		if !a[2].IsNull() {
			return t.typeErrorf("errors without a string argument")
		}
		ba.b = nil
		return nil
	}
	if s, ok := x.o.(*Str); ok {
		if a[1].IsNull() {
			return t.typeErrorf("string argument without an encoding")
		}
		encoding, errors, err := encodingArgs(t, "bytearray", a[1], a[2])
		if err != nil {
			return err
		}
		b, err := encodeStr(t, s, encoding, errors)
		if err != nil {
			return err
		}
		ba.b = b
		return nil
	}
	if !a[1].IsNull() {
		return t.typeErrorf("encoding without a string argument")
	}
	if !a[2].IsNull() {
		return t.typeErrorf("errors without a string argument")
	}
	b, err := bytesFromSource(t, x, true)
	if err != nil {
		return err
	}
	ba.b = b
	return nil
}

// bytesRepr returns b'…' for b.
func bytesRepr(b []byte) string { return string(pyconst.Bytes(b).AppendRepr(nil)) }

// bytesCompare compares two byte strings.
func bytesCompare(x, y []byte, op CompareOp) Value {
	if op == EQ || op == NE {
		eq := bytes.Equal(x, y)
		return Bool(eq == (op == EQ))
	}
	return Bool(cmpResult(bytes.Compare(x, y), op))
}

// bytesIndex reads b[key] for an index key: an int.
func bytesIndexKey(t *Thread, key Value, n int, what string) (int, error) {
	if key.IsSmallInt() {
		i := int(key.SmallInt())
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return 0, t.raisef(IndexErrorType, "%s", what)
		}
		return i, nil
	}
	i, err := AsSize(t, key, IndexErrorType)
	if err != nil {
		if e := asException(err); e != nil && e.cls == IndexErrorType {
			return 0, t.raisef(IndexErrorType, "cannot fit '%s' into an index-sized integer", typeName(key))
		}
		return 0, err
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return 0, t.raisef(IndexErrorType, "%s", what)
	}
	return i, nil
}

// bytesSlice returns the bytes a slice selects (a new slice).
func bytesSlice(t *Thread, b []byte, s *Slice) ([]byte, error) {
	start, _, step, n, err := s.Indices(t, len(b))
	if err != nil {
		return nil, err
	}
	out := make([]byte, n)
	if step == 1 {
		copy(out, b[start:start+n])
		return out, nil
	}
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		out[i] = b[j]
	}
	return out, nil
}

// bytesContains is `x in b` for bytes and bytearray.
func bytesContains(t *Thread, b []byte, x Value) (bool, error) {
	if hasIndex(x) {
		c, err := byteValue(t, x)
		if err != nil {
			return false, err
		}
		return bytes.IndexByte(b, c) >= 0, nil
	}
	sub, err := bufferArg(t, x)
	if err != nil {
		return false, err
	}
	return bytes.Contains(b, sub), nil
}

// bytesIter iterates the ints of a bytes or bytearray.
type bytesIter struct {
	ObjectBase
	seq Value // NULL when exhausted
	i   int
}

var (
	bytesIterType     = builtinType("bytes_iterator", nil, 0)
	byteArrayIterType = builtinType("bytearray_iterator", nil, 0)
)

func init() {
	onSetup(setupBytes)
}

func setupBytes() {
	bt := BytesType
	bt.New = bytesNew
	bt.Repr = func(t *Thread, v Value) (Value, error) {
		b := v.o.(*Bytes).b
		r := bytesRepr(b)
		return Value{o: newStrN(r, len(r))}, nil
	}
	bt.Str = bt.Repr
	bt.Hash = func(t *Thread, v Value) (int64, error) {
		b := v.o.(*Bytes)
		if b.hash == -1 {
			b.hash = hasher.HashBytes(b.b)
		}
		return b.hash, nil
	}
	bt.Len = func(t *Thread, v Value) (int, error) { return len(v.o.(*Bytes).b), nil }
	bt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		y, ok := b.o.(*Bytes)
		if !ok {
			return NotImplemented, nil
		}
		return bytesCompare(a.o.(*Bytes).b, y.b, op), nil
	}
	bt.GetItem = func(t *Thread, v, key Value) (Value, error) {
		b := v.o.(*Bytes).b
		if s, ok := key.o.(*Slice); ok {
			start, _, step, n, err := s.Indices(t, len(b))
			if err != nil {
				return Null, err
			}
			if step == 1 && n == len(b) && v.o.(*Bytes).cls == BytesType {
				return v, nil
			}
			out := make([]byte, n)
			for i, j := 0, start; i < n; i, j = i+1, j+step {
				out[i] = b[j]
			}
			return Value{o: NewBytes(out)}, nil
		}
		if !hasIndex(key) {
			return Null, t.typeErrorf("byte indices must be integers or slices, not %s", typeName(key))
		}
		i, err := bytesIndexKey(t, key, len(b), "index out of range")
		if err != nil {
			return Null, err
		}
		return Int(int64(b[i])), nil
	}
	bt.Contains = func(t *Thread, c, x Value) (bool, error) { return bytesContains(t, c.o.(*Bytes).b, x) }
	bt.SqConcat = func(t *Thread, a, b Value) (Value, error) {
		y, ok := bytesLike(b)
		if !ok {
			return Null, t.typeErrorf("can't concat %s to %s", typeName(b), typeName(a))
		}
		x := a.o.(*Bytes).b
		out := make([]byte, 0, len(x)+len(y))
		return Value{o: NewBytes(append(append(out, x...), y...))}, nil
	}
	bt.SqRepeat = func(t *Thread, seq Value, n int) (Value, error) {
		b := seq.o.(*Bytes)
		if n <= 0 {
			return Value{o: emptyBytes}, nil
		}
		if n == 1 && b.cls == BytesType {
			return seq, nil
		}
		if err := t.checkRepeat(len(b.b), n); err != nil {
			return Null, err
		}
		return Value{o: NewBytes(bytes.Repeat(b.b, n))}, nil
	}
	bt.Iter = func(t *Thread, v Value) (Value, error) {
		return Value{o: &bytesIter{ObjectBase: ObjectBase{cls: bytesIterType}, seq: v}}, nil
	}

	at := ByteArrayType
	at.hashNone = true
	at.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		return Value{o: &ByteArray{ObjectBase: ObjectBase{cls: cls}}}, nil
	}
	at.Init = byteArrayInit
	at.Repr = func(t *Thread, v Value) (Value, error) {
		ba := v.o.(*ByteArray)
		return NewStrValue(ba.cls.Name + "(" + bytesRepr(ba.b) + ")"), nil
	}
	at.Str = at.Repr
	at.Len = func(t *Thread, v Value) (int, error) { return len(v.o.(*ByteArray).b), nil }
	at.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		y, ok := bytesLike(b)
		if !ok {
			return NotImplemented, nil
		}
		return bytesCompare(a.o.(*ByteArray).b, y, op), nil
	}
	at.GetItem = func(t *Thread, v, key Value) (Value, error) {
		b := v.o.(*ByteArray).b
		if s, ok := key.o.(*Slice); ok {
			out, err := bytesSlice(t, b, s)
			if err != nil {
				return Null, err
			}
			return Value{o: NewByteArray(out)}, nil
		}
		if !hasIndex(key) {
			return Null, t.typeErrorf("bytearray indices must be integers or slices, not %s", typeName(key))
		}
		i, err := bytesIndexKey(t, key, len(b), "bytearray index out of range")
		if err != nil {
			return Null, err
		}
		return Int(int64(b[i])), nil
	}
	at.Contains = func(t *Thread, c, x Value) (bool, error) { return bytesContains(t, c.o.(*ByteArray).b, x) }
	at.SqConcat = func(t *Thread, a, b Value) (Value, error) {
		y, ok := bytesLike(b)
		if !ok {
			return Null, t.typeErrorf("can't concat %s to %s", typeName(b), typeName(a))
		}
		x := a.o.(*ByteArray).b
		out := make([]byte, 0, len(x)+len(y))
		return Value{o: NewByteArray(append(append(out, x...), y...))}, nil
	}
	at.SqRepeat = func(t *Thread, seq Value, n int) (Value, error) {
		b := seq.o.(*ByteArray).b
		if n <= 0 {
			return Value{o: NewByteArray(nil)}, nil
		}
		if err := t.checkRepeat(len(b), n); err != nil {
			return Null, err
		}
		return Value{o: NewByteArray(bytes.Repeat(b, n))}, nil
	}
	at.Iter = func(t *Thread, v Value) (Value, error) {
		return Value{o: &bytesIter{ObjectBase: ObjectBase{cls: byteArrayIterType}, seq: v}}, nil
	}

	for _, it := range []*Type{bytesIterType, byteArrayIterType} {
		it.Iter = selfIter
		it.Next = func(t *Thread, v Value) (Value, error) {
			it := v.o.(*bytesIter)
			if it.seq.IsNull() {
				return Null, nil
			}
			b, _ := bytesLike(it.seq)
			if it.i >= len(b) {
				it.seq = Null
				return Null, nil
			}
			c := b[it.i]
			it.i++
			return Int(int64(c)), nil
		}
	}
	attachStrDocs(BytesType)
	attachStrDocs(ByteArrayType)
}
