package vm

import (
	"encoding/binary"
	"math"
	"math/big"
	"strings"
)

// The array module (Modules/arraymodule.c): array.array, a mutable
// sequence of machine values of one C type named by a typecode, its
// iterator, _array_reconstructor (the pickling helper) and typecodes.
//
// An array keeps its items as the bytes CPython's would hold on x86-64
// Linux (little-endian; 'u' is a 4-byte wchar_t, 'l' and 'L' 8 bytes), so
// that tobytes, frombytes, byteswap and the buffer a memoryview sees are
// CPython's. Storing an item converts it with the checks and messages of
// the C setter of its typecode (PyArg_Parse's "h", "i", "l"… formats and
// their overflow errors); reading one builds an int, float or str.
// `allocated` follows array_resize's over-allocation so that __sizeof__
// agrees. While a memoryview of the array lives (views, bufexport.go) a
// change of its length fails with BufferError, as CPython's ob_exports
// makes it.

// arrayDescr describes a typecode: its item size and kind ('s' signed
// int, 'u' unsigned int, 'f' float, 'c' character).
type arrayDescr struct {
	tc   byte
	size int
	kind byte
}

var arrayDescrs = []*arrayDescr{
	{'b', 1, 's'}, {'B', 1, 'u'}, {'u', 4, 'c'}, {'w', 4, 'c'}, {'h', 2, 's'}, {'H', 2, 'u'},
	{'i', 4, 's'}, {'I', 4, 'u'}, {'l', 8, 's'}, {'L', 8, 'u'}, {'q', 8, 's'}, {'Q', 8, 'u'},
	{'f', 4, 'f'}, {'d', 8, 'f'},
}

func arrayDescrOf(c rune) *arrayDescr {
	for _, d := range arrayDescrs {
		if rune(d.tc) == c {
			return d
		}
	}
	return nil
}

// mformat is typecode_to_mformat_code on x86-64 Linux (little-endian).
func (d *arrayDescr) mformat() int {
	switch d.tc {
	case 'b':
		return 1
	case 'B':
		return 0
	case 'u', 'w':
		return 20
	case 'f':
		return 14
	case 'd':
		return 16
	}
	code := map[int]int{2: 2, 4: 6, 8: 10}[d.size]
	if d.kind == 's' {
		code += 2
	}
	return code
}

// Array is an array.array.
type Array struct {
	ObjectBase
	d         *arrayDescr
	data      []byte
	allocated int // array_resize's ob->allocated, for __sizeof__
	views     viewTracker
	slots     []Value
}

func (a *Array) slotValues() []Value { return a.slots }

func (a *Array) bufferData() []byte { return a.data }

func (a *Array) bufferFormat() (string, int, bool) {
	if a.d.tc == 'u' {
		return "w", 4, false
	}
	return string(a.d.tc), a.d.size, false
}

func (a *Array) bufferExport(m *MemoryView) { a.views.add(m) }

// n is the number of items.
func (a *Array) n() int { return len(a.data) / a.d.size }

// arrayIter is an array.arrayiterator.
type arrayIter struct {
	ObjectBase
	a     *Array // nil once exhausted
	index int
}

var (
	ArrayType     = nativeType("array", "array", nil, FlagBaseType|FlagSequence)
	arrayIterType = nativeType("array", "arrayiterator", nil, 0)

	arrayReconstructorSpec = ArgSpec{Name: "_array_reconstructor", Params: []string{"arraytype", "typecode", "mformat_code", "items"}, PosOnly: 4, Required: 4}
)

const (
	arrayModuleDoc   = "This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating-point\nnumbers.  Arrays are sequence types and behave very much like lists,\nexcept that the type of objects stored in them is constrained.\n"
	arrayTypeDoc     = "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\ninitialized from the optional initializer value, which must be a list,\nstring or iterable over elements of the appropriate type.\n\nArrays represent basic values and behave very much like lists, except\nthe type of objects stored in them is constrained. The type is specified\nat object creation time by using a type code, which is a single character.\nThe following type codes are defined:\n\n    Type code   C Type             Minimum size in bytes\n    'b'         signed integer     1\n    'B'         unsigned integer   1\n    'u'         Unicode character  2 (see note)\n    'h'         signed integer     2\n    'H'         unsigned integer   2\n    'i'         signed integer     2\n    'I'         unsigned integer   2\n    'l'         signed integer     4\n    'L'         unsigned integer   4\n    'q'         signed integer     8 (see note)\n    'Q'         unsigned integer   8 (see note)\n    'f'         floating-point     4\n    'd'         floating-point     8\n\nNOTE: The 'u' typecode corresponds to Python's unicode character. On\nnarrow builds this is 2-bytes on wide builds this is 4-bytes.\n\nNOTE: The 'q' and 'Q' type codes are only available if the platform\nC compiler used to build Python supports 'long long', or, on Windows,\n'__int64'.\n\nMethods:\n\nappend() -- append a new item to the end of the array\nbuffer_info() -- return information giving the current memory info\nbyteswap() -- byteswap all the items of the array\ncount() -- return number of occurrences of an object\nextend() -- extend array by appending multiple elements from an iterable\nfromfile() -- read items from a file object\nfromlist() -- append items from the list\nfrombytes() -- append items from the string\nindex() -- return index of first occurrence of an object\ninsert() -- insert a new item into the array at a provided position\npop() -- remove and return item (default last)\nremove() -- remove first occurrence of an object\nreverse() -- reverse the order of the items in the array\ntofile() -- write all items to a file object\ntolist() -- return the array converted to an ordinary list\ntobytes() -- return the array converted to a string\n\nAttributes:\n\ntypecode -- the typecode character used to create the array\nitemsize -- the length in bytes of one array item\n"
	arrayBadTypecode = "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"
)

func init() {
	onSetup(setupArray)
	RegisterModule("array", initArrayModule)
}

// newArray returns an empty array of type cls (its allocation as
// newarrayobject's for n items).
func newArray(cls *Type, d *arrayDescr, n int) *Array {
	a := &Array{ObjectBase: ObjectBase{cls: cls}, d: d, allocated: n}
	if n > 0 {
		a.data = make([]byte, n*d.size)
	}
	if cls.nslots > 0 {
		a.slots = make([]Value, cls.nslots)
	}
	return a
}

// resize is array_resize: the length becomes newsize (new items are
// zero), refused while a buffer is exported.
func (a *Array) resize(t *Thread, newsize int) error {
	size := a.n()
	if newsize != size && a.views.busy() {
		return t.raise(BufferErrorType, "cannot resize an array that is exporting buffers")
	}
	switch {
	case a.allocated >= newsize && size < newsize+16 && a.allocated > 0:
	case newsize == 0:
		a.allocated = 0
	default:
		grow := 7
		if size < 8 {
			grow = 3
		}
		a.allocated = newsize>>4 + grow + newsize
	}
	nb := newsize * a.d.size
	if nb <= cap(a.data) {
		old := len(a.data)
		a.data = a.data[:nb]
		if nb > old {
			clear(a.data[old:])
		}
	} else {
		nd := make([]byte, nb, max(nb, a.allocated*a.d.size))
		copy(nd, a.data)
		a.data = nd
	}
	return nil
}

// raw reads the bits of item i.
func (a *Array) raw(i int) uint64 {
	p := a.data[i*a.d.size:]
	switch a.d.size {
	case 1:
		return uint64(p[0])
	case 2:
		return uint64(binary.LittleEndian.Uint16(p))
	case 4:
		return uint64(binary.LittleEndian.Uint32(p))
	}
	return binary.LittleEndian.Uint64(p)
}

// put writes the bits of item i.
func (a *Array) put(i int, bits uint64) {
	p := a.data[i*a.d.size:]
	switch a.d.size {
	case 1:
		p[0] = byte(bits)
	case 2:
		binary.LittleEndian.PutUint16(p, uint16(bits))
	case 4:
		binary.LittleEndian.PutUint32(p, uint32(bits))
	default:
		binary.LittleEndian.PutUint64(p, bits)
	}
}

// get is the getitem of the typecode.
func (a *Array) get(t *Thread, i int) (Value, error) {
	bits := a.raw(i)
	switch a.d.kind {
	case 's':
		shift := 64 - 8*a.d.size
		return Int(int64(bits<<shift) >> shift), nil
	case 'u':
		if bits > math.MaxInt64 {
			return NewBigInt(new(big.Int).SetUint64(bits)), nil
		}
		return Int(int64(bits)), nil
	case 'f':
		if a.d.size == 4 {
			return Float(float64(math.Float32frombits(uint32(bits)))), nil
		}
		return Float(math.Float64frombits(bits)), nil
	}
	c := int64(uint32(bits))
	if a.d.tc == 'u' {
		c = int64(int32(uint32(bits)))
	}
	if c < 0 || c > 0x10FFFF {
		return Null, t.valueErrorf("chr() arg not in range(0x110000)")
	}
	return Value{o: StrFromRunes([]rune{rune(c)})}, nil
}

// itemEqual is PyObject_RichCompareBool(item, v, Py_EQ) for an item read
// from a: items are new objects in CPython, so a NaN is never identical
// to anything.
// find returns the index of the first item in [start, stop) equal to x,
// or -1 (array_array_index, count, remove and contains all search so).
// The length is read at each step: a comparison may change the array.
func (a *Array) find(t *Thread, x Value, start, stop int) (int, error) {
	for i := start; i < stop && i < a.n(); i++ {
		item, err := a.get(t, i)
		if err != nil {
			return -1, err
		}
		eq, err := a.itemEqual(t, item, x)
		if err != nil {
			return -1, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

func (a *Array) itemEqual(t *Thread, item, v Value) (bool, error) {
	if a.d.kind == 'f' {
		r, err := RichCompare(t, item, v, EQ)
		if err != nil {
			return false, err
		}
		return Truth(t, r)
	}
	return RichCompareBool(t, item, v, EQ)
}

// cLong is PyLong_AsLong: an int by __index__, within a C long.
func cLong(t *Thread, v Value) (int64, error) {
	i, err := Index(t, v)
	if err != nil {
		return 0, err
	}
	n, ok := smallIntOf(i)
	if !ok {
		return 0, t.raise(OverflowErrorType, "Python int too large to convert to C long")
	}
	return n, nil
}

// cUnsigned is PyLong_AsUnsignedLong(Long) after _PyNumber_Index, with
// the messages of the one named: negative values and values past 64 bits
// fail.
func cUnsigned(t *Thread, v Value, negMsg, bigMsg string) (uint64, error) {
	i, err := Index(t, v)
	if err != nil {
		return 0, err
	}
	if n, ok := smallIntOf(i); ok {
		if n < 0 {
			return 0, t.raise(OverflowErrorType, negMsg)
		}
		return uint64(n), nil
	}
	b := bigOf(i)
	if b.Sign() < 0 {
		return 0, t.raise(OverflowErrorType, negMsg)
	}
	if b.BitLen() > 64 {
		return 0, t.raise(OverflowErrorType, bigMsg)
	}
	return b.Uint64(), nil
}

// rangeCheck fails with "NAME is less than minimum" or "NAME is greater
// than maximum" outside [lo, hi].
func rangeCheck(t *Thread, n, lo, hi int64, name string) error {
	if n < lo {
		return t.raisef(OverflowErrorType, "%s is less than minimum", name)
	}
	if n > hi {
		return t.raisef(OverflowErrorType, "%s is greater than maximum", name)
	}
	return nil
}

// pack is the setitem of the typecode without the store: the bits of v
// as an item, or the error CPython's setter raises.
func (d *arrayDescr) pack(t *Thread, v Value) (uint64, error) {
	switch d.tc {
	case 'b', 'h':
		n, err := cLong(t, v)
		if err != nil {
			return 0, err
		}
		if err := rangeCheck(t, n, math.MinInt16, math.MaxInt16, "signed short integer"); err != nil {
			return 0, err
		}
		if d.tc == 'b' {
			if err := rangeCheck(t, n, -128, 127, "signed char"); err != nil {
				return 0, err
			}
		}
		return uint64(n), nil
	case 'B':
		n, err := cLong(t, v)
		if err != nil {
			return 0, err
		}
		return uint64(n), rangeCheck(t, n, 0, 255, "unsigned byte integer")
	case 'H', 'i':
		n, err := cLong(t, v)
		if err != nil {
			return 0, err
		}
		if err := rangeCheck(t, n, math.MinInt32, math.MaxInt32, "signed integer"); err != nil {
			return 0, err
		}
		if d.tc == 'H' {
			return uint64(n), rangeCheck(t, n, 0, math.MaxUint16, "unsigned short")
		}
		return uint64(n), nil
	case 'l':
		n, err := cLong(t, v)
		return uint64(n), err
	case 'q':
		i, err := Index(t, v)
		if err != nil {
			return 0, err
		}
		n, ok := smallIntOf(i)
		if !ok {
			return 0, t.raise(OverflowErrorType, "int too big to convert")
		}
		return uint64(n), nil
	case 'I', 'L':
		u, err := cUnsigned(t, v, "can't convert negative value to unsigned int", "Python int too large to convert to C unsigned long")
		if err != nil {
			return 0, err
		}
		if d.tc == 'I' && u > math.MaxUint32 {
			return 0, t.raise(OverflowErrorType, "unsigned int is greater than maximum")
		}
		return u, nil
	case 'Q':
		return cUnsigned(t, v, "can't convert negative int to unsigned", "int too big to convert")
	case 'f', 'd':
		f, err := mathFloat(t, v)
		if err != nil {
			return 0, err
		}
		if d.tc == 'f' {
			return uint64(math.Float32bits(float32(f))), nil
		}
		return math.Float64bits(f), nil
	}
	s, ok := v.o.(*Str)
	if !ok || s.Len() != 1 {
		return 0, t.typeErrorf("array item must be unicode character")
	}
	return uint64(uint32(s.At(0))), nil
}

// set stores v at item i.
func (a *Array) set(t *Thread, i int, v Value) error {
	bits, err := a.d.pack(t, v)
	if err != nil {
		return err
	}
	a.put(i, bits)
	return nil
}

// insert is ins1: v checked first, then stored at where (clamped).
func (a *Array) insert(t *Thread, where int, v Value) error {
	bits, err := a.d.pack(t, v)
	if err != nil {
		return err
	}
	n := a.n()
	if err := a.resize(t, n+1); err != nil {
		return err
	}
	if where < 0 {
		where = max(where+n, 0)
	}
	where = min(where, n)
	sz := a.d.size
	copy(a.data[(where+1)*sz:], a.data[where*sz:n*sz])
	a.put(where, bits)
	return nil
}

// iterExtend is array_iter_extend: each item of an iterable appended.
func (a *Array) iterExtend(t *Thread, iterable Value) error {
	it, err := Iter(t, iterable)
	if err != nil {
		return err
	}
	return a.extendFromIter(t, it)
}

func (a *Array) extendFromIter(t *Thread, it Value) error {
	for {
		x, err := Next(t, it)
		if err != nil {
			return err
		}
		if x.IsNull() {
			return nil
		}
		if err := a.insert(t, a.n(), x); err != nil {
			return err
		}
	}
}

// extend is array_do_extend.
func (a *Array) extend(t *Thread, bb Value) error {
	b, ok := bb.o.(*Array)
	if !ok {
		return a.iterExtend(t, bb)
	}
	if b.d != a.d {
		return t.typeErrorf("can only extend with array of same kind")
	}
	add := append([]byte(nil), b.data...)
	old := len(a.data)
	if err := a.resize(t, a.n()+len(add)/a.d.size); err != nil {
		return err
	}
	copy(a.data[old:], add)
	return nil
}

// frombytes appends the bytes of a buffer.
func (a *Array) frombytes(t *Thread, b []byte) error {
	if len(b)%a.d.size != 0 {
		return t.valueErrorf("bytes length not a multiple of item size")
	}
	if len(b) == 0 {
		return nil
	}
	add := append([]byte(nil), b...)
	old := len(a.data)
	if err := a.resize(t, a.n()+len(add)/a.d.size); err != nil {
		return err
	}
	copy(a.data[old:], add)
	return nil
}

// delSlice is array_del_slice.
func (a *Array) delSlice(t *Thread, lo, hi int) error {
	n := a.n()
	lo = min(max(lo, 0), n)
	hi = max(hi, 0)
	if hi < lo {
		hi = lo
	} else if hi > n {
		hi = n
	}
	d := hi - lo
	if d != 0 && a.views.busy() {
		return t.raise(BufferErrorType, "cannot resize an array that is exporting buffers")
	}
	if d > 0 {
		sz := a.d.size
		copy(a.data[lo*sz:], a.data[hi*sz:])
		return a.resize(t, n-d)
	}
	return nil
}

// copyOf returns a new array.array (the base type) of items lo..hi.
func (a *Array) copyOf(lo, hi int) *Array {
	r := newArray(ArrayType, a.d, hi-lo)
	copy(r.data, a.data[lo*a.d.size:hi*a.d.size])
	return r
}

// tolist is array.tolist().
func (a *Array) tolist(t *Thread) (*List, error) {
	n := a.n()
	items := make([]Value, n)
	for i := range items {
		v, err := a.get(t, i)
		if err != nil {
			return nil, err
		}
		items[i] = v
	}
	return NewList(items...), nil
}

// tounicode is array.tounicode() for 'u' and 'w' arrays.
func (a *Array) tounicode(t *Thread) (*Str, error) {
	n := a.n()
	rs := make([]rune, n)
	for i := range rs {
		bits := uint32(a.raw(i))
		if a.d.tc == 'u' {
			c := int32(bits)
			if c < 0 || c > 0x10FFFF {
				return nil, t.valueErrorf("character U+%x is not in range [U+0000; U+10ffff]", bits)
			}
			rs[i] = c
			continue
		}
		switch {
		case bits > 0x10FFFF:
			return nil, newUnicodeDecodeError("utf-32-le", NewBytes(append([]byte(nil), a.data...)), i*4, i*4+4, "code point not in range(0x110000)")
		case bits >= 0xD800 && bits < 0xE000:
			return nil, newUnicodeDecodeError("utf-32-le", NewBytes(append([]byte(nil), a.data...)), i*4, i*4+4, "code point in surrogate code point range(0xd800, 0xe000)")
		}
		rs[i] = rune(bits)
	}
	return StrFromRunes(rs), nil
}

// fromStr appends the code points of s ('u' and 'w' arrays).
func (a *Array) fromStr(t *Thread, s *Str) error {
	rs := s.Runes()
	if len(rs) == 0 {
		return nil
	}
	old := a.n()
	if err := a.resize(t, old+len(rs)); err != nil {
		return err
	}
	for i, r := range rs {
		a.put(old+i, uint64(uint32(r)))
	}
	return nil
}

// arrayNew is array.__new__ (array_new).
func arrayNew(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
	if (cls == ArrayType || sameSlot(cls.Init, ArrayType.Init)) && len(kwnames) > 0 {
		return Null, t.typeErrorf("array.array() takes no keyword arguments")
	}
	pos := args[:len(args)-len(kwnames)]
	if len(pos) < 1 {
		return Null, t.typeErrorf("array() takes at least 1 argument (0 given)")
	}
	if len(pos) > 2 {
		return Null, t.typeErrorf("array() takes at most 2 arguments (%d given)", len(pos))
	}
	tcs, ok := pos[0].o.(*Str)
	if !ok || tcs.Len() != 1 {
		return Null, t.typeErrorf("array() argument 1 must be a unicode character, not %s", typeName(pos[0]))
	}
	initial := Null
	if len(pos) > 1 {
		initial = pos[1]
	}
	return makeArray(t, cls, tcs.At(0), initial)
}

// makeArray is the body of array_new once its arguments are parsed.
func makeArray(t *Thread, cls *Type, c rune, initial Value) (Value, error) {
	if c == 'u' {
		if err := t.warnDeprecated("The 'u' type code is deprecated and will be removed in Python 3.16"); err != nil {
			return Null, err
		}
	}
	unicode := c == 'u' || c == 'w'
	if !initial.IsNull() && !unicode {
		if _, ok := initial.o.(*Str); ok {
			return Null, t.typeErrorf("cannot use a str to initialize an array with typecode '%c'", c)
		}
		if ia, ok := initial.o.(*Array); ok && (ia.d.tc == 'u' || ia.d.tc == 'w') {
			return Null, t.typeErrorf("cannot use a unicode array to initialize an array with typecode '%c'", c)
		}
	}
	var it Value
	if !initial.IsNull() {
		direct := false
		switch o := initial.o.(type) {
		case *List, *Tuple, *Bytes, *ByteArray:
			direct = true
		case *Str:
			direct = unicode
		case *Array:
			direct = rune(o.d.tc) == c
		}
		if !direct {
			var err error
			if it, err = Iter(t, initial); err != nil {
				return Null, err
			}
			initial = Null
		}
	}
	d := arrayDescrOf(c)
	if d == nil {
		return Null, t.valueErrorf(arrayBadTypecode)
	}
	var a *Array
	switch o := initial.o.(type) {
	case *List:
		n := len(o.items)
		a = newArray(cls, d, n)
		for i := 0; i < n; i++ {
			if i >= len(o.items) {
				return Null, t.raise(IndexErrorType, "list index out of range")
			}
			if err := a.set(t, i, o.items[i]); err != nil {
				return Null, err
			}
		}
	case *Tuple:
		a = newArray(cls, d, len(o.items))
		for i, x := range o.items {
			if err := a.set(t, i, x); err != nil {
				return Null, err
			}
		}
	case *Bytes, *ByteArray:
		a = newArray(cls, d, 0)
		b, _ := bytesLike(initial)
		if err := a.frombytes(t, b); err != nil {
			return Null, err
		}
	case *Str:
		rs := o.Runes()
		a = newArray(cls, d, len(rs))
		for i, r := range rs {
			a.put(i, uint64(uint32(r)))
		}
	case *Array:
		a = newArray(cls, d, o.n())
		copy(a.data, o.data)
	default:
		a = newArray(cls, d, 0)
	}
	if !it.IsNull() {
		if err := a.extendFromIter(t, it); err != nil {
			return Null, err
		}
	}
	return Value{o: a}, nil
}

// arrayIndex converts a subscript to an item index (PyNumber_AsSsize_t
// with IndexError).
func arrayIndex(t *Thread, a *Array, key Value) (int, error) {
	i, err := AsSize(t, key, IndexErrorType)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += a.n()
	}
	return i, nil
}

// arraySubscript is array_subscr.
func arraySubscript(t *Thread, v, key Value) (Value, error) {
	a := v.o.(*Array)
	if hasIndex(key) {
		i, err := arrayIndex(t, a, key)
		if err != nil {
			return Null, err
		}
		if i < 0 || i >= a.n() {
			return Null, t.raise(IndexErrorType, "array index out of range")
		}
		return a.get(t, i)
	}
	s, ok := key.o.(*Slice)
	if !ok {
		return Null, t.typeErrorf("array indices must be integers")
	}
	start, _, step, count, err := s.Indices(t, a.n())
	if err != nil {
		return Null, err
	}
	if count <= 0 {
		return Value{o: newArray(ArrayType, a.d, 0)}, nil
	}
	if step == 1 {
		return Value{o: a.copyOf(start, start+count)}, nil
	}
	r := newArray(ArrayType, a.d, count)
	sz := a.d.size
	for i, cur := 0, start; i < count; i, cur = i+1, cur+step {
		copy(r.data[i*sz:(i+1)*sz], a.data[cur*sz:(cur+1)*sz])
	}
	return Value{o: r}, nil
}

// arrayAssSubscript is array_ass_subscr (value NULL deletes).
func arrayAssSubscript(t *Thread, v, key, value Value) error {
	a := v.o.(*Array)
	var start, stop, step, slicelength int
	if hasIndex(key) {
		i, err := arrayIndex(t, a, key)
		if err != nil {
			return err
		}
		if i < 0 || i >= a.n() {
			return t.raise(IndexErrorType, "array assignment index out of range")
		}
		if !value.IsNull() {
			return a.set(t, i, value)
		}
		start, stop, step, slicelength = i, i+1, 1, 1
	} else if s, ok := key.o.(*Slice); ok {
		var err error
		if start, stop, step, slicelength, err = s.Indices(t, a.n()); err != nil {
			return err
		}
	} else {
		return t.typeErrorf("array indices must be integers")
	}
	var other []byte
	needed := 0
	if !value.IsNull() {
		o, ok := value.o.(*Array)
		if !ok {
			return t.typeErrorf("can only assign array (not \"%s\") to array slice", typeName(value))
		}
		if o.d != a.d {
			if o != a {
				return t.typeErrorf("bad argument type for built-in operation")
			}
		}
		other = append([]byte(nil), o.data...)
		needed = len(other) / a.d.size
	}
	sz := a.d.size
	if (step > 0 && stop < start) || (step < 0 && stop > start) {
		stop = start
	}
	if (needed == 0 || slicelength != needed) && a.views.busy() {
		return t.raise(BufferErrorType, "cannot resize an array that is exporting buffers")
	}
	n := a.n()
	switch {
	case step == 1:
		if slicelength != needed {
			tail := append([]byte(nil), a.data[stop*sz:]...)
			if err := a.resize(t, n+needed-slicelength); err != nil {
				return err
			}
			copy(a.data[(start+needed)*sz:], tail)
		}
		copy(a.data[start*sz:], other)
		return nil
	case needed == 0:
		drop := make([]bool, n)
		for i, cur := 0, start; i < slicelength; i, cur = i+1, cur+step {
			drop[cur] = true
		}
		w := 0
		for i := 0; i < n; i++ {
			if !drop[i] {
				copy(a.data[w*sz:(w+1)*sz], a.data[i*sz:(i+1)*sz])
				w++
			}
		}
		return a.resize(t, n-slicelength)
	default:
		if needed != slicelength {
			return t.valueErrorf("attempt to assign array of size %d to extended slice of size %d", needed, slicelength)
		}
		for i, cur := 0, start; i < slicelength; i, cur = i+1, cur+step {
			copy(a.data[cur*sz:(cur+1)*sz], other[i*sz:(i+1)*sz])
		}
		return nil
	}
}

// compareItems compares the items of two arrays of the same typecode by
// their machine values (the compareitems fast path): -1, 0 or 1 over the
// common length.
func compareItems(a, b *Array) int {
	n := min(a.n(), b.n())
	for i := 0; i < n; i++ {
		x, y := a.raw(i), b.raw(i)
		if x == y {
			continue
		}
		less := x < y
		switch a.d.kind {
		case 's':
			shift := 64 - 8*a.d.size
			less = int64(x<<shift)>>shift < int64(y<<shift)>>shift
		case 'c':
			if a.d.tc == 'u' {
				less = int32(uint32(x)) < int32(uint32(y))
			}
		}
		if less {
			return -1
		}
		return 1
	}
	return 0
}

// arrayCompare is array_richcompare.
func arrayCompare(t *Thread, v, w Value, op CompareOp) (Value, error) {
	va, ok1 := v.o.(*Array)
	wa, ok2 := w.o.(*Array)
	if !ok1 || !ok2 {
		return NotImplemented, nil
	}
	vs, ws := va.n(), wa.n()
	if vs != ws && (op == EQ || op == NE) {
		return Bool(op == NE), nil
	}
	sizes := func() Value {
		switch op {
		case LT:
			return Bool(vs < ws)
		case LE:
			return Bool(vs <= ws)
		case EQ:
			return True
		case NE:
			return False
		case GT:
			return Bool(vs > ws)
		}
		return Bool(vs >= ws)
	}
	if va.d == wa.d && va.d.kind != 'f' {
		r := compareItems(va, wa)
		if r == 0 {
			return sizes(), nil
		}
		switch op {
		case LT:
			return Bool(r < 0), nil
		case LE:
			return Bool(r <= 0), nil
		case EQ:
			return False, nil
		case NE:
			return True, nil
		case GT:
			return Bool(r > 0), nil
		}
		return Bool(r >= 0), nil
	}
	for i := 0; i < vs && i < ws; i++ {
		vi, err := va.get(t, i)
		if err != nil {
			return Null, err
		}
		wi, err := wa.get(t, i)
		if err != nil {
			return Null, err
		}
		var eq bool
		if vi.IsFloat() || wi.IsFloat() {
			r, err := RichCompare(t, vi, wi, EQ)
			if err != nil {
				return Null, err
			}
			if eq, err = Truth(t, r); err != nil {
				return Null, err
			}
		} else if eq, err = RichCompareBool(t, vi, wi, EQ); err != nil {
			return Null, err
		}
		if !eq {
			switch op {
			case EQ:
				return False, nil
			case NE:
				return True, nil
			}
			return RichCompare(t, vi, wi, op)
		}
	}
	return sizes(), nil
}

// arrayName is the type's __name__ for repr.
func arrayRepr(t *Thread, v Value) (Value, error) {
	a := v.o.(*Array)
	name := shortName(v.Type())
	if a.n() == 0 {
		return NewStrValue(name + "('" + string(a.d.tc) + "')"), nil
	}
	var inner Value
	if a.d.kind == 'c' {
		s, err := a.tounicode(t)
		if err != nil {
			return Null, err
		}
		inner = Value{o: s}
	} else {
		l, err := a.tolist(t)
		if err != nil {
			return Null, err
		}
		inner = Value{o: l}
	}
	r, err := Repr(t, inner)
	if err != nil {
		return Null, err
	}
	var b strings.Builder
	b.WriteString(name)
	b.WriteString("('")
	b.WriteByte(a.d.tc)
	b.WriteString("', ")
	b.WriteString(r.s)
	b.WriteString(")")
	return NewStrValue(b.String()), nil
}

// exactPositional checks a clinic call with only positional parameters
// and a defining class: "f() takes exactly N positional argument(s)".
func exactPositional(t *Thread, name string, args []Value, kw []*Str, n int) error {
	if len(kw) > 0 {
		return t.typeErrorf("%s() takes no keyword arguments", name)
	}
	if len(args) != n {
		return t.typeErrorf("%s() takes exactly %d positional argument%s (%d given)", name, n, plural(n), len(args))
	}
	return nil
}

// ssizeArg is a clinic Py_ssize_t argument.
func ssizeArg(t *Thread, v Value) (int, error) {
	i, err := Index(t, v)
	if err != nil {
		return 0, err
	}
	n, ok := smallIntOf(i)
	if !ok {
		return 0, t.raise(OverflowErrorType, "Python int too large to convert to C ssize_t")
	}
	return int(n), nil
}

func setupArray() {
	at := ArrayType
	at.hashNone = true
	weakrefableNative[at] = true
	at.Dict.SetStr("__doc__", NewStrValue(arrayTypeDoc))
	at.New = arrayNew
	at.Repr = arrayRepr
	at.Len = func(t *Thread, v Value) (int, error) { return v.o.(*Array).n(), nil }
	at.GetItem = arraySubscript
	at.SetItem = arrayAssSubscript
	at.Compare = arrayCompare
	at.Iter = func(t *Thread, v Value) (Value, error) {
		return Value{o: &arrayIter{ObjectBase: ObjectBase{cls: arrayIterType}, a: v.o.(*Array)}}, nil
	}
	at.Contains = func(t *Thread, v, x Value) (bool, error) {
		i, err := v.o.(*Array).find(t, x, 0, math.MaxInt)
		return i >= 0, err
	}
	at.SqConcat = func(t *Thread, x, y Value) (Value, error) {
		a := x.o.(*Array)
		b, ok := y.o.(*Array)
		if !ok {
			return Null, t.typeErrorf("can only append array (not \"%s\") to array", typeName(y))
		}
		if a.d != b.d {
			return Null, t.typeErrorf("bad argument type for built-in operation")
		}
		r := newArray(ArrayType, a.d, a.n()+b.n())
		copy(r.data, a.data)
		copy(r.data[len(a.data):], b.data)
		return Value{o: r}, nil
	}
	at.SqRepeat = func(t *Thread, v Value, n int) (Value, error) {
		a := v.o.(*Array)
		n = max(n, 0)
		if a.n() != 0 && n > math.MaxInt64/8/len(a.data) {
			return Null, t.raise(MemoryErrorType, "")
		}
		r := newArray(ArrayType, a.d, a.n()*n)
		for i := 0; i < n; i++ {
			copy(r.data[i*len(a.data):], a.data)
		}
		return Value{o: r}, nil
	}
	at.SqInplaceConcat = func(t *Thread, x, y Value) (Value, error) {
		if _, ok := y.o.(*Array); !ok {
			return Null, t.typeErrorf("can only extend array with array (not \"%s\")", typeName(y))
		}
		return x, x.o.(*Array).extend(t, y)
	}
	at.SqInplaceRepeat = func(t *Thread, v Value, n int) (Value, error) {
		a := v.o.(*Array)
		if a.n() > 0 {
			n = max(n, 0)
			if n > math.MaxInt64/8/len(a.data) {
				return Null, t.raise(MemoryErrorType, "")
			}
			items := append([]byte(nil), a.data...)
			if err := a.resize(t, a.n()*n); err != nil {
				return Null, err
			}
			for i := 0; i < n; i++ {
				copy(a.data[i*len(items):], items)
			}
		}
		return v, nil
	}
	defGetSet(at, "typecode", func(t *Thread, self Value) (Value, error) {
		return NewStrValue(string(self.o.(*Array).d.tc)), nil
	}, nil)
	defGetSet(at, "itemsize", func(t *Thread, self Value) (Value, error) {
		return Int(int64(self.o.(*Array).d.size)), nil
	}, nil)
	arr := func(v Value) *Array { return v.o.(*Array) }
	meth := func(name, doc string, fn BuiltinFunc) MethodDef { return MethodDef{Name: name, Doc: doc, Fn: fn} }
	methO := func(name, doc string, fn func(t *Thread, a *Array, x Value) (Value, error)) MethodDef {
		return meth(name, doc, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "array."+name, args, kw); err != nil {
				return Null, err
			}
			return fn(t, arr(self), args[0])
		})
	}
	noArg := func(name, doc string, fn func(t *Thread, self Value, a *Array) (Value, error)) MethodDef {
		return meth(name, doc, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "array."+name, args, kw); err != nil {
				return Null, err
			}
			return fn(t, self, arr(self))
		})
	}
	defMethods(at,
		methO("append", "Append new value v to the end of the array.", func(t *Thread, a *Array, x Value) (Value, error) {
			return None, a.insert(t, a.n(), x)
		}),
		noArg("buffer_info", "Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents.\n\nThe length should be multiplied by the itemsize attribute to calculate\nthe buffer length in bytes.", func(t *Thread, self Value, a *Array) (Value, error) {
			addr := int64(0)
			if a.allocated > 0 {
				addr = identityOf(self)
			}
			return Value{o: NewTuple(Int(addr), Int(int64(a.n())))}, nil
		}),
		noArg("byteswap", "Byteswap all items of the array.\n\nIf the items in the array are not 1, 2, 4, or 8 bytes in size, RuntimeError is\nraised.", func(t *Thread, self Value, a *Array) (Value, error) {
			sz := a.d.size
			for p := 0; p+sz <= len(a.data); p += sz {
				item := a.data[p : p+sz]
				for i, j := 0, sz-1; i < j; i, j = i+1, j-1 {
					item[i], item[j] = item[j], item[i]
				}
			}
			return None, nil
		}),
		noArg("clear", "Remove all items from the array.", func(t *Thread, self Value, a *Array) (Value, error) {
			return None, a.resize(t, 0)
		}),
		noArg("__copy__", "Return a copy of the array.", func(t *Thread, self Value, a *Array) (Value, error) {
			return Value{o: a.copyOf(0, a.n())}, nil
		}),
		methO("count", "Return number of occurrences of v in the array.", func(t *Thread, a *Array, x Value) (Value, error) {
			count := 0
			for from := 0; ; count++ {
				i, err := a.find(t, x, from, math.MaxInt)
				if err != nil {
					return Null, err
				}
				if i < 0 {
					return Int(int64(count)), nil
				}
				from = i + 1
			}
		}),
		methO("__deepcopy__", "Return a copy of the array.", func(t *Thread, a *Array, x Value) (Value, error) {
			return Value{o: a.copyOf(0, a.n())}, nil
		}),
		meth("extend", "Append items to the end of the array.", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := exactPositional(t, "extend", args, kw, 1); err != nil {
				return Null, err
			}
			return None, arr(self).extend(t, args[0])
		}),
		meth("fromfile", "Read n objects from the file object f and append them to the end of the array.", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := exactPositional(t, "fromfile", args, kw, 2); err != nil {
				return Null, err
			}
			a := arr(self)
			n, err := ssizeArg(t, args[1])
			if err != nil {
				return Null, err
			}
			if n < 0 {
				return Null, t.valueErrorf("negative count")
			}
			if n > math.MaxInt64/a.d.size {
				return Null, t.raise(MemoryErrorType, "")
			}
			nbytes := n * a.d.size
			b, err := callMethodName(t, args[0], "read", Int(int64(nbytes)))
			if err != nil {
				return Null, err
			}
			bs, ok := b.o.(*Bytes)
			if !ok {
				return Null, t.typeErrorf("read() didn't return bytes")
			}
			if err := a.frombytes(t, bs.b); err != nil {
				return Null, err
			}
			if len(bs.b) != nbytes {
				return Null, t.raise(EOFErrorType, "read() didn't return enough bytes")
			}
			return None, nil
		}),
		methO("fromlist", "Append items to array from list.", func(t *Thread, a *Array, x Value) (Value, error) {
			l, ok := x.o.(*List)
			if !ok {
				return Null, t.typeErrorf("arg must be list")
			}
			n := len(l.items)
			if n == 0 {
				return None, nil
			}
			old := a.n()
			if err := a.resize(t, old+n); err != nil {
				return Null, err
			}
			for i := 0; i < n; i++ {
				if err := a.set(t, old+i, l.items[i]); err != nil {
					_ = a.resize(t, old)
					return Null, err
				}
				if n != len(l.items) {
					_ = a.resize(t, old)
					return Null, t.raise(RuntimeErrorType, "list changed size during iteration")
				}
			}
			return None, nil
		}),
		methO("frombytes", "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method.", func(t *Thread, a *Array, x Value) (Value, error) {
			if !isBufferObject(x) {
				return Null, t.typeErrorf("a bytes-like object is required, not '%s'", typeName(x))
			}
			if m, ok := x.o.(*MemoryView); ok {
				if err := m.check(t); err != nil {
					return Null, err
				}
				if m.itemsize != 1 {
					return Null, t.typeErrorf("a bytes-like object is required")
				}
			}
			if o, ok := x.o.(bufferExporter); ok {
				if _, size, _ := o.bufferFormat(); size != 1 {
					return Null, t.typeErrorf("a bytes-like object is required")
				}
			}
			b, _ := bytesLike(x)
			if o, ok := x.o.(bufferExporter); ok {
				b = o.bufferData()
			}
			return None, a.frombytes(t, b)
		}),
		methO("fromunicode", "Extends this array with data from the unicode string ustr.\n\nThe array must be a unicode type array; otherwise a ValueError is raised.\nUse array.frombytes(ustr.encode(...)) to append Unicode data to an array of\nsome other type.", func(t *Thread, a *Array, x Value) (Value, error) {
			s, ok := x.o.(*Str)
			if !ok {
				return Null, t.typeErrorf("fromunicode() argument must be str, not %s", typeName(x))
			}
			if a.d.kind != 'c' {
				return Null, t.valueErrorf("fromunicode() may only be called on unicode type arrays ('u' or 'w')")
			}
			return None, a.fromStr(t, s)
		}),
		meth("index", "Return index of first occurrence of v in the array.\n\nRaise ValueError if the value is not present.", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "index", args, kw, 1, 3); err != nil {
				return Null, err
			}
			a := arr(self)
			start, stop := 0, math.MaxInt
			var err error
			if len(args) > 1 {
				if start, err = sliceIndexNotNone(t, args[1]); err != nil {
					return Null, err
				}
			}
			if len(args) > 2 {
				if stop, err = sliceIndexNotNone(t, args[2]); err != nil {
					return Null, err
				}
			}
			if start < 0 {
				start = max(start+a.n(), 0)
			}
			if stop < 0 {
				stop += a.n()
			}
			i, err := a.find(t, args[0], start, stop)
			if err != nil {
				return Null, err
			}
			if i >= 0 {
				return Int(int64(i)), nil
			}
			return Null, t.valueErrorf("array.index(x): x not in array")
		}),
		meth("insert", "Insert a new item v into the array before position i.", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "insert", args, kw, 2, 2); err != nil {
				return Null, err
			}
			i, err := ssizeArg(t, args[0])
			if err != nil {
				return Null, err
			}
			return None, arr(self).insert(t, i, args[1])
		}),
		meth("pop", "Return the i-th element and delete it from the array.\n\ni defaults to -1.", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "pop", args, kw, 0, 1); err != nil {
				return Null, err
			}
			a := arr(self)
			i := -1
			if len(args) == 1 {
				var err error
				if i, err = ssizeArg(t, args[0]); err != nil {
					return Null, err
				}
			}
			n := a.n()
			if n == 0 {
				return Null, t.raise(IndexErrorType, "pop from empty array")
			}
			if i < 0 {
				i += n
			}
			if i < 0 || i >= n {
				return Null, t.raise(IndexErrorType, "pop index out of range")
			}
			v, err := a.get(t, i)
			if err != nil {
				return Null, err
			}
			if err := a.delSlice(t, i, i+1); err != nil {
				return Null, err
			}
			return v, nil
		}),
		meth("__reduce_ex__", "Return state information for pickling.", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := exactPositional(t, "__reduce_ex__", args, kw, 1); err != nil {
				return Null, err
			}
			return arrayReduceEx(t, self, args[0])
		}),
		methO("remove", "Remove the first occurrence of v in the array.", func(t *Thread, a *Array, x Value) (Value, error) {
			i, err := a.find(t, x, 0, math.MaxInt)
			if err != nil {
				return Null, err
			}
			if i < 0 {
				return Null, t.valueErrorf("array.remove(x): x not in array")
			}
			return None, a.delSlice(t, i, i+1)
		}),
		noArg("reverse", "Reverse the order of the items in the array.", func(t *Thread, self Value, a *Array) (Value, error) {
			sz := a.d.size
			tmp := make([]byte, sz)
			for i, j := 0, a.n()-1; i < j; i, j = i+1, j-1 {
				copy(tmp, a.data[i*sz:(i+1)*sz])
				copy(a.data[i*sz:(i+1)*sz], a.data[j*sz:(j+1)*sz])
				copy(a.data[j*sz:(j+1)*sz], tmp)
			}
			return None, nil
		}),
		meth("tofile", "Write all items (as machine values) to the file object f.", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := exactPositional(t, "tofile", args, kw, 1); err != nil {
				return Null, err
			}
			a := arr(self)
			const block = 64 * 1024
			for off := 0; off < len(a.data); off += block {
				end := min(off+block, len(a.data))
				chunk := append([]byte(nil), a.data[off:end]...)
				if _, err := callMethodName(t, args[0], "write", Value{o: NewBytes(chunk)}); err != nil {
					return Null, err
				}
			}
			return None, nil
		}),
		noArg("tolist", "Convert array to an ordinary list with the same items.", func(t *Thread, self Value, a *Array) (Value, error) {
			l, err := a.tolist(t)
			if err != nil {
				return Null, err
			}
			return Value{o: l}, nil
		}),
		noArg("tobytes", "Convert the array to an array of machine values and return the bytes representation.", func(t *Thread, self Value, a *Array) (Value, error) {
			return Value{o: NewBytes(append([]byte(nil), a.data...))}, nil
		}),
		noArg("tounicode", "Extends this array with data from the unicode string ustr.\n\nConvert the array to a unicode string.  The array must be a unicode type array;\notherwise a ValueError is raised.  Use array.tobytes().decode() to obtain a\nunicode string from an array of some other type.", func(t *Thread, self Value, a *Array) (Value, error) {
			if a.d.kind != 'c' {
				return Null, t.valueErrorf("tounicode() may only be called on unicode type arrays ('u' or 'w')")
			}
			s, err := a.tounicode(t)
			if err != nil {
				return Null, err
			}
			return Value{o: s}, nil
		}),
		noArg("__sizeof__", "Size of the array in memory, in bytes.", func(t *Thread, self Value, a *Array) (Value, error) {
			return Int(int64(64 + 8*self.Type().nslots + a.allocated*a.d.size)), nil
		}),
		meth("__buffer__", "Return a buffer object that exposes the underlying memory of the object.", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := exactPositional(t, "__buffer__", args, kw, 1); err != nil {
				return Null, err
			}
			if _, err := intArg32(t, args[0]); err != nil {
				return Null, err
			}
			m, err := newMemoryView(t, self)
			if err != nil {
				return Null, err
			}
			return Value{o: m}, nil
		}),
		meth("__release_buffer__", "Release the buffer object that exposes the underlying memory of the object.", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := exactPositional(t, "__release_buffer__", args, kw, 1); err != nil {
				return Null, err
			}
			if _, ok := args[0].o.(*MemoryView); !ok {
				return Null, t.typeErrorf("expected a memoryview object")
			}
			return None, nil
		}),
		MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias, Doc: "See PEP 585"},
	)

	it := arrayIterType
	it.New = noInstances
	it.Iter = func(t *Thread, v Value) (Value, error) { return v, nil }
	it.Next = func(t *Thread, v Value) (Value, error) {
		ai := v.o.(*arrayIter)
		if ai.a == nil {
			return Null, nil
		}
		if ai.index < ai.a.n() {
			ai.index++
			return ai.a.get(t, ai.index-1)
		}
		ai.a = nil
		return Null, nil
	}
	defMethods(it,
		MethodDef{Name: "__reduce__", Doc: "Return state information for pickling.", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "arrayiterator.__reduce__", args, kw); err != nil {
				return Null, err
			}
			ai := self.o.(*arrayIter)
			if ai.a == nil {
				return Value{o: NewTuple(builtinIter(t), Value{o: NewTuple(Value{o: emptyTuple})})}, nil
			}
			return Value{o: NewTuple(builtinIter(t), Value{o: NewTuple(Value{o: ai.a})}, Int(int64(ai.index)))}, nil
		}},
		MethodDef{Name: "__setstate__", Doc: "Set state information for unpickling.", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "arrayiterator.__setstate__", args, kw); err != nil {
				return Null, err
			}
			ai := self.o.(*arrayIter)
			if !args[0].IsIntLike() {
				if _, ok := args[0].o.(*BigInt); !ok && !hasIndex(args[0]) {
					return Null, t.typeErrorf("an integer is required")
				}
			}
			n, err := AsSize(t, args[0], nil)
			if err != nil {
				return Null, err
			}
			if ai.a != nil {
				n = min(max(n, 0), ai.a.n())
				ai.index = n
			}
			return None, nil
		}},
	)
}

// arrayReduceEx is array.__reduce_ex__(protocol).
func arrayReduceEx(t *Thread, self, protocol Value) (Value, error) {
	a := self.o.(*Array)
	mod, err := t.importModule("array")
	if err != nil {
		return Null, err
	}
	recon, err := GetAttrString(t, mod, "_array_reconstructor")
	if err != nil {
		return Null, err
	}
	if !protocol.IsIntLike() {
		if _, ok := protocol.o.(*BigInt); !ok {
			return Null, t.typeErrorf("__reduce_ex__ argument should be an integer")
		}
	}
	proto, ok := smallIntOf(protocol)
	if !ok {
		return Null, t.raise(OverflowErrorType, "Python int too large to convert to C long")
	}
	dict, err := getAttrOpt(t, self, Intern("__dict__"))
	if err != nil {
		return Null, err
	}
	if dict.IsNull() {
		dict = None
	}
	tc := NewStrValue(string(a.d.tc))
	if proto < 3 {
		l, err := a.tolist(t)
		if err != nil {
			return Null, err
		}
		return Value{o: NewTuple(Value{o: self.Type()}, Value{o: NewTuple(tc, Value{o: l})}, dict)}, nil
	}
	data := NewBytes(append([]byte(nil), a.data...))
	return Value{o: NewTuple(recon, Value{o: NewTuple(Value{o: self.Type()}, tc, Int(int64(a.d.mformat())), Value{o: data})}, dict)}, nil
}

// arrayMformatSizes are the item sizes of the machine formats (the
// table of arraymodule.c, whose UTF-16 and UTF-32 rows say 4 and 8).
var arrayMformatSizes = [22]int{1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8, 4, 4, 8, 8, 4, 4, 8, 8}

// arrayReconstructor is array._array_reconstructor.
func arrayReconstructor(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [4]Value
	if err := clinicArgs(t, &arrayReconstructorSpec, args, kw, a[:]); err != nil {
		return Null, err
	}
	tcs, ok := a[1].o.(*Str)
	if !ok || tcs.Len() != 1 {
		return Null, t.typeErrorf("_array_reconstructor() argument 2 must be a unicode character, not %s", typeName(a[1]))
	}
	mf, err := intArg32(t, a[2])
	if err != nil {
		return Null, err
	}
	tp, ok := a[0].o.(*Type)
	if !ok {
		return Null, t.typeErrorf("first argument must be a type object, not %s", typeName(a[0]))
	}
	if !tp.IsSubtype(ArrayType) {
		return Null, t.typeErrorf("%s is not a subtype of array.array", tp.Name)
	}
	tc := tcs.At(0)
	d := arrayDescrOf(tc)
	if d == nil {
		return Null, t.valueErrorf("second argument must be a valid type code")
	}
	if mf < 0 || mf > 21 {
		return Null, t.valueErrorf("third argument must be a valid machine format code.")
	}
	items, ok := a[3].o.(*Bytes)
	if !ok {
		return Null, t.typeErrorf("fourth argument should be bytes, not %s", typeName(a[3]))
	}
	if mf == d.mformat() {
		return makeArray(t, tp, tc, a[3])
	}
	size := arrayMformatSizes[mf]
	if len(items.b)%size != 0 {
		return Null, t.valueErrorf("string length not a multiple of item size")
	}
	b := items.b
	var conv Value
	switch {
	case mf == 14 || mf == 15 || mf == 16 || mf == 17:
		n := len(b) / size
		vals := make([]Value, n)
		for i := range vals {
			p := b[i*size : (i+1)*size]
			var bits uint64
			if mf%2 == 0 {
				bits = leUint(p)
			} else {
				bits = beUint(p)
			}
			if size == 4 {
				vals[i] = Float(float64(math.Float32frombits(uint32(bits))))
			} else {
				vals[i] = Float(math.Float64frombits(bits))
			}
		}
		conv = Value{o: NewList(vals...)}
	case mf >= 18:
		enc := map[int]string{18: "utf-16-le", 19: "utf-16-be", 20: "utf-32-le", 21: "utf-32-be"}[mf]
		codecs, err := t.importModule("codecs")
		if err != nil {
			return Null, err
		}
		dec, err := GetAttrString(t, codecs, "decode")
		if err != nil {
			return Null, err
		}
		if conv, err = t.Call(dec, []Value{a[3], NewStrValue(enc)}, nil); err != nil {
			return Null, err
		}
	default:
		signed := mf == 1 || (mf >= 4 && mf <= 5) || (mf >= 8 && mf <= 9) || (mf >= 12 && mf <= 13)
		for _, cand := range arrayDescrs {
			if (cand.kind == 's' || cand.kind == 'u') && cand.size == size && (cand.kind == 's') == signed {
				tc = rune(cand.tc)
			}
		}
		n := len(b) / size
		vals := make([]Value, n)
		for i := range vals {
			p := b[i*size : (i+1)*size]
			var bits uint64
			if mf < 2 || mf%2 == 0 {
				bits = leUint(p)
			} else {
				bits = beUint(p)
			}
			switch {
			case signed:
				shift := 64 - 8*size
				vals[i] = Int(int64(bits<<shift) >> shift)
			case bits > math.MaxInt64:
				vals[i] = NewBigInt(new(big.Int).SetUint64(bits))
			default:
				vals[i] = Int(int64(bits))
			}
		}
		conv = Value{o: NewList(vals...)}
	}
	return makeArray(t, tp, tc, conv)
}

func leUint(p []byte) uint64 {
	var v uint64
	for i := len(p) - 1; i >= 0; i-- {
		v = v<<8 | uint64(p[i])
	}
	return v
}

func beUint(p []byte) uint64 {
	var v uint64
	for _, c := range p {
		v = v<<8 | uint64(c)
	}
	return v
}

func initArrayModule(t *Thread, m *Module) error {
	m.Set("__doc__", NewStrValue(arrayModuleDoc))
	m.Set("typecodes", NewStrValue("bBuwhHiIlLqQfd"))
	m.addType(ArrayType)
	m.Set("ArrayType", Value{o: ArrayType})
	addFuncDoc(m, "_array_reconstructor", "Internal. Used for pickling support.", arrayReconstructor)
	// As array_modexec: register array.array as a MutableSequence. Without
	// the standard library (collections.abc) the registration is skipped.
	abc, err := t.importModule("collections.abc")
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(ImportErrorType) {
			return nil
		}
		return err
	}
	ms, err := GetAttrString(t, abc, "MutableSequence")
	if err != nil {
		return err
	}
	_, err = callMethodName(t, ms, "register", Value{o: ArrayType})
	return err
}
