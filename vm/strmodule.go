package vm

// The _string module, which string.Formatter is built on:
// formatter_parser(s) iterates the (literal, field_name, format_spec,
// conversion) steps of a format string and formatter_field_name_split(name)
// splits a field name into its first part and an iterator of its
// (is_attribute, key) lookups, both with str.format's parser.

var (
	formatterIterType = builtinType("formatteriterator", nil, 0)
	fieldNameIterType = builtinType("fieldnameiterator", nil, 0)
)

// formatterIter is formatter_parser's iterator.
type formatterIter struct {
	ObjectBase
	rs   []rune
	i    int
	done bool
}

// fieldNameIter is formatter_field_name_split's iterator.
type fieldNameIter struct {
	ObjectBase
	rest []rune
}

func init() {
	onSetup(func() {
		formatterIterType.Iter = selfIter
		formatterIterType.Next = func(t *Thread, v Value) (Value, error) {
			it := v.o.(*formatterIter)
			if it.done || it.i >= len(it.rs) {
				it.done = true
				return Null, nil
			}
			m, next, err := markupNext(t, it.rs, it.i)
			if err != nil {
				it.done = true
				return Null, err
			}
			it.i = next
			name, spec, conv := None, None, None
			if m.field {
				name = Value{o: StrFromRunes(m.name)}
				spec = Value{o: StrFromRunes(m.spec)}
				if m.conv != 0 {
					conv = Value{o: charStr(m.conv)}
				}
			}
			return Value{o: NewTuple(Value{o: StrFromRunes(m.literal)}, name, spec, conv)}, nil
		}
		fieldNameIterType.Iter = selfIter
		fieldNameIterType.Next = func(t *Thread, v Value) (Value, error) {
			it := v.o.(*fieldNameIter)
			if len(it.rest) == 0 {
				return Null, nil
			}
			isAttr, part, next, err := fieldNameNext(t, it.rest)
			if err != nil {
				it.rest = nil
				return Null, err
			}
			it.rest = next
			key := Value{o: StrFromRunes(part)}
			if !isAttr {
				k, err := fieldInteger(t, part)
				if err != nil {
					return Null, err
				}
				if k >= 0 {
					key = Int(int64(k))
				}
			}
			return Value{o: NewTuple(Bool(isAttr), key)}, nil
		}
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
			return Value{o: &formatterIter{ObjectBase: ObjectBase{cls: formatterIterType}, rs: s.Runes()}}, nil
		})
		m.AddFunc("formatter_field_name_split", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "formatter_field_name_split", args, kw); err != nil {
				return Null, err
			}
			s, ok := args[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("expected str, got %s", typeName(args[0]))
			}
			first, rest := fieldNameSplit(s.Runes())
			k, err := fieldInteger(t, first)
			if err != nil {
				return Null, err
			}
			firstV := Value{o: StrFromRunes(first)}
			if k >= 0 {
				firstV = Int(int64(k))
			}
			it := &fieldNameIter{ObjectBase: ObjectBase{cls: fieldNameIterType}, rest: rest}
			return Value{o: NewTuple(firstV, Value{o: it})}, nil
		})
		return nil
	})
}

// The pickling hooks and length hints of the iterators of str, bytes and
// bytearray: __reduce__ gives (iter, (seq,), index), or (iter, ('',)) and
// (iter, ((),)) once exhausted; __setstate__ moves the index, clamped.

// builtinIter returns the builtins module's iter.
func builtinIter(t *Thread) Value {
	if b := t.interp.Builtins; b != nil {
		if v, ok := b.dict.GetStr("iter"); ok {
			return v
		}
	}
	return None
}

// setstateIndex reads the argument of an iterator's __setstate__.
func setstateIndex(t *Thread, name string, args []Value, kw []*Str) (int, error) {
	if err := oneArg(t, name, args, kw); err != nil {
		return 0, err
	}
	if !args[0].IsIntLike() {
		return 0, t.typeErrorf("an integer is required")
	}
	n, err := AsSize(t, args[0], nil)
	return max(n, 0), err
}

func init() {
	onSetup(func() {
		for _, it := range []*Type{strIterType, strASCIIIterType} {
			name := it.Name
			defMethods(it,
				MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := noArgs(t, name+".__reduce__", args, kw); err != nil {
						return Null, err
					}
					it := self.o.(*strIter)
					if it.s == nil {
						return Value{o: NewTuple(builtinIter(t), Value{o: NewTuple(Value{o: emptyStr})})}, nil
					}
					return Value{o: NewTuple(builtinIter(t), Value{o: NewTuple(Value{o: it.s})}, Int(int64(it.i)))}, nil
				}},
				MethodDef{Name: "__setstate__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					n, err := setstateIndex(t, name+".__setstate__", args, kw)
					if err != nil {
						return Null, err
					}
					if it := self.o.(*strIter); it.s != nil {
						it.i = min(n, it.s.n)
					}
					return None, nil
				}},
			)
		}
		for _, it := range []*Type{bytesIterType, byteArrayIterType} {
			name := it.Name
			defMethods(it,
				MethodDef{Name: "__length_hint__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := noArgs(t, name+".__length_hint__", args, kw); err != nil {
						return Null, err
					}
					it := self.o.(*bytesIter)
					if it.seq.IsNull() {
						return Int(0), nil
					}
					b, _ := bytesLike(it.seq)
					return Int(int64(max(len(b)-it.i, 0))), nil
				}},
				MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := noArgs(t, name+".__reduce__", args, kw); err != nil {
						return Null, err
					}
					it := self.o.(*bytesIter)
					if it.seq.IsNull() {
						return Value{o: NewTuple(builtinIter(t), Value{o: NewTuple(Value{o: emptyTuple})})}, nil
					}
					return Value{o: NewTuple(builtinIter(t), Value{o: NewTuple(it.seq)}, Int(int64(it.i)))}, nil
				}},
				MethodDef{Name: "__setstate__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					n, err := setstateIndex(t, name+".__setstate__", args, kw)
					if err != nil {
						return Null, err
					}
					if it := self.o.(*bytesIter); !it.seq.IsNull() {
						b, _ := bytesLike(it.seq)
						it.i = min(n, len(b))
					}
					return None, nil
				}},
			)
		}
	})
}
