package vm

import "fmt"

// UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError: their
// constructors (which check their five, five and four arguments), their
// attributes (encoding, object, start, end, reason) and their messages,
// as Objects/exceptions.c has them.

func init() {
	onSetup(setupUnicodeErrors)
}

// newUnicodeEncodeError returns UnicodeEncodeError(encoding, s, start,
// end, reason).
func newUnicodeEncodeError(encoding string, s *Str, start, end int, reason string) *Exception {
	return newUnicodeError(UnicodeEncodeErrorType, NewStrValue(encoding), Value{o: s}, start, end, reason)
}

// newUnicodeDecodeError returns UnicodeDecodeError(encoding, b, start,
// end, reason).
func newUnicodeDecodeError(encoding string, b *Bytes, start, end int, reason string) *Exception {
	return newUnicodeError(UnicodeDecodeErrorType, NewStrValue(encoding), Value{o: b}, start, end, reason)
}

func newUnicodeError(cls *Type, encoding, obj Value, start, end int, reason string) *Exception {
	st, en, re := Int(int64(start)), Int(int64(end)), NewStrValue(reason)
	e := NewException(cls, encoding, obj, st, en, re)
	e.Encoding, e.Object, e.Start, e.End, e.Reason = encoding, obj, st, en, re
	return e
}

func setupUnicodeErrors() {
	UnicodeEncodeErrorType.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		return unicodeErrorInit(t, self, args, kw, "str")
	}
	UnicodeDecodeErrorType.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		return unicodeErrorInit(t, self, args, kw, "bytes")
	}
	UnicodeTranslateErrorType.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		return unicodeErrorInit(t, self, args, kw, "")
	}
	UnicodeEncodeErrorType.Str = unicodeErrorStr
	UnicodeDecodeErrorType.Str = unicodeErrorStr
	UnicodeTranslateErrorType.Str = unicodeErrorStr
	for _, tp := range []*Type{UnicodeEncodeErrorType, UnicodeDecodeErrorType, UnicodeTranslateErrorType} {
		field := func(name string, get func(e *Exception) *Value) {
			defGetSet(tp, name, func(t *Thread, self Value) (Value, error) {
				return noneIfNull(*get(self.o.(*Exception))), nil
			}, func(t *Thread, self, v Value) error {
				if v.IsNull() {
					return t.typeErrorf("can't delete attribute")
				}
				*get(self.o.(*Exception)) = v
				return nil
			})
		}
		if tp != UnicodeTranslateErrorType {
			field("encoding", func(e *Exception) *Value { return &e.Encoding })
		}
		field("object", func(e *Exception) *Value { return &e.Object })
		field("start", func(e *Exception) *Value { return &e.Start })
		field("end", func(e *Exception) *Value { return &e.End })
		field("reason", func(e *Exception) *Value { return &e.Reason })
	}
}

// unicodeErrorInit is the __init__ of the three: (encoding, object,
// start, end, reason), where object is a str (what "str") or bytes-like;
// UnicodeTranslateError (what "") has no encoding.
func unicodeErrorInit(t *Thread, self Value, args []Value, kw []*Str, what string) error {
	e := self.o.(*Exception)
	if len(kw) > 0 {
		return t.typeErrorf("%s() takes no keyword arguments", e.cls.Name)
	}
	e.Args = NewTuple(append([]Value(nil), args...)...)
	want := 5
	if what == "" {
		want = 4
	}
	if len(args) != want {
		return t.typeErrorf("function takes exactly %d arguments (%d given)", want, len(args))
	}
	pos := 0
	if what != "" {
		if _, ok := args[0].o.(*Str); !ok {
			return t.typeErrorf("argument 1 must be str, not %s", typeName(args[0]))
		}
		e.Encoding = args[0]
		pos = 1
	}
	obj := args[pos]
	switch what {
	case "bytes":
		b, ok := bytesLike(obj)
		if !ok {
			return t.typeErrorf("a bytes-like object is required, not '%s'", typeName(obj))
		}
		if _, exact := obj.o.(*Bytes); !exact {
			obj = Value{o: NewBytes(append([]byte(nil), b...))}
		}
	default:
		if _, ok := obj.o.(*Str); !ok {
			return t.typeErrorf("argument %d must be str, not %s", pos+1, typeName(obj))
		}
	}
	for _, k := range []int{pos + 1, pos + 2} {
		if _, err := sizeArg(t, args[k]); err != nil {
			return err
		}
	}
	if _, ok := args[pos+3].o.(*Str); !ok {
		return t.typeErrorf("argument %d must be str, not %s", pos+4, typeName(args[pos+3]))
	}
	e.Object, e.Start, e.End, e.Reason = obj, args[pos+1], args[pos+2], args[pos+3]
	return nil
}

// unicodeErrorStr is the __str__ of the three.
func unicodeErrorStr(t *Thread, v Value) (Value, error) {
	e := v.o.(*Exception)
	if e.Object.IsNull() {
		return Value{o: emptyStr}, nil
	}
	reason, err := StrOf(t, noneIfNull(e.Reason))
	if err != nil {
		return Null, err
	}
	var enc *Str
	if !e.cls.IsSubtype(UnicodeTranslateErrorType) {
		if enc, err = StrOf(t, noneIfNull(e.Encoding)); err != nil {
			return Null, err
		}
	}
	start, _ := smallIntOf(e.Start)
	end, _ := smallIntOf(e.End)
	var msg string
	switch {
	case e.cls.IsSubtype(UnicodeDecodeErrorType):
		b, _ := bytesLike(e.Object)
		if start >= 0 && start < int64(len(b)) && end == start+1 {
			msg = fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", enc.s, b[start], start, reason.s)
		} else {
			msg = fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", enc.s, start, end-1, reason.s)
		}
	default:
		s, _ := e.Object.o.(*Str)
		what := "'" + "%s' codec can't encode"
		if enc == nil {
			what = "can't translate"
		} else {
			what = fmt.Sprintf(what, enc.s)
		}
		if s != nil && start >= 0 && start < int64(s.n) && end == start+1 {
			c := s.At(int(start))
			var esc string
			switch {
			case c <= 0xFF:
				esc = fmt.Sprintf("\\x%02x", c)
			case c <= 0xFFFF:
				esc = fmt.Sprintf("\\u%04x", c)
			default:
				esc = fmt.Sprintf("\\U%08x", c)
			}
			msg = fmt.Sprintf("%s character '%s' in position %d: %s", what, esc, start, reason.s)
		} else {
			msg = fmt.Sprintf("%s characters in position %d-%d: %s", what, start, end-1, reason.s)
		}
	}
	return NewStrValue(msg), nil
}
