package vm

// list and tuple: their slots and methods.

// listOf returns the *List of a list or list subclass instance.
func listOf(v Value) (*List, bool) {
	l, ok := v.o.(*List)
	return l, ok
}

func tupleOf(v Value) (*Tuple, bool) {
	tu, ok := v.o.(*Tuple)
	return tu, ok
}

func init() {
	onSetup(setupListTuple)
}

func setupListTuple() {
	lt := ListType
	lt.hashNone = true
	lt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		return Value{o: &List{ObjectBase: ObjectBase{cls: cls}}}, nil
	}
	lt.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		if err := noKwargs(t, "list", kw); err != nil {
			return err
		}
		if len(args) > 1 {
			return t.typeErrorf("list expected at most 1 argument, got %d", len(args))
		}
		l := self.o.(*List)
		l.items = nil
		if len(args) == 1 {
			items, err := t.collectIterable(args[0], nil)
			if err != nil {
				return err
			}
			l.items = append([]Value(nil), items...)
		}
		return nil
	}
	lt.Repr = func(t *Thread, v Value) (Value, error) {
		l := v.o.(*List)
		return seqRepr(t, v, l.items, "[", "]")
	}
	lt.Len = func(t *Thread, v Value) (int, error) { return len(v.o.(*List).items), nil }
	lt.Iter = func(t *Thread, v Value) (Value, error) {
		return Value{o: &sliceIter{ObjectBase: ObjectBase{cls: listIterType}, list: v.o.(*List)}}, nil
	}
	lt.Contains = func(t *Thread, c, x Value) (bool, error) { return seqContains(t, c.o.(*List).items, x) }
	lt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		y, ok := listOf(b)
		if !ok {
			return NotImplemented, nil
		}
		return seqCompare(t, a.o.(*List).items, y.items, op)
	}
	lt.GetItem = func(t *Thread, v, key Value) (Value, error) {
		l := v.o.(*List)
		if key.IsSmallInt() {
			i := int(key.SmallInt())
			if i < 0 {
				i += len(l.items)
			}
			if i < 0 || i >= len(l.items) {
				return Null, t.raise(IndexErrorType, "list index out of range")
			}
			return l.items[i], nil
		}
		if s, ok := key.o.(*Slice); ok {
			start, _, step, n, err := s.Indices(t, len(l.items))
			if err != nil {
				return Null, err
			}
			return Value{o: NewList(selectItems(l.items, start, step, n)...)}, nil
		}
		if !hasIndex(key) {
			return Null, t.typeErrorf("list indices must be integers or slices, not %s", typeName(key))
		}
		i, err := seqIndex(t, key, len(l.items), "list")
		if err != nil {
			return Null, err
		}
		return l.items[i], nil
	}
	lt.SetItem = listSetItem
	lt.SqConcat = func(t *Thread, a, b Value) (Value, error) {
		y, ok := listOf(b)
		if !ok {
			return Null, t.typeErrorf("can only concatenate list (not \"%s\") to list", typeName(b))
		}
		x := a.o.(*List)
		items := make([]Value, 0, len(x.items)+len(y.items))
		return Value{o: NewList(append(append(items, x.items...), y.items...)...)}, nil
	}
	lt.SqRepeat = func(t *Thread, seq Value, n int) (Value, error) {
		items := seq.o.(*List).items
		if err := t.checkRepeat(len(items), n); err != nil {
			return Null, err
		}
		out := make([]Value, 0, max(0, n)*len(items))
		for i := 0; i < n; i++ {
			out = append(out, items...)
		}
		return Value{o: NewList(out...)}, nil
	}
	lt.SqInplaceConcat = func(t *Thread, a, b Value) (Value, error) {
		items, err := t.collectIterable(b, nil)
		if err != nil {
			return Null, err
		}
		l := a.o.(*List)
		l.items = append(l.items, items...)
		return a, nil
	}
	lt.SqInplaceRepeat = func(t *Thread, seq Value, n int) (Value, error) {
		l := seq.o.(*List)
		if err := t.checkRepeat(len(l.items), n); err != nil {
			return Null, err
		}
		items := l.items
		out := make([]Value, 0, max(0, n)*len(items))
		for i := 0; i < n; i++ {
			out = append(out, items...)
		}
		l.items = out
		return seq, nil
	}
	defMethods(lt,
		MethodDef{Name: "append", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "list.append", args, kw); err != nil {
				return Null, err
			}
			l := self.o.(*List)
			l.items = append(l.items, args[0])
			return None, nil
		}},
		MethodDef{Name: "extend", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "list.extend", args, kw); err != nil {
				return Null, err
			}
			items, err := t.collectIterable(args[0], nil)
			if err != nil {
				return Null, err
			}
			l := self.o.(*List)
			l.items = append(l.items, items...)
			return None, nil
		}},
		MethodDef{Name: "pop", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := positional(t, "list.pop", "pop", args, kw, 0, 1); err != nil {
				return Null, err
			}
			l := self.o.(*List)
			i := len(l.items) - 1
			if len(args) == 1 {
				n, err := AsSize(t, args[0], OverflowErrorType)
				if err != nil {
					return Null, err
				}
				i = n
				if i < 0 {
					i += len(l.items)
				}
			}
			if len(l.items) == 0 {
				return Null, t.raise(IndexErrorType, "pop from empty list")
			}
			if i < 0 || i >= len(l.items) {
				return Null, t.raise(IndexErrorType, "pop index out of range")
			}
			v := l.items[i]
			copy(l.items[i:], l.items[i+1:])
			l.items[len(l.items)-1] = Null
			l.items = l.items[:len(l.items)-1]
			return v, nil
		}},
		MethodDef{Name: "insert", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := positional(t, "list.insert", "insert", args, kw, 2, 2); err != nil {
				return Null, err
			}
			i, err := AsSize(t, args[0], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			l := self.o.(*List)
			n := len(l.items)
			if i < 0 {
				i += n
				if i < 0 {
					i = 0
				}
			}
			if i > n {
				i = n
			}
			l.items = append(l.items, Null)
			copy(l.items[i+1:], l.items[i:])
			l.items[i] = args[1]
			return None, nil
		}},
		MethodDef{Name: "remove", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "list.remove", args, kw); err != nil {
				return Null, err
			}
			l := self.o.(*List)
			for i := 0; i < len(l.items); i++ {
				eq := l.items[i].Is(args[0])
				if !eq {
					var err error
					if eq, err = RichCompareBool(t, l.items[i], args[0], EQ); err != nil {
						return Null, err
					}
				}
				if eq {
					old := l.items[i]
					n := len(l.items)
					l.items = append(l.items[:i], l.items[i+1:]...)
					l.items[:n][n-1] = Null
					if finLive.Load() != 0 {
						t.finDrop(old)
					}
					return None, nil
				}
			}
			return Null, t.valueErrorf("list.remove(x): x not in list")
		}},
		MethodDef{Name: "index", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return seqIndexMethod(t, &self.o.(*List).items, args, kw, "list")
		}},
		MethodDef{Name: "count", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "list.count", args, kw); err != nil {
				return Null, err
			}
			return seqCount(t, self.o.(*List).items, args[0])
		}},
		MethodDef{Name: "reverse", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "list.reverse", args, kw); err != nil {
				return Null, err
			}
			items := self.o.(*List).items
			for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
				items[i], items[j] = items[j], items[i]
			}
			return None, nil
		}},
		MethodDef{Name: "copy", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "list.copy", args, kw); err != nil {
				return Null, err
			}
			return Value{o: NewList(append([]Value(nil), self.o.(*List).items...)...)}, nil
		}},
		MethodDef{Name: "clear", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "list.clear", args, kw); err != nil {
				return Null, err
			}
			l := self.o.(*List)
			if finLive.Load() != 0 {
				items := l.items
				l.items = nil
				t.finDropItems(items, true)
				return None, nil
			}
			l.items = nil
			return None, nil
		}},
		MethodDef{Name: "sort", Fn: listSort},
		MethodDef{Name: "__reversed__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "list.__reversed__", args, kw); err != nil {
				return Null, err
			}
			l := self.o.(*List)
			return Value{o: &listRevIter{ObjectBase: ObjectBase{cls: listRevIterType}, list: l, i: len(l.items) - 1}}, nil
		}},
		MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias},
		MethodDef{Name: "__getitem__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "list.__getitem__", args, kw); err != nil {
				return Null, err
			}
			return lt.GetItem(t, self, args[0])
		}},
		MethodDef{Name: "__sizeof__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "list.__sizeof__", args, kw); err != nil {
				return Null, err
			}
			return Int(int64(40 + 8*len(self.o.(*List).items))), nil
		}},
	)
	defMethods(lt, seqSlotWrappers(lt)...)

	tt := TupleType
	tt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if err := noKwargs(t, "tuple", kw); err != nil {
			return Null, err
		}
		if len(args) > 1 {
			return Null, t.typeErrorf("tuple expected at most 1 argument, got %d", len(args))
		}
		var items []Value
		if len(args) == 1 {
			if tu, ok := args[0].o.(*Tuple); ok && tu.cls == TupleType && cls == TupleType {
				return args[0], nil
			}
			var err error
			if items, err = t.collectIterable(args[0], nil); err != nil {
				return Null, err
			}
			items = append([]Value(nil), items...)
		}
		if cls == TupleType {
			return Value{o: NewTuple(items...)}, nil
		}
		return Value{o: &Tuple{ObjectBase: ObjectBase{cls: cls}, items: items}}, nil
	}
	tt.Repr = func(t *Thread, v Value) (Value, error) {
		tu := v.o.(*Tuple)
		if len(tu.items) == 1 {
			return seqRepr(t, v, tu.items, "(", ",)")
		}
		return seqRepr(t, v, tu.items, "(", ")")
	}
	tt.Len = func(t *Thread, v Value) (int, error) { return len(v.o.(*Tuple).items), nil }
	tt.Iter = func(t *Thread, v Value) (Value, error) {
		return Value{o: &sliceIter{ObjectBase: ObjectBase{cls: tupleIterType}, tuple: v.o.(*Tuple)}}, nil
	}
	tt.Contains = func(t *Thread, c, x Value) (bool, error) { return seqContains(t, c.o.(*Tuple).items, x) }
	tt.Hash = func(t *Thread, v Value) (int64, error) { return tupleHash(t, v.o.(*Tuple).items) }
	tt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		y, ok := tupleOf(b)
		if !ok {
			return NotImplemented, nil
		}
		return seqCompare(t, a.o.(*Tuple).items, y.items, op)
	}
	tt.GetItem = func(t *Thread, v, key Value) (Value, error) {
		tu := v.o.(*Tuple)
		if key.IsSmallInt() {
			i := int(key.SmallInt())
			if i < 0 {
				i += len(tu.items)
			}
			if i < 0 || i >= len(tu.items) {
				return Null, t.raise(IndexErrorType, "tuple index out of range")
			}
			return tu.items[i], nil
		}
		if s, ok := key.o.(*Slice); ok {
			start, _, step, n, err := s.Indices(t, len(tu.items))
			if err != nil {
				return Null, err
			}
			if start == 0 && step == 1 && n == len(tu.items) && tu.cls == TupleType {
				return v, nil
			}
			return Value{o: NewTuple(selectItems(tu.items, start, step, n)...)}, nil
		}
		if !hasIndex(key) {
			return Null, t.typeErrorf("tuple indices must be integers or slices, not %s", typeName(key))
		}
		i, err := seqIndex(t, key, len(tu.items), "tuple")
		if err != nil {
			return Null, err
		}
		return tu.items[i], nil
	}
	tt.SqConcat = func(t *Thread, a, b Value) (Value, error) {
		y, ok := tupleOf(b)
		if !ok {
			return Null, t.typeErrorf("can only concatenate tuple (not \"%s\") to tuple", typeName(b))
		}
		x := a.o.(*Tuple)
		items := make([]Value, 0, len(x.items)+len(y.items))
		return Value{o: NewTuple(append(append(items, x.items...), y.items...)...)}, nil
	}
	tt.SqRepeat = func(t *Thread, seq Value, n int) (Value, error) {
		items := seq.o.(*Tuple).items
		if n == 1 && seq.Type() == TupleType {
			return seq, nil
		}
		if err := t.checkRepeat(len(items), n); err != nil {
			return Null, err
		}
		out := make([]Value, 0, max(0, n)*len(items))
		for i := 0; i < n; i++ {
			out = append(out, items...)
		}
		return Value{o: NewTuple(out...)}, nil
	}
	defMethods(tt,
		MethodDef{Name: "index", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return seqIndexMethod(t, &self.o.(*Tuple).items, args, kw, "tuple")
		}},
		MethodDef{Name: "count", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "tuple.count", args, kw); err != nil {
				return Null, err
			}
			return seqCount(t, self.o.(*Tuple).items, args[0])
		}},
		MethodDef{Name: "__getnewargs__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "tuple.__getnewargs__", args, kw); err != nil {
				return Null, err
			}
			return Value{o: NewTuple(Value{o: NewTuple(self.o.(*Tuple).items...)})}, nil
		}},
		MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias},
		MethodDef{Name: "__getitem__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "tuple.__getitem__", args, kw); err != nil {
				return Null, err
			}
			return tt.GetItem(t, self, args[0])
		}},
		MethodDef{Name: "__sizeof__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "tuple.__sizeof__", args, kw); err != nil {
				return Null, err
			}
			return Int(int64(24 + 8*len(self.o.(*Tuple).items))), nil
		}},
	)
	defMethods(tt, seqSlotWrappers(tt)...)
	setupSeqIterHints()
}

// positional is _PyArg_CheckPositional with a method's short name, after
// refusing keywords under its qualified one.
func positional(t *Thread, qual, name string, args []Value, kw []*Str, lo, hi int) error {
	if err := noKwargs(t, qual, kw); err != nil {
		return err
	}
	return checkPositional(t, name, args, nil, lo, hi)
}

// setupSeqIterHints gives the list and tuple iterators __length_hint__.
func setupSeqIterHints() {
	hint := func(f func(v Value) int) MethodDef {
		return MethodDef{Name: "__length_hint__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "__length_hint__", args, kw); err != nil {
				return Null, err
			}
			return Int(int64(max(0, f(self)))), nil
		}}
	}
	defMethods(listIterType, hint(func(v Value) int {
		it := v.o.(*sliceIter)
		if it.list == nil {
			return 0
		}
		return len(it.list.items) - it.i
	}))
	defMethods(tupleIterType, hint(func(v Value) int {
		it := v.o.(*sliceIter)
		if it.tuple == nil {
			return 0
		}
		return len(it.tuple.items) - it.i
	}))
	defMethods(listRevIterType, hint(func(v Value) int {
		it := v.o.(*listRevIter)
		n := it.i + 1
		if it.list == nil || len(it.list.items) < n {
			return 0
		}
		return n
	}))
}

// inheritSeqSlots gives a class defined in Python the sequence fallbacks
// of + and * (sq_concat, sq_repeat and their in-place forms) of its
// builtin base, as inherit_slots does: a subclass of list or tuple
// concatenates and repeats like its base.
func inheritSeqSlots(c *Type) {
	b := c.builtin
	if b == nil {
		return
	}
	if c.SqConcat == nil {
		c.SqConcat = b.SqConcat
	}
	if c.SqRepeat == nil {
		c.SqRepeat = b.SqRepeat
	}
	if c.SqInplaceConcat == nil {
		c.SqInplaceConcat = b.SqInplaceConcat
	}
	if c.SqInplaceRepeat == nil {
		c.SqInplaceRepeat = b.SqInplaceRepeat
	}
}

// seqSlotWrappers are the wrapper methods of a builtin sequence's
// concatenation and repetition slots: __add__, __mul__, __rmul__ and,
// when it has them, __iadd__ and __imul__.
func seqSlotWrappers(tp *Type) []MethodDef {
	wrap := func(name string, fn func(t *Thread, self, x Value) (Value, error)) MethodDef {
		// The repeat wrappers unpack with PyArg_UnpackTuple (unpackArgs).
		repeat := name == "__mul__" || name == "__rmul__" || name == "__imul__"
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			check := exactArgs(t, name, args, kw, 1)
			if repeat {
				check = unpackArgs(t, name, args, kw, 1, 1)
			}
			if err := check; err != nil {
				return Null, err
			}
			return fn(t, self, args[0])
		}}
	}
	repeat := func(r RepeatSlot) func(t *Thread, self, x Value) (Value, error) {
		return func(t *Thread, self, x Value) (Value, error) {
			n, err := AsSize(t, x, OverflowErrorType)
			if err != nil {
				return Null, err
			}
			return r(t, self, n)
		}
	}
	defs := []MethodDef{
		wrap("__add__", func(t *Thread, self, x Value) (Value, error) { return tp.SqConcat(t, self, x) }),
		wrap("__mul__", repeat(tp.SqRepeat)),
		wrap("__rmul__", repeat(tp.SqRepeat)),
	}
	if tp.SqInplaceConcat != nil {
		defs = append(defs,
			wrap("__iadd__", func(t *Thread, self, x Value) (Value, error) { return tp.SqInplaceConcat(t, self, x) }),
			wrap("__imul__", repeat(tp.SqInplaceRepeat)))
	}
	return defs
}

// classGetItemAlias is the __class_getitem__ of the builtin generic
// types: list[int] is a GenericAlias.
func classGetItemAlias(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	name := "__class_getitem__"
	if c, ok := self.o.(*Type); ok {
		name = c.QualName + "." + name
	}
	if err := oneArg(t, name, args, kw); err != nil {
		return Null, err
	}
	return Value{o: NewGenericAlias(self, args[0])}, nil
}

// checkRepeat refuses a repetition whose result would be too large.
func (t *Thread) checkRepeat(size, n int) error {
	if size > 0 && n > 0 && n > (1<<40)/size {
		return NewException(MemoryErrorType)
	}
	return nil
}

// listSetItem is list's __setitem__ and __delitem__ (value NULL).
func listSetItem(t *Thread, v, key, value Value) error {
	l := v.o.(*List)
	if s, ok := key.o.(*Slice); ok {
		start, stop, step, n, err := s.Indices(t, len(l.items))
		if err != nil {
			return err
		}
		if value.IsNull() {
			if step == 1 {
				if stop > start {
					n := len(l.items)
					l.items = append(l.items[:start], l.items[stop:]...)
					// No stale references past the end (they would
					// keep the items deleted alive: finalize.go).
					clear(l.items[len(l.items):n])
				}
				return nil
			}
			del := map[int]bool{}
			for i, j := 0, start; i < n; i, j = i+1, j+step {
				del[j] = true
			}
			out := l.items[:0:0]
			for i, x := range l.items {
				if !del[i] {
					out = append(out, x)
				}
			}
			l.items = out
			return nil
		}
		var items []Value
		if value.o == v.o {
			items = append([]Value(nil), l.items...)
		} else {
			items, err = t.collectIterable(value, func() error {
				return t.typeErrorf("must assign iterable to extended slice")
			})
			if err != nil {
				return err
			}
		}
		if step == 1 {
			if stop < start {
				stop = start
			}
			if len(items) == stop-start {
				// Same length: in place (items is a copy when it was l).
				copy(l.items[start:stop], items)
				return nil
			}
			out := make([]Value, 0, len(l.items)-(stop-start)+len(items))
			out = append(out, l.items[:start]...)
			out = append(out, items...)
			out = append(out, l.items[stop:]...)
			l.items = out
			return nil
		}
		if len(items) != n {
			return t.valueErrorf("attempt to assign sequence of size %d to extended slice of size %d", len(items), n)
		}
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			l.items[j] = items[i]
		}
		return nil
	}
	if !hasIndex(key) {
		return t.typeErrorf("list indices must be integers or slices, not %s", typeName(key))
	}
	i, err := seqIndex(t, key, len(l.items), "list assignment")
	if err != nil {
		return err
	}
	if value.IsNull() {
		n := len(l.items)
		l.items = append(l.items[:i], l.items[i+1:]...)
		l.items[:n][n-1] = Null
		return nil
	}
	l.items[i] = value
	return nil
}

// sliceIndexNotNone is _PyEval_SliceIndexNotNone: an index argument of
// list.index and tuple.index.
func sliceIndexNotNone(t *Thread, v Value) (int, error) {
	if !hasIndex(v) {
		return 0, t.typeErrorf("slice indices must be integers or have an __index__ method")
	}
	return AsSize(t, v, nil)
}

// seqIndexMethod is list.index and tuple.index.
func seqIndexMethod(t *Thread, itemsp *[]Value, args []Value, kw []*Str, what string) (Value, error) {
	if err := checkPositional(t, "index", args, kw, 1, 3); err != nil {
		return Null, err
	}
	items := *itemsp
	start, stop := 0, len(items)
	if len(args) > 1 {
		n, err := sliceIndexNotNone(t, args[1])
		if err != nil {
			return Null, err
		}
		start = n
	}
	if len(args) > 2 {
		n, err := sliceIndexNotNone(t, args[2])
		if err != nil {
			return Null, err
		}
		stop = n
	}
	if start < 0 {
		start = max(0, start+len(items))
	}
	if stop < 0 {
		stop = max(0, stop+len(items))
	}
	for i := start; i < stop && i < len(*itemsp); i++ {
		x := (*itemsp)[i]
		eq := x.Is(args[0])
		if !eq {
			var err error
			if eq, err = RichCompareBool(t, x, args[0], EQ); err != nil {
				return Null, err
			}
		}
		if eq {
			return Int(int64(i)), nil
		}
	}
	if what == "list" {
		r, err := Repr(t, args[0])
		if err != nil {
			return Null, err
		}
		return Null, t.valueErrorf("%s is not in list", r.s)
	}
	return Null, t.valueErrorf("tuple.index(x): x not in tuple")
}

func seqCount(t *Thread, items []Value, x Value) (Value, error) {
	n := 0
	for i := 0; i < len(items); i++ {
		eq := items[i].Is(x)
		if !eq {
			var err error
			if eq, err = RichCompareBool(t, items[i], x, EQ); err != nil {
				return Null, err
			}
		}
		if eq {
			n++
		}
	}
	return Int(int64(n)), nil
}

var sortSpec = ArgSpec{Name: "sort", Params: []string{"key", "reverse"}, KwOnly: 2}

// listSort is list.sort(*, key=None, reverse=False) (list_sort_impl):
// the keys are computed first, the list is emptied while it is sorted
// (a comparison that changes it makes "list modified during sort"), and
// a reverse sort reverses before and after a stable forward sort.
func listSort(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var out [2]Value
	if len(args) > len(kw) {
		return Null, t.typeErrorf("sort() takes no positional arguments")
	}
	if err := sortSpec.Parse(t, args, kw, out[:]); err != nil {
		return Null, err
	}
	l := self.o.(*List)
	reverse := false
	if !out[1].IsNull() {
		r, err := asBoolArg(t, out[1])
		if err != nil {
			return Null, err
		}
		reverse = r
	}
	items := l.items
	marker := make([]Value, 0, 1)
	l.items = marker
	err := sortValues(t, items, out[0], reverse)
	modified := len(l.items) != 0 || cap(l.items) != 1 || &l.items[:1][0] != &marker[:1][0]
	l.items = items
	if err == nil && modified {
		err = t.valueErrorf("list modified during sort")
	}
	if err != nil {
		return Null, err
	}
	return None, nil
}

// asBoolArg converts an argument declared as a C int "bool" by Argument
// Clinic (reverse=…): any object's truth, as PyObject_IsTrue.
func asBoolArg(t *Thread, v Value) (bool, error) {
	return Truth(t, v)
}

// sortValues sorts items in place as list.sort does; on an error the
// items are left in the partial order the sort had reached.
func sortValues(t *Thread, items []Value, key Value, reverse bool) error {
	var keys []Value
	if !key.IsNull() && !key.IsNone() {
		keys = make([]Value, len(items))
		for i, v := range items {
			k, err := t.Call(key, []Value{v}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	if len(items) < 2 {
		return nil
	}
	if reverse {
		if keys != nil {
			reverseValues(keys)
		}
		reverseValues(items)
	}
	var err error
	if keys != nil {
		err = sortSlices(t, keys, items)
	} else {
		err = sortSlices(t, items, nil)
	}
	if reverse {
		reverseValues(items)
	}
	return err
}
