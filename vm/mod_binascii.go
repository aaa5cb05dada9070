package vm

import (
	"fmt"
	"hash/crc32"
	"sync"
)

// The binascii module (Modules/binascii.c): base64, uuencode,
// quoted-printable and hex conversions, crc32 and crc_hqx, with the
// module's exceptions Error (a ValueError) and Incomplete.

var (
	binasciiErrorType      *Type
	binasciiIncompleteType *Type
	binasciiOnce           sync.Once

	a2bBase64Spec = ArgSpec{Name: "a2b_base64", Params: []string{"data", "strict_mode"}, PosOnly: 1, Required: 1, KwOnly: 1}
	b2aBase64Spec = ArgSpec{Name: "b2a_base64", Params: []string{"data", "newline"}, PosOnly: 1, Required: 1, KwOnly: 1}
	a2bUUSpec     = ArgSpec{Name: "a2b_uu", Params: []string{"data"}, PosOnly: 1, Required: 1}
	b2aUUSpec     = ArgSpec{Name: "b2a_uu", Params: []string{"data", "backtick"}, PosOnly: 1, Required: 1, KwOnly: 1}
	a2bQPSpec     = ArgSpec{Name: "a2b_qp", Params: []string{"data", "header"}, Required: 1}
	b2aQPSpec     = ArgSpec{Name: "b2a_qp", Params: []string{"data", "quotetabs", "istext", "header"}, Required: 1}
	crc32Spec     = ArgSpec{Name: "crc32", Params: []string{"data", "crc"}, PosOnly: 2, Required: 1, Style: StyleUnpack}
)

// moduleExceptionType makes an exception class that belongs to a native
// module (module.name, a subclass of base), shared by the interpreters.
func moduleExceptionType(module, name string, base *Type) *Type {
	c := &Type{Name: name, QualName: name, Flags: FlagBaseType | FlagBaseExcSubclass | FlagHasDict | FlagHeapType,
		Base: base, Bases: []*Type{base}}
	c.cls = TypeType
	c.Dict = NewDict()
	c.Dict.SetStr("__module__", NewStrValue(module))
	c.Dict.SetStr("__doc__", None)
	c.MRO, _ = c3MRO(c, c.Bases)
	c.builtin = BaseExceptionType
	c.version = nextTypeVersion()
	inheritSlots(c)
	return c
}

func init() {
	RegisterModule("binascii", initBinascii)
}

func (t *Thread) binasciiError(format string, args ...any) error {
	return NewException(binasciiErrorType, NewStrValue(fmt.Sprintf(format, args...)))
}

// asciiBuffer is the ascii_buffer converter: bytes-like data or a str of
// ASCII characters.
func asciiBuffer(t *Thread, v Value) ([]byte, error) {
	if s, ok := v.o.(*Str); ok {
		if !s.ascii {
			return nil, t.valueErrorf("string argument should contain only ASCII characters")
		}
		return []byte(s.s), nil
	}
	if b, ok := bytesLike(v); ok {
		return b, nil
	}
	return nil, t.typeErrorf("argument should be bytes, buffer or ASCII string, not '%s'", typeName(v))
}

// binBuffer is a Py_buffer argument.
func binBuffer(t *Thread, v Value) ([]byte, error) {
	if b, ok := bytesLike(v); ok {
		return b, nil
	}
	return nil, t.typeErrorf("a bytes-like object is required, not '%s'", typeName(v))
}

// optBool is a clinic bool (PyObject_IsTrue) argument with a default.
func optBool(t *Thread, v Value, def bool) (bool, error) {
	if v.IsNull() {
		return def, nil
	}
	return Truth(t, v)
}

// optCInt is a clinic int argument with a default.
func optCInt(t *Thread, v Value, def int) (int, error) {
	if v.IsNull() {
		return def, nil
	}
	return intArg32(t, v)
}

// uintMask is the unsigned_int(bitwise=True) converter.
func uintMask(t *Thread, v Value) (uint32, error) {
	if !hasIndex(v) {
		return 0, t.typeErrorf("'%s' object cannot be interpreted as an integer", typeName(v))
	}
	i, err := Index(t, v)
	if err != nil {
		return 0, err
	}
	m, err := BinaryOpArg(t, i, Int(0xffffffff), 1) // &
	if err != nil {
		return 0, err
	}
	n, _ := smallIntOf(m)
	return uint32(n), nil
}

const b64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

var b64Decode = func() (tab [256]byte) {
	for i := range tab {
		tab[i] = 0xff
	}
	for i := 0; i < 64; i++ {
		tab[b64Alphabet[i]] = byte(i)
	}
	return
}()

var crcHqxTable = func() (tab [256]uint16) {
	for i := range tab {
		c := uint16(i) << 8
		for k := 0; k < 8; k++ {
			if c&0x8000 != 0 {
				c = c<<1 ^ 0x1021
			} else {
				c <<= 1
			}
		}
		tab[i] = c
	}
	return
}()

func initBinascii(t *Thread, m *Module) error {
	binasciiOnce.Do(func() {
		binasciiErrorType = moduleExceptionType("binascii", "Error", ValueErrorType)
		binasciiIncompleteType = moduleExceptionType("binascii", "Incomplete", ExceptionType)
	})
	m.Set("__doc__", NewStrValue("Conversion between binary data and ASCII"))
	m.Set("Error", Value{o: binasciiErrorType})
	m.Set("Incomplete", Value{o: binasciiIncompleteType})

	m.AddFunc("a2b_base64", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [2]Value
		if err := clinicArgs(t, &a2bBase64Spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		data, err := asciiBuffer(t, a[0])
		if err != nil {
			return Null, err
		}
		strict, err := optBool(t, a[1], false)
		if err != nil {
			return Null, err
		}
		out, err := t.a2bBase64(data, strict)
		if err != nil {
			return Null, err
		}
		return Value{o: NewBytes(out)}, nil
	})
	m.AddFunc("b2a_base64", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [2]Value
		if err := clinicArgs(t, &b2aBase64Spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		data, err := binBuffer(t, a[0])
		if err != nil {
			return Null, err
		}
		newline, err := optBool(t, a[1], true)
		if err != nil {
			return Null, err
		}
		out := make([]byte, 0, (len(data)+2)/3*4+1)
		for i := 0; i < len(data); i += 3 {
			var v uint32
			n := min(3, len(data)-i)
			for k := 0; k < 3; k++ {
				v <<= 8
				if k < n {
					v |= uint32(data[i+k])
				}
			}
			out = append(out, b64Alphabet[v>>18&63], b64Alphabet[v>>12&63])
			if n > 1 {
				out = append(out, b64Alphabet[v>>6&63])
			} else {
				out = append(out, '=')
			}
			if n > 2 {
				out = append(out, b64Alphabet[v&63])
			} else {
				out = append(out, '=')
			}
		}
		if newline {
			out = append(out, '\n')
		}
		return Value{o: NewBytes(out)}, nil
	})
	m.AddFunc("a2b_uu", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [1]Value
		if err := clinicArgs(t, &a2bUUSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		data, err := asciiBuffer(t, a[0])
		if err != nil {
			return Null, err
		}
		out, err := t.a2bUU(data)
		if err != nil {
			return Null, err
		}
		return Value{o: NewBytes(out)}, nil
	})
	m.AddFunc("b2a_uu", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [2]Value
		if err := clinicArgs(t, &b2aUUSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		data, err := binBuffer(t, a[0])
		if err != nil {
			return Null, err
		}
		backtick, err := optBool(t, a[1], false)
		if err != nil {
			return Null, err
		}
		if len(data) > 45 {
			return Null, t.binasciiError("At most 45 bytes at once")
		}
		out := make([]byte, 0, 2+len(data)*4/3+4)
		if backtick && len(data) == 0 {
			out = append(out, '`')
		} else {
			out = append(out, ' '+byte(len(data)))
		}
		var left uint32
		bits := 0
		for i := 0; i < len(data) || bits != 0; i++ {
			if i < len(data) {
				left = left<<8 | uint32(data[i])
			} else {
				left <<= 8
			}
			bits += 8
			for bits >= 6 {
				c := byte(left >> (bits - 6) & 0x3f)
				bits -= 6
				if backtick && c == 0 {
					out = append(out, '`')
				} else {
					out = append(out, c+' ')
				}
			}
		}
		out = append(out, '\n')
		return Value{o: NewBytes(out)}, nil
	})
	m.AddFunc("a2b_qp", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [2]Value
		if err := clinicArgs(t, &a2bQPSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		data, err := asciiBuffer(t, a[0])
		if err != nil {
			return Null, err
		}
		header, err := optBool(t, a[1], false)
		if err != nil {
			return Null, err
		}
		return Value{o: NewBytes(a2bQP(data, header))}, nil
	})
	m.AddFunc("b2a_qp", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [4]Value
		if err := clinicArgs(t, &b2aQPSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		data, err := binBuffer(t, a[0])
		if err != nil {
			return Null, err
		}
		var flags [3]bool
		for i, def := range []bool{false, true, false} {
			n, err := optCInt(t, a[i+1], b2i(def))
			if err != nil {
				return Null, err
			}
			flags[i] = n != 0
		}
		return Value{o: NewBytes(b2aQP(data, flags[0], flags[1], flags[2]))}, nil
	})
	hexlify := func(name string) builtinMethod {
		spec := &ArgSpec{Name: name, Params: []string{"data", "sep", "bytes_per_sep"}, Required: 1}
		return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [3]Value
			if err := clinicArgs(t, spec, args, kw, a[:]); err != nil {
				return Null, err
			}
			data, err := binBuffer(t, a[0])
			if err != nil {
				return Null, err
			}
			return t.hexBytesSep(data, a[1], a[2])
		}
	}
	m.AddFunc("b2a_hex", hexlify("b2a_hex"))
	m.AddFunc("hexlify", hexlify("hexlify"))
	unhexlify := func(name string) builtinMethod {
		spec := &ArgSpec{Name: name, Params: []string{"hexstr"}, PosOnly: 1, Required: 1}
		return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [1]Value
			if err := clinicArgs(t, spec, args, kw, a[:]); err != nil {
				return Null, err
			}
			data, err := asciiBuffer(t, a[0])
			if err != nil {
				return Null, err
			}
			if len(data)%2 != 0 {
				return Null, t.binasciiError("Odd-length string")
			}
			out := make([]byte, len(data)/2)
			for i := range out {
				hi, lo := hexDigitVal(data[2*i]), hexDigitVal(data[2*i+1])
				if hi < 0 || lo < 0 {
					return Null, t.binasciiError("Non-hexadecimal digit found")
				}
				out[i] = byte(hi<<4 | lo)
			}
			return Value{o: NewBytes(out)}, nil
		}
	}
	m.AddFunc("a2b_hex", unhexlify("a2b_hex"))
	m.AddFunc("unhexlify", unhexlify("unhexlify"))
	m.AddFunc("crc32", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "crc32", args, kw, 1, 2); err != nil {
			return Null, err
		}
		data, err := binBuffer(t, args[0])
		if err != nil {
			return Null, err
		}
		var crc uint32
		if len(args) == 2 {
			if crc, err = uintMask(t, args[1]); err != nil {
				return Null, err
			}
		}
		return Int(int64(crc32.Update(crc, crc32.IEEETable, data))), nil
	})
	m.AddFunc("crc_hqx", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "crc_hqx", args, kw, 2, 2); err != nil {
			return Null, err
		}
		data, err := binBuffer(t, args[0])
		if err != nil {
			return Null, err
		}
		c32, err := uintMask(t, args[1])
		if err != nil {
			return Null, err
		}
		crc := uint16(c32)
		for _, b := range data {
			crc = crc<<8 ^ crcHqxTable[byte(crc>>8)^b]
		}
		return Int(int64(crc)), nil
	})
	return nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func hexDigitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// a2bBase64 decodes base64 as binascii_a2b_base64_impl does, lenient or
// strict.
func (t *Thread) a2bBase64(data []byte, strict bool) ([]byte, error) {
	out := make([]byte, 0, len(data)/4*3+3)
	if strict && len(data) > 0 && data[0] == '=' {
		return nil, t.binasciiError("Leading padding not allowed")
	}
	quadPos, pads := 0, 0
	var left byte
	paddingStarted := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '=' {
			paddingStarted = true
			if strict && quadPos == 0 {
				return nil, t.binasciiError("Excess padding not allowed")
			}
			if quadPos >= 2 {
				pads++
				if quadPos+pads >= 4 {
					if strict && i+1 < len(data) {
						return nil, t.binasciiError("Excess data after padding")
					}
					return out, nil
				}
			}
			continue
		}
		v := b64Decode[c]
		if v >= 64 {
			if strict {
				return nil, t.binasciiError("Only base64 data is allowed")
			}
			continue
		}
		if strict && paddingStarted {
			return nil, t.binasciiError("Discontinuous padding not allowed")
		}
		pads = 0
		switch quadPos {
		case 0:
			quadPos, left = 1, v
		case 1:
			quadPos = 2
			out = append(out, left<<2|v>>4)
			left = v & 0x0f
		case 2:
			quadPos = 3
			out = append(out, left<<4|v>>2)
			left = v & 0x03
		case 3:
			quadPos = 0
			out = append(out, left<<6|v)
			left = 0
		}
	}
	if quadPos == 1 {
		return nil, t.binasciiError("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4", len(out)/3*4+1)
	}
	if quadPos != 0 {
		return nil, t.binasciiError("Incorrect padding")
	}
	return out, nil
}

// a2bUU decodes a line of uuencoded data.
func (t *Thread) a2bUU(data []byte) ([]byte, error) {
	// The first byte is the length (an empty line reads as NUL).
	var first byte
	if len(data) > 0 {
		first = data[0]
	}
	binLen := int((first - ' ') & 0x3f)
	rest := data
	if len(rest) > 0 {
		rest = rest[1:]
	}
	out := make([]byte, 0, binLen)
	var left uint32
	bits := 0
	i := 0
	for ; binLen > 0; i++ {
		var c byte
		if i < len(rest) {
			c = rest[i]
		}
		if c == '\n' || c == '\r' || i >= len(rest) {
			c = 0
		} else {
			if c < ' ' || c > ' '+64 {
				return nil, t.binasciiError("Illegal char")
			}
			c = (c - ' ') & 0x3f
		}
		left = left<<6 | uint32(c)
		bits += 6
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(left>>bits))
			left &= 1<<bits - 1
			binLen--
		}
	}
	for ; i < len(rest); i++ {
		c := rest[i]
		if c != ' ' && c != ' '+64 && c != '\n' && c != '\r' {
			return nil, t.binasciiError("Trailing garbage")
		}
	}
	return out, nil
}

// a2bQP decodes quoted-printable data.
func a2bQP(data []byte, header bool) []byte {
	out := make([]byte, 0, len(data))
	isHex := func(c byte) bool { return hexDigitVal(c) >= 0 }
	for in := 0; in < len(data); {
		c := data[in]
		switch {
		case c == '=':
			in++
			if in >= len(data) {
				return out
			}
			switch d := data[in]; {
			case d == '\n' || d == '\r':
				if d != '\n' {
					for in < len(data) && data[in] != '\n' {
						in++
					}
				}
				if in < len(data) {
					in++
				}
			case d == '=':
				out = append(out, '=')
				in++
			case in+1 < len(data) && isHex(d) && isHex(data[in+1]):
				out = append(out, byte(hexDigitVal(d)<<4|hexDigitVal(data[in+1])))
				in += 2
			default:
				out = append(out, '=')
			}
		case header && c == '_':
			out = append(out, ' ')
			in++
		default:
			out = append(out, c)
			in++
		}
	}
	return out
}

// b2aQP encodes quoted-printable data as binascii_b2a_qp_impl does.
func b2aQP(data []byte, quotetabs, istext, header bool) []byte {
	const maxLine = 76
	const hexUpper = "0123456789ABCDEF"
	crlf := false
	for i, c := range data {
		if c == '\n' {
			crlf = i > 0 && data[i-1] == '\r'
			break
		}
	}
	var out []byte
	softBreak := func() {
		out = append(out, '=')
		if crlf {
			out = append(out, '\r')
		}
		out = append(out, '\n')
	}
	n := len(data)
	linelen := 0
	for in := 0; in < n; {
		c := data[in]
		if c > 126 || c == '=' || header && c == '_' ||
			c == '.' && linelen == 0 && (in+1 == n || data[in+1] == '\n' || data[in+1] == '\r' || data[in+1] == 0) ||
			!istext && (c == '\r' || c == '\n') ||
			(c == '\t' || c == ' ') && in+1 == n ||
			c < 33 && c != '\r' && c != '\n' && (quotetabs || c != '\t' && c != ' ') {
			if linelen+3 >= maxLine {
				softBreak()
				linelen = 0
			}
			out = append(out, '=', hexUpper[c>>4], hexUpper[c&15])
			in++
			linelen += 3
			continue
		}
		if istext && (c == '\n' || in+1 < n && c == '\r' && data[in+1] == '\n') {
			linelen = 0
			// Whitespace at the end of a line is quoted.
			if k := len(out); k > 0 && (out[k-1] == ' ' || out[k-1] == '\t') {
				ch := out[k-1]
				out[k-1] = '='
				out = append(out, hexUpper[ch>>4], hexUpper[ch&15])
			}
			if crlf {
				out = append(out, '\r')
			}
			out = append(out, '\n')
			if c == '\r' {
				in += 2
			} else {
				in++
			}
			continue
		}
		if in+1 != n && data[in+1] != '\n' && linelen+1 >= maxLine {
			softBreak()
			linelen = 0
		}
		linelen++
		if header && c == ' ' {
			out = append(out, '_')
		} else {
			out = append(out, c)
		}
		in++
	}
	return out
}

// hexBytesSep is _Py_strhex_bytes_with_sep: the hex digits of data as
// bytes, a separator every bytes_per_sep bytes.
func (t *Thread) hexBytesSep(data []byte, sepv, perv Value) (Value, error) {
	const digits = "0123456789abcdef"
	var sep byte
	hasSep := false
	if !sepv.IsNull() {
		switch s := sepv.o.(type) {
		case *Str:
			if s.n != 1 {
				return Null, t.valueErrorf("sep must be length 1.")
			}
			r := []rune(s.s)[0]
			if r > 0xff {
				return Null, t.valueErrorf("sep must be ASCII.")
			}
			sep = byte(r)
		default:
			b, ok := bytesLike(sepv)
			if !ok {
				if _, err := Len(t, sepv); err != nil {
					return Null, err
				}
				return Null, t.typeErrorf("sep must be str or bytes.")
			}
			if len(b) != 1 {
				return Null, t.valueErrorf("sep must be length 1.")
			}
			sep = b[0]
		}
		hasSep = true
	}
	per := 1
	if !perv.IsNull() {
		n, err := intArg32(t, perv)
		if err != nil {
			return Null, err
		}
		per = n
	}
	out := make([]byte, 0, 3*len(data))
	abs := per
	if abs < 0 {
		abs = -abs
	}
	for i, c := range data {
		if i > 0 && hasSep && per != 0 {
			if per > 0 && (len(data)-i)%abs == 0 || per < 0 && i%abs == 0 {
				out = append(out, sep)
			}
		}
		out = append(out, digits[c>>4], digits[c&15])
	}
	return Value{o: NewBytes(out)}, nil
}
