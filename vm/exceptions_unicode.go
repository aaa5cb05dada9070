package vm

import "fmt"

// UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError:
// their constructors' argument checks and their messages ("'ascii' codec
// can't encode character '\xe9' in position 1: ordinal not in
// range(128)"), as CPython 3.13's Objects/exceptions.c gives them.

func init() {
	onSetup(setupUnicodeErrors)
}

// unicodeErrorSetFields sets the fields from arguments already checked
// (Go callers building a Unicode error).
func unicodeErrorSetFields(e *Exception, args []Value) {
	switch {
	case e.cls.IsSubtype(UnicodeTranslateErrorType):
		if len(args) == 4 {
			e.Encoding = None
			e.Object, e.Start, e.End, e.Reason = args[0], args[1], args[2], args[3]
		}
	case e.cls.IsSubtype(UnicodeEncodeErrorType), e.cls.IsSubtype(UnicodeDecodeErrorType):
		if len(args) == 5 {
			e.Encoding, e.Object, e.Start, e.End, e.Reason = args[0], args[1], args[2], args[3], args[4]
		}
	}
}

// unicodeErrorInit parses the arguments of the three types: (encoding,
// object, start, end, reason), without encoding for UnicodeTranslateError.
func unicodeErrorInit(kind string) InitSlot {
	return func(t *Thread, self Value, args []Value, kw []*Str) error {
		if err := excInit(t, self, args, kw); err != nil {
			return err
		}
		e := self.o.(*Exception)
		want := 5
		if kind == "translate" {
			want = 4
		}
		if len(args) != want {
			return t.typeErrorf("function takes exactly %d arguments (%d given)", want, len(args))
		}
		i := 0
		var encoding Value = None
		if kind != "translate" {
			if !args[0].Type().IsSubtype(StrType) {
				return t.typeErrorf("argument 1 must be str, not %s", typeName(args[0]))
			}
			encoding = args[0]
			i = 1
		}
		obj := args[i]
		switch kind {
		case "decode":
			b, err := excBytesLike(t, obj)
			if err != nil {
				return err
			}
			obj = b
		default:
			if !obj.Type().IsSubtype(StrType) {
				return t.typeErrorf("argument %d must be str, not %s", i+1, typeName(obj))
			}
		}
		start, err := AsSize(t, args[i+1], OverflowErrorType)
		if err != nil {
			return err
		}
		end, err := AsSize(t, args[i+2], OverflowErrorType)
		if err != nil {
			return err
		}
		reason := args[i+3]
		if !reason.Type().IsSubtype(StrType) {
			return t.typeErrorf("argument %d must be str, not %s", i+4, typeName(reason))
		}
		e.Encoding, e.Object, e.Start, e.End, e.Reason = encoding, obj, Int(int64(start)), Int(int64(end)), reason
		return nil
	}
}

// bytesLike turns a bytes-like object into bytes, or fails as the "y*"
// converter does.
func excBytesLike(t *Thread, v Value) (Value, error) {
	if _, ok := v.o.(*Bytes); ok {
		return v, nil
	}
	if b, ok := bytesLike(v); ok {
		return Value{o: NewBytes(append([]byte(nil), b...))}, nil
	}
	return Null, t.typeErrorf("a bytes-like object is required, not '%s'", typeName(v))
}

// unicodeErrorStr is the message of the three types.
func unicodeErrorStr(kind string) UnarySlot {
	return func(t *Thread, v Value) (Value, error) {
		e := v.o.(*Exception)
		if e.Object.IsNull() {
			return Value{o: emptyStr}, nil
		}
		reason, err := StrOf(t, noneIfNull(e.Reason))
		if err != nil {
			return Null, err
		}
		encoding := ""
		if kind != "translate" {
			s, err := StrOf(t, noneIfNull(e.Encoding))
			if err != nil {
				return Null, err
			}
			encoding = s.s
		}
		start, _ := excIntOf(e.Start)
		end, _ := excIntOf(e.End)
		switch kind {
		case "decode":
			var data []byte
			switch o := e.Object.o.(type) {
			case *Bytes:
				data = o.b
			case *ByteArray:
				data = o.b
			}
			if start >= 0 && start < len(data) && end == start+1 {
				return NewStrValue(fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", encoding, data[start], start, reason.s)), nil
			}
			return NewStrValue(fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", encoding, start, end-1, reason.s)), nil
		}
		var rs []rune
		if s, ok := e.Object.o.(*Str); ok {
			rs = s.Runes()
		}
		if start >= 0 && start < len(rs) && end == start+1 {
			ch := rs[start]
			var chs string
			switch {
			case ch <= 0xff:
				chs = fmt.Sprintf("\\x%02x", ch)
			case ch <= 0xffff:
				chs = fmt.Sprintf("\\u%04x", ch)
			default:
				chs = fmt.Sprintf("\\U%08x", ch)
			}
			if kind == "translate" {
				return NewStrValue(fmt.Sprintf("can't translate character '%s' in position %d: %s", chs, start, reason.s)), nil
			}
			return NewStrValue(fmt.Sprintf("'%s' codec can't encode character '%s' in position %d: %s", encoding, chs, start, reason.s)), nil
		}
		if kind == "translate" {
			return NewStrValue(fmt.Sprintf("can't translate characters in position %d-%d: %s", start, end-1, reason.s)), nil
		}
		return NewStrValue(fmt.Sprintf("'%s' codec can't encode characters in position %d-%d: %s", encoding, start, end-1, reason.s)), nil
	}
}

func setupUnicodeErrors() {
	for _, x := range []struct {
		tp   *Type
		kind string
	}{{UnicodeEncodeErrorType, "encode"}, {UnicodeDecodeErrorType, "decode"}, {UnicodeTranslateErrorType, "translate"}} {
		x.tp.Init = unicodeErrorInit(x.kind)
		x.tp.Str = unicodeErrorStr(x.kind)
	}
	// The fields are the three subclasses' (UnicodeError itself has the
	// plain exception layout and no such attributes, as in CPython).
	for _, ut := range []*Type{UnicodeEncodeErrorType, UnicodeDecodeErrorType, UnicodeTranslateErrorType} {
		defExcField(ut, "encoding", func(e *Exception) *Value { return &e.Encoding })
		defExcField(ut, "object", func(e *Exception) *Value { return &e.Object })
		defExcField(ut, "reason", func(e *Exception) *Value { return &e.Reason })
		for _, name := range []string{"start", "end"} {
			field := func(e *Exception) *Value { return &e.Start }
			if name == "end" {
				field = func(e *Exception) *Value { return &e.End }
			}
			defGetSet(ut, name, func(t *Thread, self Value) (Value, error) {
				v := *field(self.o.(*Exception))
				if v.IsNull() {
					return Int(0), nil
				}
				return v, nil
			}, func(t *Thread, self, v Value) error {
				if v.IsNull() {
					return t.typeErrorf("can't delete numeric/char attribute")
				}
				if !v.IsIntLike() {
					return t.typeErrorf("an integer is required")
				}
				n, err := AsSize(t, v, OverflowErrorType)
				if err != nil {
					return err
				}
				*field(self.o.(*Exception)) = Int(int64(n))
				return nil
			})
		}
	}
}
