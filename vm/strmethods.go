package vm

import (
	"strings"
)

// The methods of str that search, split, join, strip, pad and translate
// (Objects/unicodeobject.c and Objects/stringlib). They work on the
// generalized UTF-8 bytes of the text wherever they can, and turn byte
// offsets into code point indexes only at the edges, so that ASCII and
// non-ASCII text take the same paths. Their argument errors follow each
// method's CPython parser: METH_NOARGS and METH_O methods say
// "str.m() takes …", the PyArg_ParseTuple ones "m expected …", the
// Argument Clinic ones "m() takes at most …".

func init() {
	onSetup(setupStrMethods)
}

// strSelf returns the *Str a method of str is bound to.
func strSelf(v Value) *Str { return v.o.(*Str) }

// posArgs checks the arguments of a method that takes lo..hi positional
// arguments and no keywords, with the messages of PyArg_UnpackTuple and
// _PyArg_CheckPositional ("center expected at least 1 argument, got 0").
func posArgs(t *Thread, owner, name string, args []Value, kw []*Str, lo, hi int) error {
	if len(kw) > 0 {
		return t.typeErrorf("%s.%s() takes no keyword arguments", owner, name)
	}
	n := len(args)
	switch {
	case n < lo && lo == hi:
		return t.typeErrorf("%s expected %d argument%s, got %d", name, lo, plural(lo), n)
	case n < lo:
		return t.typeErrorf("%s expected at least %d argument%s, got %d", name, lo, plural(lo), n)
	case n > hi && lo == hi:
		return t.typeErrorf("%s expected %d argument%s, got %d", name, hi, plural(hi), n)
	case n > hi:
		return t.typeErrorf("%s expected at most %d argument%s, got %d", name, hi, plural(hi), n)
	}
	return nil
}

// optIndex returns the value of an optional slice-index argument (a start
// or end of find, count, startswith…): def when it is absent or None.
func optIndex(t *Thread, args []Value, i, def int) (int, error) {
	if i >= len(args) || args[i].IsNone() {
		return def, nil
	}
	return sliceIndex(t, args[i])
}

// startEnd reads the optional start and end arguments at args[i] and
// args[i+1] and clamps them to a sequence of length n as CPython's
// ADJUST_INDICES does (start may end up past end).
func startEnd(t *Thread, args []Value, i, n int) (int, int, error) {
	start, err := optIndex(t, args, i, 0)
	if err != nil {
		return 0, 0, err
	}
	end, err := optIndex(t, args, i+1, n)
	if err != nil {
		return 0, 0, err
	}
	start, end = adjustStartEnd(start, end, n)
	return start, end, nil
}

func adjustStartEnd(start, end, n int) (int, int) {
	if end > n {
		end = n
	} else if end < 0 {
		end += n
		if end < 0 {
			end = 0
		}
	}
	if start < 0 {
		start += n
		if start < 0 {
			start = 0
		}
	}
	return start, end
}

// sizeArg converts an argument to a Py_ssize_t (PyNumber_AsSsize_t with
// OverflowError): "'str' object cannot be interpreted as an integer".
func sizeArg(t *Thread, v Value) (int, error) {
	if v.IsSmallInt() {
		return int(v.SmallInt()), nil
	}
	if !hasIndex(v) {
		return 0, t.typeErrorf("'%s' object cannot be interpreted as an integer", typeName(v))
	}
	i, err := Index(t, v)
	if err != nil {
		return 0, err
	}
	if i.IsSmallInt() {
		return int(i.SmallInt()), nil
	}
	return 0, t.raise(OverflowErrorType, "Python int too large to convert to C ssize_t")
}

// strFind returns the code point index of the first (or, with last, the
// last) occurrence of sub in s[start:end], or -1.
func strFind(s, sub *Str, start, end int, last bool) int {
	if start > s.n || end-start < sub.n {
		return -1
	}
	if sub.n == 0 {
		if last {
			return end
		}
		return start
	}
	bs, be := s.byteOff(start), s.byteOff(end)
	var i int
	if last {
		i = strings.LastIndex(s.s[bs:be], sub.s)
	} else {
		i = strings.Index(s.s[bs:be], sub.s)
	}
	if i < 0 {
		return -1
	}
	if s.ascii {
		return bs + i
	}
	return start + countCodePoints(s.s[bs:bs+i])
}

// strCount counts the non-overlapping occurrences of sub in s[start:end].
func strCount(s, sub *Str, start, end int) int {
	if start > s.n || end < start {
		return 0
	}
	if sub.n == 0 {
		return end - start + 1
	}
	return strings.Count(s.s[s.byteOff(start):s.byteOff(end)], sub.s)
}

// strArgOf returns the str an argument must be, or CPython's
// "m() argument N must be str, not int".
func strArgOf(t *Thread, fname string, pos int, v Value) (*Str, error) {
	if s, ok := v.o.(*Str); ok {
		return s, nil
	}
	return nil, badArgument(t, fname, pos, "str", v)
}

// badArgument is Argument Clinic's _PyArg_BadArgument: "f() argument 1
// must be str, not int" (None is named None, not NoneType).
func badArgument(t *Thread, fname string, pos int, want string, got Value) error {
	return t.typeErrorf("%s() argument %d must be %s, not %s", fname, pos, want, clinicTypeName(got))
}

// clinicTypeName is how Argument Clinic's messages name the type of v.
func clinicTypeName(v Value) string {
	if v.IsNone() {
		return "None"
	}
	return typeName(v)
}

// findMethod is find, rfind, index and rindex.
func findMethod(name string, last, raise bool) MethodDef {
	return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := posArgs(t, "str", name, args, kw, 1, 3); err != nil {
			return Null, err
		}
		s := strSelf(self)
		sub, err := strArgOf(t, name, 1, args[0])
		if err != nil {
			return Null, err
		}
		start, end, err := startEnd(t, args, 1, s.n)
		if err != nil {
			return Null, err
		}
		i := strFind(s, sub, start, end, last)
		if i < 0 && raise {
			return Null, t.valueErrorf("substring not found")
		}
		return Int(int64(i)), nil
	}}
}

// affixMethod is startswith and endswith.
func affixMethod(name string, suffix bool) MethodDef {
	return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := posArgs(t, "str", name, args, kw, 1, 3); err != nil {
			return Null, err
		}
		s := strSelf(self)
		start, end, err := startEnd(t, args, 1, s.n)
		if err != nil {
			return Null, err
		}
		match := func(sub *Str) bool {
			if end-start < sub.n || start > s.n {
				return false
			}
			if sub.n == 0 {
				return true
			}
			if suffix {
				return strings.HasSuffix(s.s[:s.byteOff(end)], sub.s)
			}
			return strings.HasPrefix(s.s[s.byteOff(start):], sub.s)
		}
		if tu, ok := args[0].o.(*Tuple); ok {
			for _, it := range tu.items {
				sub, ok := it.o.(*Str)
				if !ok {
					return Null, t.typeErrorf("tuple for %s must only contain str, not %s", name, typeName(it))
				}
				if match(sub) {
					return True, nil
				}
			}
			return False, nil
		}
		sub, ok := args[0].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("%s first arg must be str or a tuple of str, not %s", name, typeName(args[0]))
		}
		return Bool(match(sub)), nil
	}}
}

var splitSpec = ArgSpec{Name: "split", Params: []string{"sep", "maxsplit"}}
var rsplitSpec = ArgSpec{Name: "rsplit", Params: []string{"sep", "maxsplit"}}

// splitArgs parses (sep=None, maxsplit=-1).
func splitArgs(t *Thread, spec *ArgSpec, args []Value, kw []*Str) (sep Value, maxsplit int, err error) {
	var a [2]Value
	if err = spec.Parse(t, args, kw, a[:]); err != nil {
		return
	}
	sep, maxsplit = a[0], -1
	if !a[1].IsNull() {
		if maxsplit, err = sizeArg(t, a[1]); err != nil {
			return
		}
	}
	if sep.IsNull() {
		sep = None
	}
	return
}

// spansList makes the list of the parts of s whose byte offsets are the
// pairs of spans. The parts share one allocation (a slab of Strs), as
// split and splitlines make many at once; one-character parts are the
// cached ones and a part that is all of an exact str is s itself.
func (s *Str) spansList(spans []int) Value {
	n := len(spans) / 2
	items := make([]Value, n)
	var slab []Str
	for k := 0; k < n; k++ {
		i, j := spans[2*k], spans[2*k+1]
		switch {
		case i == 0 && j == len(s.s) && s.cls == StrType:
			items[k] = Value{o: s}
		case j-i == 1 && s.s[i] < 0x80:
			items[k] = Value{o: charStr(rune(s.s[i]))}
		default:
			if slab == nil {
				slab = make([]Str, n-k)
			}
			st := &slab[0]
			slab = slab[1:]
			st.cls, st.s, st.hash = StrType, s.s[i:j], -1
			if s.ascii {
				st.n = j - i
			} else {
				st.n = countCodePoints(st.s)
			}
			st.ascii = st.n == j-i
			items[k] = Value{o: st}
		}
	}
	return Value{o: NewList(items...)}
}

// reverseSpans reverses the order of the pairs of spans.
func reverseSpans(spans []int) {
	for a, b := 0, len(spans)-2; a < b; a, b = a+2, b-2 {
		spans[a], spans[a+1], spans[b], spans[b+1] = spans[b], spans[b+1], spans[a], spans[a+1]
	}
}

// part returns the str of the bytes s[i:j] of self: self when that is
// all of it and it is an exact str.
func (s *Str) part(i, j int) *Str {
	if i == 0 && j == len(s.s) && s.cls == StrType {
		return s
	}
	if s.ascii {
		if j-i == 1 {
			return charStr(rune(s.s[i]))
		}
		return newStrN(s.s[i:j], j-i)
	}
	return NewStr(s.s[i:j])
}

// decodeAt returns the code point at byte offset i of s and its size.
func (s *Str) decodeAt(i int) (rune, int) {
	c := s.s[i]
	if c < 0x80 {
		return rune(c), 1
	}
	return decodeGeneralized(s.s[i:])
}

// decodeLastAt returns the code point that ends at byte offset i of s
// and its size.
func (s *Str) decodeLastAt(i int) (rune, int) {
	c := s.s[i-1]
	if c < 0x80 {
		return rune(c), 1
	}
	j := i - 1
	for j > 0 && s.s[j]&0xC0 == 0x80 {
		j--
	}
	r, _ := decodeGeneralized(s.s[j:i])
	return r, i - j
}

// splitCap is the number of parts a split of words words makes with at
// most maxsplit splits.
func splitCap(words, maxsplit int) int {
	if maxsplit < words {
		return maxsplit + 1
	}
	return words
}

// strASCIISpace marks the ASCII characters str.isspace accepts.
var strASCIISpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, 0x1c: true, 0x1d: true, 0x1e: true, 0x1f: true, ' ': true}

// splitWhitespace is split() and rsplit() without a separator: runs of
// whitespace separate, and leading and trailing whitespace is dropped. It
// returns the byte offsets of the parts, in pairs.
func splitWhitespace(s *Str, maxsplit int, right bool) []int {
	if maxsplit < 0 {
		maxsplit = int(^uint(0) >> 1)
	}
	var spans []int
	if !right && s.ascii {
		b := s.s
		// Count the words first, to allocate once.
		words, in := 0, false
		for i := 0; i < len(b); i++ {
			sp := strASCIISpace[b[i]]
			if !sp && !in {
				words++
			}
			in = !sp
		}
		spans = make([]int, 0, 2*splitCap(words, maxsplit))
		i := 0
		for {
			for i < len(b) && strASCIISpace[b[i]] {
				i++
			}
			if i == len(b) {
				break
			}
			if maxsplit == 0 {
				spans = append(spans, i, len(b))
				break
			}
			j := i + 1
			for j < len(b) && !strASCIISpace[b[j]] {
				j++
			}
			spans = append(spans, i, j)
			maxsplit--
			i = j
		}
		return spans
	}
	if !right {
		i := 0
		for {
			for i < len(s.s) {
				r, n := s.decodeAt(i)
				if !uniIsSpace(r) {
					break
				}
				i += n
			}
			if i == len(s.s) {
				break
			}
			if maxsplit == 0 {
				// The rest, trailing whitespace included.
				spans = append(spans, i, len(s.s))
				break
			}
			j := i
			for j < len(s.s) {
				r, n := s.decodeAt(j)
				if uniIsSpace(r) {
					break
				}
				j += n
			}
			spans = append(spans, i, j)
			maxsplit--
			i = j
		}
		return spans
	}
	j := len(s.s)
	for {
		for j > 0 {
			r, n := s.decodeLastAt(j)
			if !uniIsSpace(r) {
				break
			}
			j -= n
		}
		if j == 0 {
			break
		}
		if maxsplit == 0 {
			spans = append(spans, 0, j)
			break
		}
		i := j
		for i > 0 {
			r, n := s.decodeLastAt(i)
			if uniIsSpace(r) {
				break
			}
			i -= n
		}
		spans = append(spans, i, j)
		maxsplit--
		j = i
	}
	reverseSpans(spans)
	return spans
}

// splitSep is split() and rsplit() with a separator; it returns the byte
// offsets of the parts, in pairs.
func splitSep(s, sep *Str, maxsplit int, right bool) []int {
	if maxsplit < 0 {
		maxsplit = int(^uint(0) >> 1)
	}
	var spans []int
	if !right {
		i := 0
		for maxsplit > 0 {
			k := strings.Index(s.s[i:], sep.s)
			if k < 0 {
				break
			}
			spans = append(spans, i, i+k)
			i += k + len(sep.s)
			maxsplit--
		}
		return append(spans, i, len(s.s))
	}
	j := len(s.s)
	for maxsplit > 0 {
		k := strings.LastIndex(s.s[:j], sep.s)
		if k < 0 {
			break
		}
		spans = append(spans, k+len(sep.s), j)
		j = k
		maxsplit--
	}
	spans = append(spans, 0, j)
	reverseSpans(spans)
	return spans
}

func splitMethod(name string, right bool) MethodDef {
	spec := &splitSpec
	if right {
		spec = &rsplitSpec
	}
	return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		sep, maxsplit, err := splitArgs(t, spec, args, kw)
		if err != nil {
			return Null, err
		}
		s := strSelf(self)
		if sep.IsNone() {
			return s.spansList(splitWhitespace(s, maxsplit, right)), nil
		}
		sp, ok := sep.o.(*Str)
		if !ok {
			return Null, t.typeErrorf("must be str or None, not %s", typeName(sep))
		}
		if sp.n == 0 {
			return Null, t.valueErrorf("empty separator")
		}
		return s.spansList(splitSep(s, sp, maxsplit, right)), nil
	}}
}

// strASCIILineBreak marks the ASCII characters str.splitlines breaks at.
var strASCIILineBreak = [256]bool{'\n': true, '\r': true, 0x0b: true, 0x0c: true, 0x1c: true, 0x1d: true, 0x1e: true}

// isLineBreak reports whether str.splitlines breaks at r.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', 0x0b, 0x0c, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

var splitlinesSpec = ArgSpec{Name: "splitlines", Params: []string{"keepends"}}

func strSplitlines(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [1]Value
	if err := splitlinesSpec.Parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	keep := false
	if !a[0].IsNull() {
		k, err := Truth(t, a[0])
		if err != nil {
			return Null, err
		}
		keep = k
	}
	s := strSelf(self)
	var spans []int
	if s.ascii {
		b := s.s
		for i := 0; i < len(b); {
			j := i
			for j < len(b) && !strASCIILineBreak[b[j]] {
				j++
			}
			eol := j
			if j < len(b) {
				eol++
				if b[j] == '\r' && eol < len(b) && b[eol] == '\n' {
					eol++
				}
			}
			if keep {
				spans = append(spans, i, eol)
			} else {
				spans = append(spans, i, j)
			}
			i = eol
		}
		return s.spansList(spans), nil
	}
	i := 0
	for i < len(s.s) {
		j := i
		var eol int
		for {
			if j == len(s.s) {
				eol = j
				break
			}
			r, n := s.decodeAt(j)
			if isLineBreak(r) {
				eol = j + n
				if r == '\r' && eol < len(s.s) && s.s[eol] == '\n' {
					eol++
				}
				break
			}
			j += n
		}
		if keep {
			spans = append(spans, i, eol)
		} else {
			spans = append(spans, i, j)
		}
		i = eol
	}
	return s.spansList(spans), nil
}

func strPartition(name string, right bool) MethodDef {
	return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "str."+name, args, kw); err != nil {
			return Null, err
		}
		sep, ok := args[0].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("must be str, not %s", typeName(args[0]))
		}
		if sep.n == 0 {
			return Null, t.valueErrorf("empty separator")
		}
		s := strSelf(self)
		var k int
		if right {
			k = strings.LastIndex(s.s, sep.s)
		} else {
			k = strings.Index(s.s, sep.s)
		}
		if k < 0 {
			if right {
				return Value{o: NewTuple(Value{o: emptyStr}, Value{o: emptyStr}, Value{o: s.part(0, len(s.s))})}, nil
			}
			return Value{o: NewTuple(Value{o: s.part(0, len(s.s))}, Value{o: emptyStr}, Value{o: emptyStr})}, nil
		}
		return Value{o: NewTuple(Value{o: s.part(0, k)}, Value{o: sep.part(0, len(sep.s))}, Value{o: s.part(k+len(sep.s), len(s.s))})}, nil
	}}
}

// strJoin is str.join(iterable).
func strJoin(t *Thread, sep *Str, iterable Value) (Value, error) {
	var items []Value
	switch c := iterable.o.(type) {
	case *List:
		items = c.items
	case *Tuple:
		items = c.items
	default:
		var err error
		items, err = t.collectIterable(iterable, func() error {
			return t.typeErrorf("can only join an iterable")
		})
		if err != nil {
			return Null, err
		}
	}
	switch len(items) {
	case 0:
		return Value{o: emptyStr}, nil
	case 1:
		if s, ok := items[0].o.(*Str); ok && s.cls == StrType {
			return items[0], nil
		}
	}
	size := len(sep.s) * (len(items) - 1)
	n := sep.n * (len(items) - 1)
	for i, it := range items {
		s, ok := it.o.(*Str)
		if !ok {
			return Null, t.typeErrorf("sequence item %d: expected str instance, %s found", i, typeName(it))
		}
		size += len(s.s)
		n += s.n
	}
	var b strings.Builder
	b.Grow(size)
	for i, it := range items {
		if i > 0 {
			b.WriteString(sep.s)
		}
		b.WriteString(it.o.(*Str).s)
	}
	return Value{o: newStrN(b.String(), n)}, nil
}

// stripMethod is strip, lstrip and rstrip.
func stripMethod(name string, left, right bool) MethodDef {
	return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := posArgs(t, "str", name, args, kw, 0, 1); err != nil {
			return Null, err
		}
		s := strSelf(self)
		if s.ascii && (len(args) == 0 || args[0].IsNone()) {
			i, j := 0, len(s.s)
			if left {
				for i < j && strASCIISpace[s.s[i]] {
					i++
				}
			}
			if right {
				for j > i && strASCIISpace[s.s[j-1]] {
					j--
				}
			}
			return Value{o: s.part(i, j)}, nil
		}
		in := uniIsSpace
		if len(args) == 1 && !args[0].IsNone() {
			chars, ok := args[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("%s arg must be None or str", name)
			}
			if chars.ascii {
				if s.ascii {
					// Both ASCII: a byte set.
					var set [128]bool
					for k := 0; k < len(chars.s); k++ {
						set[chars.s[k]] = true
					}
					i, j := 0, len(s.s)
					if left {
						for i < j && set[s.s[i]] {
							i++
						}
					}
					if right {
						for j > i && set[s.s[j-1]] {
							j--
						}
					}
					return Value{o: s.part(i, j)}, nil
				}
				in = func(r rune) bool { return r < 0x80 && strings.IndexByte(chars.s, byte(r)) >= 0 }
			} else {
				rs := chars.Runes()
				in = func(r rune) bool {
					for _, c := range rs {
						if c == r {
							return true
						}
					}
					return false
				}
			}
		}
		i, j := 0, len(s.s)
		if left {
			for i < j {
				r, n := s.decodeAt(i)
				if !in(r) {
					break
				}
				i += n
			}
		}
		if right {
			for j > i {
				r, n := s.decodeLastAt(j)
				if !in(r) {
					break
				}
				j -= n
			}
		}
		return Value{o: s.part(i, j)}, nil
	}}
}

// fillArg reads the optional fill character of center, ljust and rjust.
func fillArg(t *Thread, args []Value, i int) (rune, error) {
	if i >= len(args) {
		return ' ', nil
	}
	f, ok := args[i].o.(*Str)
	if !ok {
		return 0, t.typeErrorf("The fill character must be a unicode character, not %s", typeName(args[i]))
	}
	if f.n != 1 {
		return 0, t.typeErrorf("The fill character must be exactly one character long")
	}
	return f.At(0), nil
}

// strPad returns s with left and right copies of fill around it.
func strPad(t *Thread, s *Str, left, right int, fill rune) (Value, error) {
	if left <= 0 && right <= 0 && s.cls == StrType {
		return Value{o: s}, nil
	}
	left, right = max(left, 0), max(right, 0)
	if left+right+s.n > maxStrLen {
		return Null, NewException(MemoryErrorType)
	}
	f := string(appendRune(nil, fill))
	var b strings.Builder
	b.Grow(len(f)*(left+right) + len(s.s))
	for i := 0; i < left; i++ {
		b.WriteString(f)
	}
	b.WriteString(s.s)
	for i := 0; i < right; i++ {
		b.WriteString(f)
	}
	return Value{o: newStrN(b.String(), s.n+left+right)}, nil
}

// maxStrLen bounds the length of a str the methods build (CPython fails
// with MemoryError past PY_SSIZE_T_MAX / kind; a Go allocation that large
// would abort the process).
const maxStrLen = 1 << 40

func padMethod(name string) MethodDef {
	return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := posArgs(t, "str", name, args, kw, 1, 2); err != nil {
			return Null, err
		}
		width, err := sizeArg(t, args[0])
		if err != nil {
			return Null, err
		}
		fill, err := fillArg(t, args, 1)
		if err != nil {
			return Null, err
		}
		s := strSelf(self)
		marg := width - s.n
		switch name {
		case "ljust":
			return strPad(t, s, 0, marg, fill)
		case "rjust":
			return strPad(t, s, marg, 0, fill)
		}
		if marg <= 0 {
			return strPad(t, s, 0, 0, fill)
		}
		left := marg/2 + (marg & width & 1)
		return strPad(t, s, left, marg-left, fill)
	}}
}

func strZfill(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := oneArg(t, "str.zfill", args, kw); err != nil {
		return Null, err
	}
	width, err := sizeArg(t, args[0])
	if err != nil {
		return Null, err
	}
	s := strSelf(self)
	fill := width - s.n
	if fill <= 0 {
		return strPad(t, s, 0, 0, '0')
	}
	if width > maxStrLen {
		return Null, NewException(MemoryErrorType)
	}
	var b strings.Builder
	b.Grow(len(s.s) + fill)
	rest := s.s
	if len(rest) > 0 && (rest[0] == '+' || rest[0] == '-') {
		b.WriteByte(rest[0])
		rest = rest[1:]
	}
	for i := 0; i < fill; i++ {
		b.WriteByte('0')
	}
	b.WriteString(rest)
	return Value{o: newStrN(b.String(), width)}, nil
}

var expandtabsSpec = ArgSpec{Name: "expandtabs", Params: []string{"tabsize"}}

func strExpandtabs(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [1]Value
	if err := expandtabsSpec.Parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	tab := 8
	if !a[0].IsNull() {
		n, err := sizeArg(t, a[0])
		if err != nil {
			return Null, err
		}
		tab = n
	}
	s := strSelf(self)
	if strings.IndexByte(s.s, '\t') < 0 {
		return strPad(t, s, 0, 0, ' ')
	}
	var b strings.Builder
	col, n := 0, 0
	for i := 0; i < len(s.s); {
		r, size := s.decodeAt(i)
		switch r {
		case '\t':
			if tab > 0 {
				k := tab - col%tab
				if n+k > maxStrLen {
					return Null, t.raise(OverflowErrorType, "new string is too long")
				}
				for ; k > 0; k-- {
					b.WriteByte(' ')
					col++
					n++
				}
			}
		case '\n', '\r':
			b.WriteByte(byte(r))
			col = 0
			n++
		default:
			b.WriteString(s.s[i : i+size])
			col++
			n++
		}
		i += size
	}
	return Value{o: newStrN(b.String(), n)}, nil
}

var replaceSpec = ArgSpec{Name: "replace", Params: []string{"", "", "count"}, PosOnly: 2, Required: 2}

func strReplace(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [3]Value
	if err := replaceSpec.Parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	old, err := strArgOf(t, "replace", 1, a[0])
	if err != nil {
		return Null, err
	}
	repl, err := strArgOf(t, "replace", 2, a[1])
	if err != nil {
		return Null, err
	}
	count := -1
	if !a[2].IsNull() {
		if count, err = sizeArg(t, a[2]); err != nil {
			return Null, err
		}
	}
	s := strSelf(self)
	return Value{o: strReplaceN(t, s, old, repl, count)}, nil
}

// strReplaceN replaces the first count (all when negative) occurrences
// of old in s by repl.
func strReplaceN(t *Thread, s, old, repl *Str, count int) *Str {
	if count < 0 {
		count = int(^uint(0) >> 1)
	}
	if count == 0 || (old.n == 0 && s.n == 0 && false) {
		return s.part(0, len(s.s))
	}
	if old.n == 0 {
		// Insert repl before every code point and at the end.
		var b strings.Builder
		k := 0
		i := 0
		for ; i < len(s.s) && k < count; k++ {
			b.WriteString(repl.s)
			_, size := s.decodeAt(i)
			b.WriteString(s.s[i : i+size])
			i += size
		}
		if k < count {
			b.WriteString(repl.s)
			k++
		}
		b.WriteString(s.s[i:])
		return newStrN(b.String(), s.n+k*repl.n)
	}
	if !strings.Contains(s.s, old.s) {
		return s.part(0, len(s.s))
	}
	var b strings.Builder
	i, k := 0, 0
	for k < count {
		j := strings.Index(s.s[i:], old.s)
		if j < 0 {
			break
		}
		b.WriteString(s.s[i : i+j])
		b.WriteString(repl.s)
		i += j + len(old.s)
		k++
	}
	b.WriteString(s.s[i:])
	return newStrN(b.String(), s.n+k*(repl.n-old.n))
}

func affixRemover(name string, suffix bool) MethodDef {
	return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "str."+name, args, kw); err != nil {
			return Null, err
		}
		a, ok := args[0].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("%s() argument must be str, not %s", name, clinicTypeName(args[0]))
		}
		s := strSelf(self)
		if suffix {
			if a.n > 0 && strings.HasSuffix(s.s, a.s) {
				return Value{o: s.part(0, len(s.s)-len(a.s))}, nil
			}
		} else if a.n > 0 && strings.HasPrefix(s.s, a.s) {
			return Value{o: s.part(len(a.s), len(s.s))}, nil
		}
		return Value{o: s.part(0, len(s.s))}, nil
	}}
}

// strTranslate is str.translate(table): each character is looked up in
// the table (table[ord(c)]); a LookupError leaves it, None deletes it, an
// int or a str replaces it.
func strTranslate(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := oneArg(t, "str.translate", args, kw); err != nil {
		return Null, err
	}
	table := args[0]
	s := strSelf(self)
	var b []byte
	n := 0
	// Lookups of the same character repeat; cache them.
	type mapping struct {
		del bool
		out string
		n   int
	}
	cache := map[rune]mapping{}
	for i := 0; i < len(s.s); {
		r, size := s.decodeAt(i)
		i += size
		m, ok := cache[r]
		if !ok {
			v, err := GetItem(t, table, Int(int64(r)))
			if err != nil {
				if e := asException(err); e != nil && e.cls.IsSubtype(LookupErrorType) {
					m = mapping{out: string(appendRune(nil, r)), n: 1}
				} else {
					return Null, err
				}
			} else if v.IsNone() {
				m = mapping{del: true}
			} else if rs, ok := v.o.(*Str); ok {
				m = mapping{out: rs.s, n: rs.n}
			} else if v.IsIntLike() {
				c, ok := smallIntOf(v)
				if !ok || c < 0 || c > 0x10FFFF {
					return Null, t.valueErrorf("character mapping must be in range(0x110000)")
				}
				m = mapping{out: string(appendRune(nil, rune(c))), n: 1}
			} else {
				return Null, t.typeErrorf("character mapping must return integer, None or str")
			}
			cache[r] = m
		}
		if !m.del {
			b = append(b, m.out...)
			n += m.n
		}
	}
	return Value{o: strFromBytes(b, n)}, nil
}

// smallIntOf returns the value of an int (or int subclass instance) that
// fits an int64.
func smallIntOf(v Value) (int64, bool) {
	if v.IsSmallInt() || v.IsBool() {
		return int64(v.n), true
	}
	if c, ok := intConst(v); ok {
		return c.Int64()
	}
	return 0, false
}

// strMaketrans is str.maketrans(x[, y[, z]]), a staticmethod.
func strMaketrans(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := posArgs(t, "str", "maketrans", args, kw, 1, 3); err != nil {
		return Null, err
	}
	d := NewDict()
	if len(args) == 1 {
		src, ok := args[0].o.(*Dict)
		if !ok {
			return Null, t.typeErrorf("if you give only one argument to maketrans it must be a dict")
		}
		var err error
		src.Items(func(k, v Value) bool {
			if ks, ok := k.o.(*Str); ok {
				if ks.n != 1 {
					err = t.valueErrorf("string keys in translate table must be of length 1")
					return false
				}
				err = d.Set(t, Int(int64(ks.At(0))), v)
			} else if k.IsIntLike() {
				err = d.Set(t, k, v)
			} else {
				err = t.typeErrorf("keys in translate table must be strings or integers")
			}
			return err == nil
		})
		if err != nil {
			return Null, err
		}
		return Value{o: d}, nil
	}
	x, ok := args[0].o.(*Str)
	if !ok {
		return Null, badArgument(t, "maketrans", 1, "str", args[0])
	}
	y, ok := args[1].o.(*Str)
	if !ok {
		return Null, badArgument(t, "maketrans", 2, "str", args[1])
	}
	var z *Str
	if len(args) == 3 {
		if z, ok = args[2].o.(*Str); !ok {
			return Null, badArgument(t, "maketrans", 3, "str", args[2])
		}
	}
	if x.n != y.n {
		return Null, t.valueErrorf("the first two maketrans arguments must have equal length")
	}
	for i := 0; i < x.n; i++ {
		if err := d.Set(t, Int(int64(x.At(i))), Int(int64(y.At(i)))); err != nil {
			return Null, err
		}
	}
	if z != nil {
		for i := 0; i < z.n; i++ {
			if err := d.Set(t, Int(int64(z.At(i))), None); err != nil {
				return Null, err
			}
		}
	}
	return Value{o: d}, nil
}

func setupStrMethods() {
	defMethods(StrType,
		findMethod("find", false, false),
		findMethod("rfind", true, false),
		findMethod("index", false, true),
		findMethod("rindex", true, true),
		MethodDef{Name: "count", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, "str", "count", args, kw, 1, 3); err != nil {
				return Null, err
			}
			s := strSelf(self)
			sub, err := strArgOf(t, "count", 1, args[0])
			if err != nil {
				return Null, err
			}
			start, end, err := startEnd(t, args, 1, s.n)
			if err != nil {
				return Null, err
			}
			return Int(int64(strCount(s, sub, start, end))), nil
		}},
		affixMethod("startswith", false),
		affixMethod("endswith", true),
		splitMethod("split", false),
		splitMethod("rsplit", true),
		MethodDef{Name: "splitlines", Fn: strSplitlines},
		strPartition("partition", false),
		strPartition("rpartition", true),
		MethodDef{Name: "join", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "str.join", args, kw); err != nil {
				return Null, err
			}
			return strJoin(t, strSelf(self), args[0])
		}},
		stripMethod("strip", true, true),
		stripMethod("lstrip", true, false),
		stripMethod("rstrip", false, true),
		padMethod("center"),
		padMethod("ljust"),
		padMethod("rjust"),
		MethodDef{Name: "zfill", Fn: strZfill},
		MethodDef{Name: "expandtabs", Fn: strExpandtabs},
		MethodDef{Name: "replace", Fn: strReplace},
		affixRemover("removeprefix", false),
		affixRemover("removesuffix", true),
		MethodDef{Name: "translate", Fn: strTranslate},
		MethodDef{Name: "maketrans", Fn: strMaketrans, Static: true},
		MethodDef{Name: "__getnewargs__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "str.__getnewargs__", args, kw); err != nil {
				return Null, err
			}
			s := strSelf(self)
			return Value{o: NewTuple(Value{o: newStrN(s.s, s.n)})}, nil
		}},
		MethodDef{Name: "__sizeof__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "str.__sizeof__", args, kw); err != nil {
				return Null, err
			}
			s := strSelf(self)
			if s.ascii {
				return Int(int64(40 + s.n + 1)), nil
			}
			kind := 1
			for _, r := range s.Runes() {
				if r > 0xFFFF {
					kind = 4
					break
				} else if r > 0xFF {
					kind = 2
				}
			}
			return Int(int64(56 + (s.n+1)*kind)), nil
		}},
	)
	attachStrDocs(StrType)
}
