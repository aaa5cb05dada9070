package vm

import (
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// The standard streams' io interface beyond write and flush: reading
// stdin (universal newlines, iteration), the binary buffer attribute of
// each stream (sys.stdout.buffer.write(b"…")), and the attributes
// programs inspect. Under PYTHONUNBUFFERED (python -u) CPython writes
// text through to unbuffered raw streams, and its buffer attributes are
// FileIO objects; otherwise they are BufferedWriter/BufferedReader and
// text waits in the text layer, which decides how text and binary writes
// interleave; both are reproduced.

// unbufferedStreams reports whether CPython would run unbuffered
// (PYTHONUNBUFFERED set to a non-empty value).
func unbufferedStreams() bool { return os.Getenv("PYTHONUNBUFFERED") != "" }

// writePending is write once the binary layer is in use: text waits in
// the text layer.
func (s *TextStream) writePending(t *Thread, text string) error {
	s.pending = append(s.pending, text...)
	if len(s.pending) >= 8192 {
		if err := s.movePending(t); err != nil {
			return err
		}
	}
	if s.lineBuffered && strings.IndexByte(text, '\n') >= 0 {
		return s.flush(t)
	}
	return nil
}

// movePending hands the text layer's bytes to the binary layer.
func (s *TextStream) movePending(t *Thread) error {
	if len(s.pending) == 0 {
		return nil
	}
	p := s.pending
	s.pending = nil
	s.usePending = false
	err := s.write(t, string(p))
	s.usePending = true
	return err
}

// stdBuffer is the buffer attribute of a standard stream: its binary
// layer.
type stdBuffer struct {
	ObjectBase
	s *TextStream
}

var (
	stdBufferedWriterType = builtinType("BufferedWriter", nil, 0)
	stdBufferedReaderType = builtinType("BufferedReader", nil, 0)
	stdFileIOType         = builtinType("FileIO", nil, 0)
)

// bufferObject returns the stream's binary layer, switching its text
// writes to wait in the text layer when the stream is buffered.
func (s *TextStream) bufferObject() *stdBuffer {
	if s.buffer == nil {
		b := &stdBuffer{ObjectBase: ObjectBase{cls: stdBufferedWriterType}, s: s}
		switch {
		case s.r != nil:
			b.cls = stdBufferedReaderType
		case s.writeThrough:
			b.cls = stdFileIOType
		default:
			s.usePending = true
		}
		s.buffer = b
	}
	return s.buffer
}

// readLine reads a line of stdin with universal newlines ('\r\n' and
// '\r' become '\n'), at most limit characters when limit >= 0.
func (s *TextStream) readLine(t *Thread, limit int, translate bool) ([]byte, error) {
	var line []byte
	chars := 0
	for limit < 0 || chars < limit {
		c, err := s.r.ReadByte()
		if err != nil {
			if err == io.EOF {
				break
			}
			return nil, t.osError(err, "")
		}
		if c == '\r' && translate {
			if n, err := s.r.Peek(1); err == nil && len(n) == 1 && n[0] == '\n' {
				s.r.ReadByte()
			}
			line = append(line, '\n')
			break
		}
		line = append(line, c)
		if c < 0x80 || c >= 0xC0 {
			chars++
		}
		if c == '\n' {
			break
		}
	}
	// Complete a character cut by the limit.
	for len(line) > 0 && !utf8.Valid(line) {
		n, err := s.r.Peek(1)
		if err != nil || len(n) == 0 || utf8.RuneStart(n[0]) {
			break
		}
		c, _ := s.r.ReadByte()
		line = append(line, c)
	}
	return line, nil
}

// decodeStdin decodes stdin bytes (UTF-8, strict).
func decodeStdin(t *Thread, b []byte) (Value, error) {
	fo := &FileObject{codec: fcUTF8, errors: "strict"}
	str, err := fo.decodeText(t, b)
	if err != nil {
		return Null, err
	}
	return NewStrValue(str), nil
}

func (s *TextStream) checkReadable(t *Thread) error {
	if s.closed {
		return t.valueErrorf("I/O operation on closed file.")
	}
	if s.r == nil {
		return NewException(UnsupportedOperationType(), NewStrValue("not readable"))
	}
	return nil
}

func textStreamMethods() []MethodDef {
	ts := func(v Value) *TextStream { return v.o.(*TextStream) }
	m := func(name string, fn BuiltinFunc) MethodDef { return MethodDef{Name: name, Fn: fn} }
	return []MethodDef{
		m("fileno", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Int(int64(ts(self).fileno)), nil
		}),
		m("isatty", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if ts(self).closed {
				return Null, t.valueErrorf("I/O operation on closed file.")
			}
			return False, nil
		}),
		m("readable", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Bool(ts(self).r != nil), nil
		}),
		m("writable", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Bool(ts(self).w != nil), nil
		}),
		m("seekable", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return False, nil
		}),
		m("close", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			s := ts(self)
			if s.closed {
				return None, nil
			}
			err := s.flush(t)
			s.closed = true
			return None, err
		}),
		m("readline", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			s := ts(self)
			if err := s.checkReadable(t); err != nil {
				return Null, err
			}
			n, err := ioSizeArg(t, args)
			if err != nil {
				return Null, err
			}
			line, err := s.readLine(t, n, true)
			if err != nil {
				return Null, err
			}
			return decodeStdin(t, line)
		}),
		m("read", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			s := ts(self)
			if err := s.checkReadable(t); err != nil {
				return Null, err
			}
			n, err := ioSizeArg(t, args)
			if err != nil {
				return Null, err
			}
			var b []byte
			if n < 0 {
				if b, err = io.ReadAll(s.r); err != nil {
					return Null, t.osError(err, "")
				}
				b = []byte(strings.ReplaceAll(strings.ReplaceAll(string(b), "\r\n", "\n"), "\r", "\n"))
			} else {
				for chars := 0; chars < n; {
					line, err := s.readLine(t, n-chars, true)
					if err != nil {
						return Null, err
					}
					if len(line) == 0 {
						break
					}
					b = append(b, line...)
					chars += utf8.RuneCount(line)
				}
			}
			return decodeStdin(t, b)
		}),
		m("readlines", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			s := ts(self)
			if err := s.checkReadable(t); err != nil {
				return Null, err
			}
			hint, err := ioSizeArg(t, args)
			if err != nil {
				return Null, err
			}
			var lines []Value
			total := 0
			for {
				line, err := s.readLine(t, -1, true)
				if err != nil {
					return Null, err
				}
				if len(line) == 0 {
					break
				}
				v, err := decodeStdin(t, line)
				if err != nil {
					return Null, err
				}
				lines = append(lines, v)
				total += v.o.(*Str).n
				if hint > 0 && total >= hint {
					break
				}
			}
			return Value{o: NewList(lines...)}, nil
		}),
		m("writelines", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "writelines", args, kw); err != nil {
				return Null, err
			}
			s := ts(self)
			err := forEach(t, args[0], func(x Value) (bool, error) {
				str, ok := x.o.(*Str)
				if !ok {
					return true, t.typeErrorf("write() argument must be str, not %s", typeName(x))
				}
				return false, s.write(t, str.s)
			})
			if err != nil {
				return Null, err
			}
			return None, nil
		}),
		m("reconfigure", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [5]Value
			if err := reconfigureSpec.Parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			s := ts(self)
			if !a[3].IsNull() && !a[3].IsNone() {
				b, err := Truth(t, a[3])
				if err != nil {
					return Null, err
				}
				if err := s.flush(t); err != nil {
					return Null, err
				}
				s.lineBuffered = b
			}
			return None, nil
		}),
	}
}

func init() {
	onSetup(func() {
		tt := textStreamType
		tt.Iter = func(t *Thread, v Value) (Value, error) {
			if v.o.(*TextStream).closed {
				return Null, t.valueErrorf("I/O operation on closed file.")
			}
			return v, nil
		}
		tt.Next = func(t *Thread, v Value) (Value, error) {
			s := v.o.(*TextStream)
			if err := s.checkReadable(t); err != nil {
				return Null, err
			}
			line, err := s.readLine(t, -1, true)
			if err != nil || len(line) == 0 {
				return Null, err
			}
			return decodeStdin(t, line)
		}
		str := func(f func(s *TextStream) string) func(t *Thread, self Value) (Value, error) {
			return func(t *Thread, self Value) (Value, error) { return NewStrValue(f(self.o.(*TextStream))), nil }
		}
		defGetSet(tt, "name", str(func(s *TextStream) string { return s.name }), nil)
		defGetSet(tt, "encoding", str(func(s *TextStream) string { return "utf-8" }), nil)
		defGetSet(tt, "errors", str(func(s *TextStream) string { return "strict" }), nil)
		defGetSet(tt, "mode", str(func(s *TextStream) string {
			if s.r != nil {
				return "r"
			}
			return "w"
		}), nil)
		defGetSet(tt, "closed", func(t *Thread, self Value) (Value, error) { return Bool(self.o.(*TextStream).closed), nil }, nil)
		defGetSet(tt, "newlines", func(t *Thread, self Value) (Value, error) { return None, nil }, nil)
		defGetSet(tt, "line_buffering", func(t *Thread, self Value) (Value, error) {
			s := self.o.(*TextStream)
			return Bool(s.lineBuffered && !s.writeThrough), nil
		}, nil)
		defGetSet(tt, "write_through", func(t *Thread, self Value) (Value, error) {
			return Bool(self.o.(*TextStream).writeThrough), nil
		}, nil)
		defGetSet(tt, "buffer", func(t *Thread, self Value) (Value, error) {
			return Value{o: self.o.(*TextStream).bufferObject()}, nil
		}, nil)

		for _, bt := range []*Type{stdBufferedWriterType, stdBufferedReaderType, stdFileIOType} {
			bt.Dict.SetStr("__module__", NewStrValue("_io"))
			bt.Repr = func(t *Thread, v Value) (Value, error) {
				b := v.o.(*stdBuffer)
				if v.Type() == stdFileIOType {
					return NewStrValue("<_io.FileIO name='" + b.s.name + "' mode='wb' closefd=False>"), nil
				}
				return NewStrValue("<_io." + v.Type().Name + " name='" + b.s.name + "'>"), nil
			}
			defGetSet(bt, "name", func(t *Thread, self Value) (Value, error) { return NewStrValue(self.o.(*stdBuffer).s.name), nil }, nil)
			defGetSet(bt, "closed", func(t *Thread, self Value) (Value, error) { return Bool(self.o.(*stdBuffer).s.closed), nil }, nil)
			defMethods(bt,
				MethodDef{Name: "write", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := oneArg(t, "write", args, kw); err != nil {
						return Null, err
					}
					s := self.o.(*stdBuffer).s
					if s.w == nil {
						return Null, NewException(UnsupportedOperationType(), NewStrValue("write"))
					}
					b, ok := bufferBytes(args[0])
					if !ok {
						return Null, t.typeErrorf("a bytes-like object is required, not '%s'", typeName(args[0]))
					}
					saved := s.usePending
					s.usePending = false
					err := s.write(t, string(b))
					s.usePending = saved
					if err != nil {
						return Null, err
					}
					return Int(int64(len(b))), nil
				}},
				MethodDef{Name: "flush", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					s := self.o.(*stdBuffer).s
					if s.w != nil {
						if err := s.w.Flush(); err != nil {
							return Null, t.osError(err, "")
						}
					}
					return None, nil
				}},
				MethodDef{Name: "fileno", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					return Int(int64(self.o.(*stdBuffer).s.fileno)), nil
				}},
				MethodDef{Name: "read", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					s := self.o.(*stdBuffer).s
					if err := s.checkReadable(t); err != nil {
						return Null, err
					}
					n, err := ioSizeArg(t, args)
					if err != nil {
						return Null, err
					}
					var b []byte
					if n < 0 {
						b, err = io.ReadAll(s.r)
					} else {
						b = make([]byte, n)
						var k int
						k, err = io.ReadFull(s.r, b)
						b = b[:k]
						if err == io.ErrUnexpectedEOF || err == io.EOF {
							err = nil
						}
					}
					if err != nil {
						return Null, t.osError(err, "")
					}
					return Value{o: NewBytes(b)}, nil
				}},
				MethodDef{Name: "readline", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					s := self.o.(*stdBuffer).s
					if err := s.checkReadable(t); err != nil {
						return Null, err
					}
					n, err := ioSizeArg(t, args)
					if err != nil {
						return Null, err
					}
					line, err := s.readLine(t, n, false)
					if err != nil {
						return Null, err
					}
					return Value{o: NewBytes(line)}, nil
				}},
			)
		}
	})
}
