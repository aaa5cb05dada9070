package vm

import (
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/runenames"

	"github.com/peephole-lsp/peephole/parser"
)

// The text codecs that str.encode, bytes.decode and str(bytes, encoding)
// use: UTF-8 (and utf-8-sig), ASCII, Latin-1, UTF-16 and UTF-32 in both byte
// orders, as CPython's built-in codecs implement them, with its error
// handlers (strict, replace, ignore, backslashreplace, xmlcharrefreplace,
// namereplace, surrogateescape, surrogatepass) and the exact ranges and
// reasons of the UnicodeEncodeError and UnicodeDecodeError they raise.
//
// A codec name is found as the encodings package finds it: normalized
// (lower case, runs of punctuation made one '_') and looked up among the
// aliases, those of the codecs above here and the others in the parser's
// tables of CPython's codec registry (parser.LookupCodec), which give the
// single-byte codecs (cp1252, koi8_r, mac_roman …) their tables. Its
// bytes-to-bytes codecs (hex, rot13 …) fail with CPython's "is not a text
// encoding"; the multibyte and other codecs not implemented here fail
// with a LookupError that says so.

// codecID names a codec implemented here.
type codecID int

const (
	codecUTF8 codecID = iota
	codecUTF8Sig
	codecASCII
	codecLatin1
	codecUTF16
	codecUTF16LE
	codecUTF16BE
	codecUTF32
	codecUTF32LE
	codecUTF32BE
	codecUnicodeEscape
	codecRawUnicodeEscape
	codecCharmap    // a single-byte codec with a table
	codecRegistered // found by a search function registered with codecs.register
)

// codecNames are the names the codecs give in their errors.
var codecNames = [...]string{"utf-8", "utf-8-sig", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "unicodeescape", "rawunicodeescape", "charmap", ""}

// codecByName maps normalized names (encodings.aliases and the codec
// modules' own names) to codecs.
var codecByName = map[string]codecID{
	"utf_8": codecUTF8, "u8": codecUTF8, "utf": codecUTF8, "utf8": codecUTF8, "utf8_ucs2": codecUTF8,
	"utf8_ucs4": codecUTF8, "cp65001": codecUTF8,
	"utf_8_sig": codecUTF8Sig,
	"ascii":     codecASCII, "646": codecASCII, "ansi_x3.4_1968": codecASCII, "ansi_x3.4_1986": codecASCII,
	"ansi_x3_4_1968": codecASCII, "cp367": codecASCII, "csascii": codecASCII, "ibm367": codecASCII,
	"iso646_us": codecASCII, "iso_646.irv_1991": codecASCII, "iso_ir_6": codecASCII, "us": codecASCII,
	"us_ascii": codecASCII,
	"latin_1":  codecLatin1, "8859": codecLatin1, "cp819": codecLatin1, "csisolatin1": codecLatin1,
	"ibm819": codecLatin1, "iso8859": codecLatin1, "iso8859_1": codecLatin1, "iso_8859_1": codecLatin1,
	"iso_8859_1_1987": codecLatin1, "iso_ir_100": codecLatin1, "l1": codecLatin1, "latin": codecLatin1,
	"latin1": codecLatin1,
	"utf_16": codecUTF16, "u16": codecUTF16, "utf16": codecUTF16,
	"utf_16_le": codecUTF16LE, "unicodelittleunmarked": codecUTF16LE, "utf_16le": codecUTF16LE,
	"utf_16_be": codecUTF16BE, "unicodebigunmarked": codecUTF16BE, "utf_16be": codecUTF16BE,
	"utf_32": codecUTF32, "u32": codecUTF32, "utf32": codecUTF32,
	"utf_32_le": codecUTF32LE, "utf_32le": codecUTF32LE,
	"utf_32_be": codecUTF32BE, "utf_32be": codecUTF32BE,
	"unicode_escape": codecUnicodeEscape, "raw_unicode_escape": codecRawUnicodeEscape,
}

// normalizeEncoding is encodings.normalize_encoding after the registry's
// lower-casing: ASCII letters lowered, runs of characters other than
// letters, digits and '.' made one '_' (none at the ends).
func normalizeEncoding(name string) string {
	var b strings.Builder
	punct := false
	for _, c := range name {
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.') {
			if punct && b.Len() > 0 {
				b.WriteByte('_')
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteRune(c)
			punct = false
		} else if c >= 0x80 && uniIsAlnum(c) {
			// Non-ASCII letters are dropped but do not separate.
			punct = false
		} else {
			punct = true
		}
	}
	return b.String()
}

// charmap is a single-byte codec: its table (byte to code point, U+FFFE
// for undefined bytes) and the reverse map, built on first use.
type charmap struct {
	table []rune
	once  sync.Once
	rev   map[rune]byte
}

func (c *charmap) reverse() map[rune]byte {
	c.once.Do(func() {
		c.rev = make(map[rune]byte, 256)
		for i := len(c.table) - 1; i >= 0; i-- {
			if r := c.table[i]; r != 0xFFFE {
				c.rev[r] = byte(i)
			}
		}
	})
	return c.rev
}

// charmaps caches the single-byte codecs by module name.
var charmaps sync.Map

// lookupCodec finds the codec called name, or returns CPython's
// LookupError; decode says which direction the caller wants, for the
// message about bytes-to-bytes codecs. A single-byte codec comes with its
// table.
func lookupCodec(t *Thread, name string, decode bool) (codecID, *charmap, Value, error) {
	switch name {
	case "utf-8", "utf8":
		return codecUTF8, nil, Null, nil
	case "ascii":
		return codecASCII, nil, Null, nil
	case "latin-1", "latin1", "iso-8859-1":
		return codecLatin1, nil, Null, nil
	}
	norm := normalizeEncoding(name)
	if id, ok := codecByName[norm]; ok {
		return id, nil, Null, nil
	}
	if id, ok := codecByName[strings.ReplaceAll(norm, ".", "_")]; ok {
		return id, nil, Null, nil
	}
	info, ok := parser.LookupCodec(name)
	if !ok {
		return registeredCodec(t, name, decode)
	}
	if !info.Text {
		if decode {
			return 0, nil, Null, t.raisef(LookupErrorType, "'%s' is not a text encoding; use codecs.decode() to handle arbitrary codecs", name)
		}
		return 0, nil, Null, t.raisef(LookupErrorType, "'%s' is not a text encoding; use codecs.encode() to handle arbitrary codecs", name)
	}
	switch {
	case info.Table != "" || info.Module == "charmap":
		if c, ok := charmaps.Load(info.Module); ok {
			return codecCharmap, c.(*charmap), Null, nil
		}
		c := &charmap{}
		if info.Table == "" {
			for i := 0; i < 256; i++ {
				c.table = append(c.table, rune(i))
			}
		} else {
			c.table = []rune(info.Table)
		}
		actual, _ := charmaps.LoadOrStore(info.Module, c)
		return codecCharmap, actual.(*charmap), Null, nil
	case info.Module == "undefined":
		return 0, nil, Null, t.raise(UnicodeErrorType, "undefined encoding")
	}
	return 0, nil, Null, t.raisef(LookupErrorType, "peephole does not implement the '%s' codec", info.Name)
}

// errHandler is a codec error handler.
type errHandler int

const (
	ehStrict errHandler = iota
	ehReplace
	ehIgnore
	ehBackslash
	ehXMLRef
	ehName
	ehSurrEscape
	ehSurrPass
	ehCustom // registered with codecs.register_error
)

// lookupErrHandler finds an error handler by name: one of the builtin
// ones, or one registered with codecs.register_error (ehCustom, with its
// callable). CPython looks it up only when an error happens, and so does
// the codec code here.
func lookupErrHandler(t *Thread, name string) (errHandler, Value, error) {
	switch name {
	case "strict":
		return ehStrict, Null, nil
	case "replace":
		return ehReplace, Null, nil
	case "ignore":
		return ehIgnore, Null, nil
	case "backslashreplace":
		return ehBackslash, Null, nil
	case "xmlcharrefreplace":
		return ehXMLRef, Null, nil
	case "namereplace":
		return ehName, Null, nil
	case "surrogateescape":
		return ehSurrEscape, Null, nil
	case "surrogatepass":
		return ehSurrPass, Null, nil
	}
	if r := t.interp.codecs; r != nil {
		if h, ok := r.errors[name]; ok {
			return ehCustom, h, nil
		}
	}
	return 0, Null, t.raisef(LookupErrorType, "unknown error handler name '%s'", name)
}

// callErrHandler calls a handler registered with codecs.register_error
// with the exception exc and checks its result: (replacement, position),
// the replacement a str (or, encoding, bytes), the position made
// absolute in an object of length n.
func callErrHandler(t *Thread, h Value, exc *Exception, n int, encode bool) (Value, int, error) {
	r, err := t.Call(h, []Value{{o: exc}}, nil)
	if err != nil {
		return Null, 0, err
	}
	tu, ok := r.o.(*Tuple)
	bad := !ok || len(tu.items) != 2 || !tu.items[1].IsIntLike()
	if !bad {
		_, isStr := tu.items[0].o.(*Str)
		_, isBytes := tu.items[0].o.(*Bytes)
		bad = !isStr && !(encode && isBytes)
	}
	if bad {
		if encode {
			return Null, 0, t.typeErrorf("encoding error handler must return (str/bytes, int) tuple")
		}
		return Null, 0, t.typeErrorf("decoding error handler must return (str, int) tuple")
	}
	pos, err := AsSize(t, tu.items[1], nil)
	if err != nil {
		return Null, 0, err
	}
	if pos < 0 {
		pos += n
	}
	if pos < 0 || pos > n {
		return Null, 0, t.raisef(IndexErrorType, "position %d from error handler out of bounds", pos)
	}
	return tu.items[0], pos, nil
}

// isSurrogate reports whether r is a UTF-16 surrogate code point.
func isSurrogate(r rune) bool { return 0xD800 <= r && r <= 0xDFFF }

// encoder is the state of one str.encode.
type encoder struct {
	t      *Thread
	id     codecID
	name   string // the codec's name in errors
	cm     *charmap
	errors string
	s      *Str
	rs     []rune
	out    []byte
}

// put appends the encoding of r, which the codec can encode.
func (e *encoder) put(r rune) {
	switch e.id {
	case codecUTF8, codecUTF8Sig:
		e.out = appendRune(e.out, r)
	case codecASCII, codecLatin1:
		e.out = append(e.out, byte(r))
	case codecCharmap:
		e.out = append(e.out, e.cm.reverse()[r])
	case codecUTF16, codecUTF16LE, codecUTF16BE:
		be := e.id == codecUTF16BE
		if r >= 0x10000 {
			r -= 0x10000
			e.put16(0xD800+(r>>10), be)
			e.put16(0xDC00+(r&0x3FF), be)
		} else {
			e.put16(r, be)
		}
	default:
		if e.id == codecUTF32BE {
			e.out = append(e.out, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
		} else {
			e.out = append(e.out, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
		}
	}
}

func (e *encoder) put16(u rune, be bool) {
	if be {
		e.out = append(e.out, byte(u>>8), byte(u))
	} else {
		e.out = append(e.out, byte(u), byte(u>>8))
	}
}

// canEncode reports whether the codec encodes r without an error.
func (e *encoder) canEncode(r rune) bool {
	switch e.id {
	case codecASCII:
		return r < 0x80
	case codecLatin1:
		return r < 0x100
	case codecCharmap:
		_, ok := e.cm.reverse()[r]
		return ok
	}
	return !isSurrogate(r)
}

func (e *encoder) reason() string {
	switch e.id {
	case codecASCII:
		return "ordinal not in range(128)"
	case codecLatin1:
		return "ordinal not in range(256)"
	case codecCharmap:
		return "character maps to <undefined>"
	}
	return "surrogates not allowed"
}

// encodeStr encodes s with the codec called encoding (str.encode).
func encodeStr(t *Thread, s *Str, encoding, errors string) ([]byte, error) {
	id, cm, info, err := lookupCodec(t, encoding, false)
	if err != nil {
		return nil, err
	}
	if id == codecRegistered {
		r, err := callRegisteredCodec(t, info, encoding, Value{o: s}, errors, false)
		if err != nil {
			return nil, err
		}
		return append([]byte(nil), bytesOf(r)...), nil
	}
	return encodeWith(t, id, cm, s, errors)
}

// encodeWith encodes s with the codec id (cm for a charmap).
func encodeWith(t *Thread, id codecID, cm *charmap, s *Str, errors string) ([]byte, error) {
	switch id {
	case codecUTF8, codecASCII, codecLatin1:
		if s.ascii {
			return []byte(s.s), nil
		}
		if id == codecUTF8 && s.validUTF8() {
			return []byte(s.s), nil
		}
	}
	switch id {
	case codecUnicodeEscape, codecRawUnicodeEscape:
		return escapeEncode(s, id == codecRawUnicodeEscape), nil
	}
	e := &encoder{t: t, id: id, name: codecNames[id], cm: cm, errors: errors, s: s, rs: s.Runes()}
	switch id {
	case codecUTF8Sig:
		e.name = "utf-8"
		e.out = append(e.out, 0xEF, 0xBB, 0xBF)
	case codecUTF16:
		e.id = codecUTF16LE
		e.out = append(e.out, 0xFF, 0xFE)
	case codecUTF32:
		e.id = codecUTF32LE
		e.out = append(e.out, 0xFF, 0xFE, 0, 0)
	}
	if e.out == nil {
		e.out = make([]byte, 0, len(s.s))
	}
	rs := e.rs
	for i := 0; i < len(rs); {
		r := rs[i]
		if e.canEncode(r) {
			e.put(r)
			i++
			continue
		}
		// The run of characters the codec cannot encode; the UTF-16 and
		// UTF-32 encoders report their surrogates one by one.
		j := i + 1
		if e.id != codecUTF16LE && e.id != codecUTF16BE && e.id != codecUTF32LE && e.id != codecUTF32BE {
			for j < len(rs) && !e.canEncode(rs[j]) {
				j++
			}
		}
		next, err := e.fail(i, j)
		if err != nil {
			return nil, err
		}
		i = next
	}
	return e.out, nil
}

// fail handles the characters rs[start:end] that the codec cannot
// encode and returns where encoding resumes.
func (e *encoder) fail(start, end int) (int, error) {
	h, fn, err := lookupErrHandler(e.t, e.errors)
	if err != nil {
		return 0, err
	}
	rs := e.rs[start:end]
	switch h {
	case ehCustom:
		exc := newUnicodeEncodeError(e.name, e.s, start, end, e.reason())
		rep, pos, err := callErrHandler(e.t, fn, exc, len(e.rs), true)
		if err != nil {
			return 0, err
		}
		if b, ok := rep.o.(*Bytes); ok {
			e.out = append(e.out, b.b...)
			return pos, nil
		}
		for _, r := range rep.o.(*Str).Runes() {
			if !e.canEncode(r) {
				return 0, exc
			}
			e.put(r)
		}
		return pos, nil
	case ehReplace:
		for range rs {
			e.put('?')
		}
	case ehIgnore:
	case ehBackslash:
		for _, r := range rs {
			for _, c := range escapeCodePoint(r) {
				e.put(rune(c))
			}
		}
	case ehXMLRef:
		for _, r := range rs {
			for _, c := range "&#" + strconv.Itoa(int(r)) + ";" {
				e.put(c)
			}
		}
	case ehName:
		for _, r := range rs {
			name := charName(r)
			text := "\\N{" + name + "}"
			if name == "" {
				text = escapeCodePoint(r)
			}
			for _, c := range text {
				e.put(c)
			}
		}
	case ehSurrEscape:
		switch e.id {
		case codecUTF16LE, codecUTF16BE, codecUTF32LE, codecUTF32BE:
			return 0, e.error(start, end)
		}
		for k, r := range rs {
			if r < 0xDC80 || r > 0xDCFF {
				return 0, e.error(start+k, end)
			}
			e.out = append(e.out, byte(r-0xDC00))
		}
	case ehSurrPass:
		switch e.id {
		case codecASCII, codecLatin1, codecCharmap:
			return 0, e.error(start, end)
		}
		for _, r := range rs {
			if !isSurrogate(r) {
				return 0, e.error(start, end)
			}
			switch e.id {
			case codecUTF8, codecUTF8Sig:
				e.out = append(e.out, byte(0xE0|r>>12), byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
			case codecUTF16LE, codecUTF16BE:
				e.put16(r, e.id == codecUTF16BE)
			default:
				e.put(r)
			}
		}
	default:
		return 0, e.error(start, end)
	}
	return end, nil
}

func (e *encoder) error(start, end int) error {
	return newUnicodeEncodeError(e.name, e.s, start, end, e.reason())
}

// escapeCodePoint is the backslash escape of a code point: \xNN, \uNNNN
// or \UNNNNNNNN.
func escapeCodePoint(r rune) string {
	const digits = "0123456789abcdef"
	var b []byte
	switch {
	case r < 0x100:
		b = []byte{'\\', 'x', digits[r>>4], digits[r&15]}
	case r < 0x10000:
		b = []byte{'\\', 'u', digits[r>>12], digits[r>>8&15], digits[r>>4&15], digits[r&15]}
	default:
		b = []byte{'\\', 'U'}
		for sh := 28; sh >= 0; sh -= 4 {
			b = append(b, digits[r>>uint(sh)&15])
		}
	}
	return string(b)
}

var (
	hangulL = []string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	hangulV = []string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	hangulT = []string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
)

// charName returns the Unicode name of r as unicodedata.name gives it,
// or "".
func charName(r rune) string {
	switch {
	case 0x3400 <= r && r <= 0x4DBF || 0x4E00 <= r && r <= 0x9FFF ||
		0x20000 <= r && r <= 0x2A6DF || 0x2A700 <= r && r <= 0x2B739 ||
		0x2B740 <= r && r <= 0x2B81D || 0x2B820 <= r && r <= 0x2CEA1 ||
		0x2CEB0 <= r && r <= 0x2EBE0 || 0x2EBF0 <= r && r <= 0x2EE5D ||
		0x30000 <= r && r <= 0x3134A || 0x31350 <= r && r <= 0x323AF:
		return "CJK UNIFIED IDEOGRAPH-" + strings.ToUpper(strconv.FormatInt(int64(r), 16))
	case 0xAC00 <= r && r <= 0xD7A3:
		k := int(r - 0xAC00)
		return "HANGUL SYLLABLE " + hangulL[k/(21*28)] + hangulV[k%(21*28)/28] + hangulT[k%28]
	case isSurrogate(r) || r < 0x20 || 0x7F <= r && r < 0xA0:
		return ""
	}
	n := runenames.Name(r)
	if n == "" || n[0] == '<' {
		return ""
	}
	return n
}

// decoder is the state of one bytes.decode.
type decoder struct {
	t       *Thread
	id      codecID
	name    string
	errors  string
	src     []byte
	obj     *Bytes // the object the error reports, made on first error
	out     []byte
	n       int    // code points in out
	invalid string // the warning about the first invalid escape, or ""
	// final is unset for the incremental decoders: an incomplete
	// sequence at the end of the input is then left for later, and stop
	// is where it starts (-1 when none).
	final bool
	stop  int
}

// runtimeWarner is a Thread that can issue a warning on behalf of the
// running Python code (as the warnings module's default filters show it).
type runtimeWarner interface {
	warnRuntime(category *Type, msg string) error
}

// warnDeprecation issues a DeprecationWarning from the codecs, when the
// VM can warn.
func warnDeprecation(t *Thread, msg string) error {
	if w, ok := any(t).(runtimeWarner); ok {
		return w.warnRuntime(DeprecationWarningType, msg)
	}
	return nil
}

func (d *decoder) put(r rune) {
	d.out = appendRune(d.out, r)
	d.n++
}

// decodeBytes decodes b with the codec called encoding (bytes.decode).
// obj is the bytes object b came from, or nil.
func decodeBytes(t *Thread, b []byte, obj *Bytes, encoding, errors string) (*Str, error) {
	id, cm, info, err := lookupCodec(t, encoding, true)
	if err != nil {
		return nil, err
	}
	if id == codecRegistered {
		obj := Value{o: NewBytes(append([]byte(nil), b...))}
		r, err := callRegisteredCodec(t, info, encoding, obj, errors, true)
		if err != nil {
			return nil, err
		}
		return r.o.(*Str), nil
	}
	switch id {
	case codecUTF8, codecASCII, codecLatin1:
		if asciiPrefix(b) == len(b) {
			return newStrN(string(b), len(b)), nil
		}
	}
	s, _, _, err := decodeWith(t, id, cm, b, obj, errors, true, 0)
	return s, err
}

// decodeWith decodes b with the codec id (cm for a charmap). Unless final,
// an incomplete sequence at its end is left undecoded; consumed says how
// much was decoded. byteorder is the UTF-16 and UTF-32 decoders' state
// (0: read a BOM if there is one, -1 little-endian, 1 big-endian); the
// one the input leaves is returned.
func decodeWith(t *Thread, id codecID, cm *charmap, b []byte, obj *Bytes, errors string, final bool, byteorder int) (s *Str, consumed, bo int, err error) {
	d := &decoder{t: t, id: id, name: codecNames[id], errors: errors, src: b, obj: obj, final: final, stop: -1}
	bo = byteorder
	switch id {
	case codecUTF8, codecUTF8Sig:
		if id == codecUTF8Sig {
			d.name = "utf-8"
			if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
				b = b[3:]
				d.src = b
				d.obj = nil
			}
		}
		err = d.utf8()
	case codecASCII:
		err = d.ascii()
	case codecLatin1:
		d.out = make([]byte, 0, len(b)*2)
		for _, c := range b {
			d.put(rune(c))
		}
	case codecCharmap:
		d.out = make([]byte, 0, len(b)*2)
		for i := 0; i < len(b); {
			if r := cm.table[b[i]]; r != 0xFFFE {
				d.put(r)
				i++
				continue
			}
			next, err := d.fail(i, i+1, "character maps to <undefined>")
			if err != nil {
				return nil, 0, bo, err
			}
			i = next
		}
	case codecUnicodeEscape, codecRawUnicodeEscape:
		if err = d.escapes(id == codecRawUnicodeEscape); err == nil && d.invalid != "" {
			err = warnDeprecation(t, d.invalid)
		}
	case codecUTF16, codecUTF16LE, codecUTF16BE:
		start := 0
		switch id {
		case codecUTF16LE:
			bo = -1
		case codecUTF16BE:
			bo = 1
		}
		if bo == 0 {
			if len(b) < 2 && !final {
				return emptyStr, 0, 0, nil
			}
			bo = -1
			if len(b) >= 2 {
				if b[0] == 0xFF && b[1] == 0xFE {
					start = 2
				} else if b[0] == 0xFE && b[1] == 0xFF {
					start, bo = 2, 1
				}
			}
		}
		err = d.utf16(start, bo == 1)
	default:
		start := 0
		switch id {
		case codecUTF32LE:
			bo = -1
		case codecUTF32BE:
			bo = 1
		}
		if bo == 0 {
			if len(b) < 4 && !final {
				return emptyStr, 0, 0, nil
			}
			bo = -1
			if len(b) >= 4 {
				if b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 {
					start = 4
				} else if b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF {
					start, bo = 4, 1
				}
			}
		}
		err = d.utf32(start, bo == 1)
	}
	if err != nil {
		return nil, 0, bo, err
	}
	consumed = len(d.src)
	if d.stop >= 0 {
		consumed = d.stop
	}
	if id == codecUTF8Sig {
		consumed += len(b) - len(d.src)
	}
	return strFromBytes(d.out, d.n), consumed, bo, nil
}

func (d *decoder) ascii() error {
	d.out = make([]byte, 0, len(d.src))
	for i := 0; i < len(d.src); {
		c := d.src[i]
		if c < 0x80 {
			d.put(rune(c))
			i++
			continue
		}
		next, err := d.fail(i, i+1, "ordinal not in range(128)")
		if err != nil {
			return err
		}
		i = next
	}
	return nil
}

// utf8Error returns the length of the valid UTF-8 sequence at b[i] (0
// when it is invalid) and, when it is invalid, the end of the error range
// and its reason, as CPython's decoder reports them.
func utf8Check(b []byte, i int) (size, end int, reason string) {
	c := b[i]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c < 0x80:
		return 1, 0, ""
	case c < 0xC2:
		return 0, i + 1, "invalid start byte"
	case c < 0xE0:
		need = 1
	case c < 0xF0:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c < 0xF5:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return 0, i + 1, "invalid start byte"
	}
	for k := 1; k <= need; k++ {
		if i+k >= len(b) {
			return 0, len(b), "unexpected end of data"
		}
		x := b[i+k]
		if k == 1 && (x < lo || x > hi) || k > 1 && (x < 0x80 || x > 0xBF) {
			return 0, i + k, "invalid continuation byte"
		}
	}
	return need + 1, 0, ""
}

func (d *decoder) utf8() error {
	b := d.src
	d.out = make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		size, end, reason := utf8Check(b, i)
		if size > 0 {
			d.out = append(d.out, b[i:i+size]...)
			d.n++
			i += size
			continue
		}
		next, err := d.fail(i, end, reason)
		if err != nil {
			return err
		}
		i = next
	}
	return nil
}

func (d *decoder) utf16(i int, be bool) error {
	if be {
		d.name = "utf-16-be"
	} else {
		d.name = "utf-16-le"
	}
	b := d.src
	d.out = make([]byte, 0, len(b))
	unit := func(k int) rune {
		if be {
			return rune(b[k])<<8 | rune(b[k+1])
		}
		return rune(b[k+1])<<8 | rune(b[k])
	}
	for i < len(b) {
		var next int
		var err error
		switch {
		case i+1 >= len(b):
			next, err = d.fail(i, len(b), "truncated data")
		default:
			u := unit(i)
			switch {
			case u < 0xD800 || u > 0xDFFF:
				d.put(u)
				i += 2
				continue
			case u >= 0xDC00:
				next, err = d.fail(i, i+2, "illegal encoding")
			case i+3 >= len(b):
				next, err = d.fail(i, len(b), "unexpected end of data")
			default:
				u2 := unit(i + 2)
				if u2 < 0xDC00 || u2 > 0xDFFF {
					next, err = d.fail(i, i+2, "illegal UTF-16 surrogate")
				} else {
					d.put(0x10000 + (u-0xD800)<<10 + (u2 - 0xDC00))
					i += 4
					continue
				}
			}
		}
		if err != nil {
			return err
		}
		i = next
	}
	return nil
}

func (d *decoder) utf32(i int, be bool) error {
	if be {
		d.name = "utf-32-be"
	} else {
		d.name = "utf-32-le"
	}
	b := d.src
	d.out = make([]byte, 0, len(b)/2)
	for i < len(b) {
		var next int
		var err error
		if i+3 >= len(b) {
			next, err = d.fail(i, len(b), "truncated data")
		} else {
			var u uint32
			if be {
				u = uint32(b[i])<<24 | uint32(b[i+1])<<16 | uint32(b[i+2])<<8 | uint32(b[i+3])
			} else {
				u = uint32(b[i+3])<<24 | uint32(b[i+2])<<16 | uint32(b[i+1])<<8 | uint32(b[i])
			}
			switch {
			case u > 0x10FFFF:
				next, err = d.fail(i, i+4, "code point not in range(0x110000)")
			case isSurrogate(rune(u)):
				next, err = d.fail(i, i+4, "code point in surrogate code point range(0xd800, 0xe000)")
			default:
				d.put(rune(u))
				i += 4
				continue
			}
		}
		if err != nil {
			return err
		}
		i = next
	}
	return nil
}

// incompleteReasons are the errors of a sequence cut short by the end of
// the input, which a non-final decoding leaves for later.
var incompleteReasons = map[string]bool{
	"unexpected end of data": true, "truncated data": true, "\\ at end of string": true,
	"truncated \\xXX escape": true, "truncated \\uXXXX escape": true, "truncated \\UXXXXXXXX escape": true,
	"malformed \\N character escape": true,
}

// fail handles the bytes src[start:end] that the codec cannot decode and
// returns where decoding resumes.
func (d *decoder) fail(start, end int, reason string) (int, error) {
	if !d.final && end == len(d.src) && incompleteReasons[reason] {
		// Left for the next call of an incremental decoder.
		d.stop = start
		return len(d.src), nil
	}
	h, fn, err := lookupErrHandler(d.t, d.errors)
	if err != nil {
		return 0, err
	}
	switch h {
	case ehCustom:
		if d.obj == nil {
			d.obj = NewBytes(append([]byte(nil), d.src...))
		}
		exc := newUnicodeDecodeError(d.name, d.obj, start, end, reason)
		rep, pos, err := callErrHandler(d.t, fn, exc, len(d.src), false)
		if err != nil {
			return 0, err
		}
		rs := rep.o.(*Str)
		d.out = append(d.out, rs.s...)
		d.n += rs.n
		return pos, nil
	case ehReplace:
		d.put(0xFFFD)
	case ehIgnore:
	case ehBackslash:
		for _, c := range d.src[start:end] {
			for _, r := range escapeCodePoint(rune(c)) {
				d.put(r)
			}
		}
	case ehSurrEscape:
		for _, c := range d.src[start:end] {
			if c < 0x80 {
				return 0, d.error(start, end, reason)
			}
		}
		for _, c := range d.src[start:end] {
			d.put(0xDC00 + rune(c))
		}
	case ehSurrPass:
		b := d.src
		switch d.id {
		case codecUTF8, codecUTF8Sig:
			if start+2 < len(b) && b[start] == 0xED && b[start+1] >= 0xA0 && b[start+1] <= 0xBF && b[start+2]&0xC0 == 0x80 {
				d.put(0xD000 | rune(b[start+1]&0x3F)<<6 | rune(b[start+2]&0x3F))
				return start + 3, nil
			}
		case codecUTF16, codecUTF16LE, codecUTF16BE:
			if start+1 < len(b) {
				var u rune
				if d.name == "utf-16-be" {
					u = rune(b[start])<<8 | rune(b[start+1])
				} else {
					u = rune(b[start+1])<<8 | rune(b[start])
				}
				if isSurrogate(u) {
					d.put(u)
					return start + 2, nil
				}
			}
		case codecUTF32, codecUTF32LE, codecUTF32BE:
			if start+3 < len(b) {
				var u rune
				if d.name == "utf-32-be" {
					u = rune(b[start])<<24 | rune(b[start+1])<<16 | rune(b[start+2])<<8 | rune(b[start+3])
				} else {
					u = rune(b[start+3])<<24 | rune(b[start+2])<<16 | rune(b[start+1])<<8 | rune(b[start])
				}
				if isSurrogate(u) {
					d.put(u)
					return start + 4, nil
				}
			}
		}
		return 0, d.error(start, end, reason)
	case ehXMLRef, ehName:
		return 0, d.t.typeErrorf("don't know how to handle UnicodeDecodeError in error callback")
	default:
		return 0, d.error(start, end, reason)
	}
	return end, nil
}

func (d *decoder) error(start, end int, reason string) error {
	if d.obj == nil {
		d.obj = NewBytes(append([]byte(nil), d.src...))
	}
	return newUnicodeDecodeError(d.name, d.obj, start, end, reason)
}

// escapeEncode is the unicode_escape encoder (raw: raw_unicode_escape,
// which keeps the code points below 256 as their byte and escapes only
// the others).
func escapeEncode(s *Str, raw bool) []byte {
	out := make([]byte, 0, len(s.s))
	for i := 0; i < len(s.s); {
		r, n := s.decodeAt(i)
		i += n
		switch {
		case raw && r < 0x100:
			out = append(out, byte(r))
		case raw:
			out = append(out, escapeCodePoint(r)...)
		case r == '\\':
			out = append(out, '\\', '\\')
		case r == '\t':
			out = append(out, '\\', 't')
		case r == '\n':
			out = append(out, '\\', 'n')
		case r == '\r':
			out = append(out, '\\', 'r')
		case r >= 0x20 && r < 0x7F:
			out = append(out, byte(r))
		default:
			out = append(out, escapeCodePoint(r)...)
		}
	}
	return out
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hexValue(c byte) rune {
	switch {
	case c <= '9':
		return rune(c - '0')
	case c >= 'a':
		return rune(c-'a') + 10
	}
	return rune(c-'A') + 10
}

// escapes is the unicode_escape decoder (raw: raw_unicode_escape, which
// knows only \uXXXX and \UXXXXXXXX).
func (d *decoder) escapes(raw bool) error {
	b := d.src
	d.out = make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		c := b[i]
		if c != '\\' {
			d.put(rune(c))
			i++
			continue
		}
		if raw {
			// Only a backslash that ends an odd run can start \u.
			j := i
			for j < len(b) && b[j] == '\\' {
				j++
			}
			if (j-i)%2 == 0 || j == len(b) || b[j] != 'u' && b[j] != 'U' {
				for ; i < j; i++ {
					d.put('\\')
				}
				continue
			}
			for ; i < j-1; i++ {
				d.put('\\')
			}
		}
		start := i
		if i+1 >= len(b) {
			if raw {
				d.put('\\')
				i++
				continue
			}
			next, err := d.fail(start, len(b), "\\ at end of string")
			if err != nil {
				return err
			}
			i = next
			continue
		}
		c = b[i+1]
		if raw && c != 'u' && c != 'U' {
			d.put('\\')
			i++
			continue
		}
		i += 2
		var digits int
		switch c {
		case '\n':
			continue
		case '\\', '\'', '"':
			d.put(rune(c))
			continue
		case 'a':
			d.put(7)
			continue
		case 'b':
			d.put(8)
			continue
		case 'f':
			d.put(12)
			continue
		case 'n':
			d.put('\n')
			continue
		case 'r':
			d.put('\r')
			continue
		case 't':
			d.put('\t')
			continue
		case 'v':
			d.put(11)
			continue
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := rune(c - '0')
			for k := 0; k < 2 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
				v = v*8 + rune(b[i]-'0')
				i++
			}
			if v > 0o377 && d.invalid == "" {
				d.invalid = "invalid octal escape sequence '\\" + string(b[start+1:i]) + "'"
			}
			d.put(v)
			continue
		case 'x':
			digits = 2
		case 'u':
			digits = 4
		case 'U':
			digits = 8
		case 'N':
			name, end, ok := charNameEscape(b, i)
			if ok {
				if r, found := lookupCharName(name); found {
					d.put(r)
					i = end
					continue
				}
				next, err := d.fail(start, end, "unknown Unicode character name")
				if err != nil {
					return err
				}
				i = next
				continue
			}
			next, err := d.fail(start, end, "malformed \\N character escape")
			if err != nil {
				return err
			}
			i = next
			continue
		default:
			// An unknown escape stays as it is; the first one is warned
			// about.
			if d.invalid == "" {
				d.invalid = "invalid escape sequence '\\" + string(appendRune(nil, rune(c))) + "'"
			}
			d.put('\\')
			d.put(rune(c))
			continue
		}
		var v rune
		k := 0
		for ; k < digits && i < len(b) && isHexDigit(b[i]); k++ {
			v = v<<4 | hexValue(b[i])
			i++
		}
		if k < digits {
			reason := map[int]string{2: "truncated \\xXX escape", 4: "truncated \\uXXXX escape", 8: "truncated \\UXXXXXXXX escape"}[digits]
			next, err := d.fail(start, i, reason)
			if err != nil {
				return err
			}
			i = next
			continue
		}
		if v > 0x10FFFF {
			reason := "illegal Unicode character"
			if raw {
				reason = "\\Uxxxxxxxx out of range"
			}
			next, err := d.fail(start, i, reason)
			if err != nil {
				return err
			}
			i = next
			continue
		}
		d.put(v)
	}
	return nil
}

// charNameEscape reads the {NAME} of a \N escape at b[i]: the name, the
// end of the escape, and whether it is well formed. A malformed one ends
// where the name stops (the end of the input without a '}').
func charNameEscape(b []byte, i int) (string, int, bool) {
	if i >= len(b) || b[i] != '{' {
		return "", i, false
	}
	j := i + 1
	for j < len(b) && b[j] != '}' {
		j++
	}
	if j >= len(b) || j == i+1 {
		return "", j, false
	}
	return string(b[i+1 : j]), j + 1, true
}

var (
	charNamesOnce sync.Once
	runeByName    map[string]rune
)

// lookupCharName finds a character by its Unicode name, as \N{...} does:
// case-insensitively, with the algorithmic names of CJK ideographs and
// Hangul syllables.
func lookupCharName(name string) (rune, bool) {
	name = strings.ToUpper(name)
	if rest, ok := strings.CutPrefix(name, "CJK UNIFIED IDEOGRAPH-"); ok {
		v, err := strconv.ParseUint(rest, 16, 32)
		if err != nil || (len(rest) != 4 && len(rest) != 5) || charName(rune(v)) != name {
			return 0, false
		}
		return rune(v), true
	}
	if strings.HasPrefix(name, "HANGUL SYLLABLE ") {
		for r := rune(0xAC00); r <= 0xD7A3; r++ {
			if charName(r) == name {
				return r, true
			}
		}
		return 0, false
	}
	charNamesOnce.Do(func() {
		runeByName = make(map[string]rune, 40000)
		for r := rune(0); r <= 0x10FFFF; r++ {
			if isSurrogate(r) {
				continue
			}
			if n := runenames.Name(r); n != "" && n[0] != '<' {
				runeByName[n] = r
			}
		}
	})
	r, ok := runeByName[name]
	return r, ok
}

// registeredCodec looks a codec our tables do not know up in the codec
// registry, when a program registered search functions of its own.
func registeredCodec(t *Thread, name string, decode bool) (codecID, *charmap, Value, error) {
	unknown := t.raisef(LookupErrorType, "unknown encoding: %s", name)
	r := t.interp.codecs
	if r == nil || len(r.search) == 0 {
		return 0, nil, Null, unknown
	}
	info, err := codecLookup(t, name)
	if err != nil {
		return 0, nil, Null, err
	}
	if v, err := getAttrOpt(t, info, Intern("_is_text_encoding")); err != nil {
		return 0, nil, Null, err
	} else if !v.IsNull() {
		if text, err := Truth(t, v); err != nil {
			return 0, nil, Null, err
		} else if !text {
			if decode {
				return 0, nil, Null, t.raisef(LookupErrorType, "'%s' is not a text encoding; use codecs.decode() to handle arbitrary codecs", name)
			}
			return 0, nil, Null, t.raisef(LookupErrorType, "'%s' is not a text encoding; use codecs.encode() to handle arbitrary codecs", name)
		}
	}
	return codecRegistered, nil, info, nil
}

// callRegisteredCodec runs the encoder (or decoder) of a registered codec
// on obj, as str.encode and bytes.decode do, and checks its result: a
// tuple whose first item is bytes (a str for a decoder), which it
// returns.
func callRegisteredCodec(t *Thread, info Value, name string, obj Value, errors string, decode bool) (Value, error) {
	tu := info.o.(*Tuple)
	fn := tu.items[0]
	if decode {
		fn = tu.items[1]
	}
	r, err := t.Call(fn, []Value{obj, NewStrValue(errors)}, nil)
	if err != nil {
		return Null, err
	}
	rt, ok := r.o.(*Tuple)
	if !ok || len(rt.items) != 2 {
		if decode {
			return Null, t.typeErrorf("decoder must return a tuple (object,integer)")
		}
		return Null, t.typeErrorf("encoder must return a tuple (object, integer)")
	}
	v := rt.items[0]
	if decode {
		if _, ok := v.o.(*Str); !ok {
			return Null, t.typeErrorf("'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to arbitrary types", name, typeName(v))
		}
		return v, nil
	}
	switch v.o.(type) {
	case *Bytes, *ByteArray:
		return v, nil
	}
	return Null, t.typeErrorf("'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types", name, typeName(v))
}
