package vm

import (
	"strings"
)

// The _codecs module, which codecs.py and the encodings package are built
// on: the codec registry (register, lookup, encode, decode, with the
// encodings package imported on first lookup as CPython's interpreter
// does), the error handler registry (register_error, lookup_error and the
// builtin handlers as functions on the Unicode errors), and the codec
// functions of the encodings modules (utf_8_encode, utf_16_ex_decode,
// charmap_build …) over the codecs of bytescodec.go, with their
// incremental (final=False) forms.

// codecRegistry is an interpreter's codec state.
type codecRegistry struct {
	search []Value          // the search functions, in registration order
	cache  map[string]Value // normalized name → CodecInfo
	errors map[string]Value // error handler name → callable
	loaded bool             // the encodings package was imported
}

// registry returns the interpreter's codec registry, made on first use.
func (t *Thread) codecRegistry() *codecRegistry {
	in := t.interp
	if in.codecs == nil {
		in.codecs = &codecRegistry{cache: map[string]Value{}, errors: map[string]Value{}}
	}
	return in.codecs
}

// codecLookup is codecs.lookup(encoding): the CodecInfo the search
// functions find for the name.
func codecLookup(t *Thread, encoding string) (Value, error) {
	r := t.codecRegistry()
	if !r.loaded {
		r.loaded = true
		if len(r.search) == 0 {
			if _, err := t.importModule("encodings"); err != nil {
				return Null, err
			}
		}
	}
	key := normalizeLookupName(encoding)
	if v, ok := r.cache[key]; ok {
		return v, nil
	}
	for _, fn := range r.search {
		v, err := t.Call(fn, []Value{NewStrValue(key)}, nil)
		if err != nil {
			return Null, err
		}
		if v.IsNone() {
			continue
		}
		if tu, ok := v.o.(*Tuple); !ok || len(tu.items) != 4 && !v.Type().IsSubtype(TupleType) {
			return Null, t.typeErrorf("codec search functions must return 4-tuples")
		} else if len(tu.items) < 4 {
			return Null, t.typeErrorf("codec search functions must return 4-tuples")
		}
		r.cache[key] = v
		return v, nil
	}
	return Null, t.raisef(LookupErrorType, "unknown encoding: %s", encoding)
}

// normalizeLookupName is the registry's normalization of a codec name:
// lower case, spaces become hyphens.
func normalizeLookupName(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == ' ':
			c = '-'
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// codecResult checks what a codec's encoder or decoder returned: an
// (object, length) tuple.
func codecResult(t *Thread, r Value, encode bool) (Value, error) {
	tu, ok := r.o.(*Tuple)
	if !ok || len(tu.items) != 2 {
		if encode {
			return Null, t.typeErrorf("encoder must return a tuple (object, integer)")
		}
		return Null, t.typeErrorf("decoder must return a tuple (object,integer)")
	}
	return tu.items[0], nil
}

// exceptionRange reads the start and end of a Unicode error for the
// builtin error handlers.
func exceptionRange(t *Thread, e *Exception) (int, int, error) {
	start, err := AsSize(t, noneIfNull(e.Start), nil)
	if err != nil {
		return 0, 0, err
	}
	end, err := AsSize(t, noneIfNull(e.End), nil)
	return start, end, err
}

// builtinErrorHandler is the function lookup_error returns for a builtin
// handler: it takes the exception and returns (replacement, position).
func builtinErrorHandler(name string, h errHandler) BuiltinFunc {
	return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, name, args, kw); err != nil {
			return Null, err
		}
		e, ok := args[0].o.(*Exception)
		if h == ehStrict {
			if !ok {
				return Null, t.typeErrorf("codec must pass exception instance")
			}
			return Null, e
		}
		kind := ""
		if ok {
			switch {
			case e.cls.IsSubtype(UnicodeEncodeErrorType):
				kind = "encode"
			case e.cls.IsSubtype(UnicodeDecodeErrorType):
				kind = "decode"
			case e.cls.IsSubtype(UnicodeTranslateErrorType):
				kind = "translate"
			}
		}
		wrong := func() error {
			return t.typeErrorf("don't know how to handle %s in error callback", typeName(args[0]))
		}
		if kind == "" {
			return Null, wrong()
		}
		start, end, err := exceptionRange(t, e)
		if err != nil {
			return Null, err
		}
		var w strWriter
		var raw []byte
		isRaw := false
		obj := e.Object
		var s *Str
		var b []byte
		if kind == "decode" {
			if b, ok = bytesLike(obj); !ok {
				return Null, t.typeErrorf("object attribute must be bytes")
			}
			start, end = max(0, min(start, len(b))), max(0, min(end, len(b)))
		} else {
			if s, ok = obj.o.(*Str); !ok {
				return Null, t.typeErrorf("object attribute must be unicode")
			}
			start, end = max(0, min(start, s.n)), max(0, min(end, s.n))
		}
		switch h {
		case ehIgnore:
		case ehReplace:
			switch kind {
			case "encode":
				for i := start; i < end; i++ {
					w.writeRune('?')
				}
			case "decode":
				w.writeRune(0xFFFD)
			default:
				for i := start; i < end; i++ {
					w.writeRune(0xFFFD)
				}
			}
		case ehXMLRef, ehName:
			if kind != "encode" {
				return Null, wrong()
			}
			for i := start; i < end; i++ {
				r := s.At(i)
				if h == ehXMLRef {
					w.writeString("&#"+formatInt64(int64(r))+";", -1)
					continue
				}
				if n := charName(r); n != "" {
					w.writeString("\\N{"+n+"}", -1)
				} else {
					w.writeString(escapeCodePoint(r), -1)
				}
			}
		case ehBackslash:
			if kind == "decode" {
				for _, c := range b[start:end] {
					w.writeString(escapeCodePoint(rune(c)), -1)
				}
			} else {
				for i := start; i < end; i++ {
					w.writeString(escapeCodePoint(s.At(i)), -1)
				}
			}
		case ehSurrEscape:
			switch kind {
			case "decode":
				for _, c := range b[start:end] {
					if c < 0x80 {
						return Null, e
					}
					w.writeRune(0xDC00 + rune(c))
				}
			case "encode":
				isRaw = true
				for i := start; i < end; i++ {
					r := s.At(i)
					if r < 0xDC80 || r > 0xDCFF {
						return Null, e
					}
					raw = append(raw, byte(r-0xDC00))
				}
			default:
				return Null, wrong()
			}
		case ehSurrPass:
			enc := ""
			if es, ok := e.Encoding.o.(*Str); ok {
				enc = normalizeEncoding(es.s)
			}
			switch kind {
			case "encode":
				isRaw = true
				for i := start; i < end; i++ {
					r := s.At(i)
					if !isSurrogate(r) {
						return Null, e
					}
					switch enc {
					case "utf_8", "utf8":
						raw = append(raw, byte(0xE0|r>>12), byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
					case "utf_16_le", "utf_16":
						raw = append(raw, byte(r), byte(r>>8))
					case "utf_16_be":
						raw = append(raw, byte(r>>8), byte(r))
					case "utf_32_le", "utf_32":
						raw = append(raw, byte(r), byte(r>>8), 0, 0)
					case "utf_32_be":
						raw = append(raw, 0, 0, byte(r>>8), byte(r))
					default:
						return Null, e
					}
				}
			case "decode":
				var r rune
				n := 0
				switch enc {
				case "utf_8", "utf8":
					if start+2 < len(b) && b[start] == 0xED && b[start+1]&0xE0 == 0xA0 && b[start+2]&0xC0 == 0x80 {
						r, n = 0xD000|rune(b[start+1]&0x3F)<<6|rune(b[start+2]&0x3F), 3
					}
				case "utf_16_le", "utf_16":
					if start+1 < len(b) {
						r, n = rune(b[start+1])<<8|rune(b[start]), 2
					}
				case "utf_16_be":
					if start+1 < len(b) {
						r, n = rune(b[start])<<8|rune(b[start+1]), 2
					}
				case "utf_32_le", "utf_32":
					if start+3 < len(b) {
						r, n = rune(b[start+3])<<24|rune(b[start+2])<<16|rune(b[start+1])<<8|rune(b[start]), 4
					}
				case "utf_32_be":
					if start+3 < len(b) {
						r, n = rune(b[start])<<24|rune(b[start+1])<<16|rune(b[start+2])<<8|rune(b[start+3]), 4
					}
				}
				if n == 0 || !isSurrogate(r) {
					return Null, e
				}
				w.writeRune(r)
				end = start + n
			default:
				return Null, wrong()
			}
		}
		var rep Value
		if isRaw {
			rep = Value{o: NewBytes(raw)}
		} else {
			rep = Value{o: newStrN(w.b.String(), countCodePoints(w.b.String()))}
		}
		return Value{o: NewTuple(rep, Int(int64(end)))}, nil
	}
}

var builtinHandlers = []struct {
	name string
	h    errHandler
}{
	{"strict", ehStrict}, {"ignore", ehIgnore}, {"replace", ehReplace},
	{"xmlcharrefreplace", ehXMLRef}, {"backslashreplace", ehBackslash},
	{"namereplace", ehName}, {"surrogateescape", ehSurrEscape}, {"surrogatepass", ehSurrPass},
}

// codecFuncArgs reads the (data, errors=None, …) arguments of the codec
// functions: errors is a str or None.
func codecErrorsArg(t *Thread, fname string, args []Value, i int) (string, error) {
	if i >= len(args) || args[i].IsNone() {
		return "strict", nil
	}
	s, ok := args[i].o.(*Str)
	if !ok {
		return "", t.typeErrorf("%s() argument %d must be str or None, not %s", fname, i+1, clinicTypeName(args[i]))
	}
	return s.s, nil
}

// finalArg reads a final (or other int-as-bool) argument.
func finalArg(t *Thread, args []Value, i int, def bool) (bool, error) {
	if i >= len(args) {
		return def, nil
	}
	if _, ok := floatOf(args[i]); ok {
		return false, t.typeErrorf("'float' object cannot be interpreted as an integer")
	}
	return Truth(t, args[i])
}

func setupCodecsModule(t *Thread, m *Module) error {
	r := t.codecRegistry()
	for _, bh := range builtinHandlers {
		if _, ok := r.errors[bh.name]; !ok {
			r.errors[bh.name] = Value{o: NewBuiltin(bh.name+"_errors", builtinErrorHandler(bh.name+"_errors", bh.h))}
		}
	}
	m.AddFunc("register", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "register", args, kw); err != nil {
			return Null, err
		}
		if !isCallable(args[0]) {
			return Null, t.typeErrorf("argument must be callable")
		}
		r := t.codecRegistry()
		r.search = append(r.search, args[0])
		return None, nil
	})
	m.AddFunc("unregister", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "unregister", args, kw); err != nil {
			return Null, err
		}
		r := t.codecRegistry()
		for i, fn := range r.search {
			if fn.Is(args[0]) {
				r.search = append(r.search[:i:i], r.search[i+1:]...)
				r.cache = map[string]Value{}
				break
			}
		}
		return None, nil
	})
	m.AddFunc("lookup", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "lookup", args, kw); err != nil {
			return Null, err
		}
		s, ok := args[0].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("lookup() argument must be str, not %s", clinicTypeName(args[0]))
		}
		return codecLookup(t, s.s)
	})
	coder := func(name string, encode bool) {
		spec := &ArgSpec{Name: name, Params: []string{"obj", "encoding", "errors"}, Required: 1}
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [3]Value
			if err := spec.Parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			encoding, errors, err := encodingArgs(t, name, a[1], a[2])
			if err != nil {
				return Null, err
			}
			info, err := codecLookup(t, encoding)
			if err != nil {
				return Null, err
			}
			fn := info.o.(*Tuple).items[0]
			if !encode {
				fn = info.o.(*Tuple).items[1]
			}
			res, err := t.Call(fn, []Value{a[0], NewStrValue(errors)}, nil)
			if err != nil {
				return Null, err
			}
			return codecResult(t, res, encode)
		})
	}
	coder("encode", true)
	coder("decode", false)
	m.AddFunc("register_error", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := posArgs(t, "_codecs", "register_error", args, kw, 2, 2); err != nil {
			return Null, err
		}
		name, ok := args[0].o.(*Str)
		if !ok {
			return Null, badArgument(t, "register_error", 1, "str", args[0])
		}
		if !isCallable(args[1]) {
			return Null, t.typeErrorf("handler must be callable")
		}
		t.codecRegistry().errors[name.s] = args[1]
		return None, nil
	})
	m.AddFunc("lookup_error", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "lookup_error", args, kw); err != nil {
			return Null, err
		}
		name, ok := args[0].o.(*Str)
		if !ok {
			return Null, badArgument(t, "lookup_error", 0, "str", args[0])
		}
		if h, ok := t.codecRegistry().errors[name.s]; ok {
			return h, nil
		}
		return Null, t.raisef(LookupErrorType, "unknown error handler name '%s'", name.s)
	})

	// The codec functions: NAME_encode(str, errors=None) -> (bytes,
	// length) and NAME_decode(data, errors=None, final=…) -> (str,
	// consumed).
	encodeFn := func(name string, id codecID) {
		fname := name + "_encode"
		m.AddFunc(fname, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, "_codecs", fname, args, kw, 1, 2); err != nil {
				return Null, err
			}
			s, ok := args[0].o.(*Str)
			if !ok {
				return Null, badArgument(t, fname, 1, "str", args[0])
			}
			errors, err := codecErrorsArg(t, fname, args, 1)
			if err != nil {
				return Null, err
			}
			b, err := encodeWith(t, id, nil, s, errors)
			if err != nil {
				return Null, err
			}
			return Value{o: NewTuple(Value{o: NewBytes(b)}, Int(int64(s.n)))}, nil
		})
	}
	decodeFn := func(name string, id codecID, finalDefault bool) {
		fname := name + "_decode"
		m.AddFunc(fname, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, "_codecs", fname, args, kw, 1, 3); err != nil {
				return Null, err
			}
			if sv, ok := args[0].o.(*Str); ok && (id == codecUnicodeEscape || id == codecRawUnicodeEscape) {
				// The escape decoders take a str as its UTF-8 bytes.
				args = append([]Value{{o: NewBytes([]byte(sv.s))}}, args[1:]...)
			}
			b, err := bufferArg(t, args[0])
			if err != nil {
				return Null, err
			}
			errors, err := codecErrorsArg(t, fname, args, 1)
			if err != nil {
				return Null, err
			}
			final, err := finalArg(t, args, 2, finalDefault)
			if err != nil {
				return Null, err
			}
			obj, _ := args[0].o.(*Bytes)
			if obj != nil && obj.cls != BytesType {
				obj = nil
			}
			s, n, _, err := decodeWith(t, id, nil, b, obj, errors, final, 0)
			if err != nil {
				return Null, err
			}
			return Value{o: NewTuple(Value{o: s}, Int(int64(n)))}, nil
		})
	}
	for _, c := range []struct {
		name  string
		id    codecID
		final bool
	}{
		{"utf_8", codecUTF8, false}, {"ascii", codecASCII, true}, {"latin_1", codecLatin1, true},
		{"utf_16", codecUTF16, false}, {"utf_16_le", codecUTF16LE, false}, {"utf_16_be", codecUTF16BE, false},
		{"utf_32", codecUTF32, false}, {"utf_32_le", codecUTF32LE, false}, {"utf_32_be", codecUTF32BE, false},
		{"unicode_escape", codecUnicodeEscape, true}, {"raw_unicode_escape", codecRawUnicodeEscape, true},
	} {
		if c.id != codecUTF16 && c.id != codecUTF32 {
			encodeFn(c.name, c.id)
		}
		decodeFn(c.name, c.id, c.final)
	}
	// utf_16_encode and utf_32_encode take a byte order: 0 writes a BOM
	// and the native (little-endian) order, -1 little-endian, 1
	// big-endian.
	for _, c := range []struct {
		name       string
		id, le, be codecID
	}{{"utf_16", codecUTF16, codecUTF16LE, codecUTF16BE}, {"utf_32", codecUTF32, codecUTF32LE, codecUTF32BE}} {
		c := c
		fname := c.name + "_encode"
		m.AddFunc(fname, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, "_codecs", fname, args, kw, 1, 3); err != nil {
				return Null, err
			}
			s, ok := args[0].o.(*Str)
			if !ok {
				return Null, badArgument(t, fname, 1, "str", args[0])
			}
			errors, err := codecErrorsArg(t, fname, args, 1)
			if err != nil {
				return Null, err
			}
			id := c.id
			if len(args) == 3 {
				bo, err := intArg32(t, args[2])
				if err != nil {
					return Null, err
				}
				if bo < 0 {
					id = c.le
				} else if bo > 0 {
					id = c.be
				}
			}
			b, err := encodeWith(t, id, nil, s, errors)
			if err != nil {
				return Null, err
			}
			return Value{o: NewTuple(Value{o: NewBytes(b)}, Int(int64(s.n)))}, nil
		})
		exName := c.name + "_ex_decode"
		m.AddFunc(exName, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, "_codecs", exName, args, kw, 1, 4); err != nil {
				return Null, err
			}
			b, err := bufferArg(t, args[0])
			if err != nil {
				return Null, err
			}
			errors, err := codecErrorsArg(t, exName, args, 1)
			if err != nil {
				return Null, err
			}
			bo := 0
			if len(args) >= 3 {
				if bo, err = intArg32(t, args[2]); err != nil {
					return Null, err
				}
			}
			final, err := finalArg(t, args, 3, false)
			if err != nil {
				return Null, err
			}
			s, n, bo2, err := decodeWith(t, c.id, nil, b, nil, errors, final, bo)
			if err != nil {
				return Null, err
			}
			if bo == 0 && n == 0 {
				bo2 = 0
			}
			return Value{o: NewTuple(Value{o: s}, Int(int64(n)), Int(int64(bo2)))}, nil
		})
	}
	m.AddFunc("charmap_build", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "charmap_build", args, kw); err != nil {
			return Null, err
		}
		s, ok := args[0].o.(*Str)
		if !ok {
			return Null, badArgument(t, "charmap_build", 0, "str", args[0])
		}
		d := NewDict()
		for i, r := range s.Runes() {
			if err := d.Set(t, Int(int64(r)), Int(int64(i))); err != nil {
				return Null, err
			}
		}
		return Value{o: d}, nil
	})
	m.AddFunc("charmap_decode", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := posArgs(t, "_codecs", "charmap_decode", args, kw, 1, 3); err != nil {
			return Null, err
		}
		b, err := bufferArg(t, args[0])
		if err != nil {
			return Null, err
		}
		errors, err := codecErrorsArg(t, "charmap_decode", args, 1)
		if err != nil {
			return Null, err
		}
		if len(args) < 3 || args[2].IsNone() {
			s, n, _, err := decodeWith(t, codecLatin1, nil, b, nil, errors, true, 0)
			if err != nil {
				return Null, err
			}
			return Value{o: NewTuple(Value{o: s}, Int(int64(n)))}, nil
		}
		var cm *charmap
		if tbl, ok := args[2].o.(*Str); ok {
			cm = &charmap{table: append([]rune(nil), tbl.Runes()...)}
			for len(cm.table) < 256 {
				cm.table = append(cm.table, 0xFFFE)
			}
		} else {
			cm = &charmap{table: make([]rune, 256)}
			for i := range cm.table {
				v, err := GetItem(t, args[2], Int(int64(i)))
				if err != nil {
					if e := asException(err); e != nil && e.cls.IsSubtype(LookupErrorType) {
						cm.table[i] = 0xFFFE
						continue
					}
					return Null, err
				}
				switch {
				case v.IsNone():
					cm.table[i] = 0xFFFE
				case v.IsIntLike():
					n, _ := smallIntOf(v)
					if n < 0 || n > 0x10FFFF {
						return Null, t.typeErrorf("character mapping must be in range(0x110000)")
					}
					cm.table[i] = rune(n)
				default:
					vs, ok := v.o.(*Str)
					if !ok || vs.n != 1 {
						return Null, t.typeErrorf("character mapping must return integer, None or str")
					}
					cm.table[i] = vs.At(0)
				}
			}
		}
		s, n, _, err := decodeWith(t, codecCharmap, cm, b, nil, errors, true, 0)
		if err != nil {
			return Null, err
		}
		return Value{o: NewTuple(Value{o: s}, Int(int64(n)))}, nil
	})
	m.AddFunc("charmap_encode", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := posArgs(t, "_codecs", "charmap_encode", args, kw, 1, 3); err != nil {
			return Null, err
		}
		s, ok := args[0].o.(*Str)
		if !ok {
			return Null, badArgument(t, "charmap_encode", 1, "str", args[0])
		}
		errors, err := codecErrorsArg(t, "charmap_encode", args, 1)
		if err != nil {
			return Null, err
		}
		var cm *charmap
		if len(args) < 3 || args[2].IsNone() {
			cm = &charmap{table: make([]rune, 256)}
			for i := range cm.table {
				cm.table[i] = rune(i)
			}
		} else {
			cm = &charmap{rev: map[rune]byte{}}
			cm.once.Do(func() {})
			d, ok := args[2].o.(*Dict)
			if !ok {
				return Null, t.typeErrorf("character mapping must be a dict")
			}
			var ferr error
			d.Items(func(k, v Value) bool {
				kn, ok1 := smallIntOf(k)
				vn, ok2 := smallIntOf(v)
				if ok1 && ok2 && vn >= 0 && vn < 256 {
					cm.rev[rune(kn)] = byte(vn)
				} else if ok1 && !v.IsNone() {
					ferr = t.typeErrorf("character mapping must return integer, bytes or None, not %s", typeName(v))
					return false
				}
				return true
			})
			if ferr != nil {
				return Null, ferr
			}
		}
		b, err := encodeWith(t, codecCharmap, cm, s, errors)
		if err != nil {
			return Null, err
		}
		return Value{o: NewTuple(Value{o: NewBytes(b)}, Int(int64(s.n)))}, nil
	})
	m.AddFunc("readbuffer_encode", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := posArgs(t, "_codecs", "readbuffer_encode", args, kw, 1, 2); err != nil {
			return Null, err
		}
		var b []byte
		if s, ok := args[0].o.(*Str); ok {
			b = []byte(s.s)
		} else {
			var err error
			if b, err = bufferArg(t, args[0]); err != nil {
				return Null, err
			}
		}
		return Value{o: NewTuple(Value{o: NewBytes(append([]byte(nil), b...))}, Int(int64(len(b))))}, nil
	})
	m.AddFunc("escape_encode", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := posArgs(t, "_codecs", "escape_encode", args, kw, 1, 2); err != nil {
			return Null, err
		}
		b, ok := args[0].o.(*Bytes)
		if !ok {
			return Null, badArgument(t, "escape_encode", 1, "bytes", args[0])
		}
		r := bytesRepr(b.b)
		// The repr without its b and quotes, with both quotes escaped as
		// PyBytes_Repr does inside.
		body := r[2 : len(r)-1]
		if r[1] == '"' {
			body = strings.ReplaceAll(body, "'", "\\'")
		}
		return Value{o: NewTuple(Value{o: NewBytes([]byte(body))}, Int(int64(len(b.b))))}, nil
	})
	m.AddFunc("escape_decode", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := posArgs(t, "_codecs", "escape_decode", args, kw, 1, 2); err != nil {
			return Null, err
		}
		var b []byte
		if s, ok := args[0].o.(*Str); ok {
			b = []byte(s.s)
		} else {
			var err error
			if b, err = bufferArg(t, args[0]); err != nil {
				return Null, err
			}
		}
		out, err := bytesEscapeDecode(t, b)
		if err != nil {
			return Null, err
		}
		return Value{o: NewTuple(Value{o: NewBytes(out)}, Int(int64(len(b))))}, nil
	})
	return nil
}

// bytesEscapeDecode decodes the escapes of a bytes literal
// (codecs.escape_decode).
func bytesEscapeDecode(t *Thread, b []byte) ([]byte, error) {
	out := make([]byte, 0, len(b))
	invalid := ""
	for i := 0; i < len(b); {
		c := b[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(b) {
			return nil, t.valueErrorf("Trailing \\ in string")
		}
		c = b[i+1]
		i += 2
		switch c {
		case '\n':
		case '\\', '\'', '"':
			out = append(out, c)
		case 'a':
			out = append(out, 7)
		case 'b':
			out = append(out, 8)
		case 'f':
			out = append(out, 12)
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'v':
			out = append(out, 11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			start := i - 1
			for k := 0; k < 2 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
				v = v*8 + int(b[i]-'0')
				i++
			}
			if v > 0o377 && invalid == "" {
				invalid = "invalid octal escape sequence '\\" + string(b[start:i]) + "'"
			}
			out = append(out, byte(v))
		case 'x':
			if i+1 < len(b) && isHexDigit(b[i]) && isHexDigit(b[i+1]) {
				out = append(out, byte(hexValue(b[i])<<4|hexValue(b[i+1])))
				i += 2
				continue
			}
			return nil, t.valueErrorf("invalid \\x escape at position %d", i-2)
		default:
			if invalid == "" {
				invalid = "invalid escape sequence '\\" + string(appendRune(nil, rune(c))) + "'"
			}
			out = append(out, '\\', c)
		}
	}
	if invalid != "" {
		if err := warnDeprecation(t, invalid); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func init() {
	RegisterModule("_codecs", setupCodecsModule)
}
