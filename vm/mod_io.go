package vm

import (
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"unicode/utf8"
)

// The _io module that io.py re-exports: the abstract bases (_IOBase,
// _RawIOBase, _BufferedIOBase, _TextIOBase) whose methods work through
// the Python-level methods of their subclasses, and the concrete classes
// written in Go: FileIO over an *os.File, BytesIO and StringIO in memory,
// BufferedReader/BufferedWriter/BufferedRandom/BufferedRWPair over a raw
// stream, TextIOWrapper over a buffered one, and open().
//
// Text is decoded and encoded in Go for UTF-8 (the default, CPython's
// locale encoding here), Latin-1 and ASCII; other encodings go through
// bytes.decode and str.encode. Newlines follow CPython's rules (universal
// newlines on reading when newline is None, translation on writing).

const ioDefaultBufferSize = 8192

// ioBase is the state every io object shares; it is the whole object for
// instances of Python classes derived from the abstract bases.
type ioBase struct {
	ObjectBase
	closed bool
	slots  []Value
}

func (b *ioBase) slotValues() []Value { return b.slots }
func (b *ioBase) io() *ioBase         { return b }

// ioObject is implemented by every io object.
type ioObject interface {
	Object
	io() *ioBase
}

var (
	ioIOBaseType       = nativeType("_io", "_IOBase", nil, FlagBaseType|FlagHasDict)
	ioRawIOBaseType    = nativeType("_io", "_RawIOBase", ioIOBaseType, FlagBaseType|FlagHasDict)
	ioBufferedBaseType = nativeType("_io", "_BufferedIOBase", ioIOBaseType, FlagBaseType|FlagHasDict)
	ioTextIOBaseType   = nativeType("_io", "_TextIOBase", ioIOBaseType, FlagBaseType|FlagHasDict)
	ioFileIOType       = nativeType("_io", "FileIO", ioRawIOBaseType, FlagBaseType|FlagHasDict)
	ioBytesIOType      = nativeType("_io", "BytesIO", ioBufferedBaseType, FlagBaseType|FlagHasDict)
	ioStringIOType     = nativeType("_io", "StringIO", ioTextIOBaseType, FlagBaseType|FlagHasDict)
	ioBufReaderType    = nativeType("_io", "BufferedReader", ioBufferedBaseType, FlagBaseType|FlagHasDict)
	ioBufWriterType    = nativeType("_io", "BufferedWriter", ioBufferedBaseType, FlagBaseType|FlagHasDict)
	ioBufRandomType    = nativeType("_io", "BufferedRandom", ioBufferedBaseType, FlagBaseType|FlagHasDict)
	ioBufRWPairType    = nativeType("_io", "BufferedRWPair", ioBufferedBaseType, FlagBaseType|FlagHasDict)
	ioTextWrapperType  = nativeType("_io", "TextIOWrapper", ioTextIOBaseType, FlagBaseType|FlagHasDict)
	ioNewlineDecType   = nativeType("_io", "IncrementalNewlineDecoder", nil, FlagBaseType)
)

func init() {
	for _, tp := range []*Type{ioIOBaseType, ioFileIOType, ioBytesIOType, ioStringIOType, ioBufReaderType,
		ioBufWriterType, ioBufRandomType, ioBufRWPairType, ioTextWrapperType} {
		weakrefableNative[tp] = true
	}
	onSetup(setupIO)
	RegisterModule("_io", initIOModule)
}

// ioOf returns the shared state of an io object, or nil.
func ioOf(v Value) *ioBase {
	if o, ok := v.o.(ioObject); ok {
		return o.io()
	}
	return nil
}

func ioUnsupported(t *Thread, msg string) error {
	return NewException(UnsupportedOperationType(), NewStrValue(msg))
}

func ioClosedErr(t *Thread, period bool) error {
	if period {
		return t.valueErrorf("I/O operation on closed file.")
	}
	return t.valueErrorf("I/O operation on closed file")
}

// isClosed asks an io object whether it is closed (its closed attribute,
// which subclasses may compute).
func (t *Thread) isClosed(v Value) (bool, error) {
	switch o := v.o.(type) {
	case *fileIO:
		if v.Type() == ioFileIOType {
			return o.closed, nil
		}
	case *bytesIO:
		if v.Type() == ioBytesIOType {
			return o.closed, nil
		}
	case *stringIO:
		if v.Type() == ioStringIOType {
			return o.closed, nil
		}
	}
	c, err := GetAttrString(t, v, "closed")
	if err != nil {
		return false, err
	}
	return Truth(t, c)
}

func (t *Thread) checkClosed(v Value) error {
	c, err := t.isClosed(v)
	if err != nil {
		return err
	}
	if c {
		return ioClosedErr(t, true)
	}
	return nil
}

// callBool calls v.name() and returns its truth.
func (t *Thread) callBool(v Value, name string) (bool, error) {
	r, err := callMethodName(t, v, name)
	if err != nil {
		return false, err
	}
	return Truth(t, r)
}

// ioReadSize parses a read size: None or an int (-1 for all).
func ioReadSize(t *Thread, args []Value, i int) (int, error) {
	if len(args) <= i || args[i].IsNone() {
		return -1, nil
	}
	if !hasIndex(args[i]) {
		return 0, t.typeErrorf("argument should be integer or None, not '%s'", typeName(args[i]))
	}
	return AsSize(t, args[i], OverflowErrorType)
}

// ioBytesArg returns the bytes of a bytes-like argument.
func ioBytesArg(t *Thread, v Value) ([]byte, error) {
	if b, ok := bufferBytesOf(v); ok {
		return b, nil
	}
	return nil, t.typeErrorf("a bytes-like object is required, not '%s'", typeName(v))
}

func ioBytesValue(b []byte) Value { return Value{o: NewBytes(b)} }

func setupIO() {
	setupIOBase()
	setupFileIO()
	setupBytesIO()
	setupStringIO()
	setupBuffered()
	setupTextWrapper()
}

// The abstract bases.

func setupIOBase() {
	for _, tp := range []*Type{ioIOBaseType, ioRawIOBaseType, ioBufferedBaseType, ioTextIOBaseType} {
		tp := tp
		tp.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
			b := &ioBase{ObjectBase: ObjectBase{cls: cls}}
			if cls.nslots > 0 {
				b.slots = make([]Value, cls.nslots)
			}
			return Value{o: b}, nil
		}
	}
	bt := ioIOBaseType
	bt.Iter = func(t *Thread, v Value) (Value, error) {
		if err := t.checkClosed(v); err != nil {
			return Null, err
		}
		return v, nil
	}
	bt.Next = func(t *Thread, v Value) (Value, error) {
		line, err := callMethodName(t, v, "readline")
		if err != nil {
			return Null, err
		}
		n, err := Len(t, line)
		if err != nil {
			return Null, err
		}
		if n == 0 {
			return Null, nil
		}
		return line, nil
	}
	m := func(name string, fn BuiltinFunc) MethodDef { return MethodDef{Name: name, Fn: fn} }
	falseFn := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return False, nil }
	defGetSet(bt, "closed", func(t *Thread, self Value) (Value, error) {
		if b := ioOf(self); b != nil {
			return Bool(b.closed), nil
		}
		return False, nil
	}, nil)
	defGetSet(bt, "__dict__", func(t *Thread, self Value) (Value, error) { return Value{o: instanceDictOf(self)}, nil }, nil)
	defMethods(bt,
		m("seek", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, ioUnsupported(t, "seek")
		}),
		m("tell", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return callMethodName(t, self, "seek", Int(0), Int(1))
		}),
		m("truncate", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, ioUnsupported(t, "truncate")
		}),
		m("flush", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return None, t.checkClosed(self)
		}),
		m("close", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			b := ioOf(self)
			if b == nil || b.closed {
				return None, nil
			}
			_, err := callMethodName(t, self, "flush")
			b.closed = true
			return None, err
		}),
		m("seekable", falseFn),
		m("readable", falseFn),
		m("writable", falseFn),
		m("_checkClosed", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return None, t.checkClosed(self)
		}),
		m("_checkSeekable", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			ok, err := t.callBool(self, "seekable")
			if err == nil && !ok {
				err = ioUnsupported(t, "File or stream is not seekable.")
			}
			return True, err
		}),
		m("_checkReadable", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			ok, err := t.callBool(self, "readable")
			if err == nil && !ok {
				err = ioUnsupported(t, "File or stream is not readable.")
			}
			return True, err
		}),
		m("_checkWritable", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			ok, err := t.callBool(self, "writable")
			if err == nil && !ok {
				err = ioUnsupported(t, "File or stream is not writable.")
			}
			return True, err
		}),
		m("__enter__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return self, t.checkClosed(self)
		}),
		m("__exit__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			_, err := callMethodName(t, self, "close")
			return None, err
		}),
		m("fileno", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, ioUnsupported(t, "fileno")
		}),
		m("isatty", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return False, t.checkClosed(self)
		}),
		m("readline", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			limit, err := ioReadSize(t, args, 0)
			if err != nil {
				return Null, err
			}
			var out []byte
			for limit < 0 || len(out) < limit {
				b, err := callMethodName(t, self, "read", Int(1))
				if err != nil {
					return Null, err
				}
				if b.IsNone() {
					break
				}
				bb, ok := bufferBytesOf(b)
				if !ok {
					return Null, t.raisef(OSErrorType, "read() should have returned a bytes object, not '%s'", typeName(b))
				}
				if len(bb) == 0 {
					break
				}
				out = append(out, bb...)
				if bb[len(bb)-1] == '\n' {
					break
				}
			}
			return ioBytesValue(out), nil
		}),
		m("readlines", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			hint, err := ioReadSize(t, args, 0)
			if err != nil {
				return Null, err
			}
			return t.ioReadLines(self, hint)
		}),
		m("writelines", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "writelines", args, kw); err != nil {
				return Null, err
			}
			if err := t.checkClosed(self); err != nil {
				return Null, err
			}
			it, err := Iter(t, args[0])
			if err != nil {
				return Null, err
			}
			for {
				x, err := Next(t, it)
				if err != nil {
					return Null, err
				}
				if x.IsNull() {
					return None, nil
				}
				if _, err := callMethodName(t, self, "write", x); err != nil {
					return Null, err
				}
			}
		}),
	)

	rt := ioRawIOBaseType
	defMethods(rt,
		m("read", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			n, err := ioReadSize(t, args, 0)
			if err != nil {
				return Null, err
			}
			if n < 0 {
				return callMethodName(t, self, "readall")
			}
			ba := &ByteArray{ObjectBase: ObjectBase{cls: ByteArrayType}, b: make([]byte, n)}
			r, err := callMethodName(t, self, "readinto", Value{o: ba})
			if err != nil || r.IsNone() {
				return r, err
			}
			k, err := AsSize(t, r, OverflowErrorType)
			if err != nil {
				return Null, err
			}
			if k < 0 || k > n {
				return Null, t.valueErrorf("readinto returned %d outside buffer size %d", k, n)
			}
			return ioBytesValue(append([]byte(nil), ba.b[:k]...)), nil
		}),
		m("readall", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var out []byte
			for {
				r, err := callMethodName(t, self, "read", Int(ioDefaultBufferSize))
				if err != nil {
					return Null, err
				}
				if r.IsNone() {
					if out == nil {
						return None, nil
					}
					break
				}
				b, ok := bufferBytesOf(r)
				if !ok {
					return Null, t.typeErrorf("read() should return bytes")
				}
				if len(b) == 0 {
					break
				}
				out = append(out, b...)
			}
			return ioBytesValue(out), nil
		}),
		m("readinto", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, NewException(NotImplementedErrorType)
		}),
		m("write", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, NewException(NotImplementedErrorType)
		}),
	)

	bb := ioBufferedBaseType
	defMethods(bb,
		m("read", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, ioUnsupported(t, "read")
		}),
		m("read1", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, ioUnsupported(t, "read1")
		}),
		m("write", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, ioUnsupported(t, "write")
		}),
		m("detach", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, ioUnsupported(t, "detach")
		}),
		m("readinto", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "readinto", args, kw); err != nil {
				return Null, err
			}
			ba, ok := args[0].o.(*ByteArray)
			if !ok {
				return Null, t.typeErrorf("readinto() argument must be read-write bytes-like object, not %s", typeName(args[0]))
			}
			r, err := callMethodName(t, self, "read", Int(int64(len(ba.b))))
			if err != nil {
				return Null, err
			}
			b, _ := bufferBytesOf(r)
			n := copy(ba.b, b)
			return Int(int64(n)), nil
		}),
	)

	tb := ioTextIOBaseType
	defMethods(tb,
		m("read", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, ioUnsupported(t, "read")
		}),
		m("readline", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, ioUnsupported(t, "readline")
		}),
		m("write", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, ioUnsupported(t, "write")
		}),
		m("detach", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, ioUnsupported(t, "detach")
		}),
	)
	for _, name := range []string{"encoding", "newlines", "errors"} {
		defGetSet(tb, name, func(t *Thread, self Value) (Value, error) { return None, nil }, nil)
	}
}

// ioReadLines is readlines(hint) over readline().
func (t *Thread) ioReadLines(self Value, hint int) (Value, error) {
	out := NewList()
	total := 0
	it, err := Iter(t, self)
	if err != nil {
		return Null, err
	}
	for {
		line, err := Next(t, it)
		if err != nil {
			return Null, err
		}
		if line.IsNull() {
			return Value{o: out}, nil
		}
		out.items = append(out.items, line)
		if hint > 0 {
			n, err := Len(t, line)
			if err != nil {
				return Null, err
			}
			total += n
			if total >= hint {
				return Value{o: out}, nil
			}
		}
	}
}

// FileIO.

type fileIO struct {
	ioBase
	f                  *os.File
	fd                 int
	name               Value
	readable, writable bool
	appending, created bool
	closefd            bool
	seekable           int // -1 unknown
}

var fileIOInitSpec = ArgSpec{Name: "FileIO", Params: []string{"file", "mode", "closefd", "opener"}, Required: 1}

func (f *fileIO) modeString() string {
	switch {
	case f.created:
		if f.readable {
			return "xb+"
		}
		return "xb"
	case f.appending:
		if f.readable {
			return "ab+"
		}
		return "ab"
	case f.readable && f.writable:
		return "rb+"
	case f.readable:
		return "rb"
	}
	return "wb"
}

func setupFileIO() {
	ft := ioFileIOType
	ft.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		f := &fileIO{ioBase: ioBase{ObjectBase: ObjectBase{cls: cls}}, fd: -1, seekable: -1, closefd: true}
		if cls.nslots > 0 {
			f.slots = make([]Value, cls.nslots)
		}
		return Value{o: f}, nil
	}
	ft.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		var a [4]Value
		if err := clinicArgs(t, &fileIOInitSpec, args, kw, a[:]); err != nil {
			return err
		}
		return t.fileIOInit(self.o.(*fileIO), a[0], a[1], a[2], a[3])
	}
	ft.Repr = func(t *Thread, v Value) (Value, error) {
		f := v.o.(*fileIO)
		name := ioTypeName(v.Type())
		if f.closed {
			return NewStrValue("<" + name + " [closed]>"), nil
		}
		if f.name.IsNull() {
			return NewStrValue(fmt.Sprintf("<%s fd=%d mode='%s' closefd=%s>", name, f.fd, f.modeString(), ioBoolStr(f.closefd))), nil
		}
		r, err := Repr(t, f.name)
		if err != nil {
			return Null, err
		}
		return NewStrValue(fmt.Sprintf("<%s name=%s mode='%s' closefd=%s>", name, r.s, f.modeString(), ioBoolStr(f.closefd))), nil
	}
	get := func(self Value) *fileIO { return self.o.(*fileIO) }
	open := func(t *Thread, f *fileIO) error {
		if f.closed {
			return ioClosedErr(t, true)
		}
		return nil
	}
	m := func(name string, fn func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error)) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return fn(t, get(self), args, kw)
		}}
	}
	defMethods(ft,
		m("read", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			if err := open(t, f); err != nil {
				return Null, err
			}
			if !f.readable {
				return Null, ioUnsupported(t, "File not open for reading")
			}
			n, err := ioReadSize(t, args, 0)
			if err != nil {
				return Null, err
			}
			if n < 0 {
				b, err := io.ReadAll(f.f)
				if err != nil {
					return Null, t.osError(err, "")
				}
				return ioBytesValue(b), nil
			}
			buf := make([]byte, n)
			k, err := io.ReadFull(f.f, buf)
			if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
				return Null, t.osError(err, "")
			}
			return ioBytesValue(buf[:k]), nil
		}),
		m("readall", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			if err := open(t, f); err != nil {
				return Null, err
			}
			b, err := io.ReadAll(f.f)
			if err != nil {
				return Null, t.osError(err, "")
			}
			return ioBytesValue(b), nil
		}),
		m("readinto", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "readinto", args, kw); err != nil {
				return Null, err
			}
			if err := open(t, f); err != nil {
				return Null, err
			}
			ba, ok := args[0].o.(*ByteArray)
			if !ok {
				return Null, t.typeErrorf("readinto() argument must be read-write bytes-like object, not %s", typeName(args[0]))
			}
			k, err := io.ReadFull(f.f, ba.b)
			if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
				return Null, t.osError(err, "")
			}
			return Int(int64(k)), nil
		}),
		m("write", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "write", args, kw); err != nil {
				return Null, err
			}
			if err := open(t, f); err != nil {
				return Null, err
			}
			if !f.writable {
				return Null, ioUnsupported(t, "File not open for writing")
			}
			b, err := ioBytesArg(t, args[0])
			if err != nil {
				return Null, err
			}
			k, err := f.write(t, b)
			return Int(int64(k)), err
		}),
		m("seek", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "seek", args, kw, 1, 2); err != nil {
				return Null, err
			}
			if err := open(t, f); err != nil {
				return Null, err
			}
			if args[0].IsFloat() {
				return Null, t.typeErrorf("an integer is required")
			}
			off, err := AsSize(t, args[0], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			whence := 0
			if len(args) == 2 {
				if whence, err = AsSize(t, args[1], OverflowErrorType); err != nil {
					return Null, err
				}
			}
			r, err := f.f.Seek(int64(off), whence)
			if err != nil {
				return Null, t.osError(err, "")
			}
			return Int(r), nil
		}),
		m("tell", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			if err := open(t, f); err != nil {
				return Null, err
			}
			r, err := f.f.Seek(0, 1)
			if err != nil {
				return Null, t.osError(err, "")
			}
			return Int(r), nil
		}),
		m("truncate", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			if err := open(t, f); err != nil {
				return Null, err
			}
			if !f.writable {
				return Null, ioUnsupported(t, "File not open for writing")
			}
			pos, err := f.f.Seek(0, 1)
			if err != nil {
				return Null, t.osError(err, "")
			}
			if len(args) > 0 && !args[0].IsNone() {
				n, err := AsSize(t, args[0], OverflowErrorType)
				if err != nil {
					return Null, err
				}
				pos = int64(n)
			}
			if err := f.f.Truncate(pos); err != nil {
				return Null, t.osError(err, "")
			}
			return Int(pos), nil
		}),
		m("close", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			if f.closed {
				return None, nil
			}
			f.closed = true
			if f.closefd && f.f != nil && f.fd > 2 {
				delete(t.fds().files, f.fd)
				if err := f.f.Close(); err != nil {
					return Null, t.osError(err, "")
				}
			}
			return None, nil
		}),
		m("fileno", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			if err := open(t, f); err != nil {
				return Null, err
			}
			return Int(int64(f.fd)), nil
		}),
		m("isatty", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			return False, open(t, f)
		}),
		m("readable", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			return Bool(f.readable), open(t, f)
		}),
		m("writable", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			return Bool(f.writable), open(t, f)
		}),
		m("seekable", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			if err := open(t, f); err != nil {
				return Null, err
			}
			if f.seekable < 0 {
				if _, err := f.f.Seek(0, 1); err != nil {
					f.seekable = 0
				} else {
					f.seekable = 1
				}
			}
			return Bool(f.seekable == 1), nil
		}),
		m("flush", func(t *Thread, f *fileIO, args []Value, kw []*Str) (Value, error) {
			return None, open(t, f)
		}),
	)
	defGetSet(ft, "closed", func(t *Thread, self Value) (Value, error) { return Bool(get(self).closed), nil }, nil)
	defGetSet(ft, "closefd", func(t *Thread, self Value) (Value, error) { return Bool(get(self).closefd), nil }, nil)
	defGetSet(ft, "mode", func(t *Thread, self Value) (Value, error) { return NewStrValue(get(self).modeString()), nil }, nil)
	defGetSet(ft, "_blksize", func(t *Thread, self Value) (Value, error) { return Int(4096), nil }, nil)
	defGetSet(ft, "name", func(t *Thread, self Value) (Value, error) {
		f := get(self)
		if f.name.IsNull() {
			return Int(int64(f.fd)), nil
		}
		return f.name, nil
	}, func(t *Thread, self, v Value) error {
		get(self).name = v
		return nil
	})
}

func ioBoolStr(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// ioTypeName is "_io.FileIO" for the builtin types and the class's
// name for subclasses (as CPython's reprs use Py_TYPE's tp_name).
func ioTypeName(tp *Type) string {
	if tp.HasFlag(FlagHeapType) {
		return tp.ModuleName() + "." + tp.QualName
	}
	return tp.Name
}

func (f *fileIO) write(t *Thread, b []byte) (int, error) {
	if f.fd == 1 || f.fd == 2 {
		if err := t.interp.stdout.flush(t); err != nil {
			return 0, err
		}
		if f.fd == 1 {
			return len(b), t.writeRawStdout(b)
		}
		return len(b), t.writeStderr(string(b))
	}
	k, err := f.f.Write(b)
	if err != nil {
		return k, t.osError(err, "")
	}
	return k, nil
}

// fileIOInit opens the file of a FileIO (fileio_init).
func (t *Thread) fileIOInit(f *fileIO, file, modeV, closefdV, opener Value) error {
	mode := "r"
	if !modeV.IsNull() {
		s, ok := modeV.o.(*Str)
		if !ok {
			return t.typeErrorf("FileIO() argument 'mode' must be str, not %s", typeName(modeV))
		}
		mode = s.s
	}
	closefd := true
	if !closefdV.IsNull() {
		b, err := Truth(t, closefdV)
		if err != nil {
			return err
		}
		closefd = b
	}
	flags := 0
	rwa, plus := false, false
	for _, c := range mode {
		switch c {
		case 'x':
			if rwa {
				return t.valueErrorf("Must have exactly one of create/read/write/append mode and at most one plus")
			}
			rwa, f.created, f.writable = true, true, true
			flags |= syscall.O_EXCL | syscall.O_CREAT
		case 'r':
			if rwa {
				return t.valueErrorf("Must have exactly one of create/read/write/append mode and at most one plus")
			}
			rwa, f.readable = true, true
		case 'w':
			if rwa {
				return t.valueErrorf("Must have exactly one of create/read/write/append mode and at most one plus")
			}
			rwa, f.writable = true, true
			flags |= syscall.O_CREAT | syscall.O_TRUNC
		case 'a':
			if rwa {
				return t.valueErrorf("Must have exactly one of create/read/write/append mode and at most one plus")
			}
			rwa, f.writable, f.appending = true, true, true
			flags |= syscall.O_APPEND | syscall.O_CREAT
		case 'b':
		case '+':
			if plus {
				return t.valueErrorf("Must have exactly one of create/read/write/append mode and at most one plus")
			}
			f.readable, f.writable, plus = true, true, true
		default:
			return t.valueErrorf("invalid mode: %s", mode)
		}
	}
	if !rwa {
		return t.valueErrorf("Must have exactly one of create/read/write/append mode and at most one plus")
	}
	switch {
	case f.readable && f.writable:
		flags |= syscall.O_RDWR
	case f.readable:
		flags |= syscall.O_RDONLY
	default:
		flags |= syscall.O_WRONLY
	}
	f.closefd = closefd
	if file.IsFloat() {
		return t.typeErrorf("integer argument expected, got float")
	}
	if file.IsIntLike() {
		fd, err := AsSize(t, file, OverflowErrorType)
		if err != nil {
			return err
		}
		if fd < 0 {
			return t.valueErrorf("negative file descriptor")
		}
		gf, err := t.fileOf(fd)
		if err != nil {
			return err
		}
		f.f, f.fd = gf, fd
		return nil
	}
	if !closefd {
		return t.valueErrorf("Cannot use closefd=False with file name")
	}
	p, err := t.pathOf("FileIO", "file", file, false, false)
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(TypeErrorType) {
			return t.typeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(file))
		}
		return err
	}
	f.name = file
	if !opener.IsNull() && !opener.IsNone() {
		r, err := t.Call(opener, []Value{file, Int(int64(flags | syscall.O_CLOEXEC))}, nil)
		if err != nil {
			return err
		}
		fd, err := AsSize(t, r, OverflowErrorType)
		if err != nil {
			return err
		}
		if fd < 0 {
			return t.valueErrorf("opener returned %d", fd)
		}
		gf, err := t.fileOf(fd)
		if err != nil {
			return err
		}
		f.f, f.fd = gf, fd
		return nil
	}
	fd, err := t.openFD(p.path, flags, 0o666)
	if err != nil {
		return err
	}
	gf := t.fds().files[fd]
	if st, err := gf.Stat(); err == nil && st.IsDir() {
		gf.Close()
		delete(t.fds().files, fd)
		return t.osError(syscall.EISDIR, p.path)
	}
	f.f, f.fd = gf, fd
	if f.appending {
		gf.Seek(0, 2)
	}
	return nil
}

// BytesIO.

type bytesIO struct {
	ioBase
	buf   []byte
	pos   int
	views viewTracker // the views of getbuffer (bufexport.go)
}

func setupBytesIO() {
	bt := ioBytesIOType
	bt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		b := &bytesIO{ioBase: ioBase{ObjectBase: ObjectBase{cls: cls}}}
		if cls.nslots > 0 {
			b.slots = make([]Value, cls.nslots)
		}
		return Value{o: b}, nil
	}
	initSpec := ArgSpec{Name: "BytesIO", Params: []string{"initial_bytes"}}
	bt.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		var a [1]Value
		if err := clinicArgs(t, &initSpec, args, kw, a[:]); err != nil {
			return err
		}
		b := self.o.(*bytesIO)
		// CPython empties the object before it checks the exports.
		b.buf, b.pos = b.buf[:0], 0
		if err := b.resizable(t); err != nil {
			return err
		}
		b.buf = nil
		if !a[0].IsNull() && !a[0].IsNone() {
			data, err := ioBytesArg(t, a[0])
			if err != nil {
				return err
			}
			b.buf = append([]byte(nil), data...)
		}
		return nil
	}
	get := func(self Value) *bytesIO { return self.o.(*bytesIO) }
	m := func(name string, fn func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error)) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			b := get(self)
			if b.closed && name != "close" {
				return Null, ioClosedErr(t, true)
			}
			return fn(t, b, args, kw)
		}}
	}
	read := func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) {
		n, err := ioReadSize(t, args, 0)
		if err != nil {
			return Null, err
		}
		if b.pos >= len(b.buf) {
			return ioBytesValue(nil), nil
		}
		end := len(b.buf)
		if n >= 0 && b.pos+n < end {
			end = b.pos + n
		}
		r := append([]byte(nil), b.buf[b.pos:end]...)
		b.pos = end
		return ioBytesValue(r), nil
	}
	readline := func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) {
		n, err := ioReadSize(t, args, 0)
		if err != nil {
			return Null, err
		}
		if b.pos >= len(b.buf) {
			return ioBytesValue(nil), nil
		}
		rest := b.buf[b.pos:]
		end := len(rest)
		if i := strings.IndexByte(string(rest), '\n'); i >= 0 {
			end = i + 1
		}
		if n >= 0 && n < end {
			end = n
		}
		r := append([]byte(nil), rest[:end]...)
		b.pos += end
		return ioBytesValue(r), nil
	}
	defMethods(bt,
		m("getvalue", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) {
			return ioBytesValue(append([]byte(nil), b.buf...)), nil
		}),
		m("read", read),
		m("read1", read),
		m("readline", readline),
		m("readlines", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) {
			hint, err := ioReadSize(t, args, 0)
			if err != nil {
				return Null, err
			}
			out := NewList()
			total := 0
			for b.pos < len(b.buf) {
				l, _ := readline(t, b, nil, nil)
				out.items = append(out.items, l)
				total += len(l.o.(*Bytes).b)
				if hint > 0 && total >= hint {
					break
				}
			}
			return Value{o: out}, nil
		}),
		m("readinto", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "readinto", args, kw); err != nil {
				return Null, err
			}
			ba, ok := args[0].o.(*ByteArray)
			if !ok {
				return Null, t.typeErrorf("readinto() argument must be read-write bytes-like object, not %s", typeName(args[0]))
			}
			n := 0
			if b.pos < len(b.buf) {
				n = copy(ba.b, b.buf[b.pos:])
			}
			b.pos += n
			return Int(int64(n)), nil
		}),
		m("write", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "write", args, kw); err != nil {
				return Null, err
			}
			if err := b.resizable(t); err != nil {
				return Null, err
			}
			data, err := ioBytesArg(t, args[0])
			if err != nil {
				return Null, err
			}
			b.write(data)
			return Int(int64(len(data))), nil
		}),
		m("writelines", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "writelines", args, kw); err != nil {
				return Null, err
			}
			if err := b.resizable(t); err != nil {
				return Null, err
			}
			items, err := t.collectIterable(args[0], nil)
			if err != nil {
				return Null, err
			}
			for _, it := range items {
				data, err := ioBytesArg(t, it)
				if err != nil {
					return Null, err
				}
				b.write(data)
			}
			return None, nil
		}),
		m("seek", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "seek", args, kw, 1, 2); err != nil {
				return Null, err
			}
			pos, err := AsSize(t, args[0], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			whence := 0
			if len(args) == 2 {
				if whence, err = AsSize(t, args[1], OverflowErrorType); err != nil {
					return Null, err
				}
			}
			switch whence {
			case 0:
				if pos < 0 {
					return Null, t.valueErrorf("negative seek value %d", pos)
				}
			case 1:
				pos = max(b.pos+pos, 0)
			case 2:
				pos = max(len(b.buf)+pos, 0)
			default:
				return Null, t.valueErrorf("invalid whence (%d, should be 0, 1 or 2)", whence)
			}
			b.pos = pos
			return Int(int64(pos)), nil
		}),
		m("tell", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) {
			return Int(int64(b.pos)), nil
		}),
		m("truncate", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) {
			if err := b.resizable(t); err != nil {
				return Null, err
			}
			size := b.pos
			if len(args) > 0 && !args[0].IsNone() {
				n, err := AsSize(t, args[0], OverflowErrorType)
				if err != nil {
					return Null, err
				}
				if n < 0 {
					return Null, t.valueErrorf("negative size value %d", n)
				}
				size = n
			}
			if size < len(b.buf) {
				b.buf = b.buf[:size]
			}
			return Int(int64(size)), nil
		}),
		m("close", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) {
			if err := b.resizable(t); err != nil {
				return Null, err
			}
			b.closed = true
			b.buf = nil
			return None, nil
		}),
		m("flush", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) { return None, nil }),
		m("isatty", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) { return False, nil }),
		m("readable", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) { return True, nil }),
		m("writable", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) { return True, nil }),
		m("seekable", func(t *Thread, b *bytesIO, args []Value, kw []*Str) (Value, error) { return True, nil }),
	)
	defGetSet(bt, "closed", func(t *Thread, self Value) (Value, error) { return Bool(get(self).closed), nil }, nil)
	bt.Next = func(t *Thread, v Value) (Value, error) {
		b := get(v)
		if b.closed {
			return Null, ioClosedErr(t, true)
		}
		if b.pos >= len(b.buf) {
			return Null, nil
		}
		return readline(t, b, nil, nil)
	}
}

func (b *bytesIO) write(data []byte) {
	if b.pos > len(b.buf) {
		b.buf = append(b.buf, make([]byte, b.pos-len(b.buf))...)
	}
	n := copy(b.buf[b.pos:], data)
	b.buf = append(b.buf, data[n:]...)
	b.pos += len(data)
}

// StringIO.

type stringIO struct {
	ioBase
	buf []rune
	pos int
	// readNL and writeNL are the newline settings: readUniversal
	// translates \r and \r\n to \n on reading (newline None), readNL is
	// "" for untranslated universal splitting, otherwise the terminator.
	newline   Value
	universal bool
	translate bool
	writeNL   string
	seenNL    int // bit set of the newlines read: 1 \r, 2 \n, 4 \r\n
}

func setupStringIO() {
	st := ioStringIOType
	st.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		s := &stringIO{ioBase: ioBase{ObjectBase: ObjectBase{cls: cls}}}
		if cls.nslots > 0 {
			s.slots = make([]Value, cls.nslots)
		}
		return Value{o: s}, nil
	}
	initSpec := ArgSpec{Name: "StringIO", Params: []string{"initial_value", "newline"}}
	st.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		var a [2]Value
		if err := clinicArgs(t, &initSpec, args, kw, a[:]); err != nil {
			return err
		}
		s := self.o.(*stringIO)
		nl := Value(NewStrValue("\n"))
		if !a[1].IsNull() {
			nl = a[1]
		}
		if !nl.IsNone() {
			ns, ok := nl.o.(*Str)
			if !ok {
				return t.typeErrorf("newline must be str or None, not %s", typeName(nl))
			}
			switch ns.s {
			case "", "\n", "\r", "\r\n":
			default:
				return t.valueErrorf("illegal newline value: %s", reprString(ns.s))
			}
		}
		if !a[0].IsNull() && !a[0].IsNone() {
			if _, ok := a[0].o.(*Str); !ok {
				return t.typeErrorf("initial_value must be str or None, not %s", typeName(a[0]))
			}
		}
		s.newline = nl
		s.universal = nl.IsNone() || nl.o.(*Str).s == ""
		s.translate = nl.IsNone()
		s.writeNL = ""
		if !nl.IsNone() {
			s.writeNL = nl.o.(*Str).s
			if s.writeNL == "\n" {
				s.writeNL = ""
			}
		}
		s.buf, s.pos, s.seenNL = nil, 0, 0
		if !a[0].IsNull() && !a[0].IsNone() {
			s.write(a[0].o.(*Str).s)
			s.pos = 0
		}
		return nil
	}
	get := func(self Value) *stringIO { return self.o.(*stringIO) }
	m := func(name string, fn func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error)) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			s := get(self)
			if s.closed && name != "close" {
				return Null, ioClosedErr(t, false)
			}
			return fn(t, s, args, kw)
		}}
	}
	readline := func(t *Thread, s *stringIO, limit int) Value {
		if s.pos >= len(s.buf) {
			return NewStrValue("")
		}
		rest := s.buf[s.pos:]
		end := len(rest)
		for i, r := range rest {
			if s.universal && !s.translate {
				if r == '\n' {
					end = i + 1
					break
				}
				if r == '\r' {
					if i+1 < len(rest) && rest[i+1] == '\n' {
						end = i + 2
					} else {
						end = i + 1
					}
					break
				}
				continue
			}
			term := '\n'
			if !s.universal && s.writeNL == "\r" {
				term = '\r'
			}
			if !s.universal && s.writeNL == "\r\n" {
				if r == '\r' && i+1 < len(rest) && rest[i+1] == '\n' {
					end = i + 2
					break
				}
				continue
			}
			if r == term {
				end = i + 1
				break
			}
		}
		if limit >= 0 && limit < end {
			end = limit
		}
		s.pos += end
		return NewStrValue(string(rest[:end]))
	}
	defMethods(st,
		m("getvalue", func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error) {
			return NewStrValue(string(s.buf)), nil
		}),
		m("read", func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error) {
			n, err := ioReadSize(t, args, 0)
			if err != nil {
				return Null, err
			}
			if s.pos >= len(s.buf) {
				return NewStrValue(""), nil
			}
			end := len(s.buf)
			if n >= 0 && s.pos+n < end {
				end = s.pos + n
			}
			r := string(s.buf[s.pos:end])
			s.pos = end
			return NewStrValue(r), nil
		}),
		m("readline", func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error) {
			n, err := ioReadSize(t, args, 0)
			if err != nil {
				return Null, err
			}
			return readline(t, s, n), nil
		}),
		m("write", func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "write", args, kw); err != nil {
				return Null, err
			}
			str, ok := args[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("string argument expected, got '%s'", typeName(args[0]))
			}
			s.write(str.s)
			return Int(int64(str.n)), nil
		}),
		m("seek", func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "seek", args, kw, 1, 2); err != nil {
				return Null, err
			}
			pos, err := AsSize(t, args[0], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			whence := 0
			if len(args) == 2 {
				if whence, err = AsSize(t, args[1], OverflowErrorType); err != nil {
					return Null, err
				}
			}
			switch whence {
			case 0:
				if pos < 0 {
					return Null, t.valueErrorf("Negative seek position %d", pos)
				}
			case 1, 2:
				if pos != 0 {
					return Null, t.raise(OSErrorType, "Can't do nonzero cur-relative seeks")
				}
				if whence == 1 {
					pos = s.pos
				} else {
					pos = len(s.buf)
				}
			default:
				return Null, t.valueErrorf("Invalid whence (%d, should be 0, 1 or 2)", whence)
			}
			s.pos = pos
			return Int(int64(pos)), nil
		}),
		m("tell", func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error) {
			return Int(int64(s.pos)), nil
		}),
		m("truncate", func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error) {
			size := s.pos
			if len(args) > 0 && !args[0].IsNone() {
				n, err := AsSize(t, args[0], OverflowErrorType)
				if err != nil {
					return Null, err
				}
				if n < 0 {
					return Null, t.valueErrorf("Negative size value %d", n)
				}
				size = n
			}
			if size < len(s.buf) {
				s.buf = s.buf[:size]
			}
			return Int(int64(size)), nil
		}),
		m("close", func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error) {
			s.closed = true
			s.buf = nil
			return None, nil
		}),
		m("flush", func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error) { return None, nil }),
		m("isatty", func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error) { return False, nil }),
		m("readable", func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error) { return True, nil }),
		m("writable", func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error) { return True, nil }),
		m("seekable", func(t *Thread, s *stringIO, args []Value, kw []*Str) (Value, error) { return True, nil }),
	)
	defGetSet(st, "closed", func(t *Thread, self Value) (Value, error) { return Bool(get(self).closed), nil }, nil)
	defGetSet(st, "line_buffering", func(t *Thread, self Value) (Value, error) {
		if get(self).closed {
			return Null, ioClosedErr(t, false)
		}
		return False, nil
	}, nil)
	defGetSet(st, "newlines", func(t *Thread, self Value) (Value, error) {
		s := get(self)
		if s.closed {
			return Null, ioClosedErr(t, false)
		}
		return ioNewlines(s.seenNL, s.translate), nil
	}, nil)
	st.Next = func(t *Thread, v Value) (Value, error) {
		s := get(v)
		if s.closed {
			return Null, ioClosedErr(t, false)
		}
		if v.Type() != ioStringIOType {
			return ioIOBaseType.Next(t, v)
		}
		line := readline(t, s, -1)
		if line.o.(*Str).n == 0 {
			return Null, nil
		}
		return line, nil
	}
}

// ioNewlines is the newlines attribute of a text stream: None, one
// kind, or a tuple of the kinds seen.
func ioNewlines(seen int, translate bool) Value {
	if !translate {
		return None
	}
	var kinds []Value
	for _, k := range []struct {
		bit int
		s   string
	}{{1, "\r"}, {2, "\n"}, {4, "\r\n"}} {
		if seen&k.bit != 0 {
			kinds = append(kinds, NewStrValue(k.s))
		}
	}
	switch len(kinds) {
	case 0:
		return None
	case 1:
		return kinds[0]
	}
	return Value{o: NewTuple(kinds...)}
}

// write puts text at the position, translating newlines as configured.
func (s *stringIO) write(text string) {
	if s.translate {
		if strings.ContainsRune(text, '\r') {
			for i := 0; i < len(text); i++ {
				if text[i] == '\r' {
					if i+1 < len(text) && text[i+1] == '\n' {
						s.seenNL |= 4
						i++
					} else {
						s.seenNL |= 1
					}
				} else if text[i] == '\n' {
					s.seenNL |= 2
				}
			}
			text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
		} else if strings.ContainsRune(text, '\n') {
			s.seenNL |= 2
		}
	} else if s.writeNL != "" {
		text = strings.ReplaceAll(text, "\n", s.writeNL)
	}
	rs := []rune(text)
	if s.pos > len(s.buf) {
		s.buf = append(s.buf, make([]rune, s.pos-len(s.buf))...)
	}
	if s.pos == len(s.buf) {
		s.buf = append(s.buf, rs...)
	} else {
		n := copy(s.buf[s.pos:], rs)
		s.buf = append(s.buf, rs[n:]...)
	}
	s.pos += len(rs)
}

// Buffered streams. The buffering itself is left to the raw stream (a
// FileIO writes through Go's *os.File); what matters for output is the
// order of writes, which stays CPython's because every write goes
// through in order and flush is a no-op beyond the raw stream's.

type buffered struct {
	ioBase
	raw      Value
	writer   Value // BufferedRWPair's writer
	readable bool
	writable bool
	detached bool
	rbuf     []byte // read-ahead for peek and readline
}

func setupBuffered() {
	for _, bt := range []*Type{ioBufReaderType, ioBufWriterType, ioBufRandomType, ioBufRWPairType} {
		bt := bt
		name := shortName(bt)
		bt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
			b := &buffered{ioBase: ioBase{ObjectBase: ObjectBase{cls: cls}}}
			if cls.nslots > 0 {
				b.slots = make([]Value, cls.nslots)
			}
			return Value{o: b}, nil
		}
		spec := ArgSpec{Name: name, Params: []string{"raw", "buffer_size"}, Required: 1}
		if bt == ioBufRWPairType {
			spec = ArgSpec{Name: name, Params: []string{"reader", "writer", "buffer_size"}, Required: 2, PosOnly: 3}
		}
		bt.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
			a := make([]Value, len(spec.Params))
			if err := clinicArgs(t, &spec, args, kw, a); err != nil {
				return err
			}
			b := self.o.(*buffered)
			b.raw = a[0]
			b.detached = false
			switch bt {
			case ioBufReaderType:
				b.readable = true
			case ioBufWriterType:
				b.writable = true
			case ioBufRandomType:
				b.readable, b.writable = true, true
			case ioBufRWPairType:
				b.writer = a[1]
				b.readable, b.writable = true, true
			}
			if bt != ioBufRWPairType {
				if b.readable {
					if ok, err := t.callBool(b.raw, "readable"); err != nil {
						return err
					} else if !ok {
						return ioUnsupported(t, "File or stream is not readable.")
					}
				}
				if b.writable {
					if ok, err := t.callBool(b.raw, "writable"); err != nil {
						return err
					} else if !ok {
						return ioUnsupported(t, "File or stream is not writable.")
					}
				}
			}
			return nil
		}
		bt.Repr = func(t *Thread, v Value) (Value, error) {
			b := v.o.(*buffered)
			tn := ioTypeName(v.Type())
			if b.detached {
				return NewStrValue("<" + tn + ">"), nil
			}
			n, err := getAttrOpt(t, b.raw, Intern("name"))
			if err != nil {
				if e := asException(err); e != nil && e.cls.IsSubtype(ValueErrorType) {
					return NewStrValue("<" + tn + ">"), nil
				}
				return Null, err
			}
			if n.IsNull() {
				return NewStrValue("<" + tn + ">"), nil
			}
			r, err := Repr(t, n)
			if err != nil {
				return Null, err
			}
			return NewStrValue("<" + tn + " name=" + r.s + ">"), nil
		}
		get := func(t *Thread, self Value) (*buffered, error) {
			b := self.o.(*buffered)
			if b.detached {
				return nil, t.valueErrorf("raw stream has been detached")
			}
			return b, nil
		}
		m := func(name string, fn func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error)) MethodDef {
			return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				b, err := get(t, self)
				if err != nil {
					return Null, err
				}
				return fn(t, self, b, args, kw)
			}}
		}
		forward := func(name string) MethodDef {
			return m(name, func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				return callMethodName(t, b.raw, name, args...)
			})
		}
		checkOpen := func(t *Thread, b *buffered, what string) error {
			c, err := t.isClosed(b.raw)
			if err != nil {
				return err
			}
			if c {
				if what != "" {
					return t.valueErrorf("%s of closed file", what)
				}
				return ioClosedErr(t, true)
			}
			return nil
		}
		defMethods(bt,
			m("read", func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				if !b.readable {
					return Null, ioUnsupported(t, "read")
				}
				n, err := ioReadSize(t, args, 0)
				if err != nil {
					return Null, err
				}
				if n < -1 {
					return Null, t.valueErrorf("read length must be non-negative or -1")
				}
				if err := checkOpen(t, b, "read"); err != nil {
					return Null, err
				}
				return b.read(t, n)
			}),
			m("read1", func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				n, err := ioReadSize(t, args, 0)
				if err != nil {
					return Null, err
				}
				if err := checkOpen(t, b, "read of"); err != nil {
					return Null, err
				}
				if n < 0 {
					n = ioDefaultBufferSize
				}
				return b.read(t, n)
			}),
			m("peek", func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				if err := checkOpen(t, b, "peek"); err != nil {
					return Null, err
				}
				if len(b.rbuf) == 0 {
					r, err := callMethodName(t, b.raw, "read", Int(ioDefaultBufferSize))
					if err != nil {
						return Null, err
					}
					data, _ := bufferBytesOf(r)
					b.rbuf = append(b.rbuf, data...)
				}
				return ioBytesValue(append([]byte(nil), b.rbuf...)), nil
			}),
			m("readline", func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				limit, err := ioReadSize(t, args, 0)
				if err != nil {
					return Null, err
				}
				if err := checkOpen(t, b, "readline"); err != nil {
					return Null, err
				}
				return b.readline(t, limit)
			}),
			m("write", func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				if err := oneArg(t, "write", args, kw); err != nil {
					return Null, err
				}
				if !b.writable {
					return Null, ioUnsupported(t, "write")
				}
				if err := checkOpen(t, b, "write to"); err != nil {
					return Null, err
				}
				data, err := ioBytesArg(t, args[0])
				if err != nil {
					return Null, err
				}
				if err := b.unread(t); err != nil {
					return Null, err
				}
				dst := b.raw
				if !b.writer.IsNull() {
					dst = b.writer
				}
				if f, ok := dst.o.(*fileIO); ok && dst.Type() == ioFileIOType {
					if !f.writable {
						return Null, ioUnsupported(t, "File not open for writing")
					}
					if _, err := f.write(t, data); err != nil {
						return Null, err
					}
					return Int(int64(len(data))), nil
				}
				if _, err := callMethodName(t, dst, "write", ioBytesValue(append([]byte(nil), data...))); err != nil {
					return Null, err
				}
				return Int(int64(len(data))), nil
			}),
			m("flush", func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				if err := checkOpen(t, b, "flush of"); err != nil {
					return Null, err
				}
				return None, nil
			}),
			m("seek", func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				if err := checkPositional(t, "seek", args, kw, 1, 2); err != nil {
					return Null, err
				}
				if err := checkOpen(t, b, ""); err != nil {
					return Null, err
				}
				if len(args) == 2 && args[1].IsSmallInt() && args[1].SmallInt() == 1 {
					// Relative to the logical position, before read-ahead.
					off, err := AsSize(t, args[0], OverflowErrorType)
					if err != nil {
						return Null, err
					}
					args = []Value{Int(int64(off - len(b.rbuf))), args[1]}
				}
				b.rbuf = nil
				return callMethodName(t, b.raw, "seek", args...)
			}),
			m("tell", func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				r, err := callMethodName(t, b.raw, "tell")
				if err != nil {
					return Null, err
				}
				n, err := AsSize(t, r, OverflowErrorType)
				if err != nil {
					return Null, err
				}
				return Int(int64(max(n-len(b.rbuf), 0))), nil
			}),
			m("truncate", func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				if err := b.unread(t); err != nil {
					return Null, err
				}
				return callMethodName(t, b.raw, "truncate", args...)
			}),
			m("close", func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				c, err := t.isClosed(b.raw)
				if err != nil || c {
					return None, err
				}
				if !b.writer.IsNull() {
					if _, err := callMethodName(t, b.writer, "close"); err != nil {
						return Null, err
					}
				}
				return callMethodName(t, b.raw, "close")
			}),
			m("detach", func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				if err := b.unread(t); err != nil {
					return Null, err
				}
				b.detached = true
				return b.raw, nil
			}),
			forward("fileno"),
			forward("isatty"),
			m("readable", func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				if !b.readable {
					return False, nil
				}
				return callMethodName(t, b.raw, "readable")
			}),
			m("writable", func(t *Thread, self Value, b *buffered, args []Value, kw []*Str) (Value, error) {
				if !b.writable {
					return False, nil
				}
				if !b.writer.IsNull() {
					return callMethodName(t, b.writer, "writable")
				}
				return callMethodName(t, b.raw, "writable")
			}),
			forward("seekable"),
		)
		defGetSet(bt, "raw", func(t *Thread, self Value) (Value, error) {
			b, err := get(t, self)
			if err != nil {
				return Null, err
			}
			return b.raw, nil
		}, nil)
		defGetSet(bt, "closed", func(t *Thread, self Value) (Value, error) {
			b, err := get(t, self)
			if err != nil {
				return Null, err
			}
			return GetAttrString(t, b.raw, "closed")
		}, nil)
		for _, attr := range []string{"name", "mode"} {
			attr := attr
			defGetSet(bt, attr, func(t *Thread, self Value) (Value, error) {
				b, err := get(t, self)
				if err != nil {
					return Null, err
				}
				return GetAttrString(t, b.raw, attr)
			}, nil)
		}
	}
}

// read reads n bytes (all when n is -1) through the read-ahead.
func (b *buffered) read(t *Thread, n int) (Value, error) {
	if n >= 0 && n <= len(b.rbuf) {
		r := append([]byte(nil), b.rbuf[:n]...)
		b.rbuf = b.rbuf[n:]
		return ioBytesValue(r), nil
	}
	out := append([]byte(nil), b.rbuf...)
	b.rbuf = nil
	if f, ok := b.raw.o.(*fileIO); ok && b.raw.Type() == ioFileIOType {
		if !f.readable {
			return Null, ioUnsupported(t, "File not open for reading")
		}
		if n < 0 {
			rest, err := io.ReadAll(f.f)
			if err != nil {
				return Null, t.osError(err, "")
			}
			return ioBytesValue(append(out, rest...)), nil
		}
		buf := make([]byte, n-len(out))
		k, err := io.ReadFull(f.f, buf)
		if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
			return Null, t.osError(err, "")
		}
		return ioBytesValue(append(out, buf[:k]...)), nil
	}
	var r Value
	var err error
	if n < 0 {
		r, err = callMethodName(t, b.raw, "read")
	} else {
		r, err = callMethodName(t, b.raw, "read", Int(int64(n-len(out))))
	}
	if err != nil {
		return Null, err
	}
	if r.IsNone() {
		if len(out) == 0 {
			return None, nil
		}
		return ioBytesValue(out), nil
	}
	data, ok := bufferBytesOf(r)
	if !ok {
		return Null, t.typeErrorf("read() should return bytes")
	}
	return ioBytesValue(append(out, data...)), nil
}

// readline reads up to and including a newline.
func (b *buffered) readline(t *Thread, limit int) (Value, error) {
	var out []byte
	for limit < 0 || len(out) < limit {
		if len(b.rbuf) == 0 {
			r, err := b.read(t, ioDefaultBufferSize)
			if err != nil {
				return Null, err
			}
			data, _ := bufferBytesOf(r)
			if len(data) == 0 {
				break
			}
			b.rbuf = data
		}
		i := strings.IndexByte(string(b.rbuf), '\n')
		take := len(b.rbuf)
		if i >= 0 {
			take = i + 1
		}
		if limit >= 0 && len(out)+take > limit {
			take = limit - len(out)
		}
		out = append(out, b.rbuf[:take]...)
		b.rbuf = b.rbuf[take:]
		if len(out) > 0 && out[len(out)-1] == '\n' {
			break
		}
	}
	return ioBytesValue(out), nil
}

// unread moves the raw stream back over the read-ahead before a write,
// seek or truncate.
func (b *buffered) unread(t *Thread) error {
	if len(b.rbuf) == 0 {
		return nil
	}
	n := len(b.rbuf)
	b.rbuf = nil
	_, err := callMethodName(t, b.raw, "seek", Int(int64(-n)), Int(1))
	return err
}

// TextIOWrapper.

type textIO struct {
	ioBase
	buffer        Value
	encoding      string
	errors        string
	newline       Value
	universal     bool
	translate     bool
	writeNL       string
	lineBuffering bool
	writeThrough  bool
	detached      bool
	pending       []byte // bytes read but not yet decoded (an incomplete character)
	decoded       []rune // decoded text not yet returned
	seenNL        int
	sawCR         bool // the last decoded chunk ended in \r (universal mode)
	eof           bool
}

var textIOInitSpec = ArgSpec{Name: "TextIOWrapper", Params: []string{"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"}, Required: 1}

func setupTextWrapper() {
	tt := ioTextWrapperType
	tt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		x := &textIO{ioBase: ioBase{ObjectBase: ObjectBase{cls: cls}}}
		if cls.nslots > 0 {
			x.slots = make([]Value, cls.nslots)
		}
		return Value{o: x}, nil
	}
	tt.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		var a [6]Value
		if err := clinicArgs(t, &textIOInitSpec, args, kw, a[:]); err != nil {
			return err
		}
		x := self.o.(*textIO)
		x.buffer = a[0]
		x.encoding = "utf-8"
		if !a[1].IsNull() && !a[1].IsNone() {
			s, ok := a[1].o.(*Str)
			if !ok {
				return t.typeErrorf("TextIOWrapper() argument 'encoding' must be str or None, not %s", typeName(a[1]))
			}
			x.encoding = s.s
		} else {
			x.encoding = "UTF-8"
		}
		if x.encoding == "locale" {
			x.encoding = "UTF-8"
		}
		if !ioNativeEncoding(x.encoding) {
			if _, err := t.ioCodecLookup(x.encoding); err != nil {
				return err
			}
		}
		x.errors = "strict"
		if !a[2].IsNull() && !a[2].IsNone() {
			s, ok := a[2].o.(*Str)
			if !ok {
				return t.typeErrorf("TextIOWrapper() argument 'errors' must be str or None, not %s", typeName(a[2]))
			}
			x.errors = s.s
		}
		nl := None
		if !a[3].IsNull() {
			nl = a[3]
		}
		if !nl.IsNone() {
			ns, ok := nl.o.(*Str)
			if !ok {
				return t.typeErrorf("TextIOWrapper() argument 'newline' must be str or None, not %s", typeName(nl))
			}
			switch ns.s {
			case "", "\n", "\r", "\r\n":
			default:
				return t.valueErrorf("illegal newline value: %s", ns.s)
			}
		}
		x.newline = nl
		x.universal = nl.IsNone() || nl.o.(*Str).s == ""
		x.translate = nl.IsNone()
		x.writeNL = ""
		if !nl.IsNone() && nl.o.(*Str).s != "\n" {
			x.writeNL = nl.o.(*Str).s
		}
		for i, f := range []*bool{&x.lineBuffering, &x.writeThrough} {
			*f = false
			if v := a[4+i]; !v.IsNull() {
				b, err := Truth(t, v)
				if err != nil {
					return err
				}
				*f = b
			}
		}
		x.detached = false
		x.pending, x.decoded, x.eof = nil, nil, false
		return nil
	}
	get := func(t *Thread, self Value) (*textIO, error) {
		x := self.o.(*textIO)
		if x.detached {
			return nil, t.valueErrorf("underlying buffer has been detached")
		}
		return x, nil
	}
	tt.Repr = func(t *Thread, v Value) (Value, error) {
		x := v.o.(*textIO)
		var b strings.Builder
		b.WriteString("<" + ioTypeName(v.Type()))
		if !x.detached {
			if n, err := getAttrOpt(t, v, Intern("name")); err == nil && !n.IsNull() {
				r, err := Repr(t, n)
				if err != nil {
					return Null, err
				}
				b.WriteString(" name=" + r.s)
			}
			if m, err := getAttrOpt(t, v, Intern("mode")); err == nil && !m.IsNull() {
				r, err := Repr(t, m)
				if err != nil {
					return Null, err
				}
				b.WriteString(" mode=" + r.s)
			}
		}
		b.WriteString(" encoding=" + reprString(x.encoding) + ">")
		return NewStrValue(b.String()), nil
	}
	m := func(name string, fn func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error)) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			x, err := get(t, self)
			if err != nil {
				return Null, err
			}
			return fn(t, self, x, args, kw)
		}}
	}
	checkOpen := func(t *Thread, x *textIO) error {
		c, err := t.isClosed(x.buffer)
		if err != nil {
			return err
		}
		if c {
			return ioClosedErr(t, true)
		}
		return nil
	}
	defMethods(tt,
		m("read", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			n, err := ioReadSize(t, args, 0)
			if err != nil {
				return Null, err
			}
			if err := checkOpen(t, x); err != nil {
				return Null, err
			}
			if ok, err := t.callBool(x.buffer, "readable"); err != nil {
				return Null, err
			} else if !ok {
				return Null, ioUnsupported(t, "not readable")
			}
			for n < 0 || len(x.decoded) < n {
				more, err := x.fill(t, n < 0)
				if err != nil {
					return Null, err
				}
				if !more {
					break
				}
			}
			end := len(x.decoded)
			if n >= 0 && n < end {
				end = n
			}
			r := string(x.decoded[:end])
			x.decoded = x.decoded[end:]
			return NewStrValue(r), nil
		}),
		m("readline", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			limit, err := ioReadSize(t, args, 0)
			if err != nil {
				return Null, err
			}
			if err := checkOpen(t, x); err != nil {
				return Null, err
			}
			return x.readline(t, limit)
		}),
		m("write", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "write", args, kw); err != nil {
				return Null, err
			}
			s, ok := args[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("write() argument must be str, not %s", typeName(args[0]))
			}
			if err := checkOpen(t, x); err != nil {
				return Null, err
			}
			if ok, err := t.callBool(x.buffer, "writable"); err != nil {
				return Null, err
			} else if !ok {
				return Null, ioUnsupported(t, "not writable")
			}
			text := s.s
			if x.writeNL != "" {
				text = strings.ReplaceAll(text, "\n", x.writeNL)
			}
			data, err := t.ioEncode(text, x.encoding, x.errors)
			if err != nil {
				return Null, err
			}
			x.decoded, x.pending = nil, nil
			if _, err := callMethodName(t, x.buffer, "write", ioBytesValue(data)); err != nil {
				return Null, err
			}
			if x.lineBuffering && strings.ContainsAny(s.s, "\n\r") {
				if _, err := callMethodName(t, x.buffer, "flush"); err != nil {
					return Null, err
				}
			}
			return Int(int64(s.n)), nil
		}),
		m("flush", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			if err := checkOpen(t, x); err != nil {
				return Null, err
			}
			return callMethodName(t, x.buffer, "flush")
		}),
		m("close", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			c, err := t.isClosed(x.buffer)
			if err != nil || c {
				return None, err
			}
			if _, err := callMethodName(t, x.buffer, "flush"); err != nil {
				return Null, err
			}
			return callMethodName(t, x.buffer, "close")
		}),
		m("seek", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "seek", args, kw, 1, 2); err != nil {
				return Null, err
			}
			if err := checkOpen(t, x); err != nil {
				return Null, err
			}
			whence := 0
			if len(args) == 2 {
				w, err := AsSize(t, args[1], OverflowErrorType)
				if err != nil {
					return Null, err
				}
				whence = w
			}
			off, err := AsSize(t, args[0], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			switch whence {
			case 1:
				if off != 0 {
					return Null, ioUnsupported(t, "can't do nonzero cur-relative seeks")
				}
				r, err := x.tell(t)
				if err != nil {
					return Null, err
				}
				off = int(r.SmallInt())
				whence = 0
			case 2:
				if off != 0 {
					return Null, ioUnsupported(t, "can't do nonzero end-relative seeks")
				}
			case 0:
				if off < 0 {
					return Null, t.valueErrorf("negative seek position %d", off)
				}
			default:
				return Null, t.valueErrorf("invalid whence (%d, should be 0, 1 or 2)", whence)
			}
			if _, err := callMethodName(t, x.buffer, "flush"); err != nil {
				return Null, err
			}
			x.decoded, x.pending, x.eof, x.sawCR = nil, nil, false, false
			return callMethodName(t, x.buffer, "seek", Int(int64(off)), Int(int64(whence)))
		}),
		m("tell", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			if err := checkOpen(t, x); err != nil {
				return Null, err
			}
			return x.tell(t)
		}),
		m("truncate", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			if _, err := callMethodName(t, x.buffer, "flush"); err != nil {
				return Null, err
			}
			return callMethodName(t, x.buffer, "truncate", args...)
		}),
		m("detach", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			if _, err := callMethodName(t, x.buffer, "flush"); err != nil {
				return Null, err
			}
			x.detached = true
			return x.buffer, nil
		}),
		m("fileno", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			return callMethodName(t, x.buffer, "fileno")
		}),
		m("isatty", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			return callMethodName(t, x.buffer, "isatty")
		}),
		m("readable", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			return callMethodName(t, x.buffer, "readable")
		}),
		m("writable", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			return callMethodName(t, x.buffer, "writable")
		}),
		m("seekable", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			return callMethodName(t, x.buffer, "seekable")
		}),
		m("reconfigure", func(t *Thread, self Value, x *textIO, args []Value, kw []*Str) (Value, error) {
			_, kv := kwArgs(args, kw)
			for i, k := range kw {
				v := kv[i]
				switch k.s {
				case "encoding":
					if s, ok := v.o.(*Str); ok {
						x.encoding = s.s
					}
				case "errors":
					if s, ok := v.o.(*Str); ok {
						x.errors = s.s
					}
				case "line_buffering":
					b, err := Truth(t, v)
					if err != nil {
						return Null, err
					}
					x.lineBuffering = b
				case "write_through":
					b, err := Truth(t, v)
					if err != nil {
						return Null, err
					}
					x.writeThrough = b
				case "newline":
					x.newline = v
					x.universal = v.IsNone() || v.o.(*Str).s == ""
					x.translate = v.IsNone()
					x.writeNL = ""
					if s, ok := v.o.(*Str); ok && s.s != "\n" {
						x.writeNL = s.s
					}
				default:
					return Null, t.typeErrorf("reconfigure() got an unexpected keyword argument '%s'", k.s)
				}
			}
			return None, nil
		}),
	)
	attr := func(name string, fn func(x *textIO) Value) {
		defGetSet(tt, name, func(t *Thread, self Value) (Value, error) {
			x, err := get(t, self)
			if err != nil {
				return Null, err
			}
			return fn(x), nil
		}, nil)
	}
	attr("encoding", func(x *textIO) Value { return NewStrValue(x.encoding) })
	attr("errors", func(x *textIO) Value { return NewStrValue(x.errors) })
	attr("line_buffering", func(x *textIO) Value { return Bool(x.lineBuffering) })
	attr("write_through", func(x *textIO) Value { return Bool(x.writeThrough) })
	attr("buffer", func(x *textIO) Value { return x.buffer })
	attr("newlines", func(x *textIO) Value { return ioNewlines(x.seenNL, x.translate) })
	defGetSet(tt, "closed", func(t *Thread, self Value) (Value, error) {
		x, err := get(t, self)
		if err != nil {
			return Null, err
		}
		return GetAttrString(t, x.buffer, "closed")
	}, nil)
	defGetSet(tt, "name", func(t *Thread, self Value) (Value, error) {
		x, err := get(t, self)
		if err != nil {
			return Null, err
		}
		return GetAttrString(t, x.buffer, "name")
	}, nil)
	tt.Next = func(t *Thread, v Value) (Value, error) {
		if v.Type() != ioTextWrapperType {
			return ioIOBaseType.Next(t, v)
		}
		x, err := get(t, v)
		if err != nil {
			return Null, err
		}
		if err := checkOpen(t, x); err != nil {
			return Null, err
		}
		line, err := x.readline(t, -1)
		if err != nil {
			return Null, err
		}
		if line.o.(*Str).n == 0 {
			return Null, nil
		}
		return line, nil
	}
}

// ioNativeEncoding reports whether the encoding is one decoded in Go.
func ioNativeEncoding(enc string) bool {
	switch ioNormEncoding(enc) {
	case "utf_8", "utf8", "latin_1", "latin1", "iso8859_1", "iso_8859_1", "ascii", "us_ascii":
		return true
	}
	return false
}

func ioNormEncoding(enc string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(enc), "-", "_"), " ", "_")
}

// codecLookup checks an encoding through codecs.lookup.
func (t *Thread) ioCodecLookup(enc string) (Value, error) {
	mod, err := t.importModule("codecs")
	if err != nil {
		return Null, err
	}
	return callMethodName(t, mod, "lookup", NewStrValue(enc))
}

// encodeText encodes text for writing.
func (t *Thread) ioEncode(text, enc, errors string) ([]byte, error) {
	switch ioNormEncoding(enc) {
	case "utf_8", "utf8":
		if utf8.ValidString(text) {
			return []byte(text), nil
		}
	case "latin_1", "latin1", "iso8859_1", "iso_8859_1", "ascii", "us_ascii":
		limit := rune(0xff)
		if strings.HasPrefix(ioNormEncoding(enc), "a") || strings.HasPrefix(ioNormEncoding(enc), "us") {
			limit = 0x7f
		}
		out := make([]byte, 0, len(text))
		ok := true
		for _, r := range text {
			if r > limit {
				ok = false
				break
			}
			out = append(out, byte(r))
		}
		if ok {
			return out, nil
		}
	}
	r, err := callMethodName(t, NewStrValue(text), "encode", NewStrValue(enc), NewStrValue(errors))
	if err != nil {
		return nil, err
	}
	b, _ := bufferBytesOf(r)
	return b, nil
}

// decodeText decodes bytes read; final says no more bytes follow, so an
// incomplete character at the end is an error (or is kept for later).
func (t *Thread) ioDecode(data []byte, enc, errors string, final bool) (string, []byte, error) {
	switch ioNormEncoding(enc) {
	case "utf_8", "utf8":
		if utf8.Valid(data) {
			return string(data), nil, nil
		}
		if !final {
			// Keep a trailing incomplete sequence for the next read.
			for k := 1; k <= 3 && k <= len(data); k++ {
				if utf8.Valid(data[:len(data)-k]) && !utf8.FullRune(data[len(data)-k:]) {
					return string(data[:len(data)-k]), append([]byte(nil), data[len(data)-k:]...), nil
				}
			}
		}
	case "latin_1", "latin1", "iso8859_1", "iso_8859_1":
		rs := make([]rune, len(data))
		for i, c := range data {
			rs[i] = rune(c)
		}
		return string(rs), nil, nil
	case "ascii", "us_ascii":
		ascii := true
		for _, c := range data {
			if c >= 0x80 {
				ascii = false
				break
			}
		}
		if ascii {
			return string(data), nil, nil
		}
	}
	r, err := callMethodName(t, ioBytesValue(data), "decode", NewStrValue(enc), NewStrValue(errors))
	if err != nil {
		return "", nil, err
	}
	s, ok := r.o.(*Str)
	if !ok {
		return "", nil, t.typeErrorf("decoder should return a string result, not '%s'", typeName(r))
	}
	return s.s, nil, nil
}

// fill reads and decodes another chunk (everything when all); it
// reports false at the end of the stream.
func (x *textIO) fill(t *Thread, all bool) (bool, error) {
	if x.eof {
		return false, nil
	}
	var r Value
	var err error
	if all {
		r, err = callMethodName(t, x.buffer, "read")
	} else {
		r, err = callMethodName(t, x.buffer, "read1", Int(ioDefaultBufferSize))
		if e := asException(err); e != nil && e.cls.IsSubtype(AttributeErrorType) {
			r, err = callMethodName(t, x.buffer, "read", Int(ioDefaultBufferSize))
		}
	}
	if err != nil {
		return false, err
	}
	var data []byte
	if !r.IsNone() {
		b, ok := bufferBytesOf(r)
		if !ok {
			return false, t.typeErrorf("underlying read() should have returned a bytes-like object, not '%s'", typeName(r))
		}
		data = b
	}
	final := len(data) == 0 || all
	if final {
		x.eof = true
	}
	data = append(x.pending, data...)
	text, rest, err := t.ioDecode(data, x.encoding, x.errors, final)
	if err != nil {
		return false, err
	}
	x.pending = rest
	x.appendDecoded(text, final)
	return len(data) > 0 || len(text) > 0, nil
}

// appendDecoded adds decoded text, translating newlines in universal
// mode (a \r at a chunk's end waits to see whether \n follows).
func (x *textIO) appendDecoded(text string, final bool) {
	if x.sawCR {
		text = "\r" + text
		x.sawCR = false
	}
	if x.translate && len(text) > 0 {
		if !final && text[len(text)-1] == '\r' {
			text = text[:len(text)-1]
			x.sawCR = true
		}
		if strings.ContainsRune(text, '\r') {
			for i := 0; i < len(text); i++ {
				switch text[i] {
				case '\r':
					if i+1 < len(text) && text[i+1] == '\n' {
						x.seenNL |= 4
						i++
					} else {
						x.seenNL |= 1
					}
				case '\n':
					x.seenNL |= 2
				}
			}
			text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
		} else if strings.IndexByte(text, '\n') >= 0 {
			x.seenNL |= 2
		}
	}
	x.decoded = append(x.decoded, []rune(text)...)
}

// lineEnd finds the end of the first line in the decoded text (-1 when
// none is complete yet).
func (x *textIO) lineEnd() int {
	for i, r := range x.decoded {
		switch {
		case x.translate || (!x.universal && x.writeNL == ""):
			if r == '\n' {
				return i + 1
			}
		case x.universal:
			if r == '\n' {
				return i + 1
			}
			if r == '\r' {
				if i+1 < len(x.decoded) {
					if x.decoded[i+1] == '\n' {
						return i + 2
					}
					return i + 1
				}
				if x.eof {
					return i + 1
				}
				return -1
			}
		default:
			nl := []rune(x.writeNL)
			if r == nl[0] && i+len(nl) <= len(x.decoded) && string(x.decoded[i:i+len(nl)]) == x.writeNL {
				return i + len(nl)
			}
		}
	}
	return -1
}

func (x *textIO) readline(t *Thread, limit int) (Value, error) {
	for {
		end := x.lineEnd()
		if end >= 0 || x.eof || (limit >= 0 && len(x.decoded) >= limit) {
			if end < 0 {
				end = len(x.decoded)
			}
			if limit >= 0 && limit < end {
				end = limit
			}
			r := string(x.decoded[:end])
			x.decoded = x.decoded[end:]
			return NewStrValue(r), nil
		}
		if _, err := x.fill(t, false); err != nil {
			return Null, err
		}
	}
}

// tell is the position of the next character to read: the buffer's
// position less what was read ahead (the opaque cookie CPython returns
// is this byte position when the decoder holds no state).
func (x *textIO) tell(t *Thread) (Value, error) {
	if _, err := callMethodName(t, x.buffer, "flush"); err != nil {
		return Null, err
	}
	r, err := callMethodName(t, x.buffer, "tell")
	if err != nil {
		return Null, err
	}
	pos, err := AsSize(t, r, OverflowErrorType)
	if err != nil {
		return Null, err
	}
	if len(x.decoded) > 0 || len(x.pending) > 0 {
		b, err := t.ioEncode(string(x.decoded), x.encoding, x.errors)
		if err != nil {
			return Null, err
		}
		pos -= len(b) + len(x.pending)
		if x.sawCR {
			pos--
		}
	}
	return Int(int64(pos)), nil
}

// open().

var ioOpenSpec = ArgSpec{Name: "open", Params: []string{"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, Required: 1}

func ioOpen(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [8]Value
	if err := clinicArgs(t, &ioOpenSpec, args, kw, a[:]); err != nil {
		return Null, err
	}
	file := a[0]
	mode := "r"
	if !a[1].IsNull() {
		s, ok := a[1].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("open() argument 'mode' must be str, not %s", typeName(a[1]))
		}
		mode = s.s
	}
	buffering := -1
	if !a[2].IsNull() {
		if a[2].IsFloat() {
			return Null, t.typeErrorf("'float' object cannot be interpreted as an integer")
		}
		n, err := AsSize(t, a[2], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		buffering = n
	}
	strArg := func(v Value, name string) (Value, error) {
		if v.IsNull() || v.IsNone() {
			return None, nil
		}
		if _, ok := v.o.(*Str); !ok {
			return Null, t.typeErrorf("open() argument '%s' must be str or None, not %s", name, typeName(v))
		}
		return v, nil
	}
	encoding, err := strArg(a[3], "encoding")
	if err != nil {
		return Null, err
	}
	errorsV, err := strArg(a[4], "errors")
	if err != nil {
		return Null, err
	}
	newline, err := strArg(a[5], "newline")
	if err != nil {
		return Null, err
	}
	closefd := Value(True)
	if !a[6].IsNull() {
		closefd = a[6]
	}
	if _, ok := file.o.(*Str); !ok {
		if _, ok := file.o.(*Bytes); !ok && !file.IsIntLike() {
			if m := file.Type().LookupString("__fspath__"); m.IsNull() {
				return Null, t.typeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(file))
			}
		}
	}
	var creating, reading, writing, appending, updating, text, binary bool
	seen := map[rune]bool{}
	for _, c := range mode {
		if seen[c] || !strings.ContainsRune("xrwabt+", c) {
			return Null, t.valueErrorf("invalid mode: '%s'", mode)
		}
		seen[c] = true
		switch c {
		case 'x':
			creating = true
		case 'r':
			reading = true
		case 'w':
			writing = true
		case 'a':
			appending = true
		case '+':
			updating = true
		case 't':
			text = true
		case 'b':
			binary = true
		}
	}
	rawMode := ""
	switch {
	case creating:
		rawMode = "x"
	case reading:
		rawMode = "r"
	case writing:
		rawMode = "w"
	case appending:
		rawMode = "a"
	}
	if updating {
		rawMode += "+"
	}
	if text && binary {
		return Null, t.valueErrorf("can't have text and binary mode at once")
	}
	if btoi(creating)+btoi(reading)+btoi(writing)+btoi(appending) != 1 {
		return Null, t.valueErrorf("must have exactly one of create/read/write/append mode")
	}
	if binary && !encoding.IsNone() {
		return Null, t.valueErrorf("binary mode doesn't take an encoding argument")
	}
	if binary && !errorsV.IsNone() {
		return Null, t.valueErrorf("binary mode doesn't take an errors argument")
	}
	if binary && !newline.IsNone() {
		return Null, t.valueErrorf("binary mode doesn't take a newline argument")
	}
	if binary && buffering == 1 {
		if err := t.ioWarn(RuntimeWarningType, "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used"); err != nil {
			return Null, err
		}
	}
	if !newline.IsNone() {
		switch newline.o.(*Str).s {
		case "", "\n", "\r", "\r\n":
		default:
			return Null, t.valueErrorf("illegal newline value: %s", newline.o.(*Str).s)
		}
	}
	raw, err := t.Call(Value{o: ioFileIOType}, []Value{file, NewStrValue(rawMode + "b"), closefd, noneIfNull(a[7])}, nil)
	if err != nil {
		return Null, err
	}
	result := raw
	lineBuffering := false
	if buffering == 1 || (buffering < 0 && false) {
		buffering = -1
		lineBuffering = true
	}
	if buffering == 0 {
		if binary {
			return result, nil
		}
		callMethodName(t, raw, "close")
		return Null, t.valueErrorf("can't have unbuffered text I/O")
	}
	var bufType *Type
	switch {
	case updating:
		bufType = ioBufRandomType
	case creating || writing || appending:
		bufType = ioBufWriterType
	default:
		bufType = ioBufReaderType
	}
	buf, err := t.Call(Value{o: bufType}, []Value{raw}, nil)
	if err != nil {
		callMethodName(t, raw, "close")
		return Null, err
	}
	if binary {
		return buf, nil
	}
	lb := Bool(lineBuffering)
	w, err := t.Call(Value{o: ioTextWrapperType}, []Value{buf, encoding, errorsV, newline, lb}, nil)
	if err != nil {
		callMethodName(t, raw, "close")
		return Null, err
	}
	if err := SetAttr(t, w, Intern("mode"), NewStrValue(mode)); err != nil {
		return Null, err
	}
	return w, nil
}

// warn issues a warning through the warnings module.
func (t *Thread) ioWarn(category *Type, msg string) error {
	mod, err := t.importModule("warnings")
	if err != nil {
		return err
	}
	_, err = callMethodName(t, mod, "warn", NewStrValue(msg), Value{o: category}, Int(2))
	return err
}

func initIOModule(t *Thread, m *Module) error {
	for _, tp := range []*Type{ioIOBaseType, ioRawIOBaseType, ioBufferedBaseType, ioTextIOBaseType, ioFileIOType,
		ioBytesIOType, ioStringIOType, ioBufReaderType, ioBufWriterType, ioBufRandomType, ioBufRWPairType,
		ioTextWrapperType, ioNewlineDecType} {
		m.addType(tp)
	}
	m.Set("DEFAULT_BUFFER_SIZE", Int(ioDefaultBufferSize))
	m.Set("BlockingIOError", Value{o: BlockingIOErrorType})
	// CPython's is a heap type: io.py sets its __module__.
	UnsupportedOperationType().Flags &^= FlagImmutable
	m.Set("UnsupportedOperation", Value{o: UnsupportedOperationType()})
	// builtins.open is io.open in CPython. When the builtins module has
	// its own open (written in Go, one object per file), _io.open is that
	// one, so that files opened either way are the same kind; this
	// module's open layers its FileIO, Buffered* and TextIOWrapper.
	if bo, ok := t.interp.Builtins.dict.GetStr("open"); ok {
		m.Set("open", bo)
	} else {
		m.AddFunc("open", ioOpen)
	}
	m.AddFunc("open_code", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "open_code", args, kw); err != nil {
			return Null, err
		}
		if _, ok := args[0].o.(*Str); !ok {
			return Null, t.typeErrorf("open_code() argument 'path' must be str, not %s", typeName(args[0]))
		}
		return ioOpen(t, None, []Value{args[0], NewStrValue("rb")}, nil)
	})
	m.AddFunc("text_encoding", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "text_encoding", args, kw, 1, 2); err != nil {
			return Null, err
		}
		if args[0].IsNone() {
			return NewStrValue("locale"), nil
		}
		return args[0], nil
	})
	return nil
}
