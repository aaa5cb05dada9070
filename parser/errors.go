package parser

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/peephole-lsp/peephole/internal/unitables"
)

// ErrorKind is the class of a syntax error, as CPython names it.
type ErrorKind uint8

const (
	SyntaxErr      ErrorKind = iota // SyntaxError
	IndentationErr                  // IndentationError
	TabErr                          // TabError
	// IncompleteInputErr is builtins._IncompleteInputError, a SyntaxError
	// raised instead of the others when Options.AllowIncompleteInput is
	// set and the source ended before the parse failed (codeop's
	// question: is more input needed?).
	IncompleteInputErr
)

func (k ErrorKind) String() string {
	switch k {
	case IndentationErr:
		return "IndentationError"
	case TabErr:
		return "TabError"
	case IncompleteInputErr:
		return "_IncompleteInputError"
	}
	return "SyntaxError"
}

// SyntaxError is a syntax error with exactly the attributes CPython's
// SyntaxError carries: a message, a 1-based line, 1-based *character* offsets
// (not bytes; CPython converts the tokenizer's byte columns), and the text of
// the offending line. Fields CPython leaves as None are marked by the Has*
// flags.
type SyntaxError struct {
	Kind      ErrorKind
	Msg       string
	Filename  string
	Lineno    int
	Offset    int // 1-based character offset of the start; meaningful when HasOffset
	EndLineno int // meaningful when HasEnd
	EndOffset int // 1-based character offset just past the end (0 or -1 mean "unknown", as in CPython)
	Text      string
	HasOffset bool
	HasEnd    bool
	HasText   bool
	HasLineno bool

	// Pos and End are the error's range in the core's coordinates (1-based
	// lines, 0-based UTF-8 byte columns), for editors; End may equal Pos.
	Pos, End Position
}

// Position is a point in the source in the core's coordinates: a 1-based
// line and a 0-based column counted in UTF-8 bytes.
type Position struct{ Line, Col int }

func (e *SyntaxError) Error() string {
	if e.HasLineno {
		return fmt.Sprintf("%s:%d:%d: %s: %s", e.Filename, e.Lineno, e.Offset, e.Kind, e.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", e.Filename, e.Kind, e.Msg)
}

// Format returns the error block that CPython 3.13's traceback module prints
// for this error (TracebackException._format_syntax_error without colour):
//
//	  File "name", line N
//	    source line
//	        ^^^^
//	SyntaxError: message
func (e *SyntaxError) Format() string {
	var b strings.Builder
	suffix := ""
	if e.HasLineno {
		name := e.Filename
		if name == "" {
			name = "<string>"
		}
		fmt.Fprintf(&b, "  File \"%s\", line %d\n", name, e.Lineno)
	} else if e.Filename != "" {
		suffix = " (" + e.Filename + ")"
	}
	if e.HasText {
		text := []rune(e.Text)
		rtext := trimRightRunes(text, "\n")
		ltext := trimLeftRunes(rtext, " \n\f")
		spaces := len(rtext) - len(ltext)
		if !e.HasOffset {
			fmt.Fprintf(&b, "    %s\n", string(ltext))
		} else {
			offset := e.Offset
			var endOffset int
			if !e.HasEnd || e.Lineno == e.EndLineno {
				endOffset = offset
				if e.HasEnd && e.EndOffset != 0 {
					endOffset = e.EndOffset
				}
			} else {
				endOffset = len(rtext) + 1
			}
			if len(text) > 0 && offset > len(text) {
				offset = len(rtext) + 1
			}
			if len(text) > 0 && endOffset > len(text) {
				endOffset = len(rtext) + 1
			}
			if offset >= endOffset || endOffset < 0 {
				endOffset = offset + 1
			}
			colno := offset - 1 - spaces
			endColno := endOffset - 1 - spaces
			if colno >= 0 {
				var caret strings.Builder
				for _, c := range ltext[:min(colno, len(ltext))] {
					if unitables.IsSpace(c) {
						caret.WriteRune(c)
					} else {
						caret.WriteByte(' ')
					}
				}
				fmt.Fprintf(&b, "    %s\n", string(ltext))
				fmt.Fprintf(&b, "    %s%s\n", caret.String(), strings.Repeat("^", max(0, endColno-colno)))
			} else {
				fmt.Fprintf(&b, "    %s\n", string(ltext))
			}
		}
	}
	msg := e.Msg
	if msg == "" {
		msg = "<no detail available>"
	}
	fmt.Fprintf(&b, "%s: %s%s\n", e.Kind, msg, suffix)
	return b.String()
}

func trimRightRunes(s []rune, cut string) []rune {
	for len(s) > 0 && strings.ContainsRune(cut, s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func trimLeftRunes(s []rune, cut string) []rune {
	for len(s) > 0 && strings.ContainsRune(cut, s[0]) {
		s = s[1:]
	}
	return s
}

// ErrorList is a list of syntax errors, as the editor mode collects them.
type ErrorList []*SyntaxError

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Sort sorts the list by position.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// charCount returns the number of characters that CPython counts in the
// first n bytes of s: it decodes them as UTF-8 with the "replace" error
// handler (PyUnicode_DecodeUTF8(s, n, "replace")), where each maximal invalid
// subpart, including a sequence cut short by the end, is one character.
func charCount(s string, n int) int {
	if n > len(s) {
		n = len(s)
	}
	count := 0
	for i := 0; i < n; {
		i += utf8SeqLen(s[i:n])
		count++
	}
	return count
}

// decodeReplace decodes s as CPython's UTF-8 decoder does with the "replace"
// error handler.
func decodeReplace(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		n := utf8SeqLen(s[i:])
		r, size := utf8.DecodeRuneInString(s[i : i+n])
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// utf8SeqLen returns the length of the character or maximal invalid subpart
// at the start of s (never 0 for a non-empty s).
func utf8SeqLen(s string) int {
	c := s[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c < 0x80:
		return 1
	case 0xC2 <= c && c <= 0xDF:
		need = 1
	case c == 0xE0:
		need, lo = 2, 0xA0
	case 0xE1 <= c && c <= 0xEC, c == 0xEE, c == 0xEF:
		need = 2
	case c == 0xED:
		need, hi = 2, 0x9F
	case c == 0xF0:
		need, lo = 3, 0x90
	case 0xF1 <= c && c <= 0xF3:
		need = 3
	case c == 0xF4:
		need, hi = 3, 0x8F
	default:
		return 1
	}
	i := 1
	for ; i <= need; i++ {
		if i >= len(s) || s[i] < lo || s[i] > hi {
			return i
		}
		lo, hi = 0x80, 0xBF
	}
	return i
}
