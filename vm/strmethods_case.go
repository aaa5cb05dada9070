package vm

import (
	"github.com/peephole-lsp/peephole/internal/unitables"
)

// The case methods of str (lower, upper, casefold, title, capitalize,
// swapcase) and its predicates (isalpha … isidentifier), with CPython's
// full case mappings (ß.upper() is "SS") and its final-sigma rule, from the
// tables of strunicode.go. ASCII text takes byte loops.

func init() {
	onSetup(setupStrCase)
}

// finalSigma reports whether the capital sigma at byte offset i of s
// (size bytes long) ends a word, as CPython's handle_capital_sigma
// decides: a cased letter precedes it (case-ignorable ones skipped) and
// none follows it.
func finalSigma(s *Str, i, size int) bool {
	j := i
	var r rune
	for {
		if j == 0 {
			return false
		}
		var n int
		r, n = s.decodeLastAt(j)
		j -= n
		if !uniIsCaseIgnorable(r) {
			break
		}
	}
	if !uniIsCased(r) {
		return false
	}
	for j = i + size; j < len(s.s); {
		r, n := s.decodeAt(j)
		j += n
		if !uniIsCaseIgnorable(r) {
			return !uniIsCased(r)
		}
	}
	return true
}

// writeLower writes the lowercase of r, the code point at byte offset i
// of s (size bytes long), with the final-sigma rule.
func (w *strWriter) writeLower(s *Str, r rune, i, size int) {
	if r == 0x3A3 {
		if finalSigma(s, i, size) {
			w.writeRune(0x3C2)
		} else {
			w.writeRune(0x3C3)
		}
		return
	}
	w.writeCase(r, caseLower)
}

// asciiMap applies f to every byte of ASCII text.
func asciiMap(s *Str, f func(c byte) byte) *Str {
	b := make([]byte, len(s.s))
	for i := 0; i < len(s.s); i++ {
		b[i] = f(s.s[i])
	}
	return strFromBytes(b, len(b))
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func asciiUpper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

func asciiIsLower(c byte) bool { return 'a' <= c && c <= 'z' }
func asciiIsUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// asciiCase returns ASCII text with its letters shifted to lower case
// (or upper case): one table lookup a byte.
func asciiCase(s *Str, upper bool) *Str {
	table := &asciiLowerTable
	if upper {
		table = &asciiUpperTable
	}
	b := make([]byte, len(s.s))
	for i := 0; i < len(s.s); i++ {
		b[i] = table[s.s[i]]
	}
	return strFromBytes(b, len(b))
}

var asciiLowerTable, asciiUpperTable = func() (lo, up [256]byte) {
	for i := range lo {
		lo[i], up[i] = asciiLower(byte(i)), asciiUpper(byte(i))
	}
	return
}()

// strLower is str.lower().
func strLower(s *Str) *Str {
	if s.ascii {
		return asciiCase(s, false)
	}
	var w strWriter
	w.grow(len(s.s))
	for i := 0; i < len(s.s); {
		r, n := s.decodeAt(i)
		w.writeLower(s, r, i, n)
		i += n
	}
	return w.str()
}

// strUpper is str.upper().
func strUpper(s *Str) *Str {
	if s.ascii {
		return asciiCase(s, true)
	}
	return caseMap(s, caseUpper)
}

// caseMap maps every code point of s with the mapping kind.
func caseMap(s *Str, kind int) *Str {
	var w strWriter
	w.grow(len(s.s))
	for i := 0; i < len(s.s); {
		r, n := s.decodeAt(i)
		w.writeCase(r, kind)
		i += n
	}
	return w.str()
}

// strCaseMethod makes a METH_NOARGS method of str from f.
func strCaseMethod(name string, f func(s *Str) *Str) MethodDef {
	qual := "str." + name
	return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, qual, args, kw); err != nil {
			return Null, err
		}
		return Value{o: f(strSelf(self))}, nil
	}}
}

// strPredicate makes an is… method that holds when every character
// satisfies f and there is at least one (or, with emptyTrue, also for the
// empty string).
func strPredicate(name string, f func(r rune) bool, emptyTrue bool) MethodDef {
	qual := "str." + name
	return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, qual, args, kw); err != nil {
			return Null, err
		}
		s := strSelf(self)
		if s.n == 0 {
			return Bool(emptyTrue), nil
		}
		for i := 0; i < len(s.s); {
			r, n := s.decodeAt(i)
			if !f(r) {
				return False, nil
			}
			i += n
		}
		return True, nil
	}}
}

// strMethodNoArgs makes a METH_NOARGS method of str returning a Value.
func strMethodNoArgs(name string, f func(s *Str) Value) MethodDef {
	qual := "str." + name
	return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, qual, args, kw); err != nil {
			return Null, err
		}
		return f(strSelf(self)), nil
	}}
}

// strIsIdentifier is str.isidentifier().
func strIsIdentifier(s *Str) bool {
	if s.n == 0 {
		return false
	}
	for i := 0; i < len(s.s); {
		r, n := s.decodeAt(i)
		if i == 0 && !unitables.IsXIDStart(r) || i > 0 && !unitables.IsXIDContinue(r) {
			return false
		}
		i += n
	}
	return true
}

func setupStrCase() {
	defMethods(StrType,
		strCaseMethod("lower", strLower),
		strCaseMethod("upper", strUpper),
		strCaseMethod("casefold", func(s *Str) *Str {
			if s.ascii {
				return asciiCase(s, false)
			}
			return caseMap(s, caseFold)
		}),
		strCaseMethod("swapcase", func(s *Str) *Str {
			if s.ascii {
				return asciiMap(s, func(c byte) byte {
					if asciiIsLower(c) {
						return asciiUpper(c)
					}
					return asciiLower(c)
				})
			}
			var w strWriter
			w.grow(len(s.s))
			for i := 0; i < len(s.s); {
				r, n := s.decodeAt(i)
				switch {
				case uniIsUpper(r):
					w.writeLower(s, r, i, n)
				case uniIsLower(r):
					w.writeCase(r, caseUpper)
				default:
					w.writeRune(r)
				}
				i += n
			}
			return w.str()
		}),
		strCaseMethod("title", func(s *Str) *Str {
			if s.ascii {
				b := make([]byte, len(s.s))
				prev := false
				for i := 0; i < len(s.s); i++ {
					c := s.s[i]
					if prev {
						b[i] = asciiLower(c)
					} else {
						b[i] = asciiUpper(c)
					}
					prev = asciiIsLower(c) || asciiIsUpper(c)
				}
				return strFromBytes(b, len(b))
			}
			var w strWriter
			w.grow(len(s.s))
			prev := false
			for i := 0; i < len(s.s); {
				r, n := s.decodeAt(i)
				if prev {
					w.writeLower(s, r, i, n)
				} else {
					w.writeCase(r, caseTitle)
				}
				prev = uniIsCased(r)
				i += n
			}
			return w.str()
		}),
		strCaseMethod("capitalize", func(s *Str) *Str {
			if s.n == 0 {
				return s.part(0, 0)
			}
			if s.ascii {
				b := make([]byte, len(s.s))
				b[0] = asciiUpper(s.s[0])
				for i := 1; i < len(s.s); i++ {
					b[i] = asciiLower(s.s[i])
				}
				return strFromBytes(b, len(b))
			}
			var w strWriter
			w.grow(len(s.s))
			r, n := s.decodeAt(0)
			w.writeCase(r, caseTitle)
			for i := n; i < len(s.s); {
				r, n := s.decodeAt(i)
				w.writeLower(s, r, i, n)
				i += n
			}
			return w.str()
		}),
		strPredicate("isalpha", uniIsAlpha, false),
		strPredicate("isalnum", uniIsAlnum, false),
		strPredicate("isdecimal", uniIsDecimal, false),
		strPredicate("isdigit", uniIsDigit, false),
		strPredicate("isnumeric", uniIsNumeric, false),
		strPredicate("isspace", uniIsSpace, false),
		strPredicate("isprintable", uniIsPrintable, true),
		strMethodNoArgs("isascii", func(s *Str) Value { return Bool(s.ascii) }),
		strMethodNoArgs("isidentifier", func(s *Str) Value { return Bool(strIsIdentifier(s)) }),
		strMethodNoArgs("islower", func(s *Str) Value {
			cased := false
			for i := 0; i < len(s.s); {
				r, n := s.decodeAt(i)
				i += n
				if uniIsUpper(r) || uniIsTitle(r) {
					return False
				}
				if uniIsLower(r) {
					cased = true
				}
			}
			return Bool(cased)
		}),
		strMethodNoArgs("isupper", func(s *Str) Value {
			cased := false
			for i := 0; i < len(s.s); {
				r, n := s.decodeAt(i)
				i += n
				if uniIsLower(r) || uniIsTitle(r) {
					return False
				}
				if uniIsUpper(r) {
					cased = true
				}
			}
			return Bool(cased)
		}),
		strMethodNoArgs("istitle", func(s *Str) Value {
			cased, prev := false, false
			for i := 0; i < len(s.s); {
				r, n := s.decodeAt(i)
				i += n
				switch {
				case uniIsUpper(r) || uniIsTitle(r):
					if prev {
						return False
					}
					prev, cased = true, true
				case uniIsLower(r):
					if !prev {
						return False
					}
					prev, cased = true, true
				default:
					prev = false
				}
			}
			return Bool(cased)
		}),
	)
	attachStrDocs(StrType)
}
