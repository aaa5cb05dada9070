package vm

import (
	"fmt"
	"unsafe"
)

// This file holds the generic operations on values (CPython's
// Objects/abstract.c and object.c): attributes, calls, operators,
// comparisons, truth, iteration, items, lengths, repr and str. Each
// dispatches on the type's slots, with CPython's fallbacks and error
// messages.

// GetAttr returns v.name.
func GetAttr(t *Thread, v Value, name *Str) (Value, error) {
	tp := v.Type()
	if tp.GetAttr != nil {
		r, err := tp.GetAttr(t, v, name)
		if err != nil {
			return Null, attrErrorContext(err, v, name)
		}
		return r, nil
	}
	r, err := genericGetAttr(t, v, name)
	if err != nil {
		return Null, attrErrorContext(err, v, name)
	}
	return r, nil
}

// GetAttrString is GetAttr with a Go string.
func GetAttrString(t *Thread, v Value, name string) (Value, error) {
	return GetAttr(t, v, Intern(name))
}

// genericGetAttr is object.__getattribute__ (PyObject_GenericGetAttr).
func genericGetAttr(t *Thread, v Value, name *Str) (Value, error) {
	r, found, err := genericGetAttrOpt(t, v, name)
	if err != nil {
		return Null, err
	}
	if !found {
		return Null, t.noAttribute(v, name)
	}
	return r, nil
}

// genericGetAttrOpt is genericGetAttr that reports a missing attribute
// instead of raising.
func genericGetAttrOpt(t *Thread, v Value, name *Str) (Value, bool, error) {
	tp := v.Type()
	return genericGetAttrWith(t, v, tp, name, tp.Lookup(name))
}

// genericGetAttrWith is genericGetAttrOpt given what the type's MRO holds
// for name (descr, NULL when nothing).
func genericGetAttrWith(t *Thread, v Value, tp *Type, name *Str, descr Value) (Value, bool, error) {
	var dget DescrGetSlot
	if !descr.IsNull() {
		dt := descr.Type()
		dget = dt.DescrGet
		if dget != nil && dt.DescrSet != nil {
			r, err := dget(t, descr, v, tp)
			return r, err == nil, err
		}
	}
	if o := v.Object(); o != nil {
		if d := InstanceDict(o); d != nil {
			if r, ok := d.getStr(name); ok {
				return r, true, nil
			}
		}
	}
	if !descr.IsNull() {
		if dget != nil {
			r, err := dget(t, descr, v, tp)
			return r, err == nil, err
		}
		return descr, true, nil
	}
	return Null, false, nil
}

// getAttrOpt returns v.name, or NULL without error when v has no such
// attribute (it still raises other errors).
func getAttrOpt(t *Thread, v Value, name *Str) (Value, error) {
	tp := v.Type()
	if tp.GetAttr == nil {
		r, _, err := genericGetAttrOpt(t, v, name)
		if err != nil {
			if e := asException(err); e != nil && e.cls.IsSubtype(AttributeErrorType) {
				return Null, nil
			}
		}
		return r, err
	}
	r, err := tp.GetAttr(t, v, name)
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(AttributeErrorType) {
			return Null, nil
		}
		return Null, err
	}
	return r, nil
}

// getAttrCached is LOAD_ATTR without the method bit: GetAttr, with the
// instruction's inline cache remembering where a plain instance attribute
// or class attribute was found.
func (t *Thread) getAttrCached(co *Code, lasti int, v Value, name *Str) (Value, error) {
	tp := typeOf(v)
	if tp.GetAttr != nil {
		r, err := tp.GetAttr(t, v, name)
		if err != nil {
			return Null, attrErrorContext(err, v, name)
		}
		return r, nil
	}
	descr := co.typeLookupCached(t, lasti, tp, name)
	// An instance attribute with no data descriptor on the class: the
	// instances of a class usually get their attributes in the same order,
	// so the entry where the last lookup found name is tried first.
	if descr.IsNull() {
		if d := attrDictOf(v); d != nil {
			c := &co.caches[lasti]
			if i := c.index; uint(i) < uint(len(d.entries)) {
				if e := &d.entries[i]; dataPtr(e.key.o) == unsafe.Pointer(name) {
					return e.value, nil
				}
			}
			if i := d.entryIndex(name); i >= 0 {
				c.index = i
				return d.entries[i].value, nil
			}
		}
	}
	r, found, err := genericGetAttrWith(t, v, tp, name, descr)
	if err != nil {
		return Null, attrErrorContext(err, v, name)
	}
	if !found {
		return Null, t.noAttribute(v, name)
	}
	return r, nil
}

// typeLookupCached is tp.Lookup(name), remembered by the instruction at
// unit lasti for as long as the type (and so its MRO's namespaces) does
// not change: the type's version changes with any of them.
func (co *Code) typeLookupCached(t *Thread, lasti int, tp *Type, name *Str) Value {
	c := &co.caches[lasti]
	if c.typ == tp && c.version == tp.version {
		return c.value
	}
	v := t.typeLookup(tp, name)
	c.typ, c.version, c.value = tp, tp.version, v
	return v
}

// getMethodCached is getMethod with the instruction's cache.
func (t *Thread) getMethodCached(co *Code, lasti int, v Value, name *Str) (Value, Value, error) {
	tp := typeOf(v)
	if tp.GetAttr != nil {
		r, err := tp.GetAttr(t, v, name)
		return r, Null, err
	}
	return t.getMethodWith(v, tp, name, co.typeLookupCached(t, lasti, tp, name))
}

// getMethod is LOAD_ATTR with the method bit (_PyObject_GetMethod): when
// name is a function found on the class (and not shadowed by the
// instance), it returns the function and v, so that the call passes v as
// the first argument without making a bound method; otherwise the
// attribute and NULL.
func (t *Thread) getMethod(v Value, name *Str) (Value, Value, error) {
	tp := v.Type()
	if tp.GetAttr != nil {
		r, err := tp.GetAttr(t, v, name)
		return r, Null, err
	}
	return t.getMethodWith(v, tp, name, tp.Lookup(name))
}

// getMethodWith is getMethod given what the type's MRO holds for name.
func (t *Thread) getMethodWith(v Value, tp *Type, name *Str, descr Value) (Value, Value, error) {
	isMethod := false
	if !descr.IsNull() {
		switch descr.o.(type) {
		case *Function, *MethodDescr:
			isMethod = true
			if md, ok := descr.o.(*MethodDescr); ok && (md.static || md.class) {
				isMethod = false
			}
		}
		if !isMethod {
			dt := descr.Type()
			if dt.DescrGet != nil && dt.DescrSet != nil {
				r, err := dt.DescrGet(t, descr, v, tp)
				return r, Null, err
			}
		}
	}
	if d := attrDictOf(v); d != nil {
		if r, ok := d.getStr(name); ok {
			return r, Null, nil
		}
	}
	if isMethod {
		return descr, v, nil
	}
	if !descr.IsNull() {
		if g := descr.Type().DescrGet; g != nil {
			r, err := g(t, descr, v, tp)
			return r, Null, err
		}
		return descr, Null, nil
	}
	return Null, Null, t.noAttribute(v, name)
}

// SetAttr sets v.name to value, or deletes it when value is NULL.
func SetAttr(t *Thread, v Value, name *Str, value Value) error {
	tp := v.Type()
	if tp.SetAttr != nil {
		return tp.SetAttr(t, v, name, value)
	}
	return genericSetAttr(t, v, name, value)
}

// genericSetAttr is object.__setattr__ (PyObject_GenericSetAttr).
func genericSetAttr(t *Thread, v Value, name *Str, value Value) error {
	tp := v.Type()
	return genericSetAttrWith(t, v, tp, name, value, tp.Lookup(name))
}

// setAttrCached is STORE_ATTR: SetAttr with the instruction's cache of
// the type lookup.
func (t *Thread) setAttrCached(co *Code, lasti int, v Value, name *Str, value Value) error {
	tp := typeOf(v)
	if tp.SetAttr != nil {
		return tp.SetAttr(t, v, name, value)
	}
	descr := co.typeLookupCached(t, lasti, tp, name)
	if descr.IsNull() {
		// An instance attribute: the entry of the instance's dict where
		// the last store found name is tried first, as in getAttrCached.
		if inst, ok := v.o.(*Instance); ok && inst.dict != nil && !value.IsNull() && tp.HasFlag(FlagHasDict) {
			return setInstanceAttrCached(&co.caches[lasti], inst.dict, name, value)
		}
	}
	return genericSetAttrWith(t, v, tp, name, value, descr)
}

// genericSetAttrWith is genericSetAttr given what the type's MRO holds
// for name.
func genericSetAttrWith(t *Thread, v Value, tp *Type, name *Str, value Value, descr Value) error {
	if !descr.IsNull() {
		if dset := descr.Type().DescrSet; dset != nil {
			return dset(t, descr, v, value)
		}
	}
	o := v.Object()
	var d *Dict
	if o != nil {
		if b, ok := o.(hasBase); ok && tp.HasFlag(FlagHasDict) {
			bb := b.base()
			if bb.dict == nil && !value.IsNull() {
				bb.dict = NewDict()
			}
			d = bb.dict
		}
	}
	if d == nil {
		if descr.IsNull() {
			if value.IsNull() {
				return t.attributeError(v, name, fmt.Sprintf("'%s' object has no attribute '%s'", tp.Name, name.s))
			}
			if tp.HasFlag(FlagHeapType) || tp == ObjectType || !tp.HasFlag(FlagHasDict) {
				return t.attributeError(v, name, fmt.Sprintf("'%s' object has no attribute '%s' and no __dict__ for setting new attributes", tp.Name, name.s))
			}
		}
		return t.attributeError(v, name, fmt.Sprintf("'%s' object attribute '%s' is read-only", tp.Name, name.s))
	}
	if value.IsNull() {
		ok, err := d.Delete(t, Value{o: name})
		if err != nil {
			return err
		}
		if !ok {
			return t.attributeError(v, name, fmt.Sprintf("'%s' object has no attribute '%s'", tp.Name, name.s))
		}
		return nil
	}
	d.setStr(name, value)
	return nil
}

// Call calls callable with positional arguments and keyword arguments
// whose names are kwnames (their values are the last len(kwnames) args).
func (t *Thread) Call(callable Value, args []Value, kwnames []*Str) (Value, error) {
	switch fn := callable.o.(type) {
	case *Function:
		return t.callFunction(fn, args, kwnames)
	case *Method:
		all := make([]Value, 0, len(args)+1)
		all = append(all, fn.self)
		all = append(all, args...)
		return t.Call(fn.fn, all, kwnames)
	case *Builtin:
		if err := t.enterC(""); err != nil {
			return Null, err
		}
		v, err := fn.fn(t, fn.self, args, kwnames)
		t.leaveC()
		return v, err
	case *MethodDescr:
		return t.callMethodDescr(fn, args, kwnames)
	}
	tp := callable.Type()
	if tp.Call == nil {
		return Null, t.typeErrorf("'%s' object is not callable", tp.Name)
	}
	if err := t.enterC(" while calling a Python object"); err != nil {
		return Null, err
	}
	v, err := tp.Call(t, callable, args, kwnames)
	t.leaveC()
	return v, err
}

// CallValues calls callable with positional arguments only.
func (t *Thread) CallValues(callable Value, args ...Value) (Value, error) {
	return t.Call(callable, args, nil)
}

// callMethodDescr calls a builtin type's method found on the type: the
// first argument is the object.
func (t *Thread) callMethodDescr(md *MethodDescr, args []Value, kwnames []*Str) (Value, error) {
	if md.static {
		return md.fn(t, Null, args, kwnames)
	}
	if len(args)-len(kwnames) < 1 {
		if md.cls == WrapperDescrType || md.class {
			return Null, t.typeErrorf("descriptor '%s' of '%s' object needs an argument", md.name, md.owner.Name)
		}
		return Null, t.typeErrorf("unbound method %s.%s() needs an argument", md.owner.Name, md.name)
	}
	self := args[0]
	if md.class {
		if err := classMethodDescrCheck(t, md, self); err != nil {
			return Null, err
		}
		return md.fn(t, self, args[1:], kwnames)
	}
	if !self.Type().IsSubtype(md.owner) {
		if md.cls == WrapperDescrType {
			return Null, t.typeErrorf("descriptor '%s' requires a '%s' object but received a '%s'", md.name, md.owner.Name, self.Type().Name)
		}
		return Null, t.typeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", md.name, md.owner.Name, self.Type().Name)
	}
	return md.fn(t, self, args[1:], kwnames)
}

// callEx is CALL_FUNCTION_EX: the positional arguments come as an
// iterable (a tuple, usually) and the keyword arguments as a mapping.
func (t *Thread) callEx(callable, callargs, kwargs Value) (Value, error) {
	var args []Value
	if tu, ok := callargs.o.(*Tuple); ok {
		args = append(args, tu.items...)
	} else {
		items, err := t.collectIterable(callargs, func() error {
			return t.typeErrorf("%s argument after * must be an iterable, not %s", t.funcDesc(callable), callargs.Type().Name)
		})
		if err != nil {
			return Null, err
		}
		args = items
	}
	var kwnames []*Str
	if !kwargs.IsNull() {
		d, ok := kwargs.o.(*Dict)
		if !ok {
			return Null, t.typeErrorf("%s argument after ** must be a mapping, not %s", t.funcDesc(callable), kwargs.Type().Name)
		}
		var err error
		d.Items(func(k, v Value) bool {
			s, ok := k.o.(*Str)
			if !ok {
				err = t.typeErrorf("keywords must be strings")
				return false
			}
			kwnames = append(kwnames, s)
			args = append(args, v)
			return true
		})
		if err != nil {
			return Null, err
		}
	}
	return t.Call(callable, args, kwnames)
}

// funcDesc is how CPython's messages name a callable
// (_PyObject_FunctionStr): its qualified name, prefixed with its module
// unless that is builtins ("__main__.f()", "len()", "sys.exit()"), or
// str() of other callables.
func (t *Thread) funcDesc(callable Value) string {
	switch fn := callable.o.(type) {
	case *Function:
		if m, ok := fn.module.o.(*Str); ok && m.s != "builtins" {
			return m.s + "." + fn.qualname.s + "()"
		}
		return fn.qualname.s + "()"
	case *Method:
		return t.funcDesc(fn.fn)
	case *Builtin:
		if fn.module != "" && fn.module != "builtins" {
			return fn.module + "." + fn.qual + "()"
		}
		return fn.qual + "()"
	case *Type:
		return fn.fullName() + "()"
	}
	if s, err := StrOf(t, callable); err == nil {
		return s.s
	}
	return callable.Type().Name + " object"
}

// Repr returns repr(v).
func Repr(t *Thread, v Value) (*Str, error) {
	tp := v.Type()
	if tp.Repr == nil {
		return NewStr(fmt.Sprintf("<%s object at %#x>", tp.fullName(), identityOf(v))), nil
	}
	if err := t.enterC(" while getting the repr of an object"); err != nil {
		return nil, err
	}
	r, err := tp.Repr(t, v)
	t.leaveC()
	if err != nil {
		return nil, err
	}
	s, ok := r.o.(*Str)
	if !ok {
		return nil, t.typeErrorf("__repr__ returned non-string (type %s)", r.Type().Name)
	}
	return s, nil
}

// StrOf returns str(v).
func StrOf(t *Thread, v Value) (*Str, error) {
	if s, ok := v.o.(*Str); ok && s.cls == StrType {
		return s, nil
	}
	tp := v.Type()
	if tp.Str == nil {
		return Repr(t, v)
	}
	if err := t.enterC(" while getting the str of an object"); err != nil {
		return nil, err
	}
	r, err := tp.Str(t, v)
	t.leaveC()
	if err != nil {
		return nil, err
	}
	s, ok := r.o.(*Str)
	if !ok {
		return nil, t.typeErrorf("__str__ returned non-string (type %s)", r.Type().Name)
	}
	return s, nil
}

// Truth returns bool(v).
func Truth(t *Thread, v Value) (bool, error) {
	switch v.kind() {
	case kindBool, kindInt:
		return v.n != 0, nil
	case kindFloat:
		return v.FloatVal() != 0, nil
	}
	if v.IsNone() {
		return false, nil
	}
	tp := v.Type()
	if tp.Number.Bool != nil {
		return tp.Number.Bool(t, v)
	}
	if tp.Len != nil {
		n, err := tp.Len(t, v)
		return n != 0, err
	}
	return true, nil
}

// Len returns len(v).
func Len(t *Thread, v Value) (int, error) {
	tp := v.Type()
	if tp.Len == nil {
		return 0, t.typeErrorf("object of type '%s' has no len()", tp.Name)
	}
	return tp.Len(t, v)
}

// Iter returns iter(v).
func Iter(t *Thread, v Value) (Value, error) {
	tp := v.Type()
	if tp.Iter != nil {
		it, err := tp.Iter(t, v)
		if err != nil {
			return Null, err
		}
		if it.Type().Next == nil {
			return Null, t.typeErrorf("iter() returned non-iterator of type '%s'", it.Type().Name)
		}
		return it, nil
	}
	if tp.GetItem != nil {
		return Value{o: newSeqIter(v)}, nil
	}
	return Null, t.typeErrorf("'%s' object is not iterable", tp.Name)
}

// Next returns the iterator's next value, or NULL when it is exhausted.
func Next(t *Thread, it Value) (Value, error) {
	tp := it.Type()
	if tp.Next == nil {
		return Null, t.typeErrorf("'%s' object is not an iterator", tp.Name)
	}
	// Iterators over iterators (map, zip, filter…) recurse in Go.
	if err := t.enterC(""); err != nil {
		return Null, err
	}
	v, err := tp.Next(t, it)
	t.leaveC()
	return v, err
}

// forIterNext is FOR_ITER's step.
func (t *Thread) forIterNext(it Value) (Value, error) {
	tp := it.Type()
	if tp.Next == nil {
		return Null, t.typeErrorf("'%s' object is not an iterator", tp.Name)
	}
	return tp.Next(t, it)
}

// collectIterable returns the items of an iterable; notIterable makes the
// error when v is not iterable (or nil for the default message).
func (t *Thread) collectIterable(v Value, notIterable func() error) ([]Value, error) {
	switch x := v.o.(type) {
	case *Tuple:
		return append([]Value(nil), x.items...), nil
	case *List:
		return append([]Value(nil), x.items...), nil
	}
	tp := v.Type()
	if notIterable != nil && tp.Iter == nil && tp.GetItem == nil {
		return nil, notIterable()
	}
	it, err := Iter(t, v)
	if err != nil {
		return nil, err
	}
	var out []Value
	for {
		x, err := Next(t, it)
		if err != nil {
			return nil, err
		}
		if x.IsNull() {
			return out, nil
		}
		out = append(out, x)
	}
}

// GetItem returns container[key].
func GetItem(t *Thread, container, key Value) (Value, error) {
	tp := container.Type()
	if tp.GetItem != nil {
		return tp.GetItem(t, container, key)
	}
	if c, ok := container.o.(*Type); ok {
		if m := c.LookupString("__class_getitem__"); !m.IsNull() {
			f, err := bindDescriptor(t, m, container, c)
			if err != nil {
				return Null, err
			}
			return t.Call(f, []Value{key}, nil)
		}
		if c == TypeType {
			return Value{o: NewGenericAlias(container, key)}, nil
		}
		return Null, t.typeErrorf("type '%s' is not subscriptable", c.Name)
	}
	return Null, t.typeErrorf("'%s' object is not subscriptable", tp.Name)
}

// SetItem sets container[key] = value, or deletes it when value is NULL.
func SetItem(t *Thread, container, key, value Value) error {
	tp := container.Type()
	if tp.SetItem != nil {
		return tp.SetItem(t, container, key, value)
	}
	if value.IsNull() {
		return t.typeErrorf("'%s' object doesn't support item deletion", tp.Name)
	}
	return t.typeErrorf("'%s' object does not support item assignment", tp.Name)
}

// Contains returns item in container.
func Contains(t *Thread, container, item Value) (bool, error) {
	tp := container.Type()
	if tp.Contains != nil {
		return tp.Contains(t, container, item)
	}
	if tp.Iter == nil && tp.GetItem == nil {
		return false, t.typeErrorf("argument of type '%s' is not iterable", tp.Name)
	}
	it, err := Iter(t, container)
	if err != nil {
		// _PySequence_IterSearch words any TypeError of iter() so.
		if e := asException(err); e != nil && e.cls.IsSubtype(TypeErrorType) {
			return false, t.typeErrorf("argument of type '%s' is not iterable", tp.Name)
		}
		return false, err
	}
	for {
		x, err := Next(t, it)
		if err != nil || x.IsNull() {
			return false, err
		}
		eq, err := RichCompareBool(t, x, item, EQ)
		if err != nil || eq {
			return eq, err
		}
	}
}

// bindDescriptor applies the descriptor protocol to a value found on a
// class: its __get__ with obj (NULL when looked up on the class) and cls.
func bindDescriptor(t *Thread, descr, obj Value, cls *Type) (Value, error) {
	if g := descr.Type().DescrGet; g != nil {
		return g(t, descr, obj, cls)
	}
	return descr, nil
}
