package vm

// The _pickle module holds only pickle.PickleBuffer
// (Objects/picklebufobject.c): the VM pickles with Lib/pickle.py's
// pure-Python Pickler and Unpickler, which pickle.py falls back to when
// _pickle lacks them. With PickleBuffer present, pickle.py defines its
// bytearray and PickleBuffer savers (protocol 5's BYTEARRAY8 and
// out-of-band buffers, and bytearray(bytes) below it), as CPython does.
//
// A PickleBuffer holds a view of a bytes-like object: memoryview(pb) is
// a view of that object, raw() a flat view of its bytes, release() lets
// it go.

// PickleBufferType is pickle.PickleBuffer.
var PickleBufferType = nativeType("pickle", "PickleBuffer", nil, 0)

// PickleBuffer is a pickle.PickleBuffer.
type PickleBuffer struct {
	ObjectBase
	view *MemoryView // nil once released
}

var pickleBufferSpec = ArgSpec{Name: "PickleBuffer", Params: []string{""}, Required: 1, PosOnly: 1}

func init() {
	RegisterModule("_pickle", func(t *Thread, m *Module) error {
		m.addType(PickleBufferType)
		return nil
	})
	onSetup(setupPickleBuffer)
}

func setupPickleBuffer() {
	pb := PickleBufferType
	pb.Doc = "Wrapper for potentially out-of-band buffers"
	pb.Dict.SetStr("__doc__", NewStrValue(pb.Doc))
	pb.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 || len(args) != 1 {
			if n := len(args) - len(kw); n == 0 {
				return Null, t.typeErrorf("PickleBuffer() takes exactly 1 positional argument (0 given)")
			}
			return Null, t.typeErrorf("PickleBuffer() takes at most 1 argument (%d given)", len(args))
		}
		if !isBufferObject(args[0]) {
			return Null, t.typeErrorf("a bytes-like object is required, not '%s'", typeName(args[0]))
		}
		v, err := newMemoryView(t, args[0])
		if err != nil {
			return Null, err
		}
		return Value{o: &PickleBuffer{ObjectBase: ObjectBase{cls: cls}, view: v}}, nil
	}
	defMethods(pb,
		MethodDef{Name: "raw", Doc: "Return a memoryview of the raw memory underlying this buffer.\nWill raise BufferError is the buffer isn't contiguous.",
			Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := noArgs(t, "raw", args, kw); err != nil {
					return Null, err
				}
				v, err := self.o.(*PickleBuffer).forwardedView(t)
				if err != nil {
					return Null, err
				}
				if !v.cContiguous() && !v.fContiguous() {
					return Null, t.raise(BufferErrorType, "cannot extract raw buffer from non-contiguous buffer")
				}
				r := v.clone()
				r.format, r.fc, r.itemsize = "B", 'B', 1
				r.shape, r.strides = []int{v.nbytes()}, []int{1}
				return Value{o: r}, nil
			}},
		MethodDef{Name: "release", Doc: "Release the underlying buffer exposed by the PickleBuffer object.",
			Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := noArgs(t, "release", args, kw); err != nil {
					return Null, err
				}
				p := self.o.(*PickleBuffer)
				if p.view != nil {
					p.view.release()
					p.view = nil
				}
				return None, nil
			}},
	)
}

// forwardedView is the view a memoryview of the PickleBuffer copies.
func (p *PickleBuffer) forwardedView(t *Thread) (*MemoryView, error) {
	if p.view == nil {
		return nil, t.valueErrorf("operation forbidden on released PickleBuffer object")
	}
	return p.view, nil
}
