package vm

import (
	c "github.com/peephole-lsp/peephole/compiler"
)

// CALL_INTRINSIC_1 and _2, MATCH_KEYS, MATCH_CLASS and CHECK_EG_MATCH.

// intrinsic1 is CALL_INTRINSIC_1.
func (t *Thread) intrinsic1(f *Frame, which int, v Value) (Value, error) {
	switch which {
	case c.IntrinsicPrint:
		hook, ok := t.interp.Sys.dict.GetStr("displayhook")
		if !ok {
			return Null, t.raise(RuntimeErrorType, "lost sys.displayhook")
		}
		return t.Call(hook, []Value{v}, nil)
	case c.IntrinsicImportStar:
		return None, t.importStar(f, v)
	case c.IntrinsicStopIterationErr:
		e, ok := v.o.(*Exception)
		if !ok {
			return v, nil
		}
		msg := ""
		switch {
		case e.cls.IsSubtype(StopIterationType):
			msg = "generator raised StopIteration"
			if f.code.flags&c.CoCoroutine != 0 {
				msg = "coroutine raised StopIteration"
			} else if f.code.flags&c.CoAsyncGenerator != 0 {
				msg = "async generator raised StopIteration"
			}
		case f.code.flags&c.CoAsyncGenerator != 0 && e.cls.IsSubtype(StopAsyncIterationType):
			msg = "async generator raised StopAsyncIteration"
		default:
			return v, nil
		}
		re := NewException(RuntimeErrorType, NewStrValue(msg))
		re.Cause, re.Context, re.SuppressContext = v, v, true
		return Value{o: re}, nil
	case c.IntrinsicAsyncGenWrap:
		return Value{o: &asyncGenWrapped{ObjectBase: ObjectBase{cls: asyncGenWrappedType}, v: v}}, nil
	case c.IntrinsicUnaryPositive:
		return Positive(t, v)
	case c.IntrinsicListToTuple:
		return Value{o: NewTuple(append([]Value(nil), v.o.(*List).items...)...)}, nil
	case c.IntrinsicTypeVar, c.IntrinsicParamSpec, c.IntrinsicTypeVarTuple, c.IntrinsicSubscriptGeneric, c.IntrinsicTypeAlias:
		return t.typingIntrinsic1(which, v)
	}
	return Null, t.raisef(SystemErrorType, "unknown intrinsic %d", which)
}

// intrinsic2 is CALL_INTRINSIC_2.
func (t *Thread) intrinsic2(f *Frame, which int, v1, v2 Value) (Value, error) {
	switch which {
	case c.Intrinsic2PrepReraiseStar:
		return t.prepReraiseStar(v1, v2)
	case c.Intrinsic2SetFuncTypeParam:
		if fn, ok := v1.o.(*Function); ok {
			fn.typeParams = v2
		}
		return v1, nil
	}
	return t.typingIntrinsic2(which, v1, v2)
}

// typingHook is set by the typing support (typevars.go) to implement the
// intrinsics of PEP 695's type parameters.
var (
	typingHook1 func(t *Thread, which int, v Value) (Value, error)
	typingHook2 func(t *Thread, which int, v1, v2 Value) (Value, error)
)

func (t *Thread) typingIntrinsic1(which int, v Value) (Value, error) {
	if typingHook1 == nil {
		return Null, t.raise(NotImplementedErrorType, "type parameters (PEP 695) are not supported by peephole's VM yet")
	}
	return typingHook1(t, which, v)
}

func (t *Thread) typingIntrinsic2(which int, v1, v2 Value) (Value, error) {
	if typingHook2 == nil {
		return Null, t.raise(NotImplementedErrorType, "type parameters (PEP 695) are not supported by peephole's VM yet")
	}
	return typingHook2(t, which, v1, v2)
}

// importStar is `from m import *` into the frame's locals.
func (t *Thread) importStar(f *Frame, mod Value) error {
	if f.locals.IsNull() {
		return t.raise(SystemErrorType, "no locals found during 'import *'")
	}
	all, err := getAttrOpt(t, mod, Intern("__all__"))
	if err != nil {
		return err
	}
	skipUnderscore := false
	var names []Value
	if all.IsNull() {
		d, err := getAttrOpt(t, mod, Intern("__dict__"))
		if err != nil {
			return err
		}
		if d.IsNull() {
			return t.raise(ImportErrorType, "from-import-* object has no __dict__ and no __all__")
		}
		keys, err := GetAttrString(t, d, "keys")
		if err != nil {
			return err
		}
		kv, err := t.Call(keys, nil, nil)
		if err != nil {
			return err
		}
		if names, err = t.collectIterable(kv, nil); err != nil {
			return err
		}
		skipUnderscore = true
	} else if names, err = t.collectIterable(all, nil); err != nil {
		return err
	}
	modName := "?"
	if m, ok := mod.o.(*Module); ok {
		modName = m.name()
	}
	for _, n := range names {
		s, ok := n.o.(*Str)
		if !ok {
			if skipUnderscore {
				return t.typeErrorf("Key in %s.__dict__ must be str, not %s", modName, typeName(n))
			}
			return t.typeErrorf("Item in %s.__all__ must be str, not %s", modName, typeName(n))
		}
		if skipUnderscore && len(s.s) > 0 && s.s[0] == '_' {
			continue
		}
		v, err := GetAttr(t, mod, s)
		if err != nil {
			return err
		}
		if d, ok := f.locals.o.(*Dict); ok {
			if err := d.Set(t, n, v); err != nil {
				return err
			}
		} else if err := SetItem(t, f.locals, n, v); err != nil {
			return err
		}
	}
	return nil
}

// matchKeys is MATCH_KEYS: the values of keys in a mapping subject, or
// None when one is missing.
func (t *Thread) matchKeys(subject, keys Value) (Value, error) {
	ks := keys.o.(*Tuple).items
	if len(ks) == 0 {
		return Value{o: emptyTuple}, nil
	}
	get, err := GetAttrString(t, subject, "get")
	if err != nil {
		return Null, err
	}
	seen := NewSet()
	dummy := Value{o: &Instance{ObjectBase: ObjectBase{cls: ObjectType}}}
	values := make([]Value, 0, len(ks))
	for _, k := range ks {
		h, err := Hash(t, k)
		if err != nil {
			return Null, err
		}
		i, err := seen.lookup(t, k, h)
		if err != nil {
			return Null, err
		}
		if i >= 0 {
			r, err := Repr(t, k)
			if err != nil {
				return Null, err
			}
			return Null, t.valueErrorf("mapping pattern checks duplicate key (%s)", r.s)
		}
		if err := seen.add(t, k, h); err != nil {
			return Null, err
		}
		v, err := t.Call(get, []Value{k, dummy}, nil)
		if err != nil {
			return Null, err
		}
		if v.Is(dummy) {
			return None, nil
		}
		values = append(values, v)
	}
	return Value{o: NewTuple(values...)}, nil
}

// matchSelfTypes are the builtin types a single positional sub-pattern
// matches the subject itself for (_Py_TPFLAGS_MATCH_SELF).
func matchSelf(c *Type) bool {
	for _, b := range []*Type{BoolType, ByteArrayType, BytesType, DictType, FloatType, FrozenSetType, IntType, ListType, SetType, StrType, TupleType} {
		if c.IsSubtype(b) {
			return true
		}
	}
	return false
}

// matchClass is MATCH_CLASS: the tuple of attributes of a class pattern,
// or None when the subject does not match.
func (t *Thread) matchClass(subject, clsv Value, nargs int, kwnames *Tuple) (Value, error) {
	cls, ok := clsv.o.(*Type)
	if !ok {
		return Null, t.typeErrorf("called match pattern must be a class")
	}
	is, err := IsInstance(t, subject, clsv)
	if err != nil {
		return Null, err
	}
	if !is {
		return None, nil
	}
	var attrs []Value
	var seen []string
	getAttr := func(name *Str) (Value, bool, error) {
		for _, s := range seen {
			if s == name.s {
				r, _ := Repr(t, Value{o: name})
				return Null, false, t.typeErrorf("%s() got multiple sub-patterns for attribute %s", cls.Name, r.s)
			}
		}
		seen = append(seen, name.s)
		v, err := getAttrOpt(t, subject, name)
		if err != nil {
			return Null, false, err
		}
		return v, !v.IsNull(), nil
	}
	if nargs > 0 {
		matchArgs, err := getAttrOpt(t, clsv, Intern("__match_args__"))
		if err != nil {
			return Null, err
		}
		if !matchArgs.IsNull() {
			ma, ok := matchArgs.o.(*Tuple)
			if !ok {
				return Null, t.typeErrorf("%s.__match_args__ must be a tuple (got %s)", cls.Name, typeName(matchArgs))
			}
			if nargs > len(ma.items) {
				return Null, t.typeErrorf("%s() accepts %d positional sub-pattern%s (%d given)", cls.Name, len(ma.items), plural(len(ma.items)), nargs)
			}
			for i := 0; i < nargs; i++ {
				name, ok := ma.items[i].o.(*Str)
				if !ok {
					return Null, t.typeErrorf("__match_args__ elements must be strings (got %s)", typeName(ma.items[i]))
				}
				v, found, err := getAttr(name)
				if err != nil {
					return Null, err
				}
				if !found {
					return None, nil
				}
				attrs = append(attrs, v)
			}
		} else if matchSelf(cls) {
			if nargs > 1 {
				return Null, t.typeErrorf("%s() accepts 1 positional sub-pattern (%d given)", cls.Name, nargs)
			}
			attrs = append(attrs, subject)
		} else {
			return Null, t.typeErrorf("%s() accepts 0 positional sub-patterns (%d given)", cls.Name, nargs)
		}
	}
	for _, k := range kwnames.items {
		v, found, err := getAttr(k.o.(*Str))
		if err != nil {
			return Null, err
		}
		if !found {
			return None, nil
		}
		attrs = append(attrs, v)
	}
	return Value{o: NewTuple(attrs...)}, nil
}

// exceptionGroupMatch is CHECK_EG_MATCH's split of the exception being
// handled by an except* clause: the part that matches and the rest.
func (t *Thread) exceptionGroupMatch(exc, match Value) (matched, rest Value, err error) {
	if err := t.checkExceptType(match); err != nil {
		return Null, Null, err
	}
	if err := checkNotGroupType(t, match); err != nil {
		return Null, Null, err
	}
	if exc.IsNone() {
		return None, None, nil
	}
	if exceptionMatches(exc, match) {
		e := exc.o.(*Exception)
		if e.cls.IsSubtype(BaseExceptionGroupType) {
			return exc, None, nil
		}
		// A naked exception is wrapped in an ExceptionGroup("", [exc]).
		g, err := t.Call(Value{o: BaseExceptionGroupType}, []Value{{o: emptyStr}, {o: NewTuple(exc)}}, nil)
		if err != nil {
			return Null, Null, err
		}
		return g, None, nil
	}
	e, ok := exc.o.(*Exception)
	if ok && e.cls.IsSubtype(BaseExceptionGroupType) {
		split, err := GetAttrString(t, exc, "split")
		if err != nil {
			return Null, Null, err
		}
		pair, err := t.Call(split, []Value{match}, nil)
		if err != nil {
			return Null, Null, err
		}
		p, ok := pair.o.(*Tuple)
		if !ok || len(p.items) != 2 {
			return Null, Null, t.typeErrorf("%s.split must return a 2-tuple, got %s", e.cls.Name, typeName(pair))
		}
		return p.items[0], p.items[1], nil
	}
	return None, exc, nil
}

// checkNotGroupType refuses except* on an ExceptionGroup type.
func checkNotGroupType(t *Thread, match Value) error {
	bad := func(v Value) bool {
		c, ok := v.o.(*Type)
		return ok && c.IsSubtype(BaseExceptionGroupType)
	}
	if tu, ok := match.o.(*Tuple); ok {
		for _, m := range tu.items {
			if bad(m) {
				return t.typeErrorf("catching ExceptionGroup with except* is not allowed. Use except instead.")
			}
		}
		return nil
	}
	if bad(match) {
		return t.typeErrorf("catching ExceptionGroup with except* is not allowed. Use except instead.")
	}
	return nil
}

// prepReraiseStar is INTRINSIC_PREP_RERAISE_STAR (exceptiongroup.go).
func (t *Thread) prepReraiseStar(orig, excs Value) (Value, error) {
	return t.PrepReraiseStar(orig, excs.o.(*List).items)
}
