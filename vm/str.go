package vm

import (
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// Str is a Python str. Its text is held in the generalized UTF-8 of
// pyconst.Str (every code point, lone surrogates included, as its UTF-8
// sequence), with its length in code points and its hash cached.
//
// Python indexes a str by code point. ASCII text (the common case) indexes
// its bytes directly. Other text finds the byte offset of a code point
// through a table of checkpoints (the offset of every strCheckpoint-th code
// point), built on first use, and reads single characters through a cached
// slice of its code points; the methods that search work on the bytes
// (UTF-8 is self-synchronizing, surrogates included) and convert offsets
// only at the edges.
//
// Concatenation appends in place where it can (see concatStr), as
// CPython's resize of a str nobody else holds does, so that a loop of
// s += t stays linear.
type Str struct {
	ObjectBase
	s      string
	n      int       // length in code points
	hash   int64     // -1 until computed
	idx    *strIndex // or nil
	ascii  bool      // every byte < 0x80
	intern bool
}

// strIndex holds what few strs need: the caches of non-ASCII text for
// indexing by code point, and the buffer of concatenations.
type strIndex struct {
	runes []rune
	offs  []int32 // byte offsets of every strCheckpoint-th code point
	buf   *strBuf // the buffer s is a prefix of, for in-place appends; or nil
}

// strBuf is the growable buffer behind the strs that concatenation
// makes: each of them holds a prefix of its bytes, which never change
// once written, and the one holding all of them (the tip) may append.
type strBuf struct{ b []byte }

// strBufMin is the length from which a concatenation keeps room to grow.
const strBufMin = 256

// concatStr returns x + y, appending in place when x is the tip of its
// buffer.
func concatStr(x, y *Str) *Str {
	n := len(x.s) + len(y.s)
	r := &Str{ObjectBase: ObjectBase{cls: StrType}, n: x.n + y.n, hash: -1, ascii: x.ascii && y.ascii}
	if x.idx != nil {
		if buf := x.idx.buf; buf != nil && len(buf.b) == len(x.s) && cap(buf.b)-len(buf.b) >= len(y.s) {
			buf.b = append(buf.b, y.s...)
			r.s, r.idx = unsafe.String(unsafe.SliceData(buf.b), n), &strIndex{buf: buf}
			return r
		}
	}
	if n < strBufMin {
		r.s = x.s + y.s
		return r
	}
	b := make([]byte, 0, 2*n)
	b = append(append(b, x.s...), y.s...)
	r.s, r.idx = unsafe.String(unsafe.SliceData(b), n), &strIndex{buf: &strBuf{b: b}}
	return r
}

// strCheckpoint is the spacing of the byte-offset checkpoints.
const strCheckpoint = 32

// NewStr returns a new str holding s, which must be generalized UTF-8.
func NewStr(s string) *Str {
	st := &Str{ObjectBase: ObjectBase{cls: StrType}, s: s, hash: -1}
	st.measure()
	return st
}

// newStrN returns a new str holding s, whose length in code points is n
// (it is ASCII when n == len(s)).
func newStrN(s string, n int) *Str {
	return &Str{ObjectBase: ObjectBase{cls: StrType}, s: s, n: n, ascii: n == len(s), hash: -1}
}

// NewStrValue is Obj(NewStr(s)).
func NewStrValue(s string) Value { return Value{o: NewStr(s)} }

func (s *Str) measure() {
	i := asciiPrefix(s.s)
	if i == len(s.s) {
		s.ascii = true
		s.n = len(s.s)
		return
	}
	s.n = i + countCodePoints(s.s[i:])
}

// asciiPrefix returns the length of the ASCII bytes that start s,
// reading eight bytes at a time.
func asciiPrefix[T string | []byte](s T) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(s) && s[i] < 0x80 {
		i++
	}
	return i
}

// strFromBytes returns the str of b, generalized UTF-8 of n code points,
// which the caller gives up (it is not copied and must not change).
func strFromBytes(b []byte, n int) *Str {
	if len(b) == 0 {
		return emptyStr
	}
	return newStrN(unsafe.String(unsafe.SliceData(b), len(b)), n)
}

// countCodePoints counts the code points of generalized UTF-8 text: its
// bytes that are not continuation bytes.
func countCodePoints(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// String returns the text as a Go string (generalized UTF-8).
func (s *Str) String() string { return s.s }

// Len returns the length in code points.
func (s *Str) Len() int { return s.n }

// IsASCII reports whether every code point is below 128.
func (s *Str) IsASCII() bool { return s.ascii }

// Runes returns the code points.
func (s *Str) Runes() []rune {
	if s.n == 0 {
		return nil
	}
	idx := s.idx
	if idx != nil && idx.runes != nil {
		return idx.runes
	}
	var rs []rune
	if s.ascii {
		rs = make([]rune, len(s.s))
		for i := 0; i < len(s.s); i++ {
			rs[i] = rune(s.s[i])
		}
	} else {
		rs = pyconst.Str(s.s).Runes()
	}
	s.setIndex(func(x *strIndex) { x.runes = rs })
	return rs
}

// setIndex publishes a new index with one more cache filled in by fill: a
// copy, stored with one pointer write, so that a str shared between
// interpreters (an interned one) is never seen half-updated.
func (s *Str) setIndex(fill func(x *strIndex)) {
	var x strIndex
	if s.idx != nil {
		x = *s.idx
	}
	fill(&x)
	s.idx = &x
}

// At returns the code point at index i (0 <= i < Len).
func (s *Str) At(i int) rune {
	if s.ascii {
		return rune(s.s[i])
	}
	return s.Runes()[i]
}

// byteOff returns the byte offset of code point i (0 <= i <= Len).
func (s *Str) byteOff(i int) int {
	if s.ascii {
		return i
	}
	if i >= s.n {
		return len(s.s)
	}
	var offs []int32
	if idx := s.idx; idx != nil {
		offs = idx.offs
	}
	if offs == nil {
		offs = make([]int32, 0, s.n/strCheckpoint+1)
		k := 0
		for b := 0; b < len(s.s); b++ {
			if s.s[b]&0xC0 != 0x80 {
				if k%strCheckpoint == 0 {
					offs = append(offs, int32(b))
				}
				k++
			}
		}
		s.setIndex(func(x *strIndex) { x.offs = offs })
	}
	b := int(offs[i/strCheckpoint])
	for k := i % strCheckpoint; k > 0; k-- {
		b++
		for s.s[b]&0xC0 == 0x80 {
			b++
		}
	}
	return b
}

// cpIndex returns the index of the code point that starts at byte offset
// b (or Len for len(s)).
func (s *Str) cpIndex(b int) int {
	if s.ascii {
		return b
	}
	if b >= len(s.s) {
		return s.n
	}
	if b > len(s.s)/2 {
		return s.n - countCodePoints(s.s[b:])
	}
	return countCodePoints(s.s[:b])
}

// Slice returns the code points [i:j] as a Go string.
func (s *Str) Slice(i, j int) string {
	if s.ascii {
		return s.s[i:j]
	}
	return s.s[s.byteOff(i):s.byteOff(j)]
}

// substr returns the str of the code points [i:j], s itself when that is
// all of an exact str.
func (s *Str) substr(i, j int) *Str {
	if i == 0 && j == s.n && s.cls == StrType {
		return s
	}
	if j-i == 1 {
		return charStr(s.At(i))
	}
	return newStrN(s.Slice(i, j), j-i)
}

// StrFromRunes returns a str of code points.
func StrFromRunes(rs []rune) *Str {
	var w strWriter
	w.grow(len(rs))
	for _, r := range rs {
		w.writeRune(r)
	}
	return w.str()
}

// strWriter builds the text of a str and counts its code points.
type strWriter struct {
	b strings.Builder
	n int
}

func (w *strWriter) grow(n int) { w.b.Grow(n) }

// writeRune appends a code point (a surrogate included).
func (w *strWriter) writeRune(r rune) {
	if r < 0x80 {
		w.b.WriteByte(byte(r))
	} else if r < 0xD800 || r > 0xDFFF {
		w.b.WriteRune(r)
	} else {
		w.b.Write(pyconst.AppendRune(nil, r))
	}
	w.n++
}

// writeString appends generalized UTF-8 text of n code points.
func (w *strWriter) writeString(s string, n int) {
	w.b.WriteString(s)
	w.n += n
}

// str returns the str built.
func (w *strWriter) str() *Str { return newStrN(w.b.String(), w.n) }

// runeCount counts the code points of ordinary UTF-8 text.
func runeCount(s string) int { return utf8.RuneCountInString(s) }

// validUTF8 reports whether s has no surrogates (it is ordinary UTF-8).
func (s *Str) validUTF8() bool { return s.ascii || !pyconst.Str(s.s).HasSurrogates() }

// decodeGeneralized decodes the first code point of generalized UTF-8
// text (surrogates included) and returns it with its size.
func decodeGeneralized(s string) (rune, int) { return pyconst.DecodeRune(s) }

// appendRune appends the generalized UTF-8 of r.
func appendRune(b []byte, r rune) []byte { return pyconst.AppendRune(b, r) }

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
