package vm

import (
	"strings"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// The _json module (Modules/_json.c), the accelerator json takes when it
// can: json.decoder's scanstring, json.scanner's make_scanner (the
// _json.Scanner type) and json.encoder's encode_basestring,
// encode_basestring_ascii and c_make_encoder (the _json.Encoder type,
// used for one-shot dumps without indent). Its behaviour is CPython's C
// module's, which differs from the pure-Python fallbacks in its error
// messages and positions ("Invalid \escape: line 1 column 2 (char 1)").
//
// The scanner works on the bytes of the str (generalized UTF-8: every
// character JSON gives a meaning to is ASCII, so no byte of a multi-byte
// character is ever taken for one) and turns byte offsets into character
// indexes only where Python sees them: the end index it returns and the
// position of an error. Object keys are memoized for one call, so equal
// keys are one str, as in CPython.

var (
	jsonScannerType = nativeType("_json", "Scanner", nil, 0)
	jsonEncoderType = nativeType("_json", "Encoder", nil, 0)
)

const (
	jsonScanstringDoc  = "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON string. End is the index of the\ncharacter in s after the quote that started the JSON string.\nUnescapes all valid JSON string escape sequences and raises ValueError\non attempt to decode an invalid string. If strict is False then literal\ncontrol characters are allowed in the string.\n\nReturns a tuple of the decoded string and the index of the character in s\nafter the end quote."
	jsonEncodeASCIIDoc = "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string"
	jsonEncodeDoc      = "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"
)

// jsonScanner is a _json.Scanner: the decoder's options, read from the
// context once.
type jsonScanner struct {
	ObjectBase
	strict                                                     bool
	objectHook, pairsHook, parseFloat, parseInt, parseConstant Value
}

// jsonEncoder is a _json.Encoder.
type jsonEncoder struct {
	ObjectBase
	markers, defaultFn, encoder, indent Value
	keySep, itemSep                     *Str
	sortKeys, skipKeys, allowNaN        bool
	fast                                int // 1: encode_basestring_ascii, 2: encode_basestring, 0: call encoder
}

// jsonFastEncoders are the module's two string encoders, which an
// Encoder calls directly (CPython's fast_encode).
var jsonFastEncoders = map[*Builtin]int{}

func init() {
	RegisterModule("_json", initJSONModule)
	onSetup(setupJSONTypes)
}

func initJSONModule(t *Thread, m *Module) error {
	m.Set("__doc__", NewStrValue("json speedups\n"))
	add := func(name, doc string, fn BuiltinFunc) *Builtin {
		b := NewBuiltin(name, fn)
		b.module = "_json"
		b.doc = doc
		m.Set(name, Value{o: b})
		return b
	}
	strArg := func(name string, args []Value, kw []*Str) (*Str, error) {
		if err := oneArg(t, "_json."+name, args, kw); err != nil {
			return nil, err
		}
		s, ok := args[0].o.(*Str)
		if !ok {
			return nil, t.typeErrorf("first argument must be a string, not %.80s", args[0].Type().Name)
		}
		return s, nil
	}
	ascii := add("encode_basestring_ascii", jsonEncodeASCIIDoc, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		s, err := strArg("encode_basestring_ascii", args, kw)
		if err != nil {
			return Null, err
		}
		return NewStrValue(jsonQuote(s, true)), nil
	})
	plain := add("encode_basestring", jsonEncodeDoc, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		s, err := strArg("encode_basestring", args, kw)
		if err != nil {
			return Null, err
		}
		return NewStrValue(jsonQuote(s, false)), nil
	})
	jsonFastEncoders[ascii], jsonFastEncoders[plain] = 1, 2
	add("scanstring", jsonScanstringDoc, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noKwargs(t, "scanstring", kw); err != nil {
			return Null, err
		}
		if len(args) < 2 {
			return Null, t.typeErrorf("scanstring() takes at least 2 arguments (%d given)", len(args))
		}
		if len(args) > 3 {
			return Null, t.typeErrorf("scanstring() takes at most 3 arguments (%d given)", len(args))
		}
		end, err := AsSize(t, args[1], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		strict := true
		if len(args) == 3 {
			if strict, err = Truth(t, args[2]); err != nil {
				return Null, err
			}
		}
		s, ok := args[0].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("first argument must be a string, not %.80s", args[0].Type().Name)
		}
		if end < 0 || s.n < end {
			return Null, t.valueErrorf("end is out of bounds")
		}
		v, next, err := jsonScanString(t, args[0], s, s.byteOff(end), strict)
		if err != nil {
			return Null, err
		}
		return Value{o: NewTuple(v, Int(int64(s.cpIndex(next))))}, nil
	})
	m.Set("make_scanner", Value{o: jsonScannerType})
	m.Set("make_encoder", Value{o: jsonEncoderType})
	return nil
}

// parseTupleKw binds arguments as PyArg_ParseTupleAndKeywords does (every
// parameter may be given by position or by name), with its messages.
func parseTupleKw(t *Thread, fname string, params []string, required int, args []Value, kwnames []*Str, out []Value) error {
	nargs := len(args) - len(kwnames)
	nkw := len(kwnames)
	if nargs+nkw > len(params) {
		kwWord := ""
		if nargs == 0 {
			kwWord = "keyword "
		}
		return t.typeErrorf("%s() takes at most %d %sargument%s (%d given)", fname, len(params), kwWord, plural(len(params)), nargs+nkw)
	}
	kwvals := args[nargs:]
	left := nkw
	for i, name := range params {
		out[i] = Null
		var byName Value
		for k, kw := range kwnames {
			if kw.s == name {
				byName = kwvals[k]
			}
		}
		if i < nargs {
			if !byName.IsNull() {
				return t.typeErrorf("argument for %s() given by name ('%s') and position (%d)", fname, name, i+1)
			}
			out[i] = args[i]
			continue
		}
		if !byName.IsNull() {
			out[i] = byName
			left--
		} else if i < required {
			return t.typeErrorf("%s() missing required argument '%s' (pos %d)", fname, name, i+1)
		}
	}
	if left > 0 {
		for _, kw := range kwnames {
			known := false
			for _, name := range params {
				known = known || kw.s == name
			}
			if !known {
				return t.typeErrorf("%s() got an unexpected keyword argument '%s'", fname, kw.s)
			}
		}
	}
	return nil
}

func setupJSONTypes() {
	st := jsonScannerType
	st.Doc = "JSON scanner object"
	st.Dict.SetStr("__doc__", NewStrValue(st.Doc))
	st.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		var a [1]Value
		if err := parseTupleKw(t, "make_scanner", []string{"context"}, 1, args, kw, a[:]); err != nil {
			return Null, err
		}
		ctx := a[0]
		s := &jsonScanner{ObjectBase: ObjectBase{cls: cls}}
		strict, err := GetAttrString(t, ctx, "strict")
		if err != nil {
			return Null, err
		}
		if s.strict, err = Truth(t, strict); err != nil {
			return Null, err
		}
		for _, f := range []struct {
			name string
			dst  *Value
		}{{"object_hook", &s.objectHook}, {"object_pairs_hook", &s.pairsHook}, {"parse_float", &s.parseFloat},
			{"parse_int", &s.parseInt}, {"parse_constant", &s.parseConstant}} {
			v, err := GetAttrString(t, ctx, f.name)
			if err != nil {
				return Null, err
			}
			*f.dst = v
		}
		return Value{o: s}, nil
	}
	st.Call = func(t *Thread, callable Value, args []Value, kw []*Str) (Value, error) {
		var a [2]Value
		if err := parseTupleKw(t, "scan_once", []string{"string", "idx"}, 2, args, kw, a[:]); err != nil {
			return Null, err
		}
		idx, err := AsSize(t, a[1], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		s, ok := a[0].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("first argument must be a string, not %.80s", a[0].Type().Name)
		}
		sc := &jsonScan{t: t, s: callable.o.(*jsonScanner), doc: a[0], str: s, memo: map[string]Value{}}
		if idx < 0 {
			return Null, t.valueErrorf("idx cannot be negative")
		}
		if idx >= s.n {
			return Null, stopIteration(Int(int64(idx)))
		}
		v, next, err := sc.scanOnce(s.byteOff(idx))
		if err != nil {
			return Null, err
		}
		return Value{o: NewTuple(v, Int(int64(s.cpIndex(next))))}, nil
	}
	member := func(tp *Type, name string, get func(Value) Value) {
		defMember(tp, name, func(t *Thread, self Value) (Value, error) { return get(self), nil })
	}
	scanner := func(v Value) *jsonScanner { return v.o.(*jsonScanner) }
	member(st, "strict", func(v Value) Value { return Bool(scanner(v).strict) })
	member(st, "object_hook", func(v Value) Value { return scanner(v).objectHook })
	member(st, "object_pairs_hook", func(v Value) Value { return scanner(v).pairsHook })
	member(st, "parse_float", func(v Value) Value { return scanner(v).parseFloat })
	member(st, "parse_int", func(v Value) Value { return scanner(v).parseInt })
	member(st, "parse_constant", func(v Value) Value { return scanner(v).parseConstant })

	et := jsonEncoderType
	et.Doc = "Encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan)"
	et.Dict.SetStr("__doc__", NewStrValue(et.Doc))
	et.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		var a [9]Value
		if err := parseTupleKw(t, "make_encoder", []string{"markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan"}, 9, args, kw, a[:]); err != nil {
			return Null, err
		}
		e := &jsonEncoder{ObjectBase: ObjectBase{cls: cls}, markers: a[0], defaultFn: a[1], encoder: a[2], indent: a[3]}
		for i, dst := range []**Str{&e.keySep, &e.itemSep} {
			s, ok := a[4+i].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("make_encoder() argument %d must be str, not %s", 5+i, typeName(a[4+i]))
			}
			*dst = s
		}
		for i, dst := range []*bool{&e.sortKeys, &e.skipKeys, &e.allowNaN} {
			b, err := Truth(t, a[6+i])
			if err != nil {
				return Null, err
			}
			*dst = b
		}
		if _, ok := e.markers.o.(*Dict); !ok && !e.markers.IsNone() {
			return Null, t.typeErrorf("make_encoder() argument 1 must be dict or None, not %.200s", e.markers.Type().Name)
		}
		if b, ok := e.encoder.o.(*Builtin); ok {
			e.fast = jsonFastEncoders[b]
		}
		return Value{o: e}, nil
	}
	et.Call = func(t *Thread, callable Value, args []Value, kw []*Str) (Value, error) {
		var a [2]Value
		if err := parseTupleKw(t, "_iterencode", []string{"obj", "_current_indent_level"}, 2, args, kw, a[:]); err != nil {
			return Null, err
		}
		var w strings.Builder
		level, err := AsSize(t, a[1], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		if err := callable.o.(*jsonEncoder).encodeObj(t, &w, a[0], level); err != nil {
			return Null, err
		}
		return Value{o: NewTuple(NewStrValue(w.String()))}, nil
	}
	encoder := func(v Value) *jsonEncoder { return v.o.(*jsonEncoder) }
	member(et, "markers", func(v Value) Value { return encoder(v).markers })
	member(et, "default", func(v Value) Value { return encoder(v).defaultFn })
	member(et, "encoder", func(v Value) Value { return encoder(v).encoder })
	member(et, "indent", func(v Value) Value { return encoder(v).indent })
	member(et, "key_separator", func(v Value) Value { return Value{o: encoder(v).keySep} })
	member(et, "item_separator", func(v Value) Value { return Value{o: encoder(v).itemSep} })
	member(et, "sort_keys", func(v Value) Value { return Bool(encoder(v).sortKeys) })
	member(et, "skipkeys", func(v Value) Value { return Bool(encoder(v).skipKeys) })
}

// jsonDecodeError raises json.decoder.JSONDecodeError(msg, doc, pos),
// pos being a byte offset into str.
func jsonDecodeError(t *Thread, msg string, doc Value, str *Str, pos int) error {
	mod, err := t.importModule("json.decoder")
	if err != nil {
		return err
	}
	cls, err := GetAttrString(t, mod, "JSONDecodeError")
	if err != nil {
		return err
	}
	exc, err := t.Call(cls, []Value{NewStrValue(msg), doc, Int(int64(str.cpIndex(pos)))}, nil)
	if err != nil {
		return err
	}
	if e, ok := exc.o.(*Exception); ok {
		return e
	}
	return t.typeErrorf("exceptions must derive from BaseException")
}

// jsonHex reads the 4 hex digits at s[i:i+4].
func jsonHex(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		d := digitOf(c)
		if d >= 16 {
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}

// jsonScanString is scanstring_unicode: the string whose opening quote
// is just before byte offset end of str; it returns the string and the
// byte offset after its closing quote.
func jsonScanString(t *Thread, doc Value, str *Str, end int, strict bool) (Value, int, error) {
	s := str.s
	begin := end - 1
	var buf []byte
	for {
		i := end
		for ; i < len(s); i++ {
			c := s[i]
			if c == '"' || c == '\\' {
				break
			}
			if c <= 0x1f && strict {
				return Null, 0, jsonDecodeError(t, "Invalid control character at", doc, str, i)
			}
		}
		if i == len(s) {
			return Null, 0, jsonDecodeError(t, "Unterminated string starting at", doc, str, begin)
		}
		if s[i] == '"' {
			if buf == nil {
				return Value{o: jsonSubstr(s[end:i])}, i + 1, nil
			}
			buf = append(buf, s[end:i]...)
			return NewStrValue(string(buf)), i + 1, nil
		}
		buf = append(buf, s[end:i]...)
		i++ // past the backslash
		if i == len(s) {
			return Null, 0, jsonDecodeError(t, "Unterminated string starting at", doc, str, begin)
		}
		if c := s[i]; c != 'u' {
			end = i + 1
			switch c {
			case '"', '\\', '/':
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			default:
				return Null, 0, jsonDecodeError(t, "Invalid \\escape", doc, str, i-1)
			}
			buf = append(buf, c)
			continue
		}
		i++ // past the u
		// CPython wants a character after the 4 digits (end >= len fails).
		r, ok := jsonHex(s, i)
		if !ok || i+4 >= len(s) {
			return Null, 0, jsonDecodeError(t, "Invalid \\uXXXX escape", doc, str, i-1)
		}
		end = i + 4
		if r >= 0xd800 && r <= 0xdbff && jsonMoreChars(s, end, 7) && s[end] == '\\' && s[end+1] == 'u' {
			r2, ok := jsonHex(s, end+2)
			if !ok {
				return Null, 0, jsonDecodeError(t, "Invalid \\uXXXX escape", doc, str, end+1)
			}
			if r2 >= 0xdc00 && r2 <= 0xdfff {
				r = 0x10000 + (r-0xd800)<<10 + (r2 - 0xdc00)
				end += 6
			}
		}
		buf = pyconst.AppendRune(buf, r)
	}
}

// jsonMoreChars reports whether s has at least k characters from byte
// offset i on.
func jsonMoreChars(s string, i, k int) bool {
	for ; i < len(s) && k > 0; i++ {
		if s[i]&0xC0 != 0x80 {
			k--
		}
	}
	return k == 0
}

// jsonSubstr is the str of a part of a JSON text (a single character is
// the shared one, as CPython's substrings of length 1 are).
func jsonSubstr(s string) *Str {
	if len(s) == 1 {
		return charStr(rune(s[0]))
	}
	if r, n := decodeGeneralized(s); n == len(s) && n > 0 {
		return charStr(r)
	}
	return NewStr(s)
}

// jsonScan is one call of a Scanner: its options, the document and the
// key memo.
type jsonScan struct {
	t    *Thread
	s    *jsonScanner
	doc  Value
	str  *Str
	memo map[string]Value
}

func jsonSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (sc *jsonScan) skip(i int) int {
	s := sc.str.s
	for i < len(s) && jsonSpace(s[i]) {
		i++
	}
	return i
}

func (sc *jsonScan) fail(msg string, pos int) error {
	return jsonDecodeError(sc.t, msg, sc.doc, sc.str, pos)
}

// scanOnce is scan_once_unicode at byte offset i.
func (sc *jsonScan) scanOnce(i int) (Value, int, error) {
	t, s := sc.t, sc.str.s
	if i >= len(s) {
		return Null, 0, stopIteration(Int(int64(sc.str.cpIndex(i))))
	}
	switch s[i] {
	case '"':
		return jsonScanString(t, sc.doc, sc.str, i+1, sc.s.strict)
	case '{':
		if err := t.enterC(" while decoding a JSON object from a unicode string"); err != nil {
			return Null, 0, err
		}
		v, next, err := sc.parseObject(i + 1)
		t.leaveC()
		return v, next, err
	case '[':
		if err := t.enterC(" while decoding a JSON array from a unicode string"); err != nil {
			return Null, 0, err
		}
		v, next, err := sc.parseArray(i + 1)
		t.leaveC()
		return v, next, err
	case 'n':
		if strings.HasPrefix(s[i:], "null") {
			return None, i + 4, nil
		}
	case 't':
		if strings.HasPrefix(s[i:], "true") {
			return True, i + 4, nil
		}
	case 'f':
		if strings.HasPrefix(s[i:], "false") {
			return False, i + 5, nil
		}
	case 'N':
		if strings.HasPrefix(s[i:], "NaN") {
			return sc.constant("NaN", i)
		}
	case 'I':
		if strings.HasPrefix(s[i:], "Infinity") {
			return sc.constant("Infinity", i)
		}
	case '-':
		if strings.HasPrefix(s[i:], "-Infinity") {
			return sc.constant("-Infinity", i)
		}
	}
	return sc.number(i)
}

func (sc *jsonScan) constant(name string, i int) (Value, int, error) {
	v, err := sc.t.Call(sc.s.parseConstant, []Value{Value{o: Intern(name)}}, nil)
	return v, i + len(name), err
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// number is _match_number_unicode.
func (sc *jsonScan) number(start int) (Value, int, error) {
	t, s := sc.t, sc.str.s
	last := len(s) - 1
	i := start
	stop := func() (Value, int, error) {
		return Null, 0, stopIteration(Int(int64(sc.str.cpIndex(start))))
	}
	if s[i] == '-' {
		i++
		if i > last {
			return stop()
		}
	}
	switch {
	case s[i] >= '1' && s[i] <= '9':
		i++
		for i <= last && isDigit(s[i]) {
			i++
		}
	case s[i] == '0':
		i++
	default:
		return stop()
	}
	isFloat := false
	if i < last && s[i] == '.' && isDigit(s[i+1]) {
		isFloat = true
		i += 2
		for i <= last && isDigit(s[i]) {
			i++
		}
	}
	if i < last && (s[i] == 'e' || s[i] == 'E') {
		eStart := i
		i++
		if i < last && (s[i] == '-' || s[i] == '+') {
			i++
		}
		for i <= last && isDigit(s[i]) {
			i++
		}
		if isDigit(s[i-1]) {
			isFloat = true
		} else {
			i = eStart
		}
	}
	text := s[start:i]
	var custom Value
	switch {
	case isFloat && sc.s.parseFloat.o != Object(FloatType):
		custom = sc.s.parseFloat
	case !isFloat && sc.s.parseInt.o != Object(IntType):
		custom = sc.s.parseInt
	}
	if !custom.IsNull() {
		v, err := t.Call(custom, []Value{NewStrValue(text)}, nil)
		return v, i, err
	}
	if isFloat {
		f, _ := parseFloatText([]byte(text))
		return Float(f), i, nil
	}
	v, err := intFromText(t, []byte(text), 10, NewStrValue(text), false)
	return v, i, err
}

// key reads an object's key at i (a quote) through the memo.
func (sc *jsonScan) key(i int) (Value, int, error) {
	k, next, err := jsonScanString(sc.t, sc.doc, sc.str, i+1, sc.s.strict)
	if err != nil {
		return Null, 0, err
	}
	ks := k.o.(*Str).s
	if m, ok := sc.memo[ks]; ok {
		return m, next, nil
	}
	sc.memo[ks] = k
	return k, next, nil
}

// parseObject is _parse_object_unicode, i just after the '{'.
func (sc *jsonScan) parseObject(i int) (Value, int, error) {
	t, s := sc.t, sc.str.s
	pairs := !sc.s.pairsHook.IsNone()
	var d *Dict
	var items []Value
	if !pairs {
		d = NewDict()
	}
	i = sc.skip(i)
	if i >= len(s) || s[i] != '}' {
		for {
			if i >= len(s) || s[i] != '"' {
				return Null, 0, sc.fail("Expecting property name enclosed in double quotes", i)
			}
			key, next, err := sc.key(i)
			if err != nil {
				return Null, 0, err
			}
			i = sc.skip(next)
			if i >= len(s) || s[i] != ':' {
				return Null, 0, sc.fail("Expecting ':' delimiter", i)
			}
			i = sc.skip(i + 1)
			val, next, err := sc.scanOnce(i)
			if err != nil {
				return Null, 0, err
			}
			if pairs {
				items = append(items, Value{o: NewTuple(key, val)})
			} else if err := d.Set(t, key, val); err != nil {
				return Null, 0, err
			}
			i = sc.skip(next)
			if i < len(s) && s[i] == '}' {
				break
			}
			if i >= len(s) || s[i] != ',' {
				return Null, 0, sc.fail("Expecting ',' delimiter", i)
			}
			comma := i
			i = sc.skip(i + 1)
			if i < len(s) && s[i] == '}' {
				return Null, 0, sc.fail("Illegal trailing comma before end of object", comma)
			}
		}
	}
	next := i + 1
	if pairs {
		v, err := t.Call(sc.s.pairsHook, []Value{Value{o: NewList(items...)}}, nil)
		return v, next, err
	}
	if !sc.s.objectHook.IsNone() {
		v, err := t.Call(sc.s.objectHook, []Value{Value{o: d}}, nil)
		return v, next, err
	}
	return Value{o: d}, next, nil
}

// parseArray is _parse_array_unicode, i just after the '['.
func (sc *jsonScan) parseArray(i int) (Value, int, error) {
	s := sc.str.s
	var items []Value
	i = sc.skip(i)
	if i >= len(s) || s[i] != ']' {
		for {
			val, next, err := sc.scanOnce(i)
			if err != nil {
				return Null, 0, err
			}
			items = append(items, val)
			i = sc.skip(next)
			if i < len(s) && s[i] == ']' {
				break
			}
			if i >= len(s) || s[i] != ',' {
				return Null, 0, sc.fail("Expecting ',' delimiter", i)
			}
			comma := i
			i = sc.skip(i + 1)
			if i < len(s) && s[i] == ']' {
				return Null, 0, sc.fail("Illegal trailing comma before end of array", comma)
			}
		}
	}
	if i >= len(s) || s[i] != ']' {
		// At the last character (end_idx).
		return Null, 0, sc.fail("Expecting value", sc.str.byteOff(sc.str.n-1))
	}
	return Value{o: NewList(items...)}, i + 1, nil
}

const jsonHexDigits = "0123456789abcdef"

// jsonQuote is encode_basestring (ascii false: only '"', '\\' and the
// control characters escaped) or encode_basestring_ascii.
func jsonQuote(str *Str, ascii bool) string {
	s := str.s
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	u4 := func(r rune) {
		b.WriteString(`\u`)
		for sh := 12; sh >= 0; sh -= 4 {
			b.WriteByte(jsonHexDigits[(r>>sh)&0xf])
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
			switch c {
			case '\\', '"':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				if c < 0x20 || (ascii && c == 0x7f) {
					u4(rune(c))
				} else {
					b.WriteByte(c)
				}
			}
			continue
		}
		r, n := decodeGeneralized(s[i:])
		if !ascii {
			b.WriteString(s[i : i+n])
		} else if r >= 0x10000 {
			r -= 0x10000
			u4(0xd800 + r>>10)
			u4(0xdc00 + r&0x3ff)
		} else {
			u4(r)
		}
		i += n
	}
	b.WriteByte('"')
	return b.String()
}

// encodeString is encoder_encode_string.
func (e *jsonEncoder) encodeString(t *Thread, w *strings.Builder, s Value) error {
	if e.fast != 0 {
		w.WriteString(jsonQuote(s.o.(*Str), e.fast == 1))
		return nil
	}
	r, err := t.Call(e.encoder, []Value{s}, nil)
	if err != nil {
		return err
	}
	rs, ok := r.o.(*Str)
	if !ok {
		return t.typeErrorf("encoder() must return a string, not %.80s", r.Type().Name)
	}
	w.WriteString(rs.s)
	return nil
}

// encodeFloat is encoder_encode_float.
func (e *jsonEncoder) encodeFloat(t *Thread, v Value) (string, error) {
	f, _ := floatOf(v)
	switch {
	case f != f || f > maxFloat64 || f < -maxFloat64:
		if !e.allowNaN {
			r, err := Repr(t, v)
			if err != nil {
				return "", err
			}
			return "", t.valueErrorf("Out of range float values are not JSON compliant: %s", r.s)
		}
		switch {
		case f > 0:
			return "Infinity", nil
		case f < 0:
			return "-Infinity", nil
		}
		return "NaN", nil
	}
	r, err := floatRepr(t, v)
	if err != nil {
		return "", err
	}
	return r.o.(*Str).s, nil
}

const maxFloat64 = 1.7976931348623157e308

// mark enters a container into the markers (circular reference check);
// the returned key is for unmark, Null when there are no markers.
func (e *jsonEncoder) mark(t *Thread, v Value) (Value, error) {
	d, ok := e.markers.o.(*Dict)
	if !ok {
		return Null, nil
	}
	ident := Int(identityOf(v))
	if _, found, err := d.Get(t, ident); err != nil {
		return Null, err
	} else if found {
		return Null, t.valueErrorf("Circular reference detected")
	}
	if err := d.Set(t, ident, v); err != nil {
		return Null, err
	}
	return ident, nil
}

func (e *jsonEncoder) unmark(t *Thread, ident Value) error {
	if ident.IsNull() {
		return nil
	}
	d := e.markers.o.(*Dict)
	found, err := d.Delete(t, ident)
	if err == nil && !found {
		err = NewException(KeyErrorType, ident)
	}
	return err
}

// encodeObj is encoder_listencode_obj.
func (e *jsonEncoder) encodeObj(t *Thread, w *strings.Builder, v Value, level int) error {
	switch {
	case v.IsNone():
		w.WriteString("null")
		return nil
	case v.Is(True):
		w.WriteString("true")
		return nil
	case v.Is(False):
		w.WriteString("false")
		return nil
	}
	switch x := v.o.(type) {
	case *Str:
		return e.encodeString(t, w, v)
	case *List, *Tuple:
		if err := t.enterC(" while encoding a JSON object"); err != nil {
			return err
		}
		err := e.encodeList(t, w, v, level)
		t.leaveC()
		return err
	case *Dict:
		if err := t.enterC(" while encoding a JSON object"); err != nil {
			return err
		}
		err := e.encodeDict(t, w, x, level)
		t.leaveC()
		return err
	}
	if v.IsIntLike() {
		r, err := intRepr(t, v)
		if err != nil {
			return err
		}
		w.WriteString(r.o.(*Str).s)
		return nil
	}
	if _, ok := floatOf(v); ok {
		f, err := e.encodeFloat(t, v)
		w.WriteString(f)
		return err
	}
	ident, err := e.mark(t, v)
	if err != nil {
		return err
	}
	nv, err := t.Call(e.defaultFn, []Value{v}, nil)
	if err != nil {
		return err
	}
	if err := t.enterC(" while encoding a JSON object"); err != nil {
		return err
	}
	err = e.encodeObj(t, w, nv, level)
	t.leaveC()
	if err != nil {
		return err
	}
	return e.unmark(t, ident)
}

// encodeList is encoder_listencode_list: an exact list or tuple is read
// as it is (a list that grows while it is encoded is followed), another
// sequence is iterated first.
func (e *jsonEncoder) encodeList(t *Thread, w *strings.Builder, v Value, level int) error {
	var items func() []Value
	switch x := v.o.(type) {
	case *List:
		if x.cls == ListType {
			items = func() []Value { return x.items }
		}
	case *Tuple:
		if x.cls == TupleType {
			items = func() []Value { return x.items }
		}
	}
	if items == nil {
		got, err := jsonIterate(t, v)
		if err != nil {
			return err
		}
		items = func() []Value { return got }
	}
	if len(items()) == 0 {
		w.WriteString("[]")
		return nil
	}
	ident, err := e.mark(t, v)
	if err != nil {
		return err
	}
	w.WriteByte('[')
	sep, closing, err := e.open(t, w, &level)
	if err != nil {
		return err
	}
	for i := 0; i < len(items()); i++ {
		if i > 0 {
			w.WriteString(sep)
		}
		if err := e.encodeObj(t, w, items()[i], level); err != nil {
			return err
		}
	}
	if err := e.unmark(t, ident); err != nil {
		return err
	}
	w.WriteString(closing)
	w.WriteByte(']')
	return nil
}

// open starts the items of a container: with an indent, the level goes
// one deeper and a new line is written; it returns the separator of the
// items and what comes before the closing bracket.
func (e *jsonEncoder) open(t *Thread, w *strings.Builder, level *int) (sep, closing string, err error) {
	if e.indent.IsNone() {
		return e.itemSep.s, "", nil
	}
	*level++
	nl, err := e.newlineIndent(t, *level)
	if err != nil {
		return "", "", err
	}
	closing, err = e.newlineIndent(t, *level-1)
	if err != nil {
		return "", "", err
	}
	w.WriteString(nl)
	return e.itemSep.s + nl, closing, nil
}

// newlineIndent is '\n' + indent * level.
func (e *jsonEncoder) newlineIndent(t *Thread, level int) (string, error) {
	ind, ok := e.indent.o.(*Str)
	if !ok {
		if e.indent.IsIntLike() || e.indent.IsFloat() {
			return "", t.typeErrorf("'%s' object can't be repeated", typeName(e.indent))
		}
		return "", t.raise(SystemErrorType, "Objects/unicodeobject.c:11148: bad argument to internal function")
	}
	return "\n" + strings.Repeat(ind.s, max(level, 0)), nil
}

// jsonIterate collects the items of an iterable (PySequence_Fast).
func jsonIterate(t *Thread, v Value) ([]Value, error) {
	it, err := Iter(t, v)
	if err != nil {
		if e := asException(err); e != nil && e.cls == TypeErrorType {
			return nil, t.typeErrorf("_iterencode_list needs a sequence")
		}
		return nil, err
	}
	var out []Value
	for {
		x, err := Next(t, it)
		if err != nil {
			return nil, err
		}
		if x.IsNull() {
			return out, nil
		}
		out = append(out, x)
	}
}

// encodeDict is encoder_listencode_dict.
func (e *jsonEncoder) encodeDict(t *Thread, w *strings.Builder, d *Dict, level int) error {
	if d.Len() == 0 {
		w.WriteString("{}")
		return nil
	}
	ident, err := e.mark(t, Value{o: d})
	if err != nil {
		return err
	}
	w.WriteByte('{')
	sep, closing, err := e.open(t, w, &level)
	if err != nil {
		return err
	}
	first := true
	if e.sortKeys || d.cls != DictType {
		items, err := jsonMappingItems(t, Value{o: d})
		if err != nil {
			return err
		}
		if e.sortKeys {
			if err := sortValues(t, items, Null, false); err != nil {
				return err
			}
		}
		for _, it := range items {
			tup, ok := it.o.(*Tuple)
			if !ok || len(tup.items) != 2 {
				return t.valueErrorf("items must return 2-tuples")
			}
			if err := e.encodeItem(t, w, sep, &first, tup.items[0], tup.items[1], level); err != nil {
				return err
			}
		}
	} else {
		for i := 0; i < len(d.entries); i++ {
			en := d.entries[i]
			if en.key.IsNull() {
				continue
			}
			if err := e.encodeItem(t, w, sep, &first, en.key, en.value, level); err != nil {
				return err
			}
		}
	}
	if err := e.unmark(t, ident); err != nil {
		return err
	}
	w.WriteString(closing)
	w.WriteByte('}')
	return nil
}

// jsonMappingItems is PyMapping_Items: the items of an exact dict, or
// what the items() method returns, as a list.
func jsonMappingItems(t *Thread, v Value) ([]Value, error) {
	if d, ok := v.o.(*Dict); ok && d.cls == DictType {
		var out []Value
		d.Items(func(k, val Value) bool {
			out = append(out, Value{o: NewTuple(k, val)})
			return true
		})
		return out, nil
	}
	meth, err := GetAttrString(t, v, "items")
	if err != nil {
		return nil, err
	}
	r, err := t.Call(meth, nil, nil)
	if err != nil {
		return nil, err
	}
	if l, ok := r.o.(*List); ok && l.cls == ListType {
		return l.items, nil
	}
	if r.Type().Iter == nil && r.Type().GetItem == nil {
		return nil, t.typeErrorf("%.200s.items() returned a non-iterable (type %.200s)", v.Type().Name, r.Type().Name)
	}
	return jsonIterate(t, r)
}

// encodeItem is encoder_encode_key_value.
func (e *jsonEncoder) encodeItem(t *Thread, w *strings.Builder, sep string, first *bool, key, val Value, level int) error {
	var keystr Value
	switch {
	case isStrValue(key):
		keystr = key
	case isFloatValue(key):
		f, err := e.encodeFloat(t, key)
		if err != nil {
			return err
		}
		keystr = NewStrValue(f)
	case key.IsNone():
		keystr = NewStrValue("null")
	case key.Is(True):
		keystr = NewStrValue("true")
	case key.Is(False):
		keystr = NewStrValue("false")
	case key.IsIntLike():
		r, err := intRepr(t, key)
		if err != nil {
			return err
		}
		keystr = r
	case e.skipKeys:
		return nil
	default:
		return t.typeErrorf("keys must be str, int, float, bool or None, not %.100s", key.Type().Name)
	}
	if *first {
		*first = false
	} else {
		w.WriteString(sep)
	}
	if err := e.encodeString(t, w, keystr); err != nil {
		return err
	}
	w.WriteString(e.keySep.s)
	return e.encodeObj(t, w, val, level)
}

func isFloatValue(v Value) bool {
	_, ok := floatOf(v)
	return ok
}
