package vm

import "strings"

// The slots of dict, its views and iterators, and its core methods.

// dictIter iterates a dict's keys, values or items; it fails if the dict
// changes size while it runs.
type dictIter struct {
	ObjectBase
	d     *Dict
	i     int
	size  int
	kind  int // 0 keys, 1 values, 2 items
	count int
}

// dictView is dict_keys, dict_values or dict_items.
type dictView struct {
	ObjectBase
	d    *Dict
	kind int
}

var (
	dictKeyIterType   = builtinType("dict_keyiterator", nil, 0)
	dictValueIterType = builtinType("dict_valueiterator", nil, 0)
	dictItemIterType  = builtinType("dict_itemiterator", nil, 0)
	dictKeysType      = builtinType("dict_keys", nil, 0)
	dictValuesType    = builtinType("dict_values", nil, 0)
	dictItemsType     = builtinType("dict_items", nil, 0)
)

var dictIterTypes = [3]*Type{dictKeyIterType, dictValueIterType, dictItemIterType}
var dictViewTypes = [3]*Type{dictKeysType, dictValuesType, dictItemsType}

func newDictIter(d *Dict, kind int) *dictIter {
	return &dictIter{ObjectBase: ObjectBase{cls: dictIterTypes[kind]}, d: d, kind: kind, size: d.used}
}

func (it *dictIter) next(t *Thread) (Value, error) {
	d := it.d
	if d == nil {
		return Null, nil
	}
	if d.used != it.size {
		it.size = -1
		return Null, t.raise(RuntimeErrorType, "dictionary changed size during iteration")
	}
	for it.i < len(d.entries) {
		e := &d.entries[it.i]
		it.i++
		if e.key.IsNull() {
			continue
		}
		it.count++
		switch it.kind {
		case 0:
			return e.key, nil
		case 1:
			return e.value, nil
		}
		return Value{o: NewTuple(e.key, e.value)}, nil
	}
	if it.count != it.size {
		return Null, t.raise(RuntimeErrorType, "dictionary keys changed during iteration")
	}
	it.d = nil
	return Null, nil
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
	for i, tp := range dictIterTypes {
		_ = i
		tp.Iter = selfIter
		tp.Next = func(t *Thread, v Value) (Value, error) { return v.o.(*dictIter).next(t) }
	}
	for kind, tp := range dictViewTypes {
		kind := kind
		tp.Iter = func(t *Thread, v Value) (Value, error) {
			return Value{o: newDictIter(v.o.(*dictView).d, kind)}, nil
		}
		tp.Len = func(t *Thread, v Value) (int, error) { return v.o.(*dictView).d.used, nil }
		tp.Repr = func(t *Thread, v Value) (Value, error) {
			view := v.o.(*dictView)
			items, err := t.collectIterable(v, nil)
			if err != nil {
				return Null, err
			}
			if t.reprEnter(v) {
				return NewStrValue("..."), nil
			}
			defer t.reprLeave(v)
			inner, err := seqRepr(t, Value{o: NewList(items...)}, items, "[", "]")
			if err != nil {
				return Null, err
			}
			return NewStrValue(view.cls.Name + "(" + inner.o.(*Str).s + ")"), nil
		}
		if kind != 1 {
			tp.Contains = func(t *Thread, c, x Value) (bool, error) {
				view := c.o.(*dictView)
				if kind == 0 {
					_, ok, err := view.d.Get(t, x)
					return ok, err
				}
				tu, ok := x.o.(*Tuple)
				if !ok || len(tu.items) != 2 {
					return false, nil
				}
				v, found, err := view.d.Get(t, tu.items[0])
				if err != nil || !found {
					return false, err
				}
				return RichCompareBool(t, v, tu.items[1], EQ)
			}
		}
	}
	view := func(kind int) BuiltinFunc {
		return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, []string{"keys", "values", "items"}[kind], args, kw); err != nil {
				return Null, err
			}
			return Value{o: &dictView{ObjectBase: ObjectBase{cls: dictViewTypes[kind]}, d: self.o.(*Dict), kind: kind}}, nil
		}
	}
	defMethods(dt,
		MethodDef{Name: "keys", Fn: view(0)},
		MethodDef{Name: "values", Fn: view(1)},
		MethodDef{Name: "items", Fn: view(2)},
		MethodDef{Name: "get", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "get", args, kw, 1, 2); err != nil {
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
			if err := checkPositional(t, "setdefault", args, kw, 1, 2); err != nil {
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
			if err := checkPositional(t, "pop", args, kw, 1, 2); err != nil {
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
			if err := noArgs(t, "popitem", args, kw); err != nil {
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
			if err := noArgs(t, "copy", args, kw); err != nil {
				return Null, err
			}
			return Value{o: self.o.(*Dict).Copy()}, nil
		}},
		MethodDef{Name: "clear", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "clear", args, kw); err != nil {
				return Null, err
			}
			self.o.(*Dict).Clear()
			return None, nil
		}},
		MethodDef{Name: "fromkeys", Class: true, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "fromkeys", args, kw, 1, 2); err != nil {
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
	)
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
