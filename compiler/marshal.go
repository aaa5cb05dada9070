package compiler

// This file reads and writes CPython's marshal format, version 4, the body
// of a .pyc file (Python/marshal.c).
//
// # The format
//
// A value is a type byte followed by its payload. Bit 0x80 of the type byte
// (FLAG_REF) appends the value to a list of references, and a later
// `r index` stands for it again:
//
//	value   = type payload | 'r' int32
//	'0'                     NULL: ends a dict; an error anywhere else
//	'N' 'F' 'T' '.' 'S'     None, False, True, Ellipsis, StopIteration
//	'i' int32               an int
//	'I' int64               an int (read only; CPython stopped writing it)
//	'l' int32(±n) n×uint16  an int: n 15-bit digits, least significant first
//	'g' float64             'y' float64 float64    binary float and complex
//	'f' len text            'x' len text len text  text float and complex (read only)
//	's' int32 bytes         bytes
//	'u'|'t' int32 bytes     str in UTF-8, surrogates allowed ('t': interned)
//	'a'|'A' int32 bytes     str of Latin-1 bytes ('A': interned)
//	'z'|'Z' uint8 bytes     the same with a one-byte length
//	'(' int32 values        ')' uint8 values        tuple
//	'[' int32 values        list
//	'{' (key value)* '0'    dict
//	'<' int32 values        '>' int32 values        set and frozenset
//	'c' 5×int32 code consts names localsplusnames localspluskinds
//	    filename name qualname int32(firstlineno) linetable exceptiontable
//
// All integers are little-endian. A reference index counts the values
// stored with FLAG_REF in the order their type bytes appear; None, the bools,
// Ellipsis and StopIteration never take one.
//
// # Go values
//
// [Unmarshal] returns a [Const]: the constants of code objects become
// pyconst values ([pyconst.None], [pyconst.Int], [pyconst.Str], [pyconst.Tuple],
// [pyconst.FrozenSet], …) and code objects become *[Code]. The few things
// marshal can hold that are not constants have types of their own: [List],
// [Dict], [Set], [StopIterationType], and [AnyTuple] and [AnyFrozenSet] for
// a tuple or frozenset holding a code object or one of those. A frozenset is
// rebuilt with pyconst.NewFrozenSet from the elements in the order the data
// lists them, which is what CPython's loads does, so its iteration order is
// the one CPython would give the loaded object.
//
// Interning is not represented: 't', 'A' and 'Z' read as plain strings. A
// code object's co_code comes back as CPython's co_code attribute shows it
// (see deoptCode).
//
// # Hostile input
//
// Unmarshal never panics and returns an error for malformed data: a bad
// type code, a length or reference out of range, data ending early, a digit
// out of range in a long, ill-formed UTF-8, an unhashable set element or
// dict key, a code object whose fields have the wrong types. Nesting is
// limited to CPython's 2000 levels, and no length is trusted before the
// data that it announces is there, so memory stays proportional to the
// input. Two things CPython accepts are rejected: references that make a
// value contain itself (a list holding itself, say), because a constant
// cannot, and data whose value, written out without references, would be
// many times larger than the data itself (see maxExpansion), so that code
// walking the result (printing its repr, writing it back) stays bounded too.
//
// [Marshal] writes what marshal.dumps writes, except for the references,
// which it uses only for the strings it interns (names, identifiers). Like
// CPython 3.13 it writes the elements of a set or frozenset sorted by
// their own serialization, so that CPython, which re-inserts them in that
// order when it loads them, builds the same iteration order as it does
// from its own .pyc.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// MarshalVersion is the marshal format version CPython 3.13 writes.
const MarshalVersion = 4

// maxMarshalDepth is CPython's MAX_MARSHAL_STACK_DEPTH: how deeply values
// may nest, when reading or writing.
const maxMarshalDepth = 2000

// maxExpansion bounds the size of an unmarshalled value, written out again
// without references, to maxExpansion times the size of the data plus
// expansionSlack bytes. CPython's .pyc files share only small things
// (interned names, the empty tuple) and stay far below it.
const (
	maxExpansion   = 16
	expansionSlack = 1 << 20
)

// StopIterationType is the type of [StopIteration].
type StopIterationType struct{}

// StopIteration stands for the class StopIteration, the one exception class
// marshal can hold (type code 'S').
var StopIteration StopIterationType

// List is a Python list read from marshal data.
type List []Const

// Set is a Python set read from marshal data. When every element is a
// pyconst.Value the elements are in CPython's iteration order (duplicates
// dropped); otherwise they are in the order of the data.
type Set []Const

// Dict is a Python dict read from marshal data: its items in the order of
// the data. (CPython never writes a key twice; were one repeated, a Python
// dict would keep one item, and a Dict keeps both.)
type Dict []DictItem

// DictItem is one key and value of a [Dict].
type DictItem struct {
	Key, Value Const
}

// AnyTuple is a tuple that holds something other than pyconst values (a
// code object, a list, …). A tuple of pyconst values is a pyconst.Tuple.
type AnyTuple []Const

// AnyFrozenSet is a frozenset that holds something other than pyconst
// values (a code object, say), with its elements in the order of the data.
// A frozenset of pyconst values is a pyconst.FrozenSet.
type AnyFrozenSet []Const

// A MarshalError reports malformed marshal data. Kind is the exception
// CPython's marshal.loads raises for it (EOFError, ValueError, TypeError,
// UnicodeDecodeError, SystemError) and Msg its message where CPython's is
// known; Offset is where in the data the problem was found.
type MarshalError struct {
	Kind   string
	Msg    string
	Offset int
}

// Error returns the message, with the exception's name and the offset.
func (e *MarshalError) Error() string {
	return fmt.Sprintf("marshal: %s: %s (at offset %d)", e.Kind, e.Msg, e.Offset)
}

// nullValue is what reading TYPE_NULL gives: not a value, but a marker that
// ends a dict and is an error anywhere else.
type nullValue struct{}

// refSlot is one entry of the reference list. A container is added before
// its elements are read; ready says it is complete, and refs to it are
// allowed only then.
type refSlot struct {
	v     Const
	size  int64
	ready bool
}

type unmarshaller struct {
	data  []byte
	pos   int
	depth int
	refs  []refSlot
	limit int64 // the largest expanded size allowed
}

// Unmarshal decodes one value from marshal data as CPython 3.13's
// marshal.loads does (bytes after the value are ignored) and returns it as
// described in the file comment: a pyconst.Value, a *Code, or one of [List],
// [Dict], [Set], [AnyTuple], [AnyFrozenSet], [StopIterationType]. Malformed
// data gives a *MarshalError.
func Unmarshal(data []byte) (Const, error) {
	v, _, err := unmarshalSize(data)
	return v, err
}

// unmarshalSize is Unmarshal that also returns the expanded size of the
// value: the bytes it takes written out without references.
func unmarshalSize(data []byte) (Const, int64, error) {
	u := &unmarshaller{data: data, limit: int64(len(data))*maxExpansion + expansionSlack}
	v, size, err := u.object()
	if err != nil {
		return nil, 0, err
	}
	if _, ok := v.(nullValue); ok {
		return nil, 0, u.fail("TypeError", "NULL object in marshal data for object")
	}
	return v, size, nil
}

func (u *unmarshaller) fail(kind, msg string) error {
	return &MarshalError{Kind: kind, Msg: msg, Offset: u.pos}
}

func (u *unmarshaller) eof() error {
	return u.fail("EOFError", "marshal data too short")
}

func (u *unmarshaller) bytes(n int) ([]byte, error) {
	if n < 0 || n > len(u.data)-u.pos {
		return nil, u.eof()
	}
	b := u.data[u.pos : u.pos+n]
	u.pos += n
	return b, nil
}

func (u *unmarshaller) int32() (int, error) {
	b, err := u.bytes(4)
	if err != nil {
		return 0, err
	}
	return int(int32(binary.LittleEndian.Uint32(b))), nil
}

func (u *unmarshaller) byte() (int, error) {
	if u.pos >= len(u.data) {
		return 0, u.fail("EOFError", "EOF read where object expected")
	}
	u.pos++
	return int(u.data[u.pos-1]), nil
}

// size32 reads an int32 length or count, which must not be negative.
func (u *unmarshaller) size32(what string) (int, error) {
	n, err := u.int32()
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, u.fail("ValueError", "bad marshal data ("+what+" size out of range)")
	}
	return n, nil
}

// count reads the element count of a container and checks that the data
// can hold that many elements (each takes at least one byte), so that no
// allocation exceeds the input.
func (u *unmarshaller) count(small bool, what string) (int, error) {
	var n int
	var err error
	if small {
		n, err = u.byte()
	} else {
		n, err = u.size32(what)
	}
	if err != nil {
		return 0, err
	}
	if n > len(u.data)-u.pos {
		return 0, u.fail("EOFError", "EOF read where object expected")
	}
	return n, nil
}

// reserve adds a reference slot for a value still being read, if flag is
// set, and returns its index (or -1).
func (u *unmarshaller) reserve(flag bool) int {
	if !flag {
		return -1
	}
	u.refs = append(u.refs, refSlot{})
	return len(u.refs) - 1
}

// finish completes the slot idx (if any) with v.
func (u *unmarshaller) finish(idx int, v Const, size int64) {
	if idx >= 0 {
		u.refs[idx] = refSlot{v: v, size: size, ready: true}
	}
}

// grow adds n to the expanded size *size and checks it against the limit.
func (u *unmarshaller) grow(size *int64, n int64) error {
	*size += n
	if *size > u.limit {
		return u.fail("ValueError", "marshal data expands to more than "+strconv.FormatInt(u.limit, 10)+
			" bytes through references")
	}
	return nil
}

// object reads one value. It returns the value and its expanded size: the
// number of bytes it takes when written out without references.
func (u *unmarshaller) object() (Const, int64, error) {
	code, err := u.byte()
	if err != nil {
		return nil, 0, err
	}
	u.depth++
	defer func() { u.depth-- }()
	if u.depth > maxMarshalDepth {
		return nil, 0, u.fail("ValueError", "recursion limit exceeded")
	}
	flag := code&0x80 != 0
	typ := byte(code &^ 0x80)
	switch typ {
	case '0':
		return nullValue{}, 1, nil
	case 'N':
		return pyconst.None, 1, nil
	case 'F':
		return pyconst.False, 1, nil
	case 'T':
		return pyconst.True, 1, nil
	case '.':
		return pyconst.Ellipsis, 1, nil
	case 'S':
		return StopIteration, 1, nil
	case 'r':
		n, err := u.int32()
		if err != nil {
			return nil, 0, err
		}
		if n < 0 || n >= len(u.refs) || !u.refs[n].ready {
			return nil, 0, u.fail("ValueError", "bad marshal data (invalid reference)")
		}
		return u.refs[n].v, u.refs[n].size, nil
	}

	idx := u.reserve(flag)
	start := u.pos - 1
	var v Const
	size := int64(0)
	switch typ {
	case 'i':
		var n int
		if n, err = u.int32(); err == nil {
			v = pyconst.IntFromInt64(int64(n))
		}
	case 'I':
		var b []byte
		if b, err = u.bytes(8); err == nil {
			v = pyconst.IntFromInt64(int64(binary.LittleEndian.Uint64(b)))
		}
	case 'l':
		v, err = u.long()
	case 'g':
		var f float64
		if f, err = u.binaryFloat(); err == nil {
			v = pyconst.Float(f)
		}
	case 'y':
		var re, im float64
		if re, err = u.binaryFloat(); err == nil {
			if im, err = u.binaryFloat(); err == nil {
				v = pyconst.Complex{Real: re, Imag: im}
			}
		}
	case 'f':
		var f float64
		if f, err = u.textFloat(); err == nil {
			v = pyconst.Float(f)
		}
	case 'x':
		var re, im float64
		if re, err = u.textFloat(); err == nil {
			if im, err = u.textFloat(); err == nil {
				v = pyconst.Complex{Real: re, Imag: im}
			}
		}
	case 's':
		var n int
		var b []byte
		if n, err = u.size32("bytes object"); err == nil {
			if b, err = u.bytes(n); err == nil {
				v = pyconst.Bytes(b)
			}
		}
	case 'a', 'A', 'z', 'Z':
		var n int
		if typ == 'z' || typ == 'Z' {
			n, err = u.byte()
		} else {
			n, err = u.size32("string")
		}
		var b []byte
		if err == nil {
			if b, err = u.bytes(n); err == nil {
				v = latin1Str(b)
			}
		}
	case 'u', 't':
		var n int
		var b []byte
		if n, err = u.size32("string"); err == nil {
			if b, err = u.bytes(n); err == nil {
				if !validPyUTF8(b) {
					err = u.fail("UnicodeDecodeError", "'utf-8' codec can't decode the str data")
				} else {
					v = pyconst.Str(b)
				}
			}
		}
	case '(', ')':
		v, size, err = u.tuple(typ == ')')
	case '[':
		v, size, err = u.list()
	case '{':
		v, size, err = u.dict()
	case '<', '>':
		v, size, err = u.set(typ == '>')
	case 'c':
		v, size, err = u.code()
	default:
		return nil, 0, &MarshalError{Kind: "ValueError", Msg: "bad marshal data (unknown type code)", Offset: start}
	}
	if err != nil {
		return nil, 0, err
	}
	if _, ok := v.(nullValue); ok {
		// A code object with a NULL field reads as NULL, as in CPython.
		return v, 1, nil
	}
	if size == 0 {
		size = int64(u.pos - start)
	}
	u.finish(idx, v, size)
	return v, size, nil
}

// long reads the payload of a 'l': a signed digit count and 15-bit digits.
func (u *unmarshaller) long() (Const, error) {
	n, err := u.int32()
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return pyconst.IntFromInt64(0), nil
	}
	neg := n < 0
	if neg {
		if n == math.MinInt32 {
			return nil, u.fail("ValueError", "bad marshal data (long size out of range)")
		}
		n = -n
	}
	b, err := u.bytes(2 * n)
	if err != nil {
		return nil, err
	}
	// Pack the digits into a little-endian bit string, then into big.Words.
	words := make([]big.Word, (n*15+bitsPerWord-1)/bitsPerWord)
	for i := 0; i < n; i++ {
		d := binary.LittleEndian.Uint16(b[2*i:])
		if d > 0x7FFF {
			return nil, u.fail("ValueError", "bad marshal data (digit out of range in long)")
		}
		if i == n-1 && d == 0 {
			return nil, u.fail("ValueError", "bad marshal data (unnormalized long data)")
		}
		bit := i * 15
		w, off := bit/bitsPerWord, uint(bit%bitsPerWord)
		words[w] |= big.Word(d) << off
		if off+15 > bitsPerWord {
			words[w+1] |= big.Word(d) >> (bitsPerWord - off)
		}
	}
	x := new(big.Int).SetBits(words)
	if neg {
		x.Neg(x)
	}
	return pyconst.IntFromBig(x), nil
}

const bitsPerWord = 32 << (^uint(0) >> 63)

func (u *unmarshaller) binaryFloat() (float64, error) {
	b, err := u.bytes(8)
	if err != nil {
		return 0, err
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b)), nil
}

// textFloat reads a length byte and the text of a float, which must be
// what float() accepts without surrounding spaces or underscores.
func (u *unmarshaller) textFloat() (float64, error) {
	n, err := u.byte()
	if err != nil {
		return 0, err
	}
	b, err := u.bytes(n)
	if err != nil {
		return 0, err
	}
	f, ok := parsePyFloat(string(b))
	if !ok {
		return 0, u.fail("ValueError", "could not convert string to float: "+pyconst.Str(latin1Str(b)).String())
	}
	return f, nil
}

// parsePyFloat parses text as CPython's PyOS_string_to_double does: an
// optional sign, then digits with an optional point and exponent, or inf,
// infinity or nan in any case.
func parsePyFloat(s string) (float64, bool) {
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 || body == "" {
		return 0, false
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		if s[0] == '-' {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		// CPython's NaN is the quiet NaN with an empty payload (Go's
		// math.NaN has payload 1).
		if s[0] == '-' {
			return math.Float64frombits(0xFFF8000000000000), true
		}
		return math.Float64frombits(0x7FF8000000000000), true
	}
	digits, point, exp := 0, false, false
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point && !exp:
			point = true
		case (c == 'e' || c == 'E') && !exp && digits > 0:
			exp = true
			if i+1 < len(body) && (body[i+1] == '+' || body[i+1] == '-') {
				i++
			}
			if i+1 >= len(body) {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, false
	}
	return f, true
}

// latin1Str is the str of Latin-1 bytes (the payload of 'a' and 'z').
func latin1Str(b []byte) pyconst.Str {
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return pyconst.Str(b)
	}
	out := make([]byte, 0, len(b)+8)
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return pyconst.Str(out)
}

// validPyUTF8 reports whether b decodes with Python's UTF-8 codec and the
// surrogatepass handler: well-formed UTF-8, plus the 3-byte sequences of
// lone surrogates (ED A0..BF 80..BF).
func validPyUTF8(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c == 0xED && i+2 < len(b) && b[i+1] >= 0xA0 && b[i+1] <= 0xBF && b[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return false
		}
		i += n
	}
	return true
}

// elements reads n values for a container; what names the container in
// CPython's error for a NULL element.
func (u *unmarshaller) elements(n int, what string, size *int64) ([]Const, error) {
	items := make([]Const, n)
	for i := range items {
		v, s, err := u.object()
		if err != nil {
			return nil, err
		}
		if _, ok := v.(nullValue); ok {
			return nil, u.fail("TypeError", "NULL object in marshal data for "+what)
		}
		items[i] = v
		if err := u.grow(size, s); err != nil {
			return nil, err
		}
	}
	return items, nil
}

// containerHeader is the expanded size of a container's type byte and
// count.
const containerHeader = 5

func (u *unmarshaller) tuple(small bool) (Const, int64, error) {
	n, err := u.count(small, "tuple")
	if err != nil {
		return nil, 0, err
	}
	size := int64(containerHeader)
	items, err := u.elements(n, "tuple", &size)
	if err != nil {
		return nil, 0, err
	}
	return makeTuple(items), size, nil
}

// makeTuple returns a pyconst.Tuple when every item is a pyconst.Value,
// else an AnyTuple.
func makeTuple(items []Const) Const {
	vals := make(pyconst.Tuple, len(items))
	for i, it := range items {
		v, ok := it.(pyconst.Value)
		if !ok {
			return AnyTuple(items)
		}
		vals[i] = v
	}
	return vals
}

func (u *unmarshaller) list() (Const, int64, error) {
	n, err := u.count(false, "list")
	if err != nil {
		return nil, 0, err
	}
	size := int64(containerHeader)
	items, err := u.elements(n, "list", &size)
	if err != nil {
		return nil, 0, err
	}
	return List(items), size, nil
}

func (u *unmarshaller) dict() (Const, int64, error) {
	var d Dict
	size := int64(2)
	for {
		k, ks, err := u.object()
		if err != nil {
			return nil, 0, err
		}
		if _, ok := k.(nullValue); ok {
			break
		}
		val, vs, err := u.object()
		if err != nil {
			return nil, 0, err
		}
		if _, ok := val.(nullValue); ok {
			// CPython stops reading the dict here, without an error.
			break
		}
		if !hashable(k) {
			return nil, 0, u.fail("TypeError", "unhashable type: '"+typeName(k)+"'")
		}
		if err := u.grow(&size, ks+vs); err != nil {
			return nil, 0, err
		}
		d = append(d, DictItem{k, val})
	}
	return d, size, nil
}

func (u *unmarshaller) set(frozen bool) (Const, int64, error) {
	n, err := u.size32("set")
	if err != nil {
		return nil, 0, err
	}
	if n > len(u.data)-u.pos {
		return nil, 0, u.fail("EOFError", "EOF read where object expected")
	}
	size := int64(containerHeader)
	items, err := u.elements(n, "set", &size)
	if err != nil {
		return nil, 0, err
	}
	vals := make([]pyconst.Value, 0, n)
	for _, it := range items {
		if !hashable(it) {
			return nil, 0, u.fail("TypeError", "unhashable type: '"+typeName(it)+"'")
		}
		if v, ok := it.(pyconst.Value); ok {
			vals = append(vals, v)
		}
	}
	if len(vals) == len(items) {
		fs := pyconst.NewFrozenSet(vals)
		if frozen {
			return fs, size, nil
		}
		s := make(Set, fs.Len())
		for i, e := range fs.Elems() {
			s[i] = e
		}
		return s, size, nil
	}
	if frozen {
		return AnyFrozenSet(items), size, nil
	}
	return Set(items), size, nil
}

// hashable reports whether a value read from marshal data can be a set
// element or dict key in CPython: anything but a list, dict or set, or a
// tuple holding one.
func hashable(c Const) bool {
	switch c := c.(type) {
	case List, Dict, Set:
		return false
	case AnyTuple:
		for _, e := range c {
			if !hashable(e) {
				return false
			}
		}
	}
	return true
}

// typeName returns the Python type name of a value read from marshal data.
func typeName(c Const) string {
	switch c := c.(type) {
	case pyconst.Value:
		return c.TypeName()
	case *Code:
		return "code"
	case List:
		return "list"
	case Dict:
		return "dict"
	case Set:
		return "set"
	case AnyTuple:
		return "tuple"
	case AnyFrozenSet:
		return "frozenset"
	case StopIterationType:
		return "type"
	}
	return fmt.Sprintf("%T", c)
}

// code reads the payload of a 'c' and checks it as CPython's
// _PyCode_Validate does.
func (u *unmarshaller) code() (Const, int64, error) {
	var ints [5]int
	for i := range ints {
		n, err := u.int32()
		if err != nil {
			return nil, 0, err
		}
		ints[i] = n
	}
	size := int64(1 + 6*4)
	var fields [11]Const
	for i := range fields {
		if i == 8 {
			n, err := u.int32()
			if err != nil {
				return nil, 0, err
			}
			fields[i] = n
			continue
		}
		v, s, err := u.object()
		if err != nil {
			return nil, 0, err
		}
		if _, ok := v.(nullValue); ok {
			return v, 0, nil
		}
		if err := u.grow(&size, s); err != nil {
			return nil, 0, err
		}
		fields[i] = v
	}
	bad := func() (Const, int64, error) {
		return nil, 0, u.fail("SystemError", "bad argument to internal function (a code object's fields)")
	}
	c := &Code{
		ArgCount:        ints[0],
		PosOnlyArgCount: ints[1],
		KwOnlyArgCount:  ints[2],
		StackSize:       ints[3],
		FirstLineno:     fields[8].(int),
	}
	if c.ArgCount < c.PosOnlyArgCount || c.PosOnlyArgCount < 0 || c.KwOnlyArgCount < 0 ||
		c.StackSize < 0 || ints[4] < 0 {
		return bad()
	}
	c.Flags = CodeFlags(ints[4])
	var ok bool
	var b pyconst.Bytes
	if b, ok = fields[0].(pyconst.Bytes); !ok {
		return bad()
	}
	c.Code = deoptCode([]byte(b))
	switch t := fields[1].(type) {
	case pyconst.Tuple:
		c.Consts = make([]Const, len(t))
		for i, e := range t {
			c.Consts[i] = e
		}
	case AnyTuple:
		c.Consts = append([]Const(nil), t...)
	default:
		return bad()
	}
	var strs [2][]string
	for i := range strs {
		t, ok := fields[2+i].(pyconst.Tuple)
		if !ok {
			return bad()
		}
		strs[i] = make([]string, len(t))
		for j, e := range t {
			s, ok := e.(pyconst.Str)
			if !ok {
				return nil, 0, u.fail("SystemError", "non-string found in code slot")
			}
			strs[i][j] = string(s)
		}
	}
	c.Names, c.LocalsPlusNames = strs[0], strs[1]
	if b, ok = fields[4].(pyconst.Bytes); !ok || len(b) != len(c.LocalsPlusNames) {
		return bad()
	}
	c.LocalsPlusKinds = []byte(b)
	var names [3]string
	for i := range names {
		s, ok := fields[5+i].(pyconst.Str)
		if !ok {
			return bad()
		}
		names[i] = string(s)
	}
	c.Filename, c.Name, c.QualName = names[0], names[1], names[2]
	if b, ok = fields[9].(pyconst.Bytes); !ok {
		return bad()
	}
	c.LineTable = []byte(b)
	if b, ok = fields[10].(pyconst.Bytes); !ok {
		return bad()
	}
	c.ExceptionTable = []byte(b)
	if len(c.Code)%2 != 0 {
		return nil, 0, u.fail("ValueError", "code: co_code is malformed")
	}
	nargs := c.ArgCount + c.KwOnlyArgCount
	if c.Flags&CoVarargs != 0 {
		nargs++
	}
	if c.Flags&CoVarkeywords != 0 {
		nargs++
	}
	if c.NLocals() < nargs {
		return nil, 0, u.fail("ValueError", "code: co_varnames is too small")
	}
	return c, size, nil
}

// deoptCode returns code as CPython's co_code shows a loaded code object
// (deopt_code in Objects/codeobject.c): each opcode replaced by its base
// opcode (a specialized or instrumented one, which only a hostile .pyc can
// hold, by the one it stands for; an undefined one by CACHE), and the
// inline cache units of each instruction zeroed. Compiled code is left as
// it is. (CPython checks nothing else of the bytecode of a .pyc, and
// crashes on much of what a hostile one can hold; Unmarshal keeps the rest
// as it is.)
func deoptCode(code []byte) []byte {
	var out []byte
	set := func(i int, b byte) {
		if code[i] != b {
			if out == nil {
				out = append([]byte(nil), code...)
			}
			out[i] = b
		}
	}
	for i := 0; i+1 < len(code); {
		op := deoptTable[code[i]]
		set(i, byte(op))
		i += 2
		for j := 0; j < op.CacheEntries() && i+1 < len(code); j++ {
			set(i, 0)
			set(i+1, 0)
			i += 2
		}
	}
	if out == nil {
		return code
	}
	return out
}

// deoptTable is CPython 3.13's _PyOpcode_Deopt: the base opcode of each
// byte of co_code (checked against the oracle by the tests).
var deoptTable = func() (t [256]Opcode) {
	for op := range t {
		name := Opcode(op).String()
		switch {
		case opcodeNames[op] == "":
			t[op] = CACHE
		case strings.HasPrefix(name, "INSTRUMENTED_") && op != int(INSTRUMENTED_LINE) && op != int(INSTRUMENTED_INSTRUCTION):
			t[op] = Opcode(slices.Index(opcodeNames[:], strings.TrimPrefix(name, "INSTRUMENTED_")))
		default:
			t[op] = Opcode(op)
		}
	}
	// The specialized opcodes (opcode._specializations), by ranges of
	// numbers that share a base.
	for _, r := range []struct {
		first, last int
		base        Opcode
	}{
		{3, 3, BINARY_OP}, {150, 156, BINARY_OP}, {157, 161, BINARY_SUBSCR}, {162, 181, CALL},
		{182, 184, COMPARE_OP}, {185, 186, CONTAINS_OP}, {187, 190, FOR_ITER}, {191, 202, LOAD_ATTR},
		{203, 204, LOAD_GLOBAL}, {205, 206, LOAD_SUPER_ATTR}, {207, 207, RESUME}, {208, 208, SEND},
		{209, 211, STORE_ATTR}, {212, 213, STORE_SUBSCR}, {214, 219, TO_BOOL}, {220, 222, UNPACK_SEQUENCE},
	} {
		for op := r.first; op <= r.last; op++ {
			t[op] = r.base
		}
	}
	return t
}()

// ---- writing ----

// Marshal encodes v, a *Code or any value Unmarshal returns, in marshal
// format version 4 as marshal.dumps does, and returns the bytes. It writes
// references only for the strings it interns (the names of code objects,
// identifier-like str constants); CPython reads the result back to an equal
// value. Values nested more than 2000 deep give an error, as in CPython.
func Marshal(v Const) ([]byte, error) {
	m := &marshaller{interned: map[string]int{}}
	if err := m.object(v, false); err != nil {
		return nil, err
	}
	return m.buf, nil
}

type marshaller struct {
	buf      []byte
	depth    int
	nrefs    int
	interned map[string]int // interned str → its reference index

	// keyMode writes the sort key of a set element (see sortedElems):
	// FLAG_REF on the element itself and on the immortal values in it,
	// and an immortal value after the first as a reference (seen maps
	// their constKey to the reference index). nested is set once the
	// element's own type byte is written.
	keyMode bool
	nested  bool
	seen    map[string]int
}

// singleton reports whether v is one of the values marshal writes as a
// bare type byte, which never take a reference.
func singleton(v Const) bool {
	switch v.(type) {
	case pyconst.NoneType, pyconst.EllipsisType, pyconst.Bool, StopIterationType:
		return true
	}
	return false
}

// sortedElems returns the elements of a set in the order CPython 3.13
// writes them: sorted by their own marshal serialization (bpo-37596, which
// makes .pyc files reproducible across hash seeds), ties kept in iteration
// order. CPython serializes each element with a fresh reference table and
// sets FLAG_REF on every object that has more than one reference, which
// depends on reference counts: the element itself always has (the set
// iteration holds one), and inside it the immortal objects have (small
// ints, interned strings, the empty tuple, bytes of at most one byte), and
// those are one object each, so a repeated one is written as a reference.
// keyMode writes exactly that (see immortal).
func (m *marshaller) sortedElems(items []Const) ([]Const, error) {
	if len(items) < 2 {
		return items, nil
	}
	keys := make([][]byte, len(items))
	for i, e := range items {
		km := &marshaller{keyMode: true, seen: map[string]int{}, depth: m.depth}
		if err := km.object(e, false); err != nil {
			return nil, err
		}
		keys[i] = km.buf
	}
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return bytes.Compare(keys[a], keys[b]) })
	out := make([]Const, len(items))
	for i, j := range order {
		out[i] = items[j]
	}
	return out, nil
}

func (m *marshaller) int32(n int) {
	m.buf = binary.LittleEndian.AppendUint32(m.buf, uint32(int32(n)))
}

// size writes a length, which must fit in an int32.
func (m *marshaller) size(n int) error {
	if n > math.MaxInt32 {
		return errors.New("marshal: unmarshallable object (size over 2**31-1)")
	}
	m.int32(n)
	return nil
}

func (m *marshaller) float(f float64) {
	m.buf = binary.LittleEndian.AppendUint64(m.buf, math.Float64bits(f))
}

func (m *marshaller) object(v Const, intern bool) error {
	m.depth++
	defer func() { m.depth-- }()
	if m.depth > maxMarshalDepth {
		return errors.New("marshal: object too deeply nested to marshal")
	}
	if m.keyMode && !singleton(v) {
		top := !m.nested
		m.nested = true
		imm := immortal(v)
		if !top && !imm {
			return m.value(v, false)
		}
		if imm {
			k := constKey(v.(pyconst.Value))
			if i, ok := m.seen[k]; ok {
				m.buf = append(m.buf, 'r')
				m.int32(i)
				return nil
			}
			m.seen[k] = m.nrefs
		}
		m.nrefs++
		start := len(m.buf)
		err := m.value(v, false)
		if err == nil && len(m.buf) > start {
			m.buf[start] |= 0x80
		}
		return err
	}
	return m.value(v, intern)
}

// immortal reports whether CPython 3.13 holds v, as a constant of
// compiled code, in an immortal object that every equal constant shares:
// the small ints, interned strings (see internable), the empty tuple, and
// bytes of at most one byte.
func immortal(v Const) bool {
	switch v := v.(type) {
	case pyconst.Int:
		n, ok := v.Int64()
		return ok && n >= -5 && n <= 256
	case pyconst.Str:
		return internable(v)
	case pyconst.Bytes:
		return len(v) <= 1
	case pyconst.Tuple:
		return len(v) == 0
	}
	return false
}

// value writes v; intern says a str is a name, to be interned.
func (m *marshaller) value(v Const, intern bool) error {
	switch v := v.(type) {
	case pyconst.NoneType:
		m.buf = append(m.buf, 'N')
	case pyconst.EllipsisType:
		m.buf = append(m.buf, '.')
	case StopIterationType:
		m.buf = append(m.buf, 'S')
	case pyconst.Bool:
		if v {
			m.buf = append(m.buf, 'T')
		} else {
			m.buf = append(m.buf, 'F')
		}
	case pyconst.Int:
		m.int(v)
	case pyconst.Float:
		m.buf = append(m.buf, 'g')
		m.float(float64(v))
	case pyconst.Complex:
		m.buf = append(m.buf, 'y')
		m.float(v.Real)
		m.float(v.Imag)
	case pyconst.Bytes:
		m.buf = append(m.buf, 's')
		if err := m.size(len(v)); err != nil {
			return err
		}
		m.buf = append(m.buf, v...)
	case pyconst.Str:
		return m.str(string(v), intern || internable(v))
	case pyconst.Tuple:
		if err := m.seqHeader(len(v)); err != nil {
			return err
		}
		for _, e := range v {
			if err := m.object(e, false); err != nil {
				return err
			}
		}
	case AnyTuple:
		return m.tuple([]Const(v))
	case pyconst.FrozenSet:
		items := make([]Const, v.Len())
		for i, e := range v.Elems() {
			items[i] = e
		}
		return m.set('>', items)
	case AnyFrozenSet:
		return m.set('>', []Const(v))
	case Set:
		return m.set('<', []Const(v))
	case List:
		return m.container('[', []Const(v))
	case Dict:
		m.buf = append(m.buf, '{')
		for _, it := range v {
			if err := m.object(it.Key, false); err != nil {
				return err
			}
			if err := m.object(it.Value, false); err != nil {
				return err
			}
		}
		m.buf = append(m.buf, '0')
	case *Code:
		if v == nil {
			return errors.New("marshal: nil *Code")
		}
		return m.code(v)
	default:
		return fmt.Errorf("marshal: unmarshallable object of Go type %T", v)
	}
	return nil
}

// int writes an int as 'i' when it fits in 32 bits, else as 'l'.
func (m *marshaller) int(v pyconst.Int) {
	if n, ok := v.Int64(); ok && n >= math.MinInt32 && n <= math.MaxInt32 {
		m.buf = append(m.buf, 'i')
		m.int32(int(n))
		return
	}
	x := v.Big()
	neg := x.Sign() < 0
	x.Abs(x)
	var digits []uint16
	mask := big.NewInt(0x7FFF)
	var d big.Int
	for x.Sign() > 0 {
		digits = append(digits, uint16(d.And(x, mask).Uint64()))
		x.Rsh(x, 15)
	}
	n := len(digits)
	if neg {
		n = -n
	}
	m.buf = append(m.buf, 'l')
	m.int32(n)
	for _, dg := range digits {
		m.buf = binary.LittleEndian.AppendUint16(m.buf, dg)
	}
}

// internable reports whether CPython interns a str constant of a code
// object: identifier-like ASCII text (all letters, digits and
// underscores), and strings of at most one Latin-1 character, which are
// CPython's statically allocated singletons.
func internable(s pyconst.Str) bool {
	if len(s) == 0 {
		return true
	}
	if r, n := pyconst.DecodeRune(string(s)); n == len(s) && r < 0x100 {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// str writes a str. An interned one is written once with FLAG_REF and as a
// reference after that, as CPython's writer does with interned strings
// (in keyMode, object has done that already).
func (m *marshaller) str(s string, intern bool) error {
	if intern && !m.keyMode {
		if i, ok := m.interned[s]; ok {
			m.buf = append(m.buf, 'r')
			m.int32(i)
			return nil
		}
		m.interned[s] = m.nrefs
		m.nrefs++
	}
	var flag byte
	if intern && !m.keyMode {
		flag = 0x80
	}
	if pyconst.Str(s).IsASCII() {
		if len(s) < 256 {
			t := byte('z')
			if intern {
				t = 'Z'
			}
			m.buf = append(m.buf, t|flag, byte(len(s)))
		} else {
			t := byte('a')
			if intern {
				t = 'A'
			}
			m.buf = append(m.buf, t|flag)
			if err := m.size(len(s)); err != nil {
				return err
			}
		}
	} else {
		t := byte('u')
		if intern {
			t = 't'
		}
		m.buf = append(m.buf, t|flag)
		if err := m.size(len(s)); err != nil {
			return err
		}
	}
	m.buf = append(m.buf, s...)
	return nil
}

// seqHeader writes the type and length of a tuple: ')' below 256 items.
func (m *marshaller) seqHeader(n int) error {
	if n < 256 {
		m.buf = append(m.buf, ')', byte(n))
		return nil
	}
	m.buf = append(m.buf, '(')
	return m.size(n)
}

// tuple writes items as a tuple.
func (m *marshaller) tuple(items []Const) error {
	if err := m.seqHeader(len(items)); err != nil {
		return err
	}
	for _, e := range items {
		if err := m.object(e, false); err != nil {
			return err
		}
	}
	return nil
}

func (m *marshaller) container(typ byte, items []Const) error {
	m.buf = append(m.buf, typ)
	if err := m.size(len(items)); err != nil {
		return err
	}
	for _, e := range items {
		if err := m.object(e, false); err != nil {
			return err
		}
	}
	return nil
}

// set writes a set or frozenset, its elements in CPython's order.
func (m *marshaller) set(typ byte, items []Const) error {
	sorted, err := m.sortedElems(items)
	if err != nil {
		return err
	}
	return m.container(typ, sorted)
}

func (m *marshaller) names(names []string) error {
	if err := m.seqHeader(len(names)); err != nil {
		return err
	}
	for _, s := range names {
		if err := m.str(s, true); err != nil {
			return err
		}
	}
	return nil
}

func (m *marshaller) code(c *Code) error {
	if len(c.LocalsPlusKinds) != len(c.LocalsPlusNames) {
		return fmt.Errorf("marshal: code object %s has %d localsplus names and %d kinds",
			c.Name, len(c.LocalsPlusNames), len(c.LocalsPlusKinds))
	}
	m.buf = append(m.buf, 'c')
	for _, n := range []int{c.ArgCount, c.PosOnlyArgCount, c.KwOnlyArgCount, c.StackSize, int(c.Flags)} {
		m.int32(n)
	}
	steps := []func() error{
		func() error { return m.object(pyconst.Bytes(c.Code), false) },
		func() error { return m.tuple(c.Consts) },
		func() error { return m.names(c.Names) },
		func() error { return m.names(c.LocalsPlusNames) },
		func() error { return m.object(pyconst.Bytes(c.LocalsPlusKinds), false) },
		func() error { return m.str(c.Filename, true) },
		func() error { return m.str(c.Name, true) },
		func() error { return m.str(c.QualName, true) },
		func() error { m.int32(c.FirstLineno); return nil },
		func() error { return m.object(pyconst.Bytes(c.LineTable), false) },
		func() error { return m.object(pyconst.Bytes(c.ExceptionTable), false) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
