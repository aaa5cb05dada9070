package vm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Text helpers of the traceback printer: the str methods and textwrap
// functions that CPython's traceback.py applies to source lines and
// messages (splitlines, strip, textwrap.dedent and indent, the display
// width of East Asian wide characters), with Python's exact definitions
// of line boundaries and whitespace.

// pyIsSpace is str.isspace for one code point: the White_Space characters
// plus the information separators U+001C..U+001F.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// lineBreakAt returns the length of the line boundary that starts at
// s[i] as str.splitlines sees it (\n, \r, \r\n, \v, \f, \x1c-\x1e, \x85,
// U+2028, U+2029), or 0.
func lineBreakAt(s string, i int) int {
	switch c := s[i]; c {
	case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e:
		return 1
	case '\r':
		if i+1 < len(s) && s[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xc2:
		if i+1 < len(s) && s[i+1] == 0x85 {
			return 2
		}
	case 0xe2:
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
			return 3
		}
	}
	return 0
}

// pySplitlines is str.splitlines(keepends) on generalized UTF-8 text.
func pySplitlines(s string, keepends bool) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		n := lineBreakAt(s, i)
		if n == 0 {
			i++
			continue
		}
		if keepends {
			out = append(out, s[start:i+n])
		} else {
			out = append(out, s[start:i])
		}
		i += n
		start = i
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// pyStrip, pyLStrip and pyRStrip are str.strip(), lstrip() and rstrip()
// without arguments.
func pyStrip(s string) string { return pyRStrip(pyLStrip(s)) }

func pyLStrip(s string) string {
	return strings.TrimLeftFunc(s, pyIsSpace)
}

func pyRStrip(s string) string {
	return strings.TrimRightFunc(s, pyIsSpace)
}

// runeLen is len() of a str held as UTF-8.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// dedent is textwrap.dedent: lines made only of spaces and tabs become
// empty, then the longest run of spaces and tabs common to the start of
// every other line is removed.
func dedent(text string) string {
	lines := strings.Split(text, "\n")
	margin, haveMargin := "", false
	for i, l := range lines {
		if l != "" && strings.Trim(l, " \t") == "" {
			lines[i] = ""
			continue
		}
		if l == "" {
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		switch {
		case !haveMargin:
			margin, haveMargin = indent, true
		case strings.HasPrefix(indent, margin):
		case strings.HasPrefix(margin, indent):
			margin = indent
		default:
			for j := 0; j < len(margin) && j < len(indent); j++ {
				if margin[j] != indent[j] {
					margin = margin[:j]
					break
				}
			}
		}
	}
	if margin != "" {
		for i, l := range lines {
			lines[i] = strings.TrimPrefix(l, margin)
		}
	}
	return strings.Join(lines, "\n")
}

// indentAll is textwrap.indent(text, prefix, lambda line: True): prefix
// before every line, blank ones included.
func indentAll(text, prefix string) string {
	if prefix == "" {
		return text
	}
	var b strings.Builder
	for _, l := range pySplitlines(text, true) {
		b.WriteString(prefix)
		b.WriteString(l)
	}
	return b.String()
}

// indentNonBlank is textwrap.indent(text, prefix): prefix before the
// lines that are not only whitespace.
func indentNonBlank(text, prefix string) string {
	var b strings.Builder
	for _, l := range pySplitlines(text, true) {
		if strings.TrimFunc(l, pyIsSpace) != "" {
			b.WriteString(prefix)
		}
		b.WriteString(l)
	}
	return b.String()
}

// isWideRune reports the East Asian Wide and Fullwidth characters, which
// a terminal shows two columns wide (unicodedata.east_asian_width in "WF").
func isWideRune(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

// displayWidthRunes is traceback._display_width(line, offset): the
// columns the first offset characters of line take.
func displayWidthRunes(line []rune, offset int) int {
	ascii := true
	for _, r := range line {
		if r >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return offset
	}
	if offset > len(line) {
		offset = len(line)
	}
	if offset < 0 {
		offset += len(line)
		if offset < 0 {
			offset = 0
		}
	}
	w := 0
	for _, r := range line[:offset] {
		if isWideRune(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// byteToCharOffset is traceback._byte_offset_to_character_offset: the
// characters in the first offset bytes of s, a cut sequence counting as
// one (it decodes to one replacement character).
func byteToCharOffset(s string, offset int) int {
	if offset > len(s) {
		offset = len(s)
	}
	if offset < 0 {
		offset = 0
	}
	n := 0
	b := s[:offset]
	for len(b) > 0 {
		r, size := utf8.DecodeRuneInString(b)
		if r == utf8.RuneError && size <= 1 {
			// An invalid or cut sequence: skip its bytes as the
			// replace error handler does (one U+FFFD per maximal
			// invalid subpart).
			size = invalidPrefixLen(b)
		}
		b = b[size:]
		n++
	}
	return n
}

// invalidPrefixLen is the length of the maximal invalid subpart at the
// start of b, as a UTF-8 decoder with replacement consumes it.
func invalidPrefixLen(b string) int {
	c := b[0]
	var need int
	switch {
	case c >= 0xc2 && c <= 0xdf:
		need = 1
	case c >= 0xe0 && c <= 0xef:
		need = 2
	case c >= 0xf0 && c <= 0xf4:
		need = 3
	default:
		return 1
	}
	i := 1
	for ; i <= need && i < len(b); i++ {
		if b[i]&0xc0 != 0x80 {
			break
		}
	}
	return i
}

// pySliceBounds resolves Python's s[lo:hi] bounds for a sequence of n
// items.
func pySliceBounds(lo, hi, n int) (int, int) {
	norm := func(i int) int {
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		return i
	}
	lo, hi = norm(lo), norm(hi)
	if hi < lo {
		hi = lo
	}
	return lo, hi
}
