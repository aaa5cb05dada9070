package pyconst

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// Str is a Python str, held in generalized UTF-8: every code point, lone
// surrogates U+D800..U+DFFF included, as its 1- to 4-byte UTF-8 sequence,
// and surrogates never combined into pairs (see the package documentation).
// A valid UTF-8 Go string converts to a Str as is.
type Str string

// StrFromRunes returns the Str of the code points rs, which may include
// surrogates. A value outside 0..0x10FFFF becomes U+FFFD.
func StrFromRunes(rs []rune) Str {
	b := make([]byte, 0, len(rs))
	for _, r := range rs {
		b = AppendRune(b, r)
	}
	return Str(b)
}

// StrFromUTF8 returns the Str of the UTF-8 text s and true, or "" and false
// if s is not valid UTF-8.
func StrFromUTF8(s string) (Str, bool) {
	if !utf8.ValidString(s) {
		return "", false
	}
	return Str(s), true
}

// AppendRune appends the generalized UTF-8 encoding of the code point r to
// dst; unlike utf8.AppendRune it encodes surrogates as themselves. A value
// outside 0..0x10FFFF is appended as U+FFFD.
func AppendRune(dst []byte, r rune) []byte {
	if r >= 0xD800 && r <= 0xDFFF {
		return append(dst, 0xED, byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(dst, r)
}

// DecodeRune decodes the first code point of the generalized UTF-8 text s
// and returns it and its length in bytes. It decodes surrogates as
// themselves; like utf8.DecodeRuneInString, it returns (U+FFFD, 1) for an
// ill-formed byte and (U+FFFD, 0) for an empty s.
func DecodeRune(s string) (rune, int) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	if len(s) >= 3 && s[0] == 0xED && s[1] >= 0xA0 && s[1] <= 0xBF && s[2]&0xC0 == 0x80 {
		return 0xD000 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s)
}

// CodePoints returns an iterator over the code points of s, surrogates
// included, with the byte offset at which each starts.
func (s Str) CodePoints() iter.Seq2[int, rune] {
	return func(yield func(int, rune) bool) {
		for i := 0; i < len(s); {
			r, n := DecodeRune(string(s[i:]))
			if !yield(i, r) {
				return
			}
			i += n
		}
	}
}

// Runes returns the code points of s, surrogates included.
func (s Str) Runes() []rune {
	rs := make([]rune, 0, len(s))
	for _, r := range s.CodePoints() {
		rs = append(rs, r)
	}
	return rs
}

// Len returns the length of s in code points, as Python's len().
func (s Str) Len() int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			_, k := DecodeRune(string(s[i:]))
			i += k
		}
		n++
	}
	return n
}

// HasSurrogates reports whether s contains a surrogate code point.
func (s Str) HasSurrogates() bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == 0xED && s[i+1] >= 0xA0 && s[i+1] <= 0xBF {
			return true
		}
	}
	return false
}

// UTF8 returns s as ordinary UTF-8 and true, or "" and false if s contains
// surrogates, which UTF-8 cannot hold.
func (s Str) UTF8() (string, bool) {
	if s.HasSurrogates() {
		return "", false
	}
	return string(s), true
}

// IsASCII reports whether every code point of s is below 128.
func (s Str) IsASCII() bool { return isASCII(string(s)) }

// Kind returns the number of bytes per code point of CPython's canonical
// representation of s: 1 if every code point is below 256, 2 if every one is
// below 65536, 4 otherwise. str hashes are computed over that
// representation.
func (s Str) Kind() int {
	k, _ := s.kindLen()
	return k
}

// kindLen returns s.Kind() and s.Len().
func (s Str) kindLen() (kind, n int) {
	maxc := rune(0)
	for _, r := range s.CodePoints() {
		maxc = max(maxc, r)
		n++
	}
	switch {
	case maxc < 0x100:
		return 1, n
	case maxc < 0x10000:
		return 2, n
	}
	return 4, n
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// TypeName returns "str".
func (Str) TypeName() string { return "str" }

// Repr returns CPython's repr of s. It is quoted with ' unless s contains '
// and no ", then with ". Backslash and the chosen quote are escaped, tab,
// newline and carriage return written \t \n \r, other characters below 0x20
// and 0x7F as \xhh, and non-ASCII characters that str.isprintable() rejects
// as \xhh, \uhhhh or \Uhhhhhhhh (lone surrogates included); everything else
// is kept as is.
func (s Str) Repr() (string, error) { return s.String(), nil }

// String returns the repr of s.
func (s Str) String() string { return string(s.AppendRepr(make([]byte, 0, len(s)+2))) }

// Hash returns CPython's hash of s under PYTHONHASHSEED=0.
func (s Str) Hash() int64 { return defaultHasher.hashStr(s) }

func (s Str) appendRepr(dst []byte, _ bool) ([]byte, error) { return s.AppendRepr(dst), nil }

const hexDigits = "0123456789abcdef"

// AppendRepr appends the repr of s to dst.
func (s Str) AppendRepr(dst []byte) []byte {
	squote, dquote := false, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			squote = true
		case '"':
			dquote = true
		}
	}
	quote := byte('\'')
	if squote && !dquote {
		quote = '"'
	}
	dst = append(dst, quote)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == quote || c == '\\':
				dst = append(dst, '\\', c)
			case c == '\t':
				dst = append(dst, '\\', 't')
			case c == '\n':
				dst = append(dst, '\\', 'n')
			case c == '\r':
				dst = append(dst, '\\', 'r')
			case c < ' ' || c == 0x7F:
				dst = append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&0xF])
			default:
				dst = append(dst, c)
			}
			continue
		}
		r, n := DecodeRune(string(s[i:]))
		switch {
		case r == utf8.RuneError && n == 1: // an ill-formed byte
			dst = utf8.AppendRune(dst, r)
		case IsPrintable(r):
			dst = append(dst, s[i:i+n]...)
		case r < 0x100:
			dst = append(dst, '\\', 'x', hexDigits[r>>4], hexDigits[r&0xF])
		case r < 0x10000:
			dst = append(dst, '\\', 'u')
			dst = appendHex(dst, uint32(r), 4)
		default:
			dst = append(dst, '\\', 'U')
			dst = appendHex(dst, uint32(r), 8)
		}
		i += n
	}
	return append(dst, quote)
}

func appendHex(dst []byte, v uint32, width int) []byte {
	for shift := 4 * (width - 1); shift >= 0; shift -= 4 {
		dst = append(dst, hexDigits[(v>>uint(shift))&0xF])
	}
	return dst
}

// IsPrintable reports whether CPython 3.13's str.isprintable() holds for the
// one-character string r: r is printable unless its Unicode category is Cc,
// Cf, Cs, Co, Cn, Zl, Zp or Zs, except that the space U+0020 is printable.
// This is Go's unicode.IsPrint (Unicode 15.0) plus the characters that
// Unicode 15.1, CPython 3.13's version, added.
func IsPrintable(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= ' ' && r < 0x7F
	}
	return unicode.IsPrint(r) || addedIn151(r)
}

// addedIn151 reports whether r is one of the 627 characters that Unicode
// 15.1 assigned: the ideographic description characters U+2FFC..U+2FFF, the
// CJK stroke U+31EF and the CJK Unified Ideographs Extension I,
// U+2EBF0..U+2EE5D. All of them are printable. (When Go's tables move past
// 15.0, unicode.IsPrint already includes them and this changes nothing.)
func addedIn151(r rune) bool {
	return r >= 0x2FFC && r <= 0x2FFF || r == 0x31EF || r >= 0x2EBF0 && r <= 0x2EE5D
}

// Bytes is a Python bytes object: a Go string holding its raw bytes.
type Bytes string

// TypeName returns "bytes".
func (Bytes) TypeName() string { return "bytes" }

// Repr returns CPython's repr of b: b'...' (b"..." when b contains ' and no
// "), with \\ and the quote escaped, \t \n \r, and \xhh for other bytes
// below 0x20 and from 0x7F up.
func (b Bytes) Repr() (string, error) { return b.String(), nil }

// String returns the repr of b.
func (b Bytes) String() string { return string(b.AppendRepr(make([]byte, 0, len(b)+3))) }

// Hash returns CPython's hash of b under PYTHONHASHSEED=0.
func (b Bytes) Hash() int64 { return defaultHasher.hashBytes(string(b)) }

func (b Bytes) appendRepr(dst []byte, _ bool) ([]byte, error) { return b.AppendRepr(dst), nil }

// AppendRepr appends the repr of b to dst.
func (b Bytes) AppendRepr(dst []byte) []byte {
	squote, dquote := false, false
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\'':
			squote = true
		case '"':
			dquote = true
		}
	}
	quote := byte('\'')
	if squote && !dquote {
		quote = '"'
	}
	dst = append(dst, 'b', quote)
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == quote || c == '\\':
			dst = append(dst, '\\', c)
		case c == '\t':
			dst = append(dst, '\\', 't')
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c == '\r':
			dst = append(dst, '\\', 'r')
		case c < ' ' || c >= 0x7F:
			dst = append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&0xF])
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, quote)
}
