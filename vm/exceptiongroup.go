package vm

// BaseExceptionGroup and ExceptionGroup (PEP 654): the constructor's
// checks (a str message and a non-empty sequence of exceptions;
// BaseExceptionGroup(...) of Exceptions only makes an ExceptionGroup, an
// ExceptionGroup refuses BaseExceptions), message and exceptions
// (read-only), str "msg (N sub-exceptions)", derive, split and subgroup
// (recursive, keeping the nesting and copying the group's traceback,
// cause, context and notes to each part), and the helpers of except*
// (the projection of the exceptions re-raised by the clauses onto the
// original group).

func init() {
	onSetup(setupExceptionGroups)
}

func excGroupNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	pos := args[:len(args)-len(kw)]
	if len(pos) != 2 {
		return Null, t.typeErrorf("BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(pos))
	}
	msg, seq := pos[0], pos[1]
	if !msg.Type().IsSubtype(StrType) {
		return Null, t.typeErrorf("BaseExceptionGroup.__new__() argument 1 must be str, not %s", typeName(msg))
	}
	if !isSequence(seq) {
		return Null, t.typeErrorf("second argument (exceptions) must be a sequence")
	}
	var excs *Tuple
	if tu, ok := seq.o.(*Tuple); ok && tu.cls == TupleType {
		excs = tu
	} else {
		items, err := t.collectIterable(seq, nil)
		if err != nil {
			return Null, err
		}
		excs = NewTuple(append([]Value(nil), items...)...)
	}
	if excs.Len() == 0 {
		return Null, t.valueErrorf("second argument (exceptions) must be a non-empty sequence")
	}
	nestedBase := false
	for i, x := range excs.items {
		if _, ok := x.o.(*Exception); !ok {
			return Null, t.valueErrorf("Item %d of second argument (exceptions) is not an exception", i)
		}
		if !x.Type().IsSubtype(ExceptionType) {
			nestedBase = true
		}
	}
	switch {
	case cls == ExceptionGroupType:
		if nestedBase {
			return Null, t.typeErrorf("Cannot nest BaseExceptions in an ExceptionGroup")
		}
	case cls == BaseExceptionGroupType:
		if !nestedBase {
			cls = ExceptionGroupType
		}
	default:
		if nestedBase && cls.IsSubtype(ExceptionType) {
			return Null, t.typeErrorf("Cannot nest BaseExceptions in '%s'", cls.Name)
		}
	}
	e := newExcInstance(cls, pos)
	e.Message = msg
	e.Exceptions = excs
	return Value{o: e}, nil
}

// isSequence is PySequence_Check: a type with __getitem__ that is not a
// dict.
func isSequence(v Value) bool {
	tp := v.Type()
	if tp.IsSubtype(DictType) {
		return false
	}
	return tp.GetItem != nil
}

func excGroupInit(t *Thread, self Value, args []Value, kw []*Str) error {
	e := self.o.(*Exception)
	if len(kw) > 0 {
		return t.typeErrorf("%s() takes no keyword arguments", e.cls.Name)
	}
	e.Args = NewTuple(append([]Value(nil), args...)...)
	return nil
}

func excGroupStr(t *Thread, v Value) (Value, error) {
	e := v.o.(*Exception)
	msg, err := StrOf(t, noneIfNull(e.Message))
	if err != nil {
		return Null, err
	}
	n := 0
	if e.Exceptions != nil {
		n = e.Exceptions.Len()
	}
	s := "s"
	if n <= 1 {
		s = ""
	}
	return NewStrValue(msg.s + " (" + itoa(n) + " sub-exception" + s + ")"), nil
}

// groupMatcher is how split and subgroup select leaves: by exception
// type, by a predicate, or (for except*) by identity.
type groupMatcher struct {
	types Value // an exception class or a tuple of them
	pred  Value // a callable
	ids   map[*Exception]bool
}

func (t *Thread) newGroupMatcher(v Value) (*groupMatcher, error) {
	if _, isType := v.o.(*Type); !isType && isCallable(v) {
		return &groupMatcher{pred: v}, nil
	}
	isExcClass := func(x Value) bool {
		c, ok := x.o.(*Type)
		return ok && c.IsSubtype(BaseExceptionType)
	}
	if isExcClass(v) {
		return &groupMatcher{types: v}, nil
	}
	if tu, ok := v.o.(*Tuple); ok && tu.cls == TupleType {
		for _, x := range tu.items {
			if !isExcClass(x) {
				goto bad
			}
		}
		return &groupMatcher{types: v}, nil
	}
bad:
	return nil, t.typeErrorf("expected an exception type, a tuple of exception types, or a callable (other than a class)")
}

func (t *Thread) groupMatches(m *groupMatcher, exc Value) (bool, error) {
	switch {
	case m.ids != nil:
		e, ok := exc.o.(*Exception)
		return ok && !e.cls.IsSubtype(BaseExceptionGroupType) && m.ids[e], nil
	case !m.pred.IsNull():
		r, err := t.Call(m.pred, []Value{exc}, nil)
		if err != nil {
			return false, err
		}
		return Truth(t, r)
	}
	return exceptionMatches(exc, m.types), nil
}

// splitGroup is exceptiongroup_split_recursive: the matching part of exc
// and, when rest is asked for, the other part (NULL for none).
func (t *Thread) splitGroup(exc Value, m *groupMatcher, wantRest bool) (match, rest Value, err error) {
	ok, err := t.groupMatches(m, exc)
	if err != nil {
		return Null, Null, err
	}
	if ok {
		return exc, Null, nil
	}
	eg, isExc := exc.o.(*Exception)
	if !isExc || !eg.cls.IsSubtype(BaseExceptionGroupType) || eg.Exceptions == nil {
		if wantRest {
			return Null, exc, nil
		}
		return Null, Null, nil
	}
	var matches, rests []Value
	for _, sub := range eg.Exceptions.items {
		if err := t.enter(); err != nil {
			return Null, Null, err
		}
		m1, r1, err := t.splitGroup(sub, m, wantRest)
		t.leave()
		if err != nil {
			return Null, Null, err
		}
		if !m1.IsNull() {
			matches = append(matches, m1)
		}
		if !r1.IsNull() {
			rests = append(rests, r1)
		}
	}
	if match, err = t.groupSubset(eg, matches); err != nil {
		return Null, Null, err
	}
	if wantRest {
		if rest, err = t.groupSubset(eg, rests); err != nil {
			return Null, Null, err
		}
	}
	return match, rest, nil
}

// groupSubset is exceptiongroup_subset: orig.derive(excs) with orig's
// traceback, context, cause and a copy of its notes; NULL when excs is
// empty.
func (t *Thread) groupSubset(orig *Exception, excs []Value) (Value, error) {
	if len(excs) == 0 {
		return Null, nil
	}
	derive, err := GetAttrString(t, Value{o: orig}, "derive")
	if err != nil {
		return Null, err
	}
	egv, err := t.Call(derive, []Value{{o: NewList(excs...)}}, nil)
	if err != nil {
		return Null, err
	}
	eg, ok := egv.o.(*Exception)
	if !ok || !eg.cls.IsSubtype(BaseExceptionGroupType) {
		return Null, t.typeErrorf("derive must return an instance of BaseExceptionGroup")
	}
	if orig.Traceback != nil {
		eg.Traceback = orig.Traceback
	}
	eg.Context = orig.Context
	eg.Cause = orig.Cause
	eg.SuppressContext = true
	notes, err := getAttrOpt(t, Value{o: orig}, Intern("__notes__"))
	if err != nil {
		return Null, err
	}
	if !notes.IsNull() && isSequence(notes) {
		items, err := t.collectIterable(notes, nil)
		if err != nil {
			return Null, err
		}
		if err := SetAttr(t, egv, Intern("__notes__"), Value{o: NewList(append([]Value(nil), items...)...)}); err != nil {
			return Null, err
		}
	}
	return egv, nil
}

// collectGroupLeaves adds the leaf exceptions of exc to ids.
func collectGroupLeaves(exc Value, ids map[*Exception]bool) {
	e, ok := exc.o.(*Exception)
	if !ok {
		return
	}
	if !e.cls.IsSubtype(BaseExceptionGroupType) || e.Exceptions == nil {
		ids[e] = true
		return
	}
	for _, x := range e.Exceptions.items {
		collectGroupLeaves(x, ids)
	}
}

// sameExceptionMetadata is is_same_exception_metadata: a part split from
// a group shares its notes, traceback, cause and context.
func sameExceptionMetadata(a, b *Exception) bool {
	var na, nb Value
	if a.dict != nil {
		na, _ = a.dict.GetStr("__notes__")
	}
	if b.dict != nil {
		nb, _ = b.dict.GetStr("__notes__")
	}
	return na.Is(nb) && a.Traceback == b.Traceback && a.Cause.Is(b.Cause) && a.Context.Is(b.Context)
}

// PrepReraiseStar is _PyExc_PrepReraiseStar: from the group an except*
// statement caught and the exceptions its clauses raised or re-raised
// (None for a clause that completed), the exception to raise at its end,
// or None. Re-raised parts keep their place in the original group's
// structure; new exceptions become siblings in a new ExceptionGroup.
func (t *Thread) PrepReraiseStar(orig Value, excs []Value) (Value, error) {
	if len(excs) == 0 {
		return None, nil
	}
	oe, ok := orig.o.(*Exception)
	if !ok || !oe.cls.IsSubtype(BaseExceptionGroupType) {
		return excs[0], nil
	}
	var raised, reraised []Value
	for _, e := range excs {
		ee, ok := e.o.(*Exception)
		if !ok {
			continue
		}
		if sameExceptionMetadata(ee, oe) {
			reraised = append(reraised, e)
		} else {
			raised = append(raised, e)
		}
	}
	ids := map[*Exception]bool{}
	for _, e := range reraised {
		collectGroupLeaves(e, ids)
	}
	kept, _, err := t.splitGroup(orig, &groupMatcher{ids: ids}, false)
	if err != nil {
		return Null, err
	}
	if len(raised) == 0 {
		return noneIfNull(kept), nil
	}
	if !kept.IsNull() {
		raised = append(raised, kept)
	}
	if len(raised) > 1 {
		return t.Call(Value{o: BaseExceptionGroupType}, []Value{{o: emptyStr}, {o: NewList(raised...)}}, nil)
	}
	return raised[0], nil
}

func setupExceptionGroups() {
	bg := BaseExceptionGroupType
	bg.New = excGroupNew
	bg.Init = excGroupInit
	bg.Str = excGroupStr
	defExcReadonly(bg, "message", func(e *Exception) *Value { return &e.Message })
	defMember(bg, "exceptions", func(t *Thread, self Value) (Value, error) {
		if x := self.o.(*Exception).Exceptions; x != nil {
			return Value{o: x}, nil
		}
		return None, nil
	})
	defMethods(bg,
		MethodDef{Name: "derive", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "derive", args, kw); err != nil {
				return Null, err
			}
			e := self.o.(*Exception)
			return t.Call(Value{o: BaseExceptionGroupType}, []Value{noneIfNull(e.Message), args[0]}, nil)
		}},
		MethodDef{Name: "split", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "split", args, kw); err != nil {
				return Null, err
			}
			m, err := t.newGroupMatcher(args[0])
			if err != nil {
				return Null, err
			}
			match, rest, err := t.splitGroup(self, m, true)
			if err != nil {
				return Null, err
			}
			return Value{o: NewTuple(noneIfNull(match), noneIfNull(rest))}, nil
		}},
		MethodDef{Name: "subgroup", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "subgroup", args, kw); err != nil {
				return Null, err
			}
			m, err := t.newGroupMatcher(args[0])
			if err != nil {
				return Null, err
			}
			match, _, err := t.splitGroup(self, m, false)
			if err != nil {
				return Null, err
			}
			return noneIfNull(match), nil
		}},
		MethodDef{Name: "__class_getitem__", Class: true, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "__class_getitem__", args, kw); err != nil {
				return Null, err
			}
			return Value{o: NewGenericAlias(self, args[0])}, nil
		}},
	)
}
