package vm

import "unicode"

// The _string module: the parsers of str.format's mini-language that
// string.Formatter uses, formatter_parser (the literal text and replacement
// fields of a format string) and formatter_field_name_split (a field
// name's first part and its attribute and index accesses), with the
// errors of CPython's unicode_format.h, raised as lazily as CPython
// raises them.

var (
	formatterIterType = builtinType("formatteriterator", nil, 0)
	fieldNameIterType = builtinType("fieldnameiterator", nil, 0)
)

type formatterIter struct {
	ObjectBase
	s   []rune
	pos int
}

type fieldNameIter struct {
	ObjectBase
	s   []rune
	pos int
}

func init() {
	onSetup(func() {
		formatterIterType.Iter = selfIter
		formatterIterType.Next = func(t *Thread, v Value) (Value, error) { return v.o.(*formatterIter).next(t) }
		fieldNameIterType.Iter = selfIter
		fieldNameIterType.Next = func(t *Thread, v Value) (Value, error) { return v.o.(*fieldNameIter).next(t) }
	})
	RegisterModule("_string", func(t *Thread, m *Module) error {
		m.Set("__doc__", NewStrValue("string helper module"))
		m.AddFunc("formatter_parser", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "formatter_parser", args, kw); err != nil {
				return Null, err
			}
			s, ok := args[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("expected str, got %s", typeName(args[0]))
			}
			return Value{o: &formatterIter{ObjectBase: ObjectBase{cls: formatterIterType}, s: s.Runes()}}, nil
		})
		m.AddFunc("formatter_field_name_split", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "formatter_field_name_split", args, kw); err != nil {
				return Null, err
			}
			s, ok := args[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("expected str, got %s", typeName(args[0]))
			}
			rs := s.Runes()
			i := 0
			for i < len(rs) && rs[i] != '.' && rs[i] != '[' {
				i++
			}
			first, err := formatIndexOrStr(t, rs[:i])
			if err != nil {
				return Null, err
			}
			rest := &fieldNameIter{ObjectBase: ObjectBase{cls: fieldNameIterType}, s: rs, pos: i}
			return Value{o: NewTuple(first, Value{o: rest})}, nil
		})
		return nil
	})
}

// formatInteger is get_integer: the value of a run of decimal digits, or
// -1 when it is empty or has another character.
func formatInteger(t *Thread, rs []rune) (int, error) {
	if len(rs) == 0 {
		return -1, nil
	}
	acc := 0
	const maxSize = int(^uint(0) >> 1)
	for _, r := range rs {
		d := decimalValue(r)
		if d < 0 {
			return -1, nil
		}
		if acc > (maxSize-d)/10 {
			return -1, t.valueErrorf("Too many decimal digits in format string")
		}
		acc = acc*10 + d
	}
	return acc, nil
}

// decimalValue is Py_UNICODE_TODECIMAL: the digit's value, -1 for a
// character that is not a decimal digit (the Nd category comes in runs of
// ten starting at zero).
func decimalValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if r < 0x80 || !unicode.Is(unicode.Nd, r) {
		return -1
	}
	k := 0
	for unicode.Is(unicode.Nd, r-rune(k)-1) {
		k++
	}
	return k % 10
}

// formatIndexOrStr makes an int of a field name part made of digits, else
// a str.
func formatIndexOrStr(t *Thread, rs []rune) (Value, error) {
	n, err := formatInteger(t, rs)
	if err != nil {
		return Null, err
	}
	if n >= 0 {
		return Int(int64(n)), nil
	}
	return NewStrValue(string(rs)), nil
}

// next is MarkupIterator_next: (literal, field_name, format_spec,
// conversion).
func (it *formatterIter) next(t *Thread) (Value, error) {
	s := it.s
	if it.pos >= len(s) {
		return Null, nil
	}
	start := it.pos
	var c rune
	markup := false
	for it.pos < len(s) {
		c = s[it.pos]
		it.pos++
		if c == '{' || c == '}' {
			markup = true
			break
		}
	}
	atEnd := it.pos >= len(s)
	n := it.pos - start
	if c == '}' && markup && (atEnd || s[it.pos] != c) {
		return Null, t.valueErrorf("Single '}' encountered in format string")
	}
	if atEnd && c == '{' && markup {
		return Null, t.valueErrorf("Single '{' encountered in format string")
	}
	if !atEnd && markup {
		if s[it.pos] == c {
			it.pos++
			markup = false
		} else {
			n--
		}
	}
	literal := NewStrValue(string(s[start : start+n]))
	if !markup {
		return Value{o: NewTuple(literal, None, None, None)}, nil
	}
	// The replacement field: its name ends at '}', ':' or '!'.
	nameStart := it.pos
	c = 0
	for it.pos < len(s) {
		c = s[it.pos]
		it.pos++
		if c == '{' {
			return Null, t.valueErrorf("unexpected '{' in field name")
		}
		if c == '[' {
			for it.pos < len(s) && s[it.pos] != ']' {
				it.pos++
			}
			continue
		}
		if c == '}' || c == ':' || c == '!' {
			break
		}
	}
	nameEnd := it.pos - 1
	if it.pos >= len(s) && c != '}' && c != ':' && c != '!' {
		nameEnd = it.pos
	}
	field := NewStrValue(string(s[nameStart:nameEnd]))
	conversion := None
	spec := NewStrValue("")
	if c == '!' || c == ':' {
		if c == '!' {
			if it.pos >= len(s) {
				return Null, t.valueErrorf("end of string while looking for conversion specifier")
			}
			conversion = NewStrValue(string(s[it.pos]))
			it.pos++
			if it.pos < len(s) {
				c = s[it.pos]
				it.pos++
				if c == '}' {
					return Value{o: NewTuple(literal, field, spec, conversion)}, nil
				}
				if c != ':' {
					return Null, t.valueErrorf("expected ':' after conversion specifier")
				}
			}
		}
		specStart := it.pos
		count := 1
		for it.pos < len(s) {
			c = s[it.pos]
			it.pos++
			switch c {
			case '{':
				count++
			case '}':
				count--
				if count == 0 {
					spec = NewStrValue(string(s[specStart : it.pos-1]))
					return Value{o: NewTuple(literal, field, spec, conversion)}, nil
				}
			}
		}
		return Null, t.valueErrorf("unmatched '{' in format spec")
	}
	if c != '}' {
		return Null, t.valueErrorf("expected '}' before end of string")
	}
	return Value{o: NewTuple(literal, field, spec, conversion)}, nil
}

// next is FieldNameIterator_next: (is_attribute, name or index).
func (it *fieldNameIter) next(t *Thread) (Value, error) {
	s := it.s
	if it.pos >= len(s) {
		return Null, nil
	}
	c := s[it.pos]
	it.pos++
	var name []rune
	isAttr := false
	switch c {
	case '.':
		isAttr = true
		start := it.pos
		for it.pos < len(s) && s[it.pos] != '.' && s[it.pos] != '[' {
			it.pos++
		}
		name = s[start:it.pos]
	case '[':
		start := it.pos
		seen := false
		for it.pos < len(s) {
			it.pos++
			if s[it.pos-1] == ']' {
				seen = true
				break
			}
		}
		if !seen {
			return Null, t.valueErrorf("Missing ']' in format string")
		}
		name = s[start : it.pos-1]
	default:
		return Null, t.valueErrorf("Only '.' or '[' may follow ']' in format field specifier")
	}
	if len(name) == 0 {
		return Null, t.valueErrorf("Empty attribute in format string")
	}
	var key Value
	if isAttr {
		key = NewStrValue(string(name))
	} else {
		k, err := formatIndexOrStr(t, name)
		if err != nil {
			return Null, err
		}
		key = k
	}
	return Value{o: NewTuple(Bool(isAttr), key)}, nil
}
