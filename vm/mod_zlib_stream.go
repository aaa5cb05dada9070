package vm

import "fmt"

// zlib's streaming decompressors over the resumable inflater
// (zlib_inflate.go): zlib.decompressobj() and its zlib.Decompress objects
// (decompress with max_length, unconsumed_tail, unused_data, eof, flush,
// copy), and zlib._ZlibDecompressor (needs_input, the decompressor gzip
// reads with since 3.12). Compression stays out (see mod_zlib.go).

var (
	zlibDecompressType   = nativeType("zlib", "Decompress", nil, 0)
	zlibDecompressorType = nativeType("zlib", "_ZlibDecompressor", nil, 0)
)

const zlibDecompressorDoc = "Create a decompressor object for decompressing data incrementally.\n\n  wbits = 15\n  zdict\n     The predefined compression dictionary. This is a sequence of bytes\n     (such as a bytes object) containing subsequences that are expected\n     to occur frequently in the data that is to be compressed. Those\n     subsequences that are expected to be most common should come at the\n     end of the dictionary. This must be the same dictionary as used by the\n     compressor that produced the input data.\n\n"

// zlibDecompObj is a zlib.Decompress object.
type zlibDecompObj struct {
	ObjectBase
	z              *inflater
	unusedData     []byte
	unconsumedTail []byte
	eof            bool
}

// zlibDecompressor is a zlib._ZlibDecompressor.
type zlibDecompressor struct {
	ObjectBase
	z          *inflater
	unusedData []byte
	eof        bool
	needsInput bool
}

var (
	zlibDecompressObjSpec = ArgSpec{Name: "decompressobj", Params: []string{"wbits", "zdict"}}
	zlibObjDecompressSpec = ArgSpec{Name: "decompress", Params: []string{"data", "max_length"}, Required: 1, PosOnly: 1}
	zlibFlushSpec         = ArgSpec{Name: "flush", Params: []string{"length"}, PosOnly: 1}
	zlibDecompressorSpec  = ArgSpec{Name: "decompress", Params: []string{"data", "max_length"}, Required: 1}
)

// zlibStreamError is zlib_error: "Error -3 while decompressing data:
// invalid block type".
func zlibStreamError(t *Thread, e *inflateError) error {
	msg := e.msg
	if msg == "" {
		switch e.code {
		case -5:
			msg = "incomplete or truncated stream"
		case -2:
			msg = "inconsistent stream state"
		case -3:
			msg = "invalid input data"
		}
	}
	when := e.when
	if when == "" {
		when = "while decompressing data"
	}
	if msg == "" {
		return t.raise(zlibErrorType, fmt.Sprintf("Error %d %s", e.code, when))
	}
	return t.raise(zlibErrorType, fmt.Sprintf("Error %d %s: %.200s", e.code, when, msg))
}

// zlibNewInflater makes the inflater of decompressobj() and
// _ZlibDecompressor(): wbits a C int, zdict a buffer (NULL: none).
func zlibNewInflater(t *Thread, wbitsV, zdictV Value) (*inflater, error) {
	wbits := 15
	if !wbitsV.IsNull() {
		n, err := asCInt(t, wbitsV)
		if err != nil {
			return nil, err
		}
		wbits = n
	}
	var dict []byte
	if !zdictV.IsNull() {
		if !isBufferObject(zdictV) {
			return nil, t.typeErrorf("zdict argument must support the buffer protocol")
		}
		b, _ := bytesLike(zdictV)
		dict = append([]byte{}, b...)
	}
	z, ok := newInflater(wbits, dict)
	if !ok {
		return nil, t.valueErrorf("Invalid initialization option")
	}
	return z, nil
}

// zlibRun runs the inflater over what it holds; it maps Z_NEED_DICT and
// the errors to zlib.error.
func zlibRun(t *Thread, z *inflater, limit int) ([]byte, inflateStatus, error) {
	out := []byte{}
	st, e := z.run(&out, limit)
	if e != nil {
		return nil, 0, zlibStreamError(t, e)
	}
	if st == infNeedDict {
		return nil, 0, zlibStreamError(t, &inflateError{code: 2})
	}
	return out, st, nil
}

func init() { onSetup(setupZlibStreams) }

// zlibAddStreams adds decompressobj and _ZlibDecompressor to the zlib
// module.
func zlibAddStreams(m *Module) {
	m.AddFunc("decompressobj", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [2]Value
		if err := clinicArgs(t, &zlibDecompressObjSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		z, err := zlibNewInflater(t, a[0], a[1])
		if err != nil {
			return Null, err
		}
		return Value{o: &zlibDecompObj{ObjectBase: ObjectBase{cls: zlibDecompressType}, z: z}}, nil
	})
	m.addType(zlibDecompressorType)
}

func setupZlibStreams() {
	dt := zlibDecompressType
	dt.New = nil
	dobj := func(v Value) *zlibDecompObj { return v.o.(*zlibDecompObj) }
	defMember(dt, "unused_data", func(t *Thread, self Value) (Value, error) {
		return Value{o: NewBytes(dobj(self).unusedData)}, nil
	})
	defMember(dt, "unconsumed_tail", func(t *Thread, self Value) (Value, error) {
		return Value{o: NewBytes(dobj(self).unconsumedTail)}, nil
	})
	defMember(dt, "eof", func(t *Thread, self Value) (Value, error) { return Bool(dobj(self).eof), nil })
	copyFn := func(t *Thread, self Value) Value {
		d := dobj(self)
		return Value{o: &zlibDecompObj{ObjectBase: ObjectBase{cls: zlibDecompressType}, z: d.z.copyState(),
			unusedData: d.unusedData, unconsumedTail: d.unconsumedTail, eof: d.eof}}
	}
	defMethods(dt,
		MethodDef{Name: "decompress", Doc: "Return a bytes object containing the decompressed version of the data.\n\n  data\n    The binary data to decompress.\n  max_length\n    The maximum allowable length of the decompressed data.\n    Unconsumed input data will be stored in\n    the unconsumed_tail attribute.\n\nAfter calling this function, some of the input data may still be stored in\ninternal buffers for later processing.\nCall the flush() method to clear these buffers.",
			Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				var a [2]Value
				if err := clinicArgs(t, &zlibObjDecompressSpec, args, kw, a[:]); err != nil {
					return Null, err
				}
				data, err := bufferArg(t, a[0])
				if err != nil {
					return Null, err
				}
				limit := -1
				if !a[1].IsNull() {
					n, err := AsSize(t, a[1], OverflowErrorType)
					if err != nil {
						return Null, err
					}
					if n < 0 {
						return Null, t.valueErrorf("max_length must be non-negative")
					}
					if n > 0 {
						limit = n
					}
				}
				return dobj(self).decompress(t, data, limit)
			}},
		MethodDef{Name: "flush", Doc: "Return a bytes object containing any remaining decompressed data.\n\n  length\n    the initial size of the output buffer.",
			Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				var a [1]Value
				if err := clinicArgs(t, &zlibFlushSpec, args, kw, a[:]); err != nil {
					return Null, err
				}
				if !a[0].IsNull() {
					n, err := AsSize(t, a[0], OverflowErrorType)
					if err != nil {
						return Null, err
					}
					if n <= 0 {
						return Null, t.valueErrorf("length must be greater than zero")
					}
				}
				d := dobj(self)
				return d.decompress(t, nil, -1)
			}},
		MethodDef{Name: "copy", Doc: "Return a copy of the decompression object.", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "copy", args, kw); err != nil {
				return Null, err
			}
			return copyFn(t, self), nil
		}},
		MethodDef{Name: "__copy__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "__copy__", args, kw); err != nil {
				return Null, err
			}
			return copyFn(t, self), nil
		}},
		MethodDef{Name: "__deepcopy__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "__deepcopy__", args, kw); err != nil {
				return Null, err
			}
			return copyFn(t, self), nil
		}},
	)

	zt := zlibDecompressorType
	zt.Doc = zlibDecompressorDoc
	zt.Dict.SetStr("__doc__", NewStrValue(zt.Doc))
	zt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		var a [2]Value
		if err := parseTupleKw(t, "_ZlibDecompressor", []string{"wbits", "zdict"}, 0, args, kw, a[:]); err != nil {
			return Null, err
		}
		z, err := zlibNewInflater(t, a[0], a[1])
		if err != nil {
			return Null, err
		}
		if z.wrap != wrapRaw {
			// _ZlibDecompressor sets zdict only for raw streams: a zlib
			// stream asking for a dictionary fails (see decompress).
			z.dict = nil
		}
		return Value{o: &zlibDecompressor{ObjectBase: ObjectBase{cls: cls}, z: z, needsInput: true}}, nil
	}
	zobj := func(v Value) *zlibDecompressor { return v.o.(*zlibDecompressor) }
	defMember(zt, "eof", func(t *Thread, self Value) (Value, error) { return Bool(zobj(self).eof), nil })
	defMember(zt, "unused_data", func(t *Thread, self Value) (Value, error) {
		return Value{o: NewBytes(zobj(self).unusedData)}, nil
	})
	defMember(zt, "needs_input", func(t *Thread, self Value) (Value, error) { return Bool(zobj(self).needsInput), nil })
	defMethods(zt, MethodDef{Name: "decompress", Doc: "Decompress *data*, returning uncompressed data as bytes.\n\nIf *max_length* is nonnegative, returns at most *max_length* bytes of\ndecompressed data. If this limit is reached and further output can be\nproduced, *self.needs_input* will be set to ``False``. In this case, the next\ncall to *decompress()* may provide *data* as b'' to obtain more of the output.\n\nIf all of the input data was decompressed and returned (either because this\nwas less than *max_length* bytes, or because *max_length* was negative),\n*self.needs_input* will be set to True.\n\nAttempting to decompress data after the end of stream is reached raises an\nEOFError.  Any data found after the end of the stream is ignored and saved in\nthe unused_data attribute.",
		Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [2]Value
			if err := clinicArgs(t, &zlibDecompressorSpec, args, kw, a[:]); err != nil {
				return Null, err
			}
			data, err := bufferArg(t, a[0])
			if err != nil {
				return Null, err
			}
			limit := -1
			if !a[1].IsNull() {
				if limit, err = AsSize(t, a[1], OverflowErrorType); err != nil {
					return Null, err
				}
			}
			d := zobj(self)
			if d.eof {
				return Null, t.raise(EOFErrorType, "End of stream already reached")
			}
			d.z.feed(data)
			out := []byte{}
			st, e := d.z.run(&out, limit)
			if e != nil {
				return Null, zlibStreamError(t, e)
			}
			if st == infNeedDict {
				// CPython's decompress_buf fails there without an exception.
				return Null, t.raise(SystemErrorType, "error return without exception set")
			}
			switch {
			case st == infStreamEnd:
				d.eof, d.needsInput = true, false
				if rest := d.z.rest(); len(rest) > 0 {
					d.unusedData = append([]byte(nil), rest...)
				}
				d.z.dropRest()
			case st == infNeedInput || len(d.z.rest()) == 0:
				d.needsInput = true
			default:
				d.needsInput = false
			}
			return Value{o: NewBytes(out)}, nil
		}})
}

// decompress is Decompress.decompress (data, limit < 0 for none) and
// flush (data nil: the unconsumed tail, no limit).
func (d *zlibDecompObj) decompress(t *Thread, data []byte, limit int) (Value, error) {
	flush := data == nil
	if flush {
		data = d.unconsumedTail
	}
	if d.eof {
		// zlib is done: all of the input is left over.
		if len(data) > 0 {
			d.unusedData = append(append([]byte(nil), d.unusedData...), data...)
			if flush || len(d.unconsumedTail) > 0 {
				d.unconsumedTail = nil
			}
		}
		return Value{o: NewBytes(nil)}, nil
	}
	d.z.feed(data)
	out, st, err := zlibRun(t, d.z, limit)
	if err != nil {
		return Null, err
	}
	// Input the inflater stopped before: after the end of the stream it
	// is unused_data, when the output is full unconsumed_tail. (When it
	// wants more input, what it holds is a step it will finish.)
	var rest []byte
	switch st {
	case infStreamEnd:
		d.eof = true
		if r := d.z.rest(); len(r) > 0 {
			d.unusedData = append(append([]byte(nil), d.unusedData...), r...)
			// CPython then sets unconsumed_tail from the same bytes, when
			// the previous one was not empty.
			if len(d.unconsumedTail) > 0 {
				d.unconsumedTail = append([]byte(nil), r...)
			}
		}
		d.z.dropRest()
		return Value{o: NewBytes(out)}, nil
	case infOutputFull:
		rest = append([]byte(nil), d.z.rest()...)
		d.z.dropRest()
	}
	if len(rest) > 0 || len(d.unconsumedTail) > 0 {
		d.unconsumedTail = rest
	}
	return Value{o: NewBytes(out)}, nil
}
