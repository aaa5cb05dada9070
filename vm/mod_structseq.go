package vm

import "strings"

// Struct sequences (CPython's PyStructSequence) of the native modules
// that have fields outside the sequence: time.struct_time,
// os.stat_result… (sys's are structseq.go's). Such a type is a builtin
// subclass of tuple
// whose first n_sequence_fields fields are the tuple's items, each also
// readable by name; the fields past those (struct_time's tm_zone) are
// attributes only. An instance is a *Tuple of the visible items whose
// ObjectBase dict holds the hidden fields by name (the type has no
// __dict__ descriptor, so that dict is not otherwise reachable).

// nativeSeq describes a struct sequence type.
type nativeSeq struct {
	typ     *Type
	fields  []string // all the fields, visible ones first
	visible int      // n_sequence_fields
	// noNew makes the type refuse to be called (sys.flags).
	noNew bool
	// members are the named fields, in order: the labels of the repr
	// (which, as CPython's, pairs the i-th member name with the i-th
	// item even where unnamed fields shift them, as in os.stat_result).
	members []string
	// fixup adjusts an instance made by calling the type (stat_result
	// fills st_atime… from the int fields when the sequence lacks them).
	fixup func(tu *Tuple)
}

var nativeSeqs = map[*Type]*nativeSeq{}

// newNativeSeq declares a struct sequence type in a file's variable
// initializers; visible counts the fields that are tuple items.
func newNativeSeq(module, name string, fields []string, visible int, noNew bool) *nativeSeq {
	tp := nativeType(module, name, TupleType, 0)
	ss := &nativeSeq{typ: tp, fields: fields, visible: visible, noNew: noNew}
	nativeSeqs[tp] = ss
	onSetup(func() { ss.setup() })
	return ss
}

// make returns an instance holding values (all the fields, hidden ones
// after the visible; missing hidden ones are None).
func (ss *nativeSeq) make(values ...Value) Value {
	items := make([]Value, ss.visible)
	copy(items, values)
	tu := &Tuple{ObjectBase: ObjectBase{cls: ss.typ}, items: items}
	if len(ss.fields) > ss.visible {
		tu.dict = NewDict()
		for i := ss.visible; i < len(ss.fields); i++ {
			v := None
			if i < len(values) {
				v = values[i]
			}
			tu.dict.SetStr(ss.fields[i], v)
		}
	}
	return Value{o: tu}
}

// field returns field i of a struct sequence instance.
func (ss *nativeSeq) field(tu *Tuple, i int) Value {
	if i < ss.visible {
		return tu.items[i]
	}
	if tu.dict != nil {
		if v, ok := tu.dict.GetStr(ss.fields[i]); ok {
			return v
		}
	}
	return None
}

var structseqNewSpec = ArgSpec{Name: "structseq", Params: []string{"sequence", "dict"}, Required: 1}

func (ss *nativeSeq) setup() {
	tp := ss.typ
	tp.Flags &^= FlagBaseType
	unnamed := 0
	var matchArgs []string
	for i, name := range ss.fields {
		if name == "" {
			unnamed++
		} else {
			ss.members = append(ss.members, name)
			if i < ss.visible {
				matchArgs = append(matchArgs, name)
			}
		}
	}
	tp.Dict.SetStr("n_sequence_fields", Int(int64(ss.visible)))
	tp.Dict.SetStr("n_fields", Int(int64(len(ss.fields))))
	tp.Dict.SetStr("n_unnamed_fields", Int(int64(unnamed)))
	tp.Dict.SetStr("__match_args__", Value{o: NewTuple(strValues(matchArgs)...)})
	for i, name := range ss.fields {
		if name == "" {
			continue
		}
		i := i
		defMember(tp, name, func(t *Thread, self Value) (Value, error) {
			tu, ok := self.o.(*Tuple)
			if !ok {
				return Null, t.typeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, tp.Name, typeName(self))
			}
			return ss.field(tu, i), nil
		})
	}
	tp.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		if ss.noNew {
			return Null, t.typeErrorf("cannot create '%s' instances", tp.Name)
		}
		var a [2]Value
		if err := structseqNewSpec.Parse(t, args, kwnames, a[:]); err != nil {
			return Null, err
		}
		items, err := t.collectIterable(a[0], func() error { return t.typeErrorf("constructor requires a sequence") })
		if err != nil {
			return Null, err
		}
		var d *Dict
		if !a[1].IsNull() && !a[1].IsNone() {
			dd, ok := a[1].o.(*Dict)
			if !ok {
				return Null, t.typeErrorf("%s() takes a dict as second arg, if any", tp.Name)
			}
			d = dd
		}
		n, min, max := len(items), ss.visible, len(ss.fields)
		if n < min {
			if min == max {
				return Null, t.typeErrorf("%s() takes a %d-sequence (%d-sequence given)", tp.Name, min, n)
			}
			return Null, t.typeErrorf("%s() takes an at least %d-sequence (%d-sequence given)", tp.Name, min, n)
		}
		if n > max {
			if min == max {
				return Null, t.typeErrorf("%s() takes a %d-sequence (%d-sequence given)", tp.Name, min, n)
			}
			return Null, t.typeErrorf("%s() takes an at most %d-sequence (%d-sequence given)", tp.Name, max, n)
		}
		values := append([]Value(nil), items...)
		for i := n; i < max; i++ {
			v := None
			if d != nil {
				if x, ok, err := d.Get(t, NewStrValue(ss.fields[i])); err != nil {
					return Null, err
				} else if ok {
					v = x
				}
			}
			values = append(values, v)
		}
		r := ss.make(values...)
		if ss.fixup != nil {
			ss.fixup(r.o.(*Tuple))
		}
		return r, nil
	}
	tp.Repr = func(t *Thread, v Value) (Value, error) {
		tu := v.o.(*Tuple)
		if t.reprEnter(v) {
			return NewStrValue("(...)"), nil
		}
		defer t.reprLeave(v)
		var b strings.Builder
		b.WriteString(tp.Name)
		b.WriteByte('(')
		for i := 0; i < ss.visible && i < len(tu.items); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			r, err := Repr(t, tu.items[i])
			if err != nil {
				return Null, err
			}
			if i < len(ss.members) {
				b.WriteString(ss.members[i])
			}
			b.WriteByte('=')
			b.WriteString(r.s)
		}
		b.WriteByte(')')
		return NewStrValue(b.String()), nil
	}
	defMethods(tp,
		MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			tu := self.o.(*Tuple)
			d := NewDict()
			for i := ss.visible; i < len(ss.fields); i++ {
				d.SetStr(ss.fields[i], ss.field(tu, i))
			}
			return Value{o: NewTuple(Value{o: tp}, Value{o: NewTuple(Value{o: NewTuple(append([]Value(nil), tu.items...)...)}, Value{o: d})})}, nil
		}},
		MethodDef{Name: "__replace__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if len(args) > len(kw) {
				return Null, t.typeErrorf("__replace__() takes no positional arguments")
			}
			tu := self.o.(*Tuple)
			values := make([]Value, len(ss.fields))
			for i := range ss.fields {
				values[i] = ss.field(tu, i)
			}
			_, kv := kwArgs(args, kw)
			var unknown []string
			for k, name := range kw {
				found := false
				for i, f := range ss.fields {
					if f == name.s {
						values[i] = kv[k]
						found = true
						break
					}
				}
				if !found {
					unknown = append(unknown, name.s)
				}
			}
			if len(unknown) > 0 {
				return Null, t.typeErrorf("Got unexpected field name(s): %s", reprStrings(unknown))
			}
			return ss.make(values...), nil
		}},
	)
}

// reprStrings is the repr of a list of Go strings as a Python list.
func reprStrings(ss []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range ss {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(reprString(s))
	}
	b.WriteByte(']')
	return b.String()
}
