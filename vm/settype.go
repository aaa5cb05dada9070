package vm

// The set and frozenset types: constructors, methods, operators,
// comparisons, repr, hash and the iterator, as Objects/setobject.c has
// them. The methods that take "others" accept any iterable; the operators
// accept only sets and frozensets (else NotImplemented, so that the
// caller's message is "unsupported operand type(s)"). A result has the
// base type of the left operand (a set subclass gives a set, a frozenset
// subclass a frozenset: make_new_set_basetype).

// setOf returns the table of a set or frozenset (or of an instance of a
// subclass of either).
func setOf(v Value) (*setTable, bool) {
	switch s := v.o.(type) {
	case *Set:
		return &s.setTable, true
	case *FrozenSet:
		return &s.setTable, true
	}
	return nil, false
}

// isAnySet is PyAnySet_Check.
func isAnySet(v Value) bool {
	_, ok := setOf(v)
	return ok
}

// newSetBase makes an empty set of the base type of tp: a set for set and
// its subclasses, a frozenset otherwise (make_new_set_basetype).
func newSetBase(tp *Type) (Value, *setTable) {
	if tp.IsSubtype(SetType) {
		s := NewSet()
		s.init()
		return Value{o: s}, &s.setTable
	}
	fs := newFrozenSet()
	fs.init()
	return Value{o: fs}, &fs.setTable
}

// newSetOfType makes an empty instance of tp, a set or frozenset type or
// a subclass of one (make_new_set).
func newSetOfType(tp *Type) (Value, *setTable) {
	if tp.IsSubtype(SetType) {
		s := &Set{ObjectBase: ObjectBase{cls: tp}}
		s.init()
		return Value{o: s}, &s.setTable
	}
	fs := &FrozenSet{ObjectBase: ObjectBase{cls: tp}, hash: -1}
	fs.init()
	return Value{o: fs}, &fs.setTable
}

// forEach calls fn with each item of an iterable until fn says stop.
func forEach(t *Thread, v Value, fn func(x Value) (stop bool, err error)) error {
	switch x := v.o.(type) {
	case *Tuple:
		for _, it := range x.items {
			if stop, err := fn(it); err != nil || stop {
				return err
			}
		}
		return nil
	}
	it, err := Iter(t, v)
	if err != nil {
		return err
	}
	for {
		x, err := Next(t, it)
		if err != nil || x.IsNull() {
			return err
		}
		if stop, err := fn(x); err != nil || stop {
			return err
		}
	}
}

// setUpdateInternal adds the elements of an iterable (set_update_internal).
func setUpdateInternal(t *Thread, s *setTable, other Value) error {
	s.init()
	if o, ok := setOf(other); ok {
		return s.merge(t, o)
	}
	if d, ok := other.o.(*Dict); ok && d.cls == DictType {
		n := d.used
		if (s.fill+n)*5 >= s.mask*3 {
			s.resize((s.used + n) * 2)
		}
		for i := 0; i < len(d.entries); i++ {
			e := d.entries[i]
			if e.key.IsNull() {
				continue
			}
			if err := s.add(t, e.key, e.hash); err != nil {
				return err
			}
		}
		return nil
	}
	return forEach(t, other, func(x Value) (bool, error) {
		h, err := Hash(t, x)
		if err != nil {
			return true, err
		}
		return false, s.add(t, x, h)
	})
}

// setCopy is set_copy: a new set of the base type with the same elements.
func setCopy(t *Thread, so Value) (Value, *setTable, error) {
	r, rs := newSetBase(so.Type())
	s, _ := setOf(so)
	if err := rs.merge(t, s); err != nil {
		return Null, nil, err
	}
	return r, rs, nil
}

// setIntersection is set_intersection.
func setIntersection(t *Thread, so, other Value) (Value, error) {
	if so.Is(other) {
		r, _, err := setCopy(t, so)
		return r, err
	}
	r, rs := newSetBase(so.Type())
	s, _ := setOf(so)
	if o, ok := setOf(other); ok {
		if o.used > s.used {
			s, o = o, s
		}
		pos := 0
		for {
			e, ok := o.next(&pos)
			if !ok {
				return r, nil
			}
			in, err := s.contains(t, e.key, e.hash)
			if err != nil {
				return Null, err
			}
			if in {
				if err := rs.add(t, e.key, e.hash); err != nil {
					return Null, err
				}
			}
		}
	}
	err := forEach(t, other, func(x Value) (bool, error) {
		h, err := Hash(t, x)
		if err != nil {
			return true, err
		}
		in, err := s.contains(t, x, h)
		if err != nil || !in {
			return false, err
		}
		if err := rs.add(t, x, h); err != nil {
			return true, err
		}
		return rs.used >= s.used, nil
	})
	if err != nil {
		return Null, err
	}
	return r, nil
}

// setDifferenceUpdate is set_difference_update_internal.
func setDifferenceUpdate(t *Thread, so Value, other Value) error {
	s, _ := setOf(so)
	if so.Is(other) {
		s.clear()
		return nil
	}
	if o, ok := setOf(other); ok {
		if o.used>>3 > s.used {
			r, err := setIntersection(t, so, other)
			if err != nil {
				return err
			}
			o, _ = setOf(r)
		}
		pos := 0
		for {
			e, ok := o.next(&pos)
			if !ok {
				break
			}
			if _, err := s.discard(t, e.key, e.hash); err != nil {
				return err
			}
		}
	} else if err := forEach(t, other, func(x Value) (bool, error) {
		h, err := Hash(t, x)
		if err != nil {
			return true, err
		}
		_, err = s.discard(t, x, h)
		return false, err
	}); err != nil {
		return err
	}
	if s.fill-s.used <= s.mask/4 {
		return nil
	}
	s.resize(s.growSize())
	return nil
}

// setDifference is set_difference.
func setDifference(t *Thread, so, other Value) (Value, error) {
	s, _ := setOf(so)
	otherSize := 0
	d, isDict := other.o.(*Dict)
	isDict = isDict && d.cls == DictType
	o, isSet := setOf(other)
	switch {
	case isSet:
		otherSize = o.used
	case isDict:
		otherSize = d.used
	}
	if (!isSet && !isDict) || s.used>>2 > otherSize {
		r, _, err := setCopy(t, so)
		if err != nil {
			return Null, err
		}
		return r, setDifferenceUpdate(t, r, other)
	}
	r, rs := newSetBase(so.Type())
	pos := 0
	for {
		e, ok := s.next(&pos)
		if !ok {
			return r, nil
		}
		var in bool
		var err error
		if isDict {
			_, ix, lerr := d.lookup(t, e.key, e.hash)
			in, err = ix >= 0, lerr
		} else {
			in, err = o.contains(t, e.key, e.hash)
		}
		if err != nil {
			return Null, err
		}
		if !in {
			if err := rs.add(t, e.key, e.hash); err != nil {
				return Null, err
			}
		}
	}
}

// setSymmetricDifferenceUpdate is set_symmetric_difference_update.
func setSymmetricDifferenceUpdate(t *Thread, so, other Value) error {
	s, _ := setOf(so)
	if so.Is(other) {
		s.clear()
		return nil
	}
	toggle := func(key Value, hash int64) error {
		found, err := s.discard(t, key, hash)
		if err != nil || found {
			return err
		}
		return s.add(t, key, hash)
	}
	if d, ok := other.o.(*Dict); ok && d.cls == DictType {
		for i := 0; i < len(d.entries); i++ {
			e := d.entries[i]
			if e.key.IsNull() {
				continue
			}
			if err := toggle(e.key, e.hash); err != nil {
				return err
			}
		}
		return nil
	}
	o, ok := setOf(other)
	if !ok {
		ov, os := newSetBase(so.Type())
		if err := setUpdateInternal(t, os, other); err != nil {
			return err
		}
		_ = ov
		o = os
	}
	pos := 0
	for {
		e, ok := o.next(&pos)
		if !ok {
			return nil
		}
		if err := toggle(e.key, e.hash); err != nil {
			return err
		}
	}
}

// setSymmetricDifference is set_symmetric_difference.
func setSymmetricDifference(t *Thread, so, other Value) (Value, error) {
	r, rs := newSetBase(so.Type())
	if err := setUpdateInternal(t, rs, other); err != nil {
		return Null, err
	}
	if err := setSymmetricDifferenceUpdate(t, r, so); err != nil {
		return Null, err
	}
	return r, nil
}

// setIsSubset is set_issubset.
func setIsSubset(t *Thread, so, other Value) (bool, error) {
	s, _ := setOf(so)
	o, ok := setOf(other)
	if !ok {
		r, err := setIntersection(t, so, other)
		if err != nil {
			return false, err
		}
		rs, _ := setOf(r)
		return rs.used == s.used, nil
	}
	if s.used > o.used {
		return false, nil
	}
	pos := 0
	for {
		e, ok := s.next(&pos)
		if !ok {
			return true, nil
		}
		in, err := o.contains(t, e.key, e.hash)
		if err != nil || !in {
			return false, err
		}
	}
}

// setIsSuperset is set_issuperset.
func setIsSuperset(t *Thread, so, other Value) (bool, error) {
	if isAnySet(other) {
		return setIsSubset(t, other, so)
	}
	s, _ := setOf(so)
	result := true
	err := forEach(t, other, func(x Value) (bool, error) {
		h, err := Hash(t, x)
		if err != nil {
			return true, err
		}
		in, err := s.contains(t, x, h)
		if err != nil {
			return true, err
		}
		if !in {
			result = false
			return true, nil
		}
		return false, nil
	})
	return result && err == nil, err
}

// setIsDisjoint is set_isdisjoint.
func setIsDisjoint(t *Thread, so, other Value) (bool, error) {
	s, _ := setOf(so)
	if so.Is(other) {
		return s.used == 0, nil
	}
	if o, ok := setOf(other); ok && (other.Type() == SetType || other.Type() == FrozenSetType) {
		if o.used > s.used {
			s, o = o, s
		}
		pos := 0
		for {
			e, ok := o.next(&pos)
			if !ok {
				return true, nil
			}
			in, err := s.contains(t, e.key, e.hash)
			if err != nil || in {
				return false, err
			}
		}
	}
	result := true
	err := forEach(t, other, func(x Value) (bool, error) {
		h, err := Hash(t, x)
		if err != nil {
			return true, err
		}
		in, err := s.contains(t, x, h)
		if err != nil {
			return true, err
		}
		if in {
			result = false
			return true, nil
		}
		return false, nil
	})
	return result && err == nil, err
}

// setKeyHash hashes a key for contains/remove/discard: an unhashable set
// is looked up as the frozenset of its elements (set_contains).
func setKeyHash(t *Thread, key Value) (Value, int64, error) {
	h, err := Hash(t, key)
	if err == nil {
		return key, h, nil
	}
	if e := asException(err); e != nil && e.cls.IsSubtype(TypeErrorType) {
		if ks, ok := key.o.(*Set); ok {
			fs := newFrozenSet()
			fs.init()
			if err := fs.merge(t, &ks.setTable); err != nil {
				return Null, 0, err
			}
			fk := Value{o: fs}
			h, err := Hash(t, fk)
			return fk, h, err
		}
	}
	return Null, 0, err
}

// setContains is `key in s`.
func setContains(t *Thread, c, key Value) (bool, error) {
	s, _ := setOf(c)
	k, h, err := setKeyHash(t, key)
	if err != nil {
		return false, err
	}
	return s.contains(t, k, h)
}

// setRepr is set_repr: {1, 2}, set(), S({1}), frozenset({…}).
func setRepr(t *Thread, v Value) (Value, error) {
	name := v.Type().Name
	if t.reprEnter(v) {
		return NewStrValue(name + "(...)"), nil
	}
	defer t.reprLeave(v)
	s, _ := setOf(v)
	if s.used == 0 {
		return NewStrValue(name + "()"), nil
	}
	items := s.elems()
	lr, err := Repr(t, Value{o: NewList(items...)})
	if err != nil {
		return Null, err
	}
	inner := lr.s[1 : len(lr.s)-1]
	if v.Type() == SetType {
		return NewStrValue("{" + inner + "}"), nil
	}
	return NewStrValue(name + "({" + inner + "})"), nil
}

// setIter is a set_iterator.
type setIter struct {
	ObjectBase
	set  *setTable // nil once exhausted
	used int
	pos  int
	len  int
}

var setIterType = builtinType("set_iterator", nil, 0)

func (it *setIter) next(t *Thread) (Value, error) {
	s := it.set
	if s == nil {
		return Null, nil
	}
	if it.used != s.used {
		it.used = -1
		return Null, t.raise(RuntimeErrorType, "Set changed size during iteration")
	}
	e, ok := s.next(&it.pos)
	if !ok {
		it.set = nil
		return Null, nil
	}
	it.len--
	return e.key, nil
}

func init() {
	onSetup(setupSets)
}

func setupSets() {
	st, ft := SetType, FrozenSetType
	st.hashNone = true
	st.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if cls == SetType {
			if err := noKwargs(t, "set", kw); err != nil {
				return Null, err
			}
			if len(args) > 1 {
				return Null, t.typeErrorf("set expected at most 1 argument, got %d", len(args))
			}
		}
		r, _ := newSetOfType(cls)
		return r, nil
	}
	st.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		if err := noKwargs(t, "set", kw); err != nil {
			return err
		}
		if len(args) > 1 {
			return t.typeErrorf("%s expected at most 1 argument, got %d", self.Type().Name, len(args))
		}
		s, _ := setOf(self)
		if s.fill > 0 {
			s.clear()
		}
		if len(args) == 0 {
			return nil
		}
		return setUpdateInternal(t, s, args[0])
	}
	ft.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if cls == FrozenSetType || sameSlot(cls.Init, ft.Init) || cls.Init == nil {
			if err := noKwargs(t, "frozenset", kw); err != nil {
				return Null, err
			}
		}
		npos := len(args) - len(kw)
		if npos > 1 {
			return Null, t.typeErrorf("%s expected at most 1 argument, got %d", cls.Name, npos)
		}
		if cls == FrozenSetType && npos == 1 {
			if fs, ok := args[0].o.(*FrozenSet); ok && fs.cls == FrozenSetType {
				return args[0], nil
			}
		}
		r, s := newSetOfType(cls)
		if npos == 1 {
			if err := setUpdateInternal(t, s, args[0]); err != nil {
				return Null, err
			}
		}
		return r, nil
	}
	ft.Hash = func(t *Thread, v Value) (int64, error) {
		fs := v.o.(*FrozenSet)
		if fs.hash == -1 {
			fs.hash = frozenSetHash(&fs.setTable)
		}
		return fs.hash, nil
	}
	for _, tp := range []*Type{st, ft} {
		tp.Repr = setRepr
		tp.Len = func(t *Thread, v Value) (int, error) {
			s, _ := setOf(v)
			return s.used, nil
		}
		tp.Contains = setContains
		tp.Iter = func(t *Thread, v Value) (Value, error) {
			s, _ := setOf(v)
			return Value{o: &setIter{ObjectBase: ObjectBase{cls: setIterType}, set: s, used: s.used, len: s.used}}, nil
		}
		tp.Compare = setCompare
		tp.Number.Sub = func(t *Thread, a, b Value) (Value, error) {
			if !isAnySet(a) || !isAnySet(b) {
				return NotImplemented, nil
			}
			return setDifference(t, a, b)
		}
		tp.Number.And = func(t *Thread, a, b Value) (Value, error) {
			if !isAnySet(a) || !isAnySet(b) {
				return NotImplemented, nil
			}
			return setIntersection(t, a, b)
		}
		tp.Number.Xor = func(t *Thread, a, b Value) (Value, error) {
			if !isAnySet(a) || !isAnySet(b) {
				return NotImplemented, nil
			}
			return setSymmetricDifference(t, a, b)
		}
		tp.Number.Or = func(t *Thread, a, b Value) (Value, error) {
			if !isAnySet(a) || !isAnySet(b) {
				return NotImplemented, nil
			}
			r, rs, err := setCopy(t, a)
			if err != nil || a.Is(b) {
				return r, err
			}
			return r, setUpdateInternal(t, rs, b)
		}
	}
	st.Number.InplaceSub = func(t *Thread, a, b Value) (Value, error) {
		if !isAnySet(b) {
			return NotImplemented, nil
		}
		return a, setDifferenceUpdate(t, a, b)
	}
	st.Number.InplaceAnd = func(t *Thread, a, b Value) (Value, error) {
		if !isAnySet(b) {
			return NotImplemented, nil
		}
		return a, setIntersectionUpdate(t, a, b)
	}
	st.Number.InplaceXor = func(t *Thread, a, b Value) (Value, error) {
		if !isAnySet(b) {
			return NotImplemented, nil
		}
		return a, setSymmetricDifferenceUpdate(t, a, b)
	}
	st.Number.InplaceOr = func(t *Thread, a, b Value) (Value, error) {
		if !isAnySet(b) {
			return NotImplemented, nil
		}
		s, _ := setOf(a)
		return a, setUpdateInternal(t, s, b)
	}
	setIterType.Iter = selfIter
	setIterType.Next = func(t *Thread, v Value) (Value, error) { return v.o.(*setIter).next(t) }
	defMethods(setIterType, MethodDef{Name: "__length_hint__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "__length_hint__", args, kw); err != nil {
			return Null, err
		}
		it := self.o.(*setIter)
		if it.set != nil && it.used == it.set.used {
			return Int(int64(it.len)), nil
		}
		return Int(0), nil
	}})

	defMethods(st, setMethods("set", true)...)
	defMethods(ft, setMethods("frozenset", false)...)
}

// setIntersectionUpdate is set_intersection_update.
func setIntersectionUpdate(t *Thread, so, other Value) error {
	r, err := setIntersection(t, so, other)
	if err != nil {
		return err
	}
	s, _ := setOf(so)
	rs, _ := setOf(r)
	swapBodies(s, rs)
	return nil
}

// setCompare is set_richcompare: subset and superset orders, and
// equality with a quick no for frozensets whose hashes differ.
func setCompare(t *Thread, a, b Value, op CompareOp) (Value, error) {
	if !isAnySet(b) {
		return NotImplemented, nil
	}
	sa, _ := setOf(a)
	sb, _ := setOf(b)
	var r bool
	var err error
	switch op {
	case EQ, NE:
		if sa.used != sb.used {
			r = false
		} else if fa, ok := a.o.(*FrozenSet); ok && fa.hash != -1 {
			if fb, ok := b.o.(*FrozenSet); ok && fb.hash != -1 && fa.hash != fb.hash {
				r = false
			} else {
				r, err = setIsSubset(t, a, b)
			}
		} else {
			r, err = setIsSubset(t, a, b)
		}
		if op == NE {
			r = !r
		}
	case LE:
		r, err = setIsSubset(t, a, b)
	case GE:
		r, err = setIsSuperset(t, a, b)
	case LT:
		if sa.used < sb.used {
			r, err = setIsSubset(t, a, b)
		}
	case GT:
		if sa.used > sb.used {
			r, err = setIsSuperset(t, a, b)
		}
	}
	if err != nil {
		return Null, err
	}
	return Bool(r), nil
}

// setMethods are the methods of set (mutable) or frozenset; name is the
// type's name in messages.
func setMethods(name string, mutable bool) []MethodDef {
	m := func(n string, fn BuiltinFunc) MethodDef { return MethodDef{Name: n, Fn: fn} }
	varargs := func(n string, body func(t *Thread, self Value, others []Value) (Value, error)) MethodDef {
		return m(n, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noKwargs(t, name+"."+n, kw); err != nil {
				return Null, err
			}
			return body(t, self, args)
		})
	}
	onearg := func(n string, body func(t *Thread, self, x Value) (Value, error)) MethodDef {
		return m(n, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, name+"."+n, args, kw); err != nil {
				return Null, err
			}
			return body(t, self, args[0])
		})
	}
	noarg := func(n string, body func(t *Thread, self Value) (Value, error)) MethodDef {
		return m(n, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, name+"."+n, args, kw); err != nil {
				return Null, err
			}
			return body(t, self)
		})
	}
	boolResult := func(f func(t *Thread, a, b Value) (bool, error)) func(t *Thread, self, x Value) (Value, error) {
		return func(t *Thread, self, x Value) (Value, error) {
			r, err := f(t, self, x)
			if err != nil {
				return Null, err
			}
			return Bool(r), nil
		}
	}
	defs := []MethodDef{
		onearg("__contains__", func(t *Thread, self, x Value) (Value, error) {
			r, err := setContains(t, self, x)
			if err != nil {
				return Null, err
			}
			return Bool(r), nil
		}),
		noarg("copy", func(t *Thread, self Value) (Value, error) {
			if fs, ok := self.o.(*FrozenSet); ok && fs.cls == FrozenSetType {
				return self, nil
			}
			r, _, err := setCopy(t, self)
			return r, err
		}),
		varargs("difference", func(t *Thread, self Value, others []Value) (Value, error) {
			if len(others) == 0 {
				r, _, err := setCopy(t, self)
				return r, err
			}
			r, err := setDifference(t, self, others[0])
			if err != nil {
				return Null, err
			}
			for _, o := range others[1:] {
				if err := setDifferenceUpdate(t, r, o); err != nil {
					return Null, err
				}
			}
			return r, nil
		}),
		varargs("intersection", setIntersectionMulti),
		onearg("isdisjoint", boolResult(setIsDisjoint)),
		onearg("issubset", boolResult(setIsSubset)),
		onearg("issuperset", boolResult(setIsSuperset)),
		noarg("__reduce__", func(t *Thread, self Value) (Value, error) {
			s, _ := setOf(self)
			state := None
			if d := InstanceDict(self.o); d != nil {
				state = Value{o: d}
			}
			return Value{o: NewTuple(Value{o: self.Type()}, Value{o: NewTuple(Value{o: NewList(s.elems()...)})}, state)}, nil
		}),
		noarg("__sizeof__", func(t *Thread, self Value) (Value, error) {
			s, _ := setOf(self)
			n := 200
			if len(s.table) > setMinSize {
				n += len(s.table) * 16
			}
			return Int(int64(n)), nil
		}),
		onearg("symmetric_difference", setSymmetricDifference),
		varargs("union", func(t *Thread, self Value, others []Value) (Value, error) {
			r, rs, err := setCopy(t, self)
			if err != nil {
				return Null, err
			}
			for _, o := range others {
				if self.Is(o) {
					continue
				}
				if err := setUpdateInternal(t, rs, o); err != nil {
					return Null, err
				}
			}
			return r, nil
		}),
		{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias},
	}
	if !mutable {
		return defs
	}
	return append(defs,
		onearg("add", func(t *Thread, self, x Value) (Value, error) {
			return None, self.o.(*Set).Add(t, x)
		}),
		noarg("clear", func(t *Thread, self Value) (Value, error) {
			self.o.(*Set).clear()
			return None, nil
		}),
		onearg("discard", func(t *Thread, self, x Value) (Value, error) {
			k, h, err := setKeyHash(t, x)
			if err != nil {
				return Null, err
			}
			_, err = self.o.(*Set).discard(t, k, h)
			return None, err
		}),
		onearg("remove", func(t *Thread, self, x Value) (Value, error) {
			k, h, err := setKeyHash(t, x)
			if err != nil {
				return Null, err
			}
			found, err := self.o.(*Set).discard(t, k, h)
			if err != nil {
				return Null, err
			}
			if !found {
				return Null, NewException(KeyErrorType, x)
			}
			return None, nil
		}),
		noarg("pop", func(t *Thread, self Value) (Value, error) {
			s := self.o.(*Set)
			if s.used == 0 {
				return Null, t.raise(KeyErrorType, "pop from an empty set")
			}
			i := s.finger & s.mask
			for {
				e := s.table[i]
				if !e.key.IsNull() && !isDummy(e.key) {
					break
				}
				i++
				if i > s.mask {
					i = 0
				}
			}
			key := s.table[i].key
			s.table[i] = setEntry{setDummy, -1}
			s.used--
			s.finger = i + 1
			return key, nil
		}),
		varargs("update", func(t *Thread, self Value, others []Value) (Value, error) {
			s, _ := setOf(self)
			for _, o := range others {
				if err := setUpdateInternal(t, s, o); err != nil {
					return Null, err
				}
			}
			return None, nil
		}),
		varargs("difference_update", func(t *Thread, self Value, others []Value) (Value, error) {
			for _, o := range others {
				if err := setDifferenceUpdate(t, self, o); err != nil {
					return Null, err
				}
			}
			return None, nil
		}),
		varargs("intersection_update", func(t *Thread, self Value, others []Value) (Value, error) {
			r, err := setIntersectionMulti(t, self, others)
			if err != nil {
				return Null, err
			}
			s, _ := setOf(self)
			rs, _ := setOf(r)
			if rs != s {
				swapBodies(s, rs)
			}
			return None, nil
		}),
		onearg("symmetric_difference_update", func(t *Thread, self, x Value) (Value, error) {
			return None, setSymmetricDifferenceUpdate(t, self, x)
		}),
	)
}

// setIntersectionMulti is set_intersection_multi.
func setIntersectionMulti(t *Thread, self Value, others []Value) (Value, error) {
	if len(others) == 0 {
		r, _, err := setCopy(t, self)
		return r, err
	}
	r := self
	for _, o := range others {
		nr, err := setIntersection(t, r, o)
		if err != nil {
			return Null, err
		}
		r = nr
	}
	return r, nil
}
