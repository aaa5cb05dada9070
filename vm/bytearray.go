package vm

import "bytes"

// bytearray's mutations: item and slice assignment and deletion, += and
// *=, and the list-like methods (append, extend, pop, insert, remove,
// reverse, clear, copy), plus its pickling hooks. A bytearray whose buffer
// a memoryview exports cannot change size, as in CPython.

func init() {
	onSetup(setupByteArray)
}

// resizable reports CPython's BufferError when a memoryview holds the
// buffer.
func (ba *ByteArray) resizable(t *Thread) error {
	if ba.exports > 0 {
		return t.raise(BufferErrorType, "Existing exports of data: object cannot be re-sized")
	}
	return nil
}

// byteArrayValues reads the bytes assigned to a slice of a bytearray.
func byteArrayValues(t *Thread, self *ByteArray, v Value) ([]byte, error) {
	if v.o == Object(self) {
		return append([]byte(nil), self.b...), nil
	}
	if b, ok := bytesLike(v); ok {
		return append([]byte(nil), b...), nil
	}
	if _, ok := v.o.(*Str); ok || isNumber(v) {
		return nil, t.typeErrorf("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
	}
	return bytesFromSource(t, v, true)
}

// isNumber is PyNumber_Check: the type has __index__, __int__ or
// __float__ (or is complex).
func isNumber(v Value) bool {
	if v.IsSmallInt() || v.IsBool() || v.IsFloat() {
		return true
	}
	n := &v.Type().Number
	if n.Index != nil || n.Int != nil || n.Float != nil {
		return true
	}
	_, ok := v.o.(*Complex)
	return ok
}

func byteArraySetItem(t *Thread, v, key, value Value) error {
	ba := v.o.(*ByteArray)
	if s, ok := key.o.(*Slice); ok {
		start, stop, step, n, err := s.Indices(t, len(ba.b))
		if err != nil {
			return err
		}
		var vals []byte
		if !value.IsNull() {
			if vals, err = byteArrayValues(t, ba, value); err != nil {
				return err
			}
		}
		// An empty value deletes, even an extended slice (CPython's
		// bytearray_ass_subscript).
		if value.IsNull() || len(vals) == 0 && step != 1 {
			if n == 0 {
				return nil
			}
			if err := ba.resizable(t); err != nil {
				return err
			}
			if step == 1 {
				ba.b = append(ba.b[:start], ba.b[stop:]...)
				return nil
			}
			del := make([]bool, len(ba.b))
			for i, j := 0, start; i < n; i, j = i+1, j+step {
				del[j] = true
			}
			out := ba.b[:0]
			for i, c := range ba.b {
				if !del[i] {
					out = append(out, c)
				}
			}
			ba.b = out
			return nil
		}
		if step == 1 {
			if stop < start {
				stop = start
			}
			if len(vals) == stop-start {
				copy(ba.b[start:stop], vals)
				return nil
			}
			if err := ba.resizable(t); err != nil {
				return err
			}
			out := make([]byte, 0, len(ba.b)-(stop-start)+len(vals))
			out = append(out, ba.b[:start]...)
			out = append(out, vals...)
			ba.b = append(out, ba.b[stop:]...)
			return nil
		}
		if len(vals) != n {
			return t.valueErrorf("attempt to assign bytes of size %d to extended slice of size %d", len(vals), n)
		}
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			ba.b[j] = vals[i]
		}
		return nil
	}
	if !hasIndex(key) {
		return t.typeErrorf("bytearray indices must be integers or slices, not %s", typeName(key))
	}
	// The index is converted first, then the byte, then the index is
	// checked against the length.
	i, err := AsSize(t, key, IndexErrorType)
	if err != nil {
		if e := asException(err); e != nil && e.cls == IndexErrorType {
			return t.raisef(IndexErrorType, "cannot fit '%s' into an index-sized integer", typeName(key))
		}
		return err
	}
	var c byte
	if !value.IsNull() {
		if c, err = byteValue(t, value); err != nil {
			return err
		}
	}
	if i < 0 {
		i += len(ba.b)
	}
	if i < 0 || i >= len(ba.b) {
		return t.raise(IndexErrorType, "bytearray index out of range")
	}
	if value.IsNull() {
		if err := ba.resizable(t); err != nil {
			return err
		}
		ba.b = append(ba.b[:i], ba.b[i+1:]...)
		return nil
	}
	ba.b[i] = c
	return nil
}

func setupByteArray() {
	at := ByteArrayType
	at.SetItem = byteArraySetItem
	at.SqInplaceConcat = func(t *Thread, a, b Value) (Value, error) {
		ba := a.o.(*ByteArray)
		y, ok := bytesLike(b)
		if !ok {
			return Null, t.typeErrorf("can't concat %s to %s", typeName(b), typeName(a))
		}
		if len(y) > 0 {
			if err := ba.resizable(t); err != nil {
				return Null, err
			}
		}
		ba.b = append(ba.b, y...)
		return a, nil
	}
	at.SqInplaceRepeat = func(t *Thread, seq Value, n int) (Value, error) {
		ba := seq.o.(*ByteArray)
		if n == 1 {
			return seq, nil
		}
		if err := ba.resizable(t); err != nil {
			return Null, err
		}
		if n <= 0 {
			ba.b = ba.b[:0]
			return seq, nil
		}
		if err := t.checkRepeat(len(ba.b), n); err != nil {
			return Null, err
		}
		ba.b = bytes.Repeat(ba.b, n)
		return seq, nil
	}
	self := func(v Value) *ByteArray { return v.o.(*ByteArray) }
	defMethods(at,
		MethodDef{Name: "append", Fn: func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "bytearray.append", args, kw); err != nil {
				return Null, err
			}
			c, err := byteValue(t, args[0])
			if err != nil {
				return Null, err
			}
			ba := self(v)
			if err := ba.resizable(t); err != nil {
				return Null, err
			}
			ba.b = append(ba.b, c)
			return None, nil
		}},
		MethodDef{Name: "extend", Fn: func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "bytearray.extend", args, kw); err != nil {
				return Null, err
			}
			ba := self(v)
			var add []byte
			if b, ok := bytesLike(args[0]); ok {
				add = append([]byte(nil), b...)
			} else {
				x := args[0]
				if _, ok := x.o.(*Str); ok {
					return Null, t.typeErrorf("expected iterable of integers; got: 'str'")
				}
				if x.Type().Iter == nil && x.Type().GetItem == nil {
					return Null, t.typeErrorf("can't extend bytearray with %s", typeName(x))
				}
				var err error
				if add, err = bytesFromSource(t, x, true); err != nil {
					return Null, err
				}
			}
			if len(add) > 0 {
				if err := ba.resizable(t); err != nil {
					return Null, err
				}
			}
			ba.b = append(ba.b, add...)
			return None, nil
		}},
		MethodDef{Name: "pop", Fn: func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, "bytearray", "pop", args, kw, 0, 1); err != nil {
				return Null, err
			}
			i := -1
			if len(args) == 1 {
				var err error
				if i, err = sizeArg(t, args[0]); err != nil {
					return Null, err
				}
			}
			ba := self(v)
			if len(ba.b) == 0 {
				return Null, t.raise(IndexErrorType, "pop from empty bytearray")
			}
			if i < 0 {
				i += len(ba.b)
			}
			if i < 0 || i >= len(ba.b) {
				return Null, t.raise(IndexErrorType, "pop index out of range")
			}
			if err := ba.resizable(t); err != nil {
				return Null, err
			}
			c := ba.b[i]
			ba.b = append(ba.b[:i], ba.b[i+1:]...)
			return Int(int64(c)), nil
		}},
		MethodDef{Name: "insert", Fn: func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, "bytearray", "insert", args, kw, 2, 2); err != nil {
				return Null, err
			}
			i, err := sizeArg(t, args[0])
			if err != nil {
				return Null, err
			}
			c, err := byteValue(t, args[1])
			if err != nil {
				return Null, err
			}
			ba := self(v)
			if err := ba.resizable(t); err != nil {
				return Null, err
			}
			n := len(ba.b)
			if i < 0 {
				i += n
				if i < 0 {
					i = 0
				}
			}
			if i > n {
				i = n
			}
			ba.b = append(ba.b, 0)
			copy(ba.b[i+1:], ba.b[i:])
			ba.b[i] = c
			return None, nil
		}},
		MethodDef{Name: "remove", Fn: func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "bytearray.remove", args, kw); err != nil {
				return Null, err
			}
			c, err := byteValue(t, args[0])
			if err != nil {
				return Null, err
			}
			ba := self(v)
			i := bytes.IndexByte(ba.b, c)
			if i < 0 {
				return Null, t.valueErrorf("value not found in bytearray")
			}
			if err := ba.resizable(t); err != nil {
				return Null, err
			}
			ba.b = append(ba.b[:i], ba.b[i+1:]...)
			return None, nil
		}},
		MethodDef{Name: "reverse", Fn: func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "bytearray.reverse", args, kw); err != nil {
				return Null, err
			}
			b := self(v).b
			for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
				b[i], b[j] = b[j], b[i]
			}
			return None, nil
		}},
		MethodDef{Name: "clear", Fn: func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "bytearray.clear", args, kw); err != nil {
				return Null, err
			}
			ba := self(v)
			if err := ba.resizable(t); err != nil {
				return Null, err
			}
			ba.b = nil
			return None, nil
		}},
		MethodDef{Name: "copy", Fn: func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "bytearray.copy", args, kw); err != nil {
				return Null, err
			}
			return Value{o: NewByteArray(append([]byte(nil), self(v).b...))}, nil
		}},
		MethodDef{Name: "__alloc__", Fn: func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "bytearray.__alloc__", args, kw); err != nil {
				return Null, err
			}
			return Int(int64(len(self(v).b) + 1)), nil
		}},
		MethodDef{Name: "__sizeof__", Fn: func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "bytearray.__sizeof__", args, kw); err != nil {
				return Null, err
			}
			n := len(self(v).b)
			if n > 0 {
				n++
			}
			return Int(int64(56 + n)), nil
		}},
		MethodDef{Name: "__reduce__", Fn: func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "bytearray.__reduce__", args, kw); err != nil {
				return Null, err
			}
			return byteArrayReduce(v, 2), nil
		}},
		MethodDef{Name: "__reduce_ex__", Fn: func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, "bytearray", "__reduce_ex__", args, kw, 0, 1); err != nil {
				return Null, err
			}
			proto := 0
			if len(args) == 1 {
				p, err := intArg32(t, args[0])
				if err != nil {
					return Null, err
				}
				proto = p
			}
			return byteArrayReduce(v, proto), nil
		}},
	)
	attachStrDocs(ByteArrayType)
}

// byteArrayReduce is bytearray.__reduce_ex__(proto): (type, (latin-1
// text, 'latin-1'), __dict__ or None) below protocol 3, (type, (bytes,),
// __dict__ or None) from 3 on.
func byteArrayReduce(v Value, proto int) Value {
	ba := v.o.(*ByteArray)
	rs := make([]rune, len(ba.b))
	for i, c := range ba.b {
		rs[i] = rune(c)
	}
	state := None
	if ba.dict != nil {
		state = Value{o: ba.dict}
	}
	args := emptyTuple
	switch {
	case len(ba.b) > 0 && proto >= 3:
		args = NewTuple(Value{o: NewBytes(append([]byte(nil), ba.b...))})
	case len(ba.b) > 0:
		args = NewTuple(Value{o: StrFromRunes(rs)}, NewStrValue("latin-1"))
	}
	return Value{o: NewTuple(Value{o: ba.cls}, Value{o: args}, state)}
}
