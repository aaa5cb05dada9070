package parser

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

//go:generate go run ./internal/codecgen -o codecs_gen.go

// This file decodes a source whose coding cookie names a codec, as
// CPython's tokenizer does for string input: the whole text is decoded with
// PyUnicode_Decode(text, name, "strict"), and any failure is reported as a
// SyntaxError at line 0 carrying the exception's message.
//
// The codec is found as CPython's registry finds it: the name is normalized
// (_Py_normalize_encoding), looked up in the encodings package's alias
// table, and the codec module of that name is used. The alias table and the
// list of codec modules, with each codec's name, whether it is a text
// encoding, and the 256-entry table of each single-byte codec, are generated
// from the oracle (codecs_gen.go). The other codecs are implemented here:
// the UTF family, unicode_escape and raw_unicode_escape, and the CJK
// multibyte codecs through golang.org/x/text where it has them.

// codecModule is one codec module of CPython's encodings package.
type codecModule struct {
	name  string // the codec's name (CodecInfo.name)
	text  bool   // a text encoding (not bytes-to-bytes like rot13 or hex)
	table string // a single-byte codec's 256 characters, U+FFFE for undefined bytes
}

// normalizeCodecName is _Py_normalize_encoding: lower case ASCII letters and
// digits and '.', runs of anything else become one '_' (none at the ends).
func normalizeCodecName(name string) string {
	var b strings.Builder
	punct := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if isASCIIAlnum(c) || c == '.' {
			if punct && b.Len() > 0 {
				b.WriteByte('_')
			}
			punct = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		} else {
			punct = true
		}
	}
	return b.String()
}

// findCodec is the encodings package's search function: the module that
// implements the codec called name, or "".
func findCodec(name string) string {
	norm := normalizeCodecName(name)
	aliased, ok := codecAliases[norm]
	if !ok {
		aliased = codecAliases[strings.ReplaceAll(norm, ".", "_")]
	}
	for _, mod := range []string{aliased, norm} {
		if mod == "" || strings.Contains(mod, ".") {
			continue
		}
		if _, ok := codecModules[mod]; ok {
			return mod
		}
	}
	return ""
}

// decodeCodec converts text in the named encoding to UTF-8. On failure it
// returns the message of CPython's SyntaxError.
func decodeCodec(text []byte, name string) ([]byte, string) {
	mod := findCodec(name)
	if mod == "" {
		return nil, "unknown encoding: " + name
	}
	info := codecModules[mod]
	if !info.text {
		return nil, fmt.Sprintf("'%s' is not a text encoding; use codecs.decode() to handle arbitrary codecs", name)
	}
	if info.table != "" {
		return decodeCharmap(text, info.table)
	}
	switch mod {
	case "utf_8", "utf_8_sig":
		if mod == "utf_8_sig" && len(text) >= 3 && string(text[:3]) == "\xef\xbb\xbf" {
			text = text[3:]
		}
		if !utf8.Valid(text) {
			return nil, utf8DecodeError(text)
		}
		return text, ""
	case "ascii":
		for i, c := range text {
			if c >= 0x80 {
				return nil, fmt.Sprintf("'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", c, i)
			}
		}
		return text, ""
	case "latin_1", "charmap":
		return latin1ToUTF8(text), ""
	case "undefined":
		return nil, "undefined encoding"
	case "utf_16", "utf_16_le", "utf_16_be":
		return decodeUTF16(text, mod)
	case "utf_32", "utf_32_le", "utf_32_be":
		return decodeUTF32(text, mod)
	case "utf_7":
		return decodeUTF7(text)
	case "unicode_escape":
		s, _, msg := unicodeEscapeDecode(string(latin1ToUTF8(text)))
		if msg != "" {
			return nil, msg
		}
		return []byte(s), ""
	case "raw_unicode_escape":
		return decodeRawUnicodeEscape(text)
	}
	if enc, step := multibyteCodec(mod); enc != nil {
		return decodeMultibyte(text, info.name, enc, step)
	}
	switch mod {
	case "punycode":
		out, msg := decodePunycode(text, "punycode", 0)
		return []byte(string(out)), msg
	case "idna":
		return decodeIDNA(text)
	}
	// A codec peephole does not implement (johab, iso2022_kr): ASCII text
	// decodes to itself in both.
	if isASCII(text) {
		return text, ""
	}
	return nil, fmt.Sprintf("peephole cannot decode the '%s' codec", info.name)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// decodeError is the message of a UnicodeDecodeError over obj[start:end].
func decodeError(codec string, obj []byte, start, end int, reason string) string {
	if end-start == 1 && start < len(obj) {
		return fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", codec, obj[start], start, reason)
	}
	return fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", codec, start, end-1, reason)
}

// decodePunycode is CPython's punycode decoder (RFC 3492) with strict
// errors; offset is added to the positions of its error messages, which
// name codec.
func decodePunycode(text []byte, codec string, offset int) ([]rune, string) {
	pos := strings.LastIndexByte(string(text), '-')
	var base []rune
	var extended []byte
	if pos < 0 {
		extended = []byte(strings.ToUpper(string(text)))
	} else {
		for i, c := range text[:pos] {
			if c >= 0x80 {
				return nil, decodeError("ascii", text, i, i+1, "ordinal not in range(128)")
			}
			base = append(base, rune(c))
		}
		extended = []byte(strings.ToUpper(string(text[pos+1:])))
	}
	off := offset + pos + 1
	threshold := func(j, bias int) int { return min(26, max(1, 36*(j+1)-bias)) }
	adapt := func(delta int, first bool, numchars int) int {
		if first {
			delta /= 700
		} else {
			delta /= 2
		}
		delta += delta / numchars
		divisions := 0
		for delta > 455 {
			delta /= 35
			divisions += 36
		}
		return divisions + 36*delta/(delta+38)
	}
	char, n, bias, extpos := 0x80, -1, 72, 0
	for extpos < len(extended) {
		// A generalized variable-length integer.
		result, w, j, p := 0, 1, 0, extpos
		for {
			if p >= len(extended) {
				return nil, decodeError(codec, text, off+p, off+p+1, "incomplete punycode string")
			}
			c := extended[p]
			p++
			var digit int
			switch {
			case 'A' <= c && c <= 'Z':
				digit = int(c - 'A')
			case '0' <= c && c <= '9':
				digit = int(c) - 22
			default:
				return nil, decodeError(codec, text, off+p-1, off+p, fmt.Sprintf("Invalid extended code point '%d'", c))
			}
			t := threshold(j, bias)
			result += digit * w
			if digit < t {
				break
			}
			w *= 36 - t
			j++
			if result > 1<<40 {
				return nil, decodeError(codec, text, off+p-1, off+p, "Invalid character")
			}
		}
		n += result + 1
		char += n / (len(base) + 1)
		if char > 0x10FFFF {
			return nil, decodeError(codec, text, off+n-1, off+n, fmt.Sprintf("Invalid character U+%x", char))
		}
		n %= len(base) + 1
		base = append(base[:n], append([]rune{rune(char)}, base[n:]...)...)
		bias = adapt(result, extpos == 0, len(base))
		extpos = p
	}
	return base, ""
}

// decodeIDNA is CPython's idna decoder for what peephole can check: ASCII
// labels, of which those without the "xn--" prefix decode to themselves.
func decodeIDNA(text []byte) ([]byte, string) {
	if isASCII(text) && !strings.Contains(strings.ToLower(string(text)), "xn--") {
		return text, ""
	}
	labels := strings.Split(string(text), ".")
	for _, l := range labels {
		if len(l) > 1024 {
			return nil, decodeError("idna", []byte(l), 0, len(l), "label way too long")
		}
		if !isASCII([]byte(l)) || strings.HasPrefix(strings.ToLower(l), "xn--") {
			// Nameprep and the ToASCII round trip are not implemented.
			return nil, "peephole cannot decode the 'idna' codec"
		}
	}
	return text, ""
}

func latin1ToUTF8(text []byte) []byte {
	out := make([]byte, 0, len(text))
	for _, c := range text {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}

// decodeCharmap decodes with a single-byte table, as charmap_decode does.
func decodeCharmap(text []byte, table string) ([]byte, string) {
	runes := []rune(table)
	out := make([]byte, 0, len(text))
	for i, c := range text {
		r := runes[c]
		if r == 0xFFFE {
			return nil, fmt.Sprintf("'charmap' codec can't decode byte 0x%02x in position %d: character maps to <undefined>", c, i)
		}
		out = utf8.AppendRune(out, r)
	}
	return out, ""
}

// decodeUTF16 is the utf-16 codecs: utf_16 reads a BOM and otherwise
// assumes little-endian (the native order of the machines peephole runs on).
func decodeUTF16(text []byte, mod string) ([]byte, string) {
	big := mod == "utf_16_be"
	if mod == "utf_16" && len(text) >= 2 {
		switch {
		case text[0] == 0xFF && text[1] == 0xFE:
			text = text[2:]
		case text[0] == 0xFE && text[1] == 0xFF:
			text, big = text[2:], true
		}
	}
	name := "utf-16-le"
	if big {
		name = "utf-16-be"
	}
	var out []byte
	for i := 0; i < len(text); i += 2 {
		if i+1 >= len(text) {
			return nil, fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: truncated data", name, text[i], i)
		}
		u := uint16(text[i]) | uint16(text[i+1])<<8
		if big {
			u = uint16(text[i])<<8 | uint16(text[i+1])
		}
		switch {
		case u < 0xD800 || u > 0xDFFF:
			out = utf8.AppendRune(out, rune(u))
		case u >= 0xDC00:
			return nil, fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: illegal encoding", name, i, i+1)
		default:
			if i+3 >= len(text) {
				return nil, fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: unexpected end of data", name, i, len(text)-1)
			}
			v := uint16(text[i+2]) | uint16(text[i+3])<<8
			if big {
				v = uint16(text[i+2])<<8 | uint16(text[i+3])
			}
			if v < 0xDC00 || v > 0xDFFF {
				return nil, fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: illegal UTF-16 surrogate", name, i, i+1)
			}
			out = utf8.AppendRune(out, utf16.DecodeRune(rune(u), rune(v)))
			i += 2
		}
	}
	return out, ""
}

// decodeUTF32 is the utf-32 codecs, with utf_32 reading a BOM.
func decodeUTF32(text []byte, mod string) ([]byte, string) {
	big := mod == "utf_32_be"
	if mod == "utf_32" && len(text) >= 4 {
		switch string(text[:4]) {
		case "\xff\xfe\x00\x00":
			text = text[4:]
		case "\x00\x00\xfe\xff":
			text, big = text[4:], true
		}
	}
	name := "utf-32-le"
	if big {
		name = "utf-32-be"
	}
	var out []byte
	for i := 0; i < len(text); i += 4 {
		if i+3 >= len(text) {
			return nil, fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: truncated data", name, i, len(text)-1)
		}
		u := uint32(text[i]) | uint32(text[i+1])<<8 | uint32(text[i+2])<<16 | uint32(text[i+3])<<24
		if big {
			u = uint32(text[i+3]) | uint32(text[i+2])<<8 | uint32(text[i+1])<<16 | uint32(text[i])<<24
		}
		if u > 0x10FFFF || u >= 0xD800 && u <= 0xDFFF {
			reason := "code point not in range(0x110000)"
			if u <= 0x10FFFF {
				reason = "code point in surrogate code point range(0xd800, 0xe000)"
			}
			return nil, fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", name, i, i+3, reason)
		}
		out = utf8.AppendRune(out, rune(u))
	}
	return out, ""
}

// decodeUTF7 decodes UTF-7 (RFC 2152) as CPython's decoder does for valid
// input: '+' starts a run of modified base64 holding UTF-16, ended by any
// other character ('-' is then dropped); "+-" is '+'.
func decodeUTF7(text []byte) ([]byte, string) {
	const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var out []byte
	for i := 0; i < len(text); {
		c := text[i]
		if c >= 0x80 {
			return nil, fmt.Sprintf("'utf7' codec can't decode byte 0x%02x in position %d: unexpected special character", c, i)
		}
		if c != '+' {
			out = append(out, c)
			i++
			continue
		}
		start := i
		i++
		if i < len(text) && text[i] == '-' {
			out = append(out, '+')
			i++
			continue
		}
		var bits uint32
		nbits := 0
		var units []uint16
		for i < len(text) {
			k := strings.IndexByte(b64, text[i])
			if k < 0 {
				break
			}
			bits = bits<<6 | uint32(k)
			nbits += 6
			if nbits >= 16 {
				nbits -= 16
				units = append(units, uint16(bits>>nbits))
				bits &= 1<<nbits - 1
			}
			i++
		}
		if nbits >= 6 || bits != 0 {
			return nil, fmt.Sprintf("'utf7' codec can't decode bytes in position %d-%d: partial character in shift sequence", start, i-1)
		}
		out = append(out, string(utf16.Decode(units))...)
		if i < len(text) && text[i] == '-' {
			i++
		}
	}
	return out, ""
}

// decodeRawUnicodeEscape is raw_unicode_escape: bytes are Latin-1, except
// \uXXXX and \UXXXXXXXX after an odd number of backslashes.
func decodeRawUnicodeEscape(text []byte) ([]byte, string) {
	var out []byte
	for i := 0; i < len(text); {
		c := text[i]
		if c != '\\' {
			out = utf8.AppendRune(out, rune(c))
			i++
			continue
		}
		// Copy a run of backslashes; an escape needs an odd count.
		j := i
		for j < len(text) && text[j] == '\\' {
			j++
		}
		n := j - i
		if n%2 == 0 || j >= len(text) || text[j] != 'u' && text[j] != 'U' {
			out = append(out, text[i:j]...)
			i = j
			continue
		}
		out = append(out, text[i:j-1]...)
		start := j - 1
		count := 4
		msg := "truncated \\uXXXX escape"
		if text[j] == 'U' {
			count, msg = 8, "truncated \\UXXXXXXXX escape"
		}
		k := j + 1
		var ch rune
		for ; count > 0; count-- {
			if k >= len(text) || hexVal(text[k]) < 0 {
				return nil, fmt.Sprintf("'rawunicodeescape' codec can't decode bytes in position %d-%d: %s", start, k-1, msg)
			}
			ch = ch<<4 + rune(hexVal(text[k]))
			k++
		}
		if ch > 0x10FFFF {
			return nil, fmt.Sprintf("'rawunicodeescape' codec can't decode bytes in position %d-%d: \\Uxxxxxxxx out of range", start, k-1)
		}
		out = utf8.AppendRune(out, ch)
		i = k
	}
	return out, ""
}

// multibyteCodec returns the golang.org/x/text decoder that stands for a
// CJK codec of CPython, and the longest byte sequence of one character
// (0 for the stateful codecs, which are decoded whole).
func multibyteCodec(mod string) (encoding.Encoding, int) {
	switch mod {
	case "big5", "big5hkscs", "cp950":
		return traditionalchinese.Big5, 2
	case "euc_jp", "euc_jis_2004", "euc_jisx0213":
		return japanese.EUCJP, 3
	case "shift_jis", "cp932", "shift_jis_2004", "shift_jisx0213":
		return japanese.ShiftJIS, 2
	case "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext":
		return japanese.ISO2022JP, 0
	case "euc_kr", "cp949":
		return korean.EUCKR, 2
	case "gb2312", "gbk":
		return simplifiedchinese.GBK, 2
	case "gb18030":
		return simplifiedchinese.GB18030, 4
	case "hz":
		return simplifiedchinese.HZGB2312, 0
	}
	return nil, 0
}

// decodeMultibyte decodes an ASCII-compatible multibyte codec character by
// character, to report the first undecodable byte as CPython's CJK codecs
// do ("illegal multibyte sequence", or "incomplete multibyte sequence" at
// the end).
func decodeMultibyte(text []byte, name string, enc encoding.Encoding, step int) ([]byte, string) {
	dec := enc.NewDecoder()
	if step == 0 {
		out, err := dec.Bytes(text)
		if err != nil || strings.ContainsRune(string(out), utf8.RuneError) {
			return nil, fmt.Sprintf("'%s' codec can't decode bytes: illegal multibyte sequence", name)
		}
		return out, ""
	}
	var out []byte
	for i := 0; i < len(text); {
		if text[i] < 0x80 {
			out = append(out, text[i])
			i++
			continue
		}
		n := 2
		for ; n <= step && i+n <= len(text); n++ {
			dec.Reset()
			got, err := dec.Bytes(text[i : i+n])
			if err == nil && len(got) > 0 && !strings.ContainsRune(string(got), utf8.RuneError) {
				break
			}
		}
		if n > step || i+n > len(text) {
			reason := "illegal multibyte sequence"
			if i+1 >= len(text) {
				reason = "incomplete multibyte sequence"
			}
			return nil, fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", name, text[i], i, reason)
		}
		dec.Reset()
		got, _ := dec.Bytes(text[i : i+n])
		out = append(out, got...)
		i += n
	}
	return out, ""
}
