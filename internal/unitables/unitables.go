// Package unitables holds the Unicode character properties that CPython 3.13
// uses in its tokenizer and in repr: which characters may start or continue an
// identifier (PEP 3131's XID_Start/XID_Continue, with '_'), which are
// printable (str.isprintable), which are whitespace (str.isspace) and which
// alphanumeric (str.isalnum).
//
// The tables are generated from the oracle's own unicodedata (Unicode 15.1),
// not taken from Go's unicode package (15.0), so that peephole and CPython
// agree on every character. Regenerate with `go generate`.
package unitables

import "unicode"

//go:generate go run ./gen

// IsXIDStart reports whether r may start a Python identifier.
func IsXIDStart(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_'
	}
	return unicode.Is(XIDStart, r)
}

// IsXIDContinue reports whether r may continue a Python identifier.
func IsXIDContinue(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.Is(XIDContinue, r)
}

// IsPrintable reports whether str.isprintable() holds for the character r.
func IsPrintable(r rune) bool {
	if r < 0x80 {
		return 0x20 <= r && r < 0x7f
	}
	return unicode.Is(Printable, r)
}

// IsSpace reports whether str.isspace() holds for the character r.
func IsSpace(r rune) bool { return unicode.Is(Space, r) }

// IsAlnum reports whether str.isalnum() holds for the character r.
func IsAlnum(r rune) bool { return unicode.Is(Alnum, r) }
