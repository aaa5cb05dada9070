package vm

import (
	"sync"
	"unicode/utf8"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// Str is a Python str. Its text is held in the generalized UTF-8 of
// pyconst.Str (every code point, lone surrogates included, as its UTF-8
// sequence), with its length in code points and its hash cached. Indexing
// by code point is O(1) for ASCII text; other text builds an index of its
// code points on first use.
type Str struct {
	ObjectBase
	s      string
	n      int   // length in code points
	ascii  bool  // every byte < 0x80
	hash   int64 // -1 until computed
	runes  []rune
	intern bool
}

// NewStr returns a new str holding s, which must be generalized UTF-8.
func NewStr(s string) *Str {
	st := &Str{ObjectBase: ObjectBase{cls: StrType}, s: s, hash: -1}
	st.measure()
	return st
}

// NewStrValue is Obj(NewStr(s)).
func NewStrValue(s string) Value { return Value{o: NewStr(s)} }

func (s *Str) measure() {
	ascii := true
	for i := 0; i < len(s.s); i++ {
		if s.s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	s.ascii = ascii
	if ascii {
		s.n = len(s.s)
		return
	}
	n := 0
	for i := 0; i < len(s.s); {
		_, size := pyconst.DecodeRune(s.s[i:])
		i += size
		n++
	}
	s.n = n
}

// String returns the text as a Go string (generalized UTF-8).
func (s *Str) String() string { return s.s }

// Len returns the length in code points.
func (s *Str) Len() int { return s.n }

// IsASCII reports whether every code point is below 128.
func (s *Str) IsASCII() bool { return s.ascii }

// Runes returns the code points.
func (s *Str) Runes() []rune {
	if s.runes == nil && s.n > 0 {
		if s.ascii {
			rs := make([]rune, len(s.s))
			for i := 0; i < len(s.s); i++ {
				rs[i] = rune(s.s[i])
			}
			s.runes = rs
		} else {
			s.runes = pyconst.Str(s.s).Runes()
		}
	}
	return s.runes
}

// At returns the code point at index i (0 <= i < Len).
func (s *Str) At(i int) rune {
	if s.ascii {
		return rune(s.s[i])
	}
	return s.Runes()[i]
}

// Slice returns the code points [i:j] as a Go string.
func (s *Str) Slice(i, j int) string {
	if s.ascii {
		return s.s[i:j]
	}
	var b []byte
	for _, r := range s.Runes()[i:j] {
		b = pyconst.AppendRune(b, r)
	}
	return string(b)
}

// StrFromRunes returns a str of code points.
func StrFromRunes(rs []rune) *Str {
	return NewStr(string(pyconst.StrFromRunes(rs)))
}

// validUTF8 reports whether s has no surrogates (it is ordinary UTF-8).
func (s *Str) validUTF8() bool { return s.ascii || utf8.ValidString(s.s) }

// interned holds the interned strings (sys.intern, identifiers, names).
// It is shared by every interpreter of the process; strs are immutable and
// their cached hash depends only on the process's hash seed.
var (
	internMu sync.RWMutex
	interned = map[string]*Str{}
)

// Intern returns the interned str for s.
func Intern(s string) *Str {
	internMu.RLock()
	st, ok := interned[s]
	internMu.RUnlock()
	if ok {
		return st
	}
	internMu.Lock()
	defer internMu.Unlock()
	if st, ok := interned[s]; ok {
		return st
	}
	st = NewStr(s)
	st.intern = true
	interned[s] = st
	return st
}

// Equal reports whether two strs hold the same text.
func (s *Str) Equal(o *Str) bool { return s == o || s.s == o.s }
