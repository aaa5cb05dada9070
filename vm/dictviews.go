package vm

// The dict views (Objects/dictobject.c): dict_keys and dict_items are
// set-like — the set operators take any iterable on either side and give
// a set, comparisons are the set orders, isdisjoint — and all three views
// have len, iteration, reversed(), repr and the mapping attribute.

// isDictSetView is PyDictViewSet_Check: a keys or items view.
func isDictSetView(v Value) bool {
	dv, ok := v.o.(*dictView)
	return ok && dv.kind != 1
}

// dictViewToSet is dictviews_to_set: a set of the view's elements (or of
// the left operand's, when the view is on the right).
func dictViewToSet(t *Thread, v Value) (Value, *setTable, error) {
	if dv, ok := v.o.(*dictView); ok && dv.kind == 0 && dv.d.cls == DictType {
		v = Value{o: dv.d}
	}
	s := NewSet()
	s.init()
	if err := setUpdateInternal(t, &s.setTable, v); err != nil {
		return Null, nil, err
	}
	return Value{o: s}, &s.setTable, nil
}

// dictViewContains is `x in view`.
func dictViewContains(t *Thread, c, x Value) (bool, error) {
	view := c.o.(*dictView)
	switch view.kind {
	case 0:
		_, ok, err := view.d.Get(t, x)
		return ok, err
	case 2:
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
	return seqContainsIter(t, c, x)
}

// seqContainsIter is `x in v` by iteration (PySequence_Contains's
// fallback).
func seqContainsIter(t *Thread, c, x Value) (bool, error) {
	found := false
	err := forEach(t, c, func(y Value) (bool, error) {
		eq, err := RichCompareBool(t, y, x, EQ)
		if err != nil {
			return true, err
		}
		found = eq
		return eq, nil
	})
	return found, err
}

// dictViewsAnd is _PyDictView_Intersect.
func dictViewsAnd(t *Thread, self, other Value) (Value, error) {
	if !isDictSetView(self) {
		self, other = other, self
	}
	lenSelf := self.o.(*dictView).d.used
	if s, ok := other.o.(*Set); ok && s.cls == SetType {
		if lenSelf <= s.used {
			return setIntersectionMulti(t, other, []Value{self})
		}
	}
	if isDictSetView(other) {
		if other.o.(*dictView).d.used > lenSelf {
			self, other = other, self
		}
	}
	r := NewSet()
	r.init()
	err := forEach(t, other, func(x Value) (bool, error) {
		in, err := dictViewContains(t, self, x)
		if err != nil {
			return true, err
		}
		if in {
			if err := r.Add(t, x); err != nil {
				return true, err
			}
		}
		return false, nil
	})
	if err != nil {
		return Null, err
	}
	return Value{o: r}, nil
}

// dictItemsXor is dictitems_xor: the pairs of either items view not in
// both.
func dictItemsXor(t *Thread, d1, d2 *Dict) (Value, error) {
	tmp := d1.Copy()
	r := NewSet()
	r.init()
	for i := 0; i < len(d2.entries); i++ {
		e := d2.entries[i]
		if e.key.IsNull() {
			continue
		}
		_, ix, err := tmp.lookup(t, e.key, e.hash)
		if err != nil {
			return Null, err
		}
		del := false
		if ix >= 0 {
			if del, err = RichCompareBool(t, tmp.entries[ix].value, e.value, EQ); err != nil {
				return Null, err
			}
		}
		if del {
			if _, err := tmp.Delete(t, e.key); err != nil {
				return Null, err
			}
		} else if err := r.Add(t, Value{o: NewTuple(e.key, e.value)}); err != nil {
			return Null, err
		}
	}
	items := &dictView{ObjectBase: ObjectBase{cls: dictItemsType}, d: tmp, kind: 2}
	if err := setUpdateInternal(t, &r.setTable, Value{o: items}); err != nil {
		return Null, err
	}
	return Value{o: r}, nil
}

// allContainedIn reports whether every element of a is in b.
func allContainedIn(t *Thread, a, b Value) (bool, error) {
	ok := true
	err := forEach(t, a, func(x Value) (bool, error) {
		in, err := Contains(t, b, x)
		if err != nil {
			return true, err
		}
		if !in {
			ok = false
			return true, nil
		}
		return false, nil
	})
	return ok && err == nil, err
}

func setupDictViews() {
	for kind, tp := range dictViewTypes {
		kind := kind
		tp.Iter = func(t *Thread, v Value) (Value, error) {
			return Value{o: newDictIter(v.o.(*dictView).d, kind)}, nil
		}
		tp.Len = func(t *Thread, v Value) (int, error) { return v.o.(*dictView).d.used, nil }
		tp.Repr = func(t *Thread, v Value) (Value, error) {
			if t.reprEnter(v) {
				return NewStrValue("..."), nil
			}
			defer t.reprLeave(v)
			items, err := t.collectIterable(v, nil)
			if err != nil {
				return Null, err
			}
			inner, err := Repr(t, Value{o: NewList(items...)})
			if err != nil {
				return Null, err
			}
			return NewStrValue(v.Type().Name + "(" + inner.s + ")"), nil
		}
		tp.Contains = dictViewContains
		defMethods(tp, MethodDef{Name: "__reversed__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, tp.Name+".__reversed__", args, kw); err != nil {
				return Null, err
			}
			return Value{o: newDictRevIter(self.o.(*dictView).d, kind)}, nil
		}})
		defMember(tp, "mapping", func(t *Thread, self Value) (Value, error) {
			return Value{o: NewMappingProxy(Value{o: self.o.(*dictView).d})}, nil
		})
		if kind == 1 {
			continue
		}
		tp.hashNone = true
		tp.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
			if !isAnySet(b) && !isDictSetView(b) {
				return NotImplemented, nil
			}
			la, err := Len(t, a)
			if err != nil {
				return Null, err
			}
			lb, err := Len(t, b)
			if err != nil {
				return Null, err
			}
			ok := false
			switch op {
			case EQ, NE:
				if la == lb {
					ok, err = allContainedIn(t, a, b)
				}
				if op == NE && err == nil {
					ok = !ok
				}
			case LT:
				if la < lb {
					ok, err = allContainedIn(t, a, b)
				}
			case LE:
				if la <= lb {
					ok, err = allContainedIn(t, a, b)
				}
			case GT:
				if la > lb {
					ok, err = allContainedIn(t, b, a)
				}
			case GE:
				if la >= lb {
					ok, err = allContainedIn(t, b, a)
				}
			}
			if err != nil {
				return Null, err
			}
			return Bool(ok), nil
		}
		tp.Number.Sub = func(t *Thread, a, b Value) (Value, error) {
			r, rs, err := dictViewToSet(t, a)
			if err != nil {
				return Null, err
			}
			_ = rs
			return r, setDifferenceUpdate(t, r, b)
		}
		tp.Number.And = dictViewsAnd
		tp.Number.Or = func(t *Thread, a, b Value) (Value, error) {
			r, rs, err := dictViewToSet(t, a)
			if err != nil {
				return Null, err
			}
			return r, setUpdateInternal(t, rs, b)
		}
		tp.Number.Xor = func(t *Thread, a, b Value) (Value, error) {
			x, ok1 := a.o.(*dictView)
			y, ok2 := b.o.(*dictView)
			if ok1 && ok2 && x.kind == 2 && y.kind == 2 {
				return dictItemsXor(t, x.d, y.d)
			}
			r, _, err := dictViewToSet(t, a)
			if err != nil {
				return Null, err
			}
			return r, setSymmetricDifferenceUpdate(t, r, b)
		}
		defMethods(tp, MethodDef{Name: "isdisjoint", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, tp.Name+".isdisjoint", args, kw); err != nil {
				return Null, err
			}
			other := args[0]
			if self.Is(other) {
				return Bool(self.o.(*dictView).d.used == 0), nil
			}
			if isAnySet(other) || isDictSetView(other) {
				lenSelf := self.o.(*dictView).d.used
				lenOther, err := Len(t, other)
				if err != nil {
					return Null, err
				}
				if lenOther > lenSelf {
					self, other = other, self
				}
			}
			disjoint := true
			err := forEach(t, other, func(x Value) (bool, error) {
				in, err := Contains(t, self, x)
				if err != nil {
					return true, err
				}
				if in {
					disjoint = false
					return true, nil
				}
				return false, nil
			})
			if err != nil {
				return Null, err
			}
			return Bool(disjoint), nil
		}})
	}
}
