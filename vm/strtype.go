package vm

import (
	"strings"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// The core slots of str (its constructor, repr, hash, comparison,
// indexing, concatenation, repetition, containment and iteration) and
// str.encode; the other methods live in strmethods*.go, str.format and
// %-formatting in strformat.go, the format mini-language in format.go.

// strOf returns the *Str of a str or str subclass instance.
func strOf(v Value) (*Str, bool) {
	s, ok := v.o.(*Str)
	return s, ok
}

// Format is format(v, spec): type(v).__format__(v, spec), which must
// return a str.
func Format(t *Thread, v Value, spec *Str) (*Str, error) {
	if s, ok := v.o.(*Str); ok && s.cls == StrType && spec.n == 0 {
		return s, nil
	}
	if v.IsSmallInt() && spec.n == 0 {
		return NewStr(formatInt64(v.SmallInt())), nil
	}
	m := v.Type().LookupString("__format__")
	if m.IsNull() {
		return nil, t.typeErrorf("Type %s doesn't define __format__", typeName(v))
	}
	r, err := callDunder(t, v, Intern("__format__"), Value{o: spec})
	if err != nil {
		return nil, err
	}
	s, ok := r.o.(*Str)
	if !ok {
		return nil, t.typeErrorf("__format__ must return a str, not %s", typeName(r))
	}
	return s, nil
}

// ASCII is ascii(v): repr(v) with non-ASCII characters escaped.
func ASCII(t *Thread, v Value) (*Str, error) {
	r, err := Repr(t, v)
	if err != nil {
		return nil, err
	}
	if r.ascii {
		return r, nil
	}
	var b strings.Builder
	for _, c := range r.Runes() {
		switch {
		case c < 0x80:
			b.WriteRune(c)
		case c < 0x100:
			b.WriteString("\\x" + hex2(int(c)))
		case c < 0x10000:
			b.WriteString("\\u" + hex2(int(c)>>8) + hex2(int(c)&0xff))
		default:
			b.WriteString("\\U" + hex2(int(c)>>24) + hex2(int(c)>>16&0xff) + hex2(int(c)>>8&0xff) + hex2(int(c)&0xff))
		}
	}
	return NewStr(b.String()), nil
}

func hex2(n int) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[n>>4&15], digits[n&15]})
}

func init() {
	onSetup(setupStrCore)
}

var strNewSpec = ArgSpec{Name: "str", Params: []string{"object", "encoding", "errors"}, Style: StyleUnpack}

// strNew is str(object=”) and str(object=b”, encoding='utf-8',
// errors='strict').
func strNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	var a [3]Value
	if len(args) == 1 && len(kw) == 0 {
		a[0] = args[0]
	} else if err := strNewSpec.Parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	var s *Str
	switch {
	case a[1].IsNull() && a[2].IsNull():
		if a[0].IsNull() {
			s = emptyStr
		} else {
			var err error
			if s, err = StrOf(t, a[0]); err != nil {
				return Null, err
			}
		}
	default:
		encoding, errors := "utf-8", "strict"
		if !a[1].IsNull() {
			e, ok := a[1].o.(*Str)
			if !ok {
				what := typeName(a[1])
				if a[1].IsNone() {
					what = "None"
				}
				return Null, t.typeErrorf("str() argument 'encoding' must be str, not %s", what)
			}
			encoding = e.s
		}
		if !a[2].IsNull() {
			e, ok := a[2].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("str() argument 'errors' must be str, not %s", typeName(a[2]))
			}
			errors = e.s
		}
		if a[0].IsNull() {
			s = emptyStr
			break
		}
		if _, ok := a[0].o.(*Str); ok {
			return Null, t.typeErrorf("decoding str is not supported")
		}
		if m, ok := a[0].o.(*MemoryView); ok && m.released {
			return Null, m.check(t)
		}
		b, ok := bytesLike(a[0])
		if !ok {
			return Null, t.typeErrorf("decoding to str: need a bytes-like object, %s found", typeName(a[0]))
		}
		obj, _ := a[0].o.(*Bytes)
		if obj != nil && obj.cls != BytesType {
			obj = nil
		}
		var err error
		if s, err = decodeBytes(t, b, obj, encoding, errors); err != nil {
			return Null, err
		}
	}
	if cls == StrType {
		return Value{o: s}, nil
	}
	return Value{o: &Str{ObjectBase: ObjectBase{cls: cls}, s: s.s, n: s.n, ascii: s.ascii, hash: -1}}, nil
}

var strEncodeSpec = ArgSpec{Name: "encode", Params: []string{"encoding", "errors"}}

func strEncode(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [2]Value
	if err := strEncodeSpec.Parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	encoding, errors, err := encodingArgs(t, "encode", a[0], a[1])
	if err != nil {
		return Null, err
	}
	b, err := encodeStr(t, strSelf(self), encoding, errors)
	if err != nil {
		return Null, err
	}
	return Value{o: NewBytes(b)}, nil
}

func setupStrCore() {
	st := StrType
	st.New = strNew
	defMethods(st, MethodDef{Name: "encode", Fn: strEncode})
	st.Repr = func(t *Thread, v Value) (Value, error) {
		return NewStrValue(pyconst.Str(v.o.(*Str).s).String()), nil
	}
	st.Str = func(t *Thread, v Value) (Value, error) {
		s := v.o.(*Str)
		if s.cls == StrType {
			return v, nil
		}
		return NewStrValue(s.s), nil
	}
	st.Hash = func(t *Thread, v Value) (int64, error) { return v.o.(*Str).hashValue(), nil }
	st.Len = func(t *Thread, v Value) (int, error) { return v.o.(*Str).n, nil }
	st.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		y, ok := strOf(b)
		if !ok {
			return NotImplemented, nil
		}
		x := a.o.(*Str)
		// Generalized UTF-8 orders as code points do.
		return Bool(cmpResult(strings.Compare(x.s, y.s), op)), nil
	}
	st.Contains = func(t *Thread, c, x Value) (bool, error) {
		sub, ok := strOf(x)
		if !ok {
			return false, t.typeErrorf("'in <string>' requires string as left operand, not %s", typeName(x))
		}
		return strings.Contains(c.o.(*Str).s, sub.s), nil
	}
	st.SqConcat = func(t *Thread, a, b Value) (Value, error) {
		y, ok := strOf(b)
		if !ok {
			return Null, t.typeErrorf("can only concatenate str (not \"%s\") to str", typeName(b))
		}
		x := a.o.(*Str)
		if y.n == 0 && x.cls == StrType {
			return a, nil
		}
		if x.n == 0 && y.cls == StrType {
			return b, nil
		}
		return Value{o: concatStr(x, y)}, nil
	}
	st.SqRepeat = func(t *Thread, seq Value, n int) (Value, error) {
		s := seq.o.(*Str)
		if n <= 0 {
			return Value{o: emptyStr}, nil
		}
		if n == 1 && s.cls == StrType {
			return seq, nil
		}
		if err := t.checkRepeat(len(s.s), n); err != nil {
			return Null, err
		}
		return Value{o: newStrN(strings.Repeat(s.s, n), s.n*n)}, nil
	}
	st.Iter = func(t *Thread, v Value) (Value, error) {
		s := v.o.(*Str)
		cls := strIterType
		if s.ascii {
			cls = strASCIIIterType
		}
		return Value{o: &strIter{ObjectBase: ObjectBase{cls: cls}, s: s}}, nil
	}
	st.GetItem = func(t *Thread, v, key Value) (Value, error) {
		s := v.o.(*Str)
		if sl, ok := key.o.(*Slice); ok {
			start, stop, step, n, err := sl.Indices(t, s.n)
			if err != nil {
				return Null, err
			}
			if step == 1 {
				if n == s.n && s.cls == StrType {
					return v, nil
				}
				if n <= 0 {
					return Value{o: emptyStr}, nil
				}
				return Value{o: s.substr(start, stop)}, nil
			}
			var w strWriter
			w.grow(n)
			for i, j := 0, start; i < n; i, j = i+1, j+step {
				w.writeRune(s.At(j))
			}
			return Value{o: w.str()}, nil
		}
		if !hasIndex(key) {
			return Null, t.typeErrorf("string indices must be integers, not '%s'", typeName(key))
		}
		i, err := seqIndex(t, key, s.n, "string")
		if err != nil {
			return Null, err
		}
		return Value{o: charStr(s.At(i))}, nil
	}
	for _, it := range []*Type{strIterType, strASCIIIterType} {
		it.Iter = selfIter
		it.Next = func(t *Thread, v Value) (Value, error) {
			it := v.o.(*strIter)
			if it.s == nil || it.i >= it.s.n {
				it.s = nil
				return Null, nil
			}
			r := it.s.At(it.i)
			it.i++
			return Value{o: charStr(r)}, nil
		}
		defMethods(it, MethodDef{Name: "__length_hint__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			it := self.o.(*strIter)
			if it.s == nil {
				return Int(0), nil
			}
			return Int(int64(it.s.n - it.i)), nil
		}})
	}
	attachStrDocs(StrType)
}

// strIter iterates the characters of a str.
type strIter struct {
	ObjectBase
	s *Str
	i int
}

// The iterators of str: CPython has one for ASCII text and one for the
// rest, and their names show.
var (
	strIterType      = builtinType("str_iterator", nil, 0)
	strASCIIIterType = builtinType("str_ascii_iterator", nil, 0)
)

// latin1Strs caches the one-character strs below 256, as CPython does.
var latin1Strs [256]*Str

func init() {
	for i := range latin1Strs {
		latin1Strs[i] = NewStr(string(pyconst.AppendRune(nil, rune(i))))
	}
}

// charStr returns the str of one code point.
func charStr(r rune) *Str {
	if r >= 0 && r < 256 {
		s := latin1Strs[r]
		if s.cls == nil {
			s.cls = StrType
		}
		return s
	}
	return NewStr(string(pyconst.AppendRune(nil, r)))
}
