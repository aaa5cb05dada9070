package vm

import (
	"bytes"
)

// The methods bytes and bytearray share (Objects/bytes_methods.c and
// stringlib): each is defined once over []byte and made for both types,
// with the owner's name in its messages and the owner's type for its
// results (a bytearray's split gives bytearrays). Character classes are
// ASCII's, as Python's bytes methods use them: whitespace is space and
// \t\n\v\f\r only.

func init() {
	onSetup(func() {
		defMethods(BytesType, bytesMethods(BytesType)...)
		defMethods(ByteArrayType, bytesMethods(ByteArrayType)...)
		attachStrDocs(BytesType)
		attachStrDocs(ByteArrayType)
	})
}

// bytesOf returns the content of a bytes or bytearray.
func bytesOf(v Value) []byte {
	switch o := v.o.(type) {
	case *Bytes:
		return o.b
	case *ByteArray:
		return o.b
	}
	return nil
}

// bytesKind says which of the two types a method belongs to.
type bytesKind struct {
	name  string
	array bool
}

// make returns a new object of the kind holding b.
func (k bytesKind) make(b []byte) Value {
	if k.array {
		return Value{o: NewByteArray(b)}
	}
	if len(b) == 0 {
		return Value{o: emptyBytes}
	}
	return Value{o: NewBytes(b)}
}

// result returns out as the method's result: self itself when out is
// all of an exact bytes, as CPython returns it unchanged.
func (k bytesKind) result(self Value, out []byte) Value {
	if !k.array {
		if b, ok := self.o.(*Bytes); ok && b.cls == BytesType && len(out) == len(b.b) && (len(out) == 0 || &out[0] == &b.b[0]) {
			return self
		}
		return k.make(out)
	}
	return k.make(append([]byte(nil), out...))
}

// list makes the list of the parts of a split: bytes share the bytes of
// self (they never change) and come from one slab of objects; a
// bytearray's parts are copies in one buffer, each with no room to grow
// into the next.
func (k bytesKind) list(self Value, parts [][]byte) Value {
	items := make([]Value, len(parts))
	if k.array {
		total := 0
		for _, p := range parts {
			total += len(p)
		}
		buf := make([]byte, 0, total)
		slab := make([]ByteArray, len(parts))
		for i, p := range parts {
			start := len(buf)
			buf = append(buf, p...)
			ba := &slab[i]
			ba.cls, ba.b = ByteArrayType, buf[start:len(buf):len(buf)]
			items[i] = Value{o: ba}
		}
		return Value{o: NewList(items...)}
	}
	var slab []Bytes
	for i, p := range parts {
		if b, ok := self.o.(*Bytes); ok && b.cls == BytesType && len(p) == len(b.b) {
			items[i] = self
			continue
		}
		if len(p) == 0 {
			items[i] = Value{o: emptyBytes}
			continue
		}
		if slab == nil {
			slab = make([]Bytes, len(parts)-i)
		}
		bb := &slab[0]
		slab = slab[1:]
		bb.cls, bb.b, bb.hash = BytesType, p, -1
		items[i] = Value{o: bb}
	}
	return Value{o: NewList(items...)}
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func isASCIIAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// subArg reads the sub argument of find, count and index: an int (one
// byte) or a bytes-like object.
func subArg(t *Thread, v Value) ([]byte, error) {
	if b, ok := bytesLike(v); ok {
		return b, nil
	}
	if hasIndex(v) {
		c, err := byteValue(t, v)
		if err != nil {
			return nil, err
		}
		return []byte{c}, nil
	}
	return nil, t.typeErrorf("argument should be integer or bytes-like object, not '%s'", typeName(v))
}

func bytesFind(b, sub []byte, start, end int, last bool) int {
	if start > len(b) || end-start < len(sub) {
		return -1
	}
	if len(sub) == 0 {
		if last {
			return end
		}
		return start
	}
	var i int
	if last {
		i = bytes.LastIndex(b[start:end], sub)
	} else {
		i = bytes.Index(b[start:end], sub)
	}
	if i < 0 {
		return -1
	}
	return start + i
}

// bytesSplitWhitespace splits at runs of ASCII whitespace.
func bytesSplitWhitespace(b []byte, maxsplit int, right bool) [][]byte {
	if maxsplit < 0 {
		maxsplit = int(^uint(0) >> 1)
	}
	// Count the words first, to allocate once.
	words, in := 0, false
	for _, c := range b {
		sp := isASCIISpace(c)
		if !sp && !in {
			words++
		}
		in = !sp
	}
	parts := make([][]byte, 0, splitCap(words, maxsplit))
	if !right {
		i := 0
		for {
			for i < len(b) && isASCIISpace(b[i]) {
				i++
			}
			if i == len(b) {
				break
			}
			if maxsplit == 0 {
				parts = append(parts, b[i:])
				break
			}
			j := i
			for j < len(b) && !isASCIISpace(b[j]) {
				j++
			}
			parts = append(parts, b[i:j])
			maxsplit--
			i = j
		}
		return parts
	}
	j := len(b)
	for {
		for j > 0 && isASCIISpace(b[j-1]) {
			j--
		}
		if j == 0 {
			break
		}
		if maxsplit == 0 {
			parts = append(parts, b[:j])
			break
		}
		i := j
		for i > 0 && !isASCIISpace(b[i-1]) {
			i--
		}
		parts = append(parts, b[i:j])
		maxsplit--
		j = i
	}
	for x, y := 0, len(parts)-1; x < y; x, y = x+1, y-1 {
		parts[x], parts[y] = parts[y], parts[x]
	}
	return parts
}

func bytesSplitSep(b, sep []byte, maxsplit int, right bool) [][]byte {
	if maxsplit < 0 {
		maxsplit = int(^uint(0) >> 1)
	}
	var parts [][]byte
	if !right {
		i := 0
		for maxsplit > 0 {
			k := bytes.Index(b[i:], sep)
			if k < 0 {
				break
			}
			parts = append(parts, b[i:i+k])
			i += k + len(sep)
			maxsplit--
		}
		return append(parts, b[i:])
	}
	j := len(b)
	for maxsplit > 0 {
		k := bytes.LastIndex(b[:j], sep)
		if k < 0 {
			break
		}
		parts = append(parts, b[k+len(sep):j])
		j = k
		maxsplit--
	}
	parts = append(parts, b[:j])
	for x, y := 0, len(parts)-1; x < y; x, y = x+1, y-1 {
		parts[x], parts[y] = parts[y], parts[x]
	}
	return parts
}

// bytesReplace replaces the first count (all when negative) occurrences
// of old in b by repl.
func bytesReplace(b, old, repl []byte, count int) []byte {
	if count < 0 {
		count = int(^uint(0) >> 1)
	}
	if count == 0 {
		return b
	}
	if len(old) == 0 {
		var out []byte
		k, i := 0, 0
		for ; i < len(b) && k < count; k++ {
			out = append(out, repl...)
			out = append(out, b[i])
			i++
		}
		if k < count {
			out = append(out, repl...)
		}
		return append(out, b[i:]...)
	}
	if !bytes.Contains(b, old) {
		return b
	}
	var out []byte
	i := 0
	for k := 0; k < count; k++ {
		j := bytes.Index(b[i:], old)
		if j < 0 {
			break
		}
		out = append(out, b[i:i+j]...)
		out = append(out, repl...)
		i += j + len(old)
	}
	return append(out, b[i:]...)
}

// bytesHex is bytes.hex(sep, bytes_per_sep).
func bytesHex(t *Thread, b []byte, sepv, perv Value) (Value, error) {
	const digits = "0123456789abcdef"
	var sep byte
	hasSep := false
	if !sepv.IsNull() {
		var sb []byte
		if s, ok := sepv.o.(*Str); ok {
			if s.n != 1 {
				return Null, t.valueErrorf("sep must be length 1.")
			}
			if !s.ascii {
				return Null, t.valueErrorf("sep must be ASCII.")
			}
			sb = []byte(s.s)
		} else if bb, ok := bytesLike(sepv); ok {
			if len(bb) != 1 {
				return Null, t.valueErrorf("sep must be length 1.")
			}
			if bb[0] >= 0x80 {
				return Null, t.valueErrorf("sep must be ASCII.")
			}
			sb = bb
		} else {
			return Null, t.typeErrorf("object of type '%s' has no len()", typeName(sepv))
		}
		sep, hasSep = sb[0], true
	}
	per := 1
	if !perv.IsNull() {
		n, err := intArg32(t, perv)
		if err != nil {
			return Null, err
		}
		per = n
	}
	if !hasSep || per == 0 || len(b) == 0 {
		out := make([]byte, 2*len(b))
		for i, c := range b {
			out[2*i], out[2*i+1] = digits[c>>4], digits[c&15]
		}
		return Value{o: strFromBytes(out, len(out))}, nil
	}
	abs := per
	if abs < 0 {
		abs = -abs
	}
	var out []byte
	for i, c := range b {
		if i > 0 {
			// Groups count from the right for a positive bytes_per_sep,
			// from the left for a negative one.
			if per > 0 && (len(b)-i)%abs == 0 || per < 0 && i%abs == 0 {
				out = append(out, sep)
			}
		}
		out = append(out, digits[c>>4], digits[c&15])
	}
	return Value{o: strFromBytes(out, len(out))}, nil
}

// intArg32 converts an argument to a C int: "Python int too large to
// convert to C int".
func intArg32(t *Thread, v Value) (int, error) {
	if !hasIndex(v) {
		return 0, t.typeErrorf("'%s' object cannot be interpreted as an integer", typeName(v))
	}
	i, err := Index(t, v)
	if err != nil {
		return 0, err
	}
	n, ok := smallIntOf(i)
	if !ok || n > 1<<31-1 || n < -1<<31 {
		return 0, t.raise(OverflowErrorType, "Python int too large to convert to C int")
	}
	return int(n), nil
}

// bytesFromHex is bytes.fromhex(string).
func bytesFromHex(t *Thread, s *Str) ([]byte, error) {
	var out []byte
	rs := s.s
	i := 0
	pos := 0 // code point index of rs[i]
	hexVal := func(c byte) int {
		switch {
		case '0' <= c && c <= '9':
			return int(c - '0')
		case 'a' <= c && c <= 'f':
			return int(c-'a') + 10
		case 'A' <= c && c <= 'F':
			return int(c-'A') + 10
		}
		return -1
	}
	for {
		for i < len(rs) && rs[i] < 0x80 && isASCIISpace(rs[i]) {
			i++
			pos++
		}
		if i >= len(rs) {
			return out, nil
		}
		hi := -1
		if rs[i] < 0x80 {
			hi = hexVal(rs[i])
		}
		if hi < 0 {
			return nil, t.valueErrorf("non-hexadecimal number found in fromhex() arg at position %d", pos)
		}
		lo := -1
		if i+1 < len(rs) && rs[i+1] < 0x80 {
			lo = hexVal(rs[i+1])
		}
		if lo < 0 {
			return nil, t.valueErrorf("non-hexadecimal number found in fromhex() arg at position %d", pos+1)
		}
		out = append(out, byte(hi<<4|lo))
		i += 2
		pos += 2
	}
}

// bytesMethods returns the methods of bytes or of bytearray.
func bytesMethods(owner *Type) []MethodDef {
	k := bytesKind{name: owner.Name, array: owner == ByteArrayType}
	on := k.name
	noArgsM := func(name string, f func(self Value, b []byte) Value) MethodDef {
		qual := on + "." + name
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, qual, args, kw); err != nil {
				return Null, err
			}
			return f(self, bytesOf(self)), nil
		}}
	}
	mapM := func(name string, f func(b []byte) []byte) MethodDef {
		return noArgsM(name, func(self Value, b []byte) Value { return k.make(f(b)) })
	}
	predM := func(name string, f func(c byte) bool) MethodDef {
		return noArgsM(name, func(self Value, b []byte) Value {
			if len(b) == 0 {
				return False
			}
			for _, c := range b {
				if !f(c) {
					return False
				}
			}
			return True
		})
	}
	findM := func(name string, last, raise bool) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, on, name, args, kw, 1, 3); err != nil {
				return Null, err
			}
			b := bytesOf(self)
			start, end, err := startEnd(t, args, 1, len(b))
			if err != nil {
				return Null, err
			}
			sub, err := subArg(t, args[0])
			if err != nil {
				return Null, err
			}
			i := bytesFind(b, sub, start, end, last)
			if i < 0 && raise {
				return Null, t.valueErrorf("subsection not found")
			}
			return Int(int64(i)), nil
		}}
	}
	affixM := func(name string, suffix bool) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, on, name, args, kw, 1, 3); err != nil {
				return Null, err
			}
			b := bytesOf(self)
			start, end, err := startEnd(t, args, 1, len(b))
			if err != nil {
				return Null, err
			}
			match := func(sub []byte) bool {
				if start > len(b) || end-start < len(sub) {
					return false
				}
				if suffix {
					return bytes.HasSuffix(b[:end], sub)
				}
				return bytes.HasPrefix(b[start:], sub)
			}
			if tu, ok := args[0].o.(*Tuple); ok {
				for _, it := range tu.items {
					sub, err := bufferArg(t, it)
					if err != nil {
						return Null, err
					}
					if match(sub) {
						return True, nil
					}
				}
				return False, nil
			}
			sub, ok := bytesLike(args[0])
			if !ok {
				return Null, t.typeErrorf("%s first arg must be bytes or a tuple of bytes, not %s", name, typeName(args[0]))
			}
			return Bool(match(sub)), nil
		}}
	}
	splitM := func(name string, right bool) MethodDef {
		spec := &ArgSpec{Name: name, Params: []string{"sep", "maxsplit"}}
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			sep, maxsplit, err := splitArgs(t, spec, args, kw)
			if err != nil {
				return Null, err
			}
			b := bytesOf(self)
			if sep.IsNone() {
				return k.list(self, bytesSplitWhitespace(b, maxsplit, right)), nil
			}
			sp, err := bufferArg(t, sep)
			if err != nil {
				return Null, err
			}
			if len(sp) == 0 {
				return Null, t.valueErrorf("empty separator")
			}
			return k.list(self, bytesSplitSep(b, sp, maxsplit, right)), nil
		}}
	}
	partitionM := func(name string, right bool) MethodDef {
		qual := on + "." + name
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, qual, args, kw); err != nil {
				return Null, err
			}
			sep, err := bufferArg(t, args[0])
			if err != nil {
				return Null, err
			}
			if len(sep) == 0 {
				return Null, t.valueErrorf("empty separator")
			}
			b := bytesOf(self)
			var i int
			if right {
				i = bytes.LastIndex(b, sep)
			} else {
				i = bytes.Index(b, sep)
			}
			empty := func() Value { return k.make(nil) }
			if i < 0 {
				if right {
					return Value{o: NewTuple(empty(), empty(), k.result(self, b))}, nil
				}
				return Value{o: NewTuple(k.result(self, b), empty(), empty())}, nil
			}
			sepv := args[0]
			if sb, ok := sepv.o.(*Bytes); !ok || sb.cls != BytesType || k.array {
				sepv = k.make(append([]byte(nil), sep...))
			}
			return Value{o: NewTuple(k.make(append([]byte(nil), b[:i]...)), sepv, k.make(append([]byte(nil), b[i+len(sep):]...)))}, nil
		}}
	}
	stripM := func(name string, left, right bool) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, on, name, args, kw, 0, 1); err != nil {
				return Null, err
			}
			in := isASCIISpace
			if len(args) == 1 && !args[0].IsNone() {
				chars, err := bufferArg(t, args[0])
				if err != nil {
					return Null, err
				}
				in = func(c byte) bool { return bytes.IndexByte(chars, c) >= 0 }
			}
			b := bytesOf(self)
			i, j := 0, len(b)
			if left {
				for i < j && in(b[i]) {
					i++
				}
			}
			if right {
				for j > i && in(b[j-1]) {
					j--
				}
			}
			return k.result(self, b[i:j]), nil
		}}
	}
	padM := func(name string) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, on, name, args, kw, 1, 2); err != nil {
				return Null, err
			}
			width, err := sizeArg(t, args[0])
			if err != nil {
				return Null, err
			}
			fill := byte(' ')
			if len(args) == 2 {
				f, ok := bytesLike(args[1])
				_, isMV := args[1].o.(*MemoryView)
				if !ok || len(f) != 1 || isMV {
					return Null, t.typeErrorf("%s() argument 2 must be a byte string of length 1, not %s", name, typeName(args[1]))
				}
				fill = f[0]
			}
			b := bytesOf(self)
			marg := width - len(b)
			if marg <= 0 {
				return k.result(self, b), nil
			}
			if width > maxStrLen {
				return Null, NewException(MemoryErrorType)
			}
			var left int
			switch name {
			case "ljust":
				left = 0
			case "rjust":
				left = marg
			default:
				left = marg/2 + (marg & width & 1)
			}
			out := make([]byte, width)
			for i := range out {
				out[i] = fill
			}
			copy(out[left:], b)
			return k.make(out), nil
		}}
	}
	defs := []MethodDef{
		mapM("lower", func(b []byte) []byte {
			out := make([]byte, len(b))
			for i, c := range b {
				out[i] = asciiLower(c)
			}
			return out
		}),
		mapM("upper", func(b []byte) []byte {
			out := make([]byte, len(b))
			for i, c := range b {
				out[i] = asciiUpper(c)
			}
			return out
		}),
		mapM("swapcase", func(b []byte) []byte {
			out := make([]byte, len(b))
			for i, c := range b {
				if asciiIsLower(c) {
					out[i] = asciiUpper(c)
				} else {
					out[i] = asciiLower(c)
				}
			}
			return out
		}),
		mapM("capitalize", func(b []byte) []byte {
			out := make([]byte, len(b))
			for i, c := range b {
				if i == 0 {
					out[i] = asciiUpper(c)
				} else {
					out[i] = asciiLower(c)
				}
			}
			return out
		}),
		mapM("title", func(b []byte) []byte {
			out := make([]byte, len(b))
			prev := false
			for i, c := range b {
				if prev {
					out[i] = asciiLower(c)
				} else {
					out[i] = asciiUpper(c)
				}
				prev = isASCIIAlpha(c)
			}
			return out
		}),
		predM("isalnum", func(c byte) bool { return isASCIIAlpha(c) || isASCIIDigit(c) }),
		predM("isalpha", isASCIIAlpha),
		predM("isdigit", isASCIIDigit),
		predM("isspace", isASCIISpace),
		noArgsM("isascii", func(self Value, b []byte) Value {
			for _, c := range b {
				if c >= 0x80 {
					return False
				}
			}
			return True
		}),
		noArgsM("islower", func(self Value, b []byte) Value {
			cased := false
			for _, c := range b {
				if asciiIsUpper(c) {
					return False
				}
				cased = cased || asciiIsLower(c)
			}
			return Bool(cased)
		}),
		noArgsM("isupper", func(self Value, b []byte) Value {
			cased := false
			for _, c := range b {
				if asciiIsLower(c) {
					return False
				}
				cased = cased || asciiIsUpper(c)
			}
			return Bool(cased)
		}),
		noArgsM("istitle", func(self Value, b []byte) Value {
			cased, prev := false, false
			for _, c := range b {
				switch {
				case asciiIsUpper(c):
					if prev {
						return False
					}
					prev, cased = true, true
				case asciiIsLower(c):
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
		findM("find", false, false),
		findM("rfind", true, false),
		findM("index", false, true),
		findM("rindex", true, true),
		{Name: "count", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, on, "count", args, kw, 1, 3); err != nil {
				return Null, err
			}
			b := bytesOf(self)
			start, end, err := startEnd(t, args, 1, len(b))
			if err != nil {
				return Null, err
			}
			sub, err := subArg(t, args[0])
			if err != nil {
				return Null, err
			}
			if start > len(b) || end < start {
				return Int(0), nil
			}
			if len(sub) == 0 {
				return Int(int64(end - start + 1)), nil
			}
			return Int(int64(bytes.Count(b[start:end], sub))), nil
		}},
		affixM("startswith", false),
		affixM("endswith", true),
		splitM("split", false),
		splitM("rsplit", true),
		partitionM("partition", false),
		partitionM("rpartition", true),
		stripM("strip", true, true),
		stripM("lstrip", true, false),
		stripM("rstrip", false, true),
		padM("center"),
		padM("ljust"),
		padM("rjust"),
		{Name: "splitlines", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [1]Value
			if err := splitlinesSpec.Parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			keep := false
			if !a[0].IsNull() {
				var err error
				if keep, err = Truth(t, a[0]); err != nil {
					return Null, err
				}
			}
			b := bytesOf(self)
			var parts [][]byte
			for i := 0; i < len(b); {
				j := i
				for j < len(b) && b[j] != '\n' && b[j] != '\r' {
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
					parts = append(parts, b[i:eol])
				} else {
					parts = append(parts, b[i:j])
				}
				i = eol
			}
			return k.list(self, parts), nil
		}},
		{Name: "join", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, on+".join", args, kw); err != nil {
				return Null, err
			}
			var items []Value
			switch c := args[0].o.(type) {
			case *List:
				items = c.items
			case *Tuple:
				items = c.items
			default:
				var err error
				items, err = t.collectIterable(args[0], func() error {
					return t.typeErrorf("can only join an iterable")
				})
				if err != nil {
					return Null, err
				}
			}
			sep := bytesOf(self)
			var out []byte
			for i, it := range items {
				p, ok := bytesLike(it)
				if !ok {
					return Null, t.typeErrorf("sequence item %d: expected a bytes-like object, %s found", i, typeName(it))
				}
				if i > 0 {
					out = append(out, sep...)
				}
				out = append(out, p...)
			}
			if out == nil {
				out = []byte{}
			}
			return k.make(out), nil
		}},
		{Name: "replace", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, on, "replace", args, kw, 2, 3); err != nil {
				return Null, err
			}
			old, err := bufferArg(t, args[0])
			if err != nil {
				return Null, err
			}
			repl, err := bufferArg(t, args[1])
			if err != nil {
				return Null, err
			}
			count := -1
			if len(args) == 3 {
				if count, err = sizeArg(t, args[2]); err != nil {
					return Null, err
				}
			}
			return k.result(self, bytesReplace(bytesOf(self), old, repl, count)), nil
		}},
		{Name: "removeprefix", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, on+".removeprefix", args, kw); err != nil {
				return Null, err
			}
			p, err := bufferArg(t, args[0])
			if err != nil {
				return Null, err
			}
			b := bytesOf(self)
			if len(p) > 0 && bytes.HasPrefix(b, p) {
				return k.result(self, b[len(p):]), nil
			}
			return k.result(self, b), nil
		}},
		{Name: "removesuffix", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, on+".removesuffix", args, kw); err != nil {
				return Null, err
			}
			p, err := bufferArg(t, args[0])
			if err != nil {
				return Null, err
			}
			b := bytesOf(self)
			if len(p) > 0 && bytes.HasSuffix(b, p) {
				return k.result(self, b[:len(b)-len(p)]), nil
			}
			return k.result(self, b), nil
		}},
		{Name: "zfill", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, on+".zfill", args, kw); err != nil {
				return Null, err
			}
			width, err := sizeArg(t, args[0])
			if err != nil {
				return Null, err
			}
			b := bytesOf(self)
			fill := width - len(b)
			if fill <= 0 {
				return k.result(self, b), nil
			}
			if width > maxStrLen {
				return Null, NewException(MemoryErrorType)
			}
			out := make([]byte, 0, width)
			rest := b
			if len(rest) > 0 && (rest[0] == '+' || rest[0] == '-') {
				out = append(out, rest[0])
				rest = rest[1:]
			}
			for i := 0; i < fill; i++ {
				out = append(out, '0')
			}
			return k.make(append(out, rest...)), nil
		}},
		{Name: "expandtabs", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
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
			b := bytesOf(self)
			if bytes.IndexByte(b, '\t') < 0 {
				return k.result(self, b), nil
			}
			var out []byte
			col := 0
			for _, c := range b {
				switch c {
				case '\t':
					if tab > 0 {
						n := tab - col%tab
						if len(out)+n > maxStrLen {
							return Null, t.raise(OverflowErrorType, "result too long")
						}
						for ; n > 0; n-- {
							out = append(out, ' ')
							col++
						}
					}
				case '\n', '\r':
					out = append(out, c)
					col = 0
				default:
					out = append(out, c)
					col++
				}
			}
			return k.make(out), nil
		}},
		{Name: "translate", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [2]Value
			if err := bytesTranslateSpec.Parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			var table []byte
			if !a[0].IsNone() {
				tb, err := bufferArg(t, a[0])
				if err != nil {
					return Null, err
				}
				if len(tb) != 256 {
					return Null, t.valueErrorf("translation table must be 256 characters long")
				}
				table = tb
			}
			var del [256]bool
			hasDel := false
			if !a[1].IsNull() {
				d, err := bufferArg(t, a[1])
				if err != nil {
					return Null, err
				}
				for _, c := range d {
					del[c] = true
					hasDel = true
				}
			}
			b := bytesOf(self)
			if table == nil && !hasDel {
				return k.result(self, b), nil
			}
			out := make([]byte, 0, len(b))
			for _, c := range b {
				if del[c] {
					continue
				}
				if table != nil {
					c = table[c]
				}
				out = append(out, c)
			}
			return k.make(out), nil
		}},
		{Name: "maketrans", Static: true, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := posArgs(t, on, "maketrans", args, kw, 2, 2); err != nil {
				return Null, err
			}
			frm, err := bufferArg(t, args[0])
			if err != nil {
				return Null, err
			}
			to, err := bufferArg(t, args[1])
			if err != nil {
				return Null, err
			}
			if len(frm) != len(to) {
				return Null, t.valueErrorf("maketrans arguments must have same length")
			}
			out := make([]byte, 256)
			for i := range out {
				out[i] = byte(i)
			}
			for i, c := range frm {
				out[c] = to[i]
			}
			return Value{o: NewBytes(out)}, nil
		}},
		{Name: "decode", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [2]Value
			if err := bytesDecodeSpec.Parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			encoding, errors, err := encodingArgs(t, "decode", a[0], a[1])
			if err != nil {
				return Null, err
			}
			var obj *Bytes
			if b, ok := self.o.(*Bytes); ok && b.cls == BytesType {
				obj = b
			}
			s, err := decodeBytes(t, bytesOf(self), obj, encoding, errors)
			if err != nil {
				return Null, err
			}
			return Value{o: s}, nil
		}},
		{Name: "hex", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [2]Value
			if err := bytesHexSpec.Parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			return bytesHex(t, bytesOf(self), a[0], a[1])
		}},
		{Name: "fromhex", Class: true, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, on+".fromhex", args, kw); err != nil {
				return Null, err
			}
			s, ok := args[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("fromhex() argument must be str, not %s", clinicTypeName(args[0]))
			}
			b, err := bytesFromHex(t, s)
			if err != nil {
				return Null, err
			}
			cls := self.o.(*Type)
			if cls == BytesType || cls == ByteArrayType {
				return k.make(b), nil
			}
			return t.CallValues(self, k.make(b))
		}},
	}
	if !k.array {
		// bytes uses object.__sizeof__ (its basic size and item size).
		sizeof := noArgsM("__sizeof__", func(self Value, b []byte) Value { return Int(int64(33 + len(b))) })
		sizeof.Doc = "Size of object in memory, in bytes."
		defs = append(defs,
			noArgsM("__getnewargs__", func(self Value, b []byte) Value {
				return Value{o: NewTuple(Value{o: NewBytes(b)})}
			}),
			noArgsM("__bytes__", func(self Value, b []byte) Value {
				if bb := self.o.(*Bytes); bb.cls == BytesType {
					return self
				}
				return Value{o: NewBytes(b)}
			}),
			sizeof,
		)
	}
	return defs
}

var (
	bytesDecodeSpec    = ArgSpec{Name: "decode", Params: []string{"encoding", "errors"}}
	bytesHexSpec       = ArgSpec{Name: "hex", Params: []string{"sep", "bytes_per_sep"}}
	bytesTranslateSpec = ArgSpec{Name: "translate", Params: []string{"", "delete"}, PosOnly: 1, Required: 1}
)
