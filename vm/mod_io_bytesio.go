package vm

// BytesIO's buffer and pickling methods: getbuffer (a writable memoryview
// over the contents whose obj is an _io._BytesIOBuffer; while such a
// view lives the BytesIO cannot be written, truncated, re-initialized or
// closed: bufexport.go), __getstate__ and __setstate__.

// bytesIOBuffer is what BytesIO.getbuffer's view views (its obj): the
// BytesIO's bytes as they were when the view was made (they cannot be
// resized while it lives).
type bytesIOBuffer struct {
	ObjectBase
	b    *bytesIO
	data []byte
}

var ioBytesIOBufferType = nativeType("_io", "_BytesIOBuffer", nil, 0)

func (o *bytesIOBuffer) bufferData() []byte                { return o.data }
func (o *bytesIOBuffer) bufferFormat() (string, int, bool) { return "B", 1, false }
func (o *bytesIOBuffer) bufferExport(m *MemoryView)        { o.b.views.add(m) }

// resizable raises CPython's BufferError while a view of the BytesIO's
// buffer lives.
func (b *bytesIO) resizable(t *Thread) error {
	if b.views.busy() {
		return t.raise(BufferErrorType, "Existing exports of data: object cannot be re-sized")
	}
	return nil
}

func init() {
	onSetup(setupBytesIOBuffer)
}

func setupBytesIOBuffer() {
	closedCheck := func(t *Thread, self Value) (*bytesIO, error) {
		b := self.o.(*bytesIO)
		if b.closed {
			return nil, ioClosedErr(t, true)
		}
		return b, nil
	}
	defMethods(ioBytesIOType,
		MethodDef{Name: "getbuffer", Doc: "Get a read-write view over the contents of the BytesIO object.",
			Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := noArgs(t, "getbuffer", args, kw); err != nil {
					return Null, err
				}
				b, err := closedCheck(t, self)
				if err != nil {
					return Null, err
				}
				buf := &bytesIOBuffer{ObjectBase: ObjectBase{cls: ioBytesIOBufferType}, b: b, data: b.buf}
				m, err := newMemoryView(t, Value{o: buf})
				if err != nil {
					return Null, err
				}
				return Value{o: m}, nil
			}},
		MethodDef{Name: "__getstate__",
			Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := noArgs(t, "__getstate__", args, kw); err != nil {
					return Null, err
				}
				b, err := closedCheck(t, self)
				if err != nil {
					return Null, err
				}
				d := None
				if id := InstanceDict(b); id != nil {
					d = Value{o: id.Copy()}
				}
				return Value{o: NewTuple(ioBytesValue(append([]byte(nil), b.buf...)), Int(int64(b.pos)), d)}, nil
			}},
		MethodDef{Name: "__setstate__",
			Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := oneArg(t, "__setstate__", args, kw); err != nil {
					return Null, err
				}
				b, err := closedCheck(t, self)
				if err != nil {
					return Null, err
				}
				if err := b.resizable(t); err != nil {
					return Null, err
				}
				st, ok := args[0].o.(*Tuple)
				if !ok || len(st.items) < 3 {
					return Null, t.typeErrorf("%s.__setstate__ argument should be 3-tuple, got %s", typeName(self), typeName(args[0]))
				}
				data, ok := bytesLike(st.items[0])
				if !ok {
					return Null, t.typeErrorf("a bytes-like object is required, not '%s'", typeName(st.items[0]))
				}
				data = append([]byte(nil), data...)
				if !st.items[1].IsIntLike() {
					return Null, t.typeErrorf("second item of state must be an integer, not %s", typeName(st.items[1]))
				}
				pos, err := AsSize(t, st.items[1], OverflowErrorType)
				if err != nil {
					return Null, err
				}
				if pos < 0 {
					return Null, t.valueErrorf("position value cannot be negative")
				}
				d := st.items[2]
				if !d.IsNone() {
					if _, ok := d.o.(*Dict); !ok {
						return Null, t.typeErrorf("third item of state should be a dict, got a %s", typeName(d))
					}
				}
				b.buf, b.pos = data, pos
				if !d.IsNone() {
					if err := dictUpdate(t, instanceDictOf(self), d, false); err != nil {
						return Null, err
					}
				}
				return None, nil
			}},
	)
}
