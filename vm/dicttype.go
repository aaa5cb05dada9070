package vm

import "strings"

// The slots of dict, its views and iterators, and its core methods.

// dictIter iterates a dict's keys, values or items, forwards or (the
// reverse iterators) backwards, as CPython's dictiterobject: it fails,
// stickily, when the dict's size changes, and with "keys changed" when it
// finds more entries than the dict had.
type dictIter struct {
	ObjectBase
	d       *Dict // nil once exhausted
	pos     int
	used    int
	len     int
	kind    int // 0 keys, 1 values, 2 items
	reverse bool
}

// dictView is dict_keys, dict_values or dict_items.
type dictView struct {
	ObjectBase
	d    *Dict
	kind int
}

var (
	dictKeyIterType      = builtinType("dict_keyiterator", nil, 0)
	dictValueIterType    = builtinType("dict_valueiterator", nil, 0)
	dictItemIterType     = builtinType("dict_itemiterator", nil, 0)
	dictRevKeyIterType   = builtinType("dict_reversekeyiterator", nil, 0)
	dictRevValueIterType = builtinType("dict_reversevalueiterator", nil, 0)
	dictRevItemIterType  = builtinType("dict_reverseitemiterator", nil, 0)
	dictKeysType         = builtinType("dict_keys", nil, 0)
	dictValuesType       = builtinType("dict_values", nil, 0)
	dictItemsType        = builtinType("dict_items", nil, 0)
)

var dictIterTypes = [3]*Type{dictKeyIterType, dictValueIterType, dictItemIterType}
var dictRevIterTypes = [3]*Type{dictRevKeyIterType, dictRevValueIterType, dictRevItemIterType}
var dictViewTypes = [3]*Type{dictKeysType, dictValuesType, dictItemsType}

func newDictIter(d *Dict, kind int) *dictIter {
	return &dictIter{ObjectBase: ObjectBase{cls: dictIterTypes[kind]}, d: d, kind: kind, used: d.used, len: d.used}
}

func newDictRevIter(d *Dict, kind int) *dictIter {
	return &dictIter{ObjectBase: ObjectBase{cls: dictRevIterTypes[kind]}, d: d, kind: kind, used: d.used, len: d.used,
		pos: len(d.entries) - 1, reverse: true}
}

func (it *dictIter) next(t *Thread) (Value, error) {
	d := it.d
	if d == nil {
		return Null, nil
	}
	if d.used != it.used {
		it.used = -1
		return Null, t.raise(RuntimeErrorType, "dictionary changed size during iteration")
	}
	var e *dictEntry
	if it.reverse {
		i := it.pos
		if i >= len(d.entries) {
			i = len(d.entries) - 1
		}
		for i >= 0 && d.entries[i].key.IsNull() {
			i--
		}
		if i < 0 {
			it.d = nil
			return Null, nil
		}
		e = &d.entries[i]
		it.pos = i - 1
	} else {
		i := it.pos
		for i < len(d.entries) && d.entries[i].key.IsNull() {
			i++
		}
		if i >= len(d.entries) {
			it.d = nil
			return Null, nil
		}
		if it.len == 0 {
			it.d = nil
			return Null, t.raise(RuntimeErrorType, "dictionary keys changed during iteration")
		}
		e = &d.entries[i]
		it.pos = i + 1
	}
	it.len--
	switch it.kind {
	case 0:
		return e.key, nil
	case 1:
		return e.value, nil
	}
	return Value{o: NewTuple(e.key, e.value)}, nil
}

// dictOf returns the *Dict of a dict or dict subclass instance.
func dictOf(v Value) (*Dict, bool) {
	d, ok := v.o.(*Dict)
	return d, ok
}

// dictGetItem is dict's subscript, with __missing__ for subclasses.
func dictGetItem(t *Thread, v, key Value) (Value, error) {
	d := v.o.(*Dict)
	r, ok, err := d.Get(t, key)
	if err != nil {
		return Null, err
	}
	if ok {
		return r, nil
	}
	if d.cls != DictType {
		if m := d.cls.LookupString("__missing__"); !m.IsNull() {
			return callDunder(t, v, Intern("__missing__"), key)
		}
	}
	return Null, NewException(KeyErrorType, key)
}

func init() {
	onSetup(setupDict)
}

func setupDict() {
	dt := DictType
	dt.hashNone = true
	dt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		return Value{o: &Dict{ObjectBase: ObjectBase{cls: cls}}}, nil
	}
	dt.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		return dictUpdateArgs(t, self.o.(*Dict), "dict", args, kw)
	}
	dt.Repr = func(t *Thread, v Value) (Value, error) {
		d := v.o.(*Dict)
		if d.used == 0 {
			return NewStrValue("{}"), nil
		}
		if t.reprEnter(v) {
			return NewStrValue("{...}"), nil
		}
		defer t.reprLeave(v)
		var b strings.Builder
		b.WriteByte('{')
		first := true
		for i := 0; i < len(d.entries); i++ {
			e := d.entries[i]
			if e.key.IsNull() {
				continue
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			k, err := Repr(t, e.key)
			if err != nil {
				return Null, err
			}
			val, err := Repr(t, e.value)
			if err != nil {
				return Null, err
			}
			b.WriteString(k.s + ": " + val.s)
		}
		b.WriteByte('}')
		return NewStrValue(b.String()), nil
	}
	dt.Len = func(t *Thread, v Value) (int, error) { return v.o.(*Dict).used, nil }
	dt.GetItem = dictGetItem
	dt.SetItem = func(t *Thread, v, key, value Value) error {
		d := v.o.(*Dict)
		if value.IsNull() {
			ok, err := d.Delete(t, key)
			if err != nil {
				return err
			}
			if !ok {
				return NewException(KeyErrorType, key)
			}
			return nil
		}
		return d.Set(t, key, value)
	}
	dt.Contains = func(t *Thread, c, x Value) (bool, error) {
		_, ok, err := c.o.(*Dict).Get(t, x)
		return ok, err
	}
	dt.Iter = func(t *Thread, v Value) (Value, error) { return Value{o: newDictIter(v.o.(*Dict), 0)}, nil }
	dt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		y, ok := dictOf(b)
		if !ok || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		eq, err := dictEqual(t, a.o.(*Dict), y)
		if err != nil {
			return Null, err
		}
		return Bool(eq == (op == EQ)), nil
	}
	dt.Number.Or = func(t *Thread, a, b Value) (Value, error) {
		x, ok1 := dictOf(a)
		_, ok2 := dictOf(b)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		n := x.Copy()
		if x.cls != DictType {
			n.cls = DictType
		}
		if err := dictUpdate(t, n, b, false); err != nil {
			return Null, err
		}
		return Value{o: n}, nil
	}
	dt.Number.InplaceOr = func(t *Thread, a, b Value) (Value, error) {
		if err := dictUpdateArgs(t, a.o.(*Dict), "update", []Value{b}, nil); err != nil {
			return Null, err
		}
		return a, nil
	}
	for _, tp := range append(dictIterTypes[:], dictRevIterTypes[:]...) {
		tp.Iter = selfIter
		tp.Next = func(t *Thread, v Value) (Value, error) { return v.o.(*dictIter).next(t) }
		defMethods(tp, MethodDef{Name: "__length_hint__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "__length_hint__", args, kw); err != nil {
				return Null, err
			}
			it := self.o.(*dictIter)
			if it.d != nil && it.used == it.d.used {
				return Int(int64(it.len)), nil
			}
			return Int(0), nil
		}})
	}
	setupDictViews()
	view := func(kind int) BuiltinFunc {
		name := []string{"dict.keys", "dict.values", "dict.items"}[kind]
		return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, name, args, kw); err != nil {
				return Null, err
			}
			return Value{o: &dictView{ObjectBase: ObjectBase{cls: dictViewTypes[kind]}, d: self.o.(*Dict), kind: kind}}, nil
		}
	}
	// positional is _PyArg_CheckPositional with the method's short name,
	// after refusing keywords under its qualified one.
	positional := func(t *Thread, name string, args []Value, kw []*Str, lo, hi int) error {
		if err := noKwargs(t, "dict."+name, kw); err != nil {
			return err
		}
		return checkPositional(t, name, args, nil, lo, hi)
	}
	defMethods(dt,
		MethodDef{Name: "keys", Fn: view(0)},
		MethodDef{Name: "values", Fn: view(1)},
		MethodDef{Name: "items", Fn: view(2)},
		MethodDef{Name: "get", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := positional(t, "get", args, kw, 1, 2); err != nil {
				return Null, err
			}
			v, ok, err := self.o.(*Dict).Get(t, args[0])
			if err != nil {
				return Null, err
			}
			if ok {
				return v, nil
			}
			if len(args) == 2 {
				return args[1], nil
			}
			return None, nil
		}},
		MethodDef{Name: "setdefault", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := positional(t, "setdefault", args, kw, 1, 2); err != nil {
				return Null, err
			}
			d := self.o.(*Dict)
			v, ok, err := d.Get(t, args[0])
			if err != nil || ok {
				return v, err
			}
			def := None
			if len(args) == 2 {
				def = args[1]
			}
			return def, d.Set(t, args[0], def)
		}},
		MethodDef{Name: "pop", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := positional(t, "pop", args, kw, 1, 2); err != nil {
				return Null, err
			}
			d := self.o.(*Dict)
			v, ok, err := d.Get(t, args[0])
			if err != nil {
				return Null, err
			}
			if !ok {
				if len(args) == 2 {
					return args[1], nil
				}
				return Null, NewException(KeyErrorType, args[0])
			}
			_, err = d.Delete(t, args[0])
			return v, err
		}},
		MethodDef{Name: "popitem", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "dict.popitem", args, kw); err != nil {
				return Null, err
			}
			d := self.o.(*Dict)
			for i := len(d.entries) - 1; i >= 0; i-- {
				e := d.entries[i]
				if !e.key.IsNull() {
					if _, err := d.Delete(t, e.key); err != nil {
						return Null, err
					}
					return Value{o: NewTuple(e.key, e.value)}, nil
				}
			}
			return Null, t.raise(KeyErrorType, "popitem(): dictionary is empty")
		}},
		MethodDef{Name: "update", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return None, dictUpdateArgs(t, self.o.(*Dict), "update", args, kw)
		}},
		MethodDef{Name: "copy", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "dict.copy", args, kw); err != nil {
				return Null, err
			}
			return Value{o: self.o.(*Dict).Copy()}, nil
		}},
		MethodDef{Name: "clear", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "dict.clear", args, kw); err != nil {
				return Null, err
			}
			d := self.o.(*Dict)
			if finLive.Load() != 0 {
				entries := d.entries
				d.Clear()
				t.finDropEntries(entries)
				return None, nil
			}
			d.Clear()
			return None, nil
		}},
		MethodDef{Name: "fromkeys", Class: true, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := positional(t, "fromkeys", args, kw, 1, 2); err != nil {
				return Null, err
			}
			value := None
			if len(args) == 2 {
				value = args[1]
			}
			dv, err := t.Call(self, nil, nil)
			if err != nil {
				return Null, err
			}
			keys, err := t.collectIterable(args[0], nil)
			if err != nil {
				return Null, err
			}
			for _, k := range keys {
				if err := SetItem(t, dv, k, value); err != nil {
					return Null, err
				}
			}
			return dv, nil
		}},
		MethodDef{Name: "__getitem__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "dict.__getitem__", args, kw); err != nil {
				return Null, err
			}
			return dictGetItem(t, self, args[0])
		}},
		MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias},
		MethodDef{Name: "__contains__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "dict.__contains__", args, kw); err != nil {
				return Null, err
			}
			_, ok, err := self.o.(*Dict).Get(t, args[0])
			if err != nil {
				return Null, err
			}
			return Bool(ok), nil
		}},
		MethodDef{Name: "__reversed__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "dict.__reversed__", args, kw); err != nil {
				return Null, err
			}
			return Value{o: newDictRevIter(self.o.(*Dict), 0)}, nil
		}},
		MethodDef{Name: "__sizeof__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "dict.__sizeof__", args, kw); err != nil {
				return Null, err
			}
			return Int(int64(dictSizeof(self.o.(*Dict)))), nil
		}},
	)
}

// dictSizeof approximates dict.__sizeof__: the object, and once it holds
// items its keys table, sized as CPython sizes it for the entries (an
// index of one byte per slot and 2/3 of the slots as entries of 16 bytes
// when every key is a str, 24 otherwise).
func dictSizeof(d *Dict) int {
	if len(d.entries) == 0 {
		return 48
	}
	size := 8
	for size*2/3 < len(d.entries) {
		size *= 2
	}
	entry := 16
	for _, e := range d.entries {
		if k, ok := e.key.o.(*Str); !e.key.IsNull() && (!ok || k.cls != StrType) {
			entry = 24
			break
		}
	}
	return 48 + 32 + size + (size*2/3)*entry
}

// dictUpdateArgs is dict(...)/dict.update(...): a mapping or an iterable
// of pairs, then keyword arguments.
func dictUpdateArgs(t *Thread, d *Dict, name string, args []Value, kw []*Str) error {
	npos := len(args) - len(kw)
	if npos > 1 {
		return t.typeErrorf("%s expected at most 1 argument, got %d", name, npos)
	}
	if npos == 1 {
		arg := args[0]
		if _, ok := arg.o.(*Dict); ok {
			if err := dictUpdate(t, d, arg, false); err != nil {
				return err
			}
		} else if k, err := getAttrOpt(t, arg, Intern("keys")); err != nil {
			return err
		} else if !k.IsNull() {
			if err := dictUpdate(t, d, arg, false); err != nil {
				return err
			}
		} else if err := dictMergeFromSeq2(t, d, arg); err != nil {
			return err
		}
	}
	for i, k := range kw {
		d.setStr(k, args[npos+i])
	}
	return nil
}

// dictMergeFromSeq2 adds the pairs of an iterable to d.
func dictMergeFromSeq2(t *Thread, d *Dict, seq Value) error {
	it, err := Iter(t, seq)
	if err != nil {
		return err
	}
	for i := 0; ; i++ {
		item, err := Next(t, it)
		if err != nil {
			return err
		}
		if item.IsNull() {
			return nil
		}
		pair, err := t.collectIterable(item, func() error {
			return t.typeErrorf("cannot convert dictionary update sequence element #%d to a sequence", i)
		})
		if err != nil {
			return err
		}
		if len(pair) != 2 {
			return t.valueErrorf("dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
		}
		if err := d.Set(t, pair[0], pair[1]); err != nil {
			return err
		}
	}
}

// dictEqual compares two dicts' items.
func dictEqual(t *Thread, a, b *Dict) (bool, error) {
	if a.used != b.used {
		return false, nil
	}
	for i := 0; i < len(a.entries); i++ {
		e := a.entries[i]
		if e.key.IsNull() {
			continue
		}
		v, ok, err := b.Get(t, e.key)
		if err != nil || !ok {
			return false, err
		}
		if v.Is(e.value) {
			continue
		}
		eq, err := RichCompareBool(t, e.value, v, EQ)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}
