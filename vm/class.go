package vm

import (
	"fmt"
	"strings"
)

// This file holds object and type — the root class and the metaclass —
// and the creation of classes (type.__new__, __build_class__), as
// CPython's Objects/typeobject.c and Python/bltinmodule.c do them.

// Instance is an instance of a class defined in Python whose builtin base
// is object: its attributes live in its __dict__ (ObjectBase.dict) or in
// the slots of __slots__.
type Instance struct {
	ObjectBase
	slots []Value
}

func init() {
	onSetup(setupObjectAndType)
}

func setupObjectAndType() {
	o := ObjectType
	o.New = objectNew
	o.Init = objectInit
	o.Repr = objectRepr
	o.Str = objectStr
	o.Hash = identityHash
	o.Compare = objectCompare
	o.Doc = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"
	defMethods(o,
		MethodDef{Name: "__format__", Fn: objectFormat},
		MethodDef{Name: "__dir__", Fn: objectDir},
		MethodDef{Name: "__init_subclass__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if len(args) > 0 || len(kw) > 0 {
				return Null, t.typeErrorf("%s.__init_subclass__() takes no keyword arguments", self.o.(*Type).Name)
			}
			return None, nil
		}, Class: true},
		MethodDef{Name: "__subclasshook__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return NotImplemented, nil
		}, Class: true},
		MethodDef{Name: "__sizeof__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Int(16), nil
		}},
	)
	// object's attribute access slots stay nil (the generic functions are
	// called directly, which is faster), but object.__getattribute__,
	// __setattr__ and __delattr__ exist as its slot wrappers.
	for _, sd := range slotDefs {
		if sd.names[0] == "__getattribute__" || sd.names[0] == "__setattr__" {
			for _, def := range sd.wrap(o) {
				o.Dict.setStr(Intern(def.Name), Value{o: &MethodDescr{ObjectBase: ObjectBase{cls: WrapperDescrType}, name: def.Name, owner: o, fn: def.Fn}})
			}
		}
	}
	defMethods(o,
		MethodDef{Name: "__getstate__", Fn: objectGetState},
	)
	defGetSet(o, "__class__", func(t *Thread, self Value) (Value, error) {
		return Value{o: self.Type()}, nil
	}, setClass)

	tt := TypeType
	tt.Call = typeCall
	tt.New = typeNew
	tt.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		// type_init: the arguments type() takes, keywords only with three.
		npos := len(args) - len(kw)
		if len(kw) > 0 && npos == 1 {
			return t.typeErrorf("type.__init__() takes no keyword arguments")
		}
		if npos != 1 && npos != 3 {
			return t.typeErrorf("type.__init__() takes 1 or 3 arguments")
		}
		return nil
	}
	tt.GetAttr = typeGetAttr
	tt.SetAttr = typeSetAttr
	tt.Repr = typeRepr
	tt.Number.Or = typeOr
	defMethods(tt,
		MethodDef{Name: "mro", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			c := self.o.(*Type)
			items := make([]Value, len(c.MRO))
			for i, m := range c.MRO {
				items[i] = Value{o: m}
			}
			return Value{o: NewList(items...)}, nil
		}},
		MethodDef{Name: "__subclasses__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			c := self.o.(*Type)
			items := make([]Value, len(c.subclasses))
			for i, m := range c.subclasses {
				items[i] = Value{o: m}
			}
			return Value{o: NewList(items...)}, nil
		}},
		MethodDef{Name: "__instancecheck__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := exactArgs(t, "__instancecheck__", args, kw, 1); err != nil {
				return Null, err
			}
			ok, err := recursiveIsInstance(t, args[0], self)
			return Bool(ok), err
		}},
		MethodDef{Name: "__subclasscheck__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := exactArgs(t, "__subclasscheck__", args, kw, 1); err != nil {
				return Null, err
			}
			ok, err := recursiveIsSubclass(t, args[0], self)
			return Bool(ok), err
		}},
		MethodDef{Name: "__prepare__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Value{o: NewDict()}, nil
		}, Class: true},
		MethodDef{Name: "__dir__", Fn: typeDir},
	)
	defGetSet(tt, "__name__", func(t *Thread, self Value) (Value, error) {
		return NewStrValue(shortName(self.o.(*Type))), nil
	}, func(t *Thread, self, v Value) error {
		c := self.o.(*Type)
		if err := checkSetSpecialTypeAttr(t, c, v, "__name__"); err != nil {
			return err
		}
		s, ok := v.o.(*Str)
		if !ok {
			return t.typeErrorf("can only assign string to %s.__name__, not '%s'", c.Name, v.Type().Name)
		}
		if strings.IndexByte(s.s, 0) >= 0 {
			return t.valueErrorf("type name must not contain null characters")
		}
		c.Name = s.s
		return nil
	})
	defGetSet(tt, "__qualname__", func(t *Thread, self Value) (Value, error) {
		return NewStrValue(self.o.(*Type).QualName), nil
	}, func(t *Thread, self, v Value) error {
		c := self.o.(*Type)
		if err := checkSetSpecialTypeAttr(t, c, v, "__qualname__"); err != nil {
			return err
		}
		s, ok := v.o.(*Str)
		if !ok {
			return t.typeErrorf("can only assign string to %s.__qualname__, not '%s'", c.Name, v.Type().Name)
		}
		c.QualName = s.s
		return nil
	})
	defGetSet(tt, "__module__", func(t *Thread, self Value) (Value, error) {
		c := self.o.(*Type)
		if v, ok := c.Dict.getStr(Intern("__module__")); ok && c.HasFlag(FlagHeapType) {
			return v, nil
		}
		// Interned, as CPython's type_module makes it: pickle memoizes
		// the module names it writes by identity.
		return Value{o: Intern(c.ModuleName())}, nil
	}, func(t *Thread, self, v Value) error {
		c := self.o.(*Type)
		if err := checkSetSpecialTypeAttr(t, c, v, "__module__"); err != nil {
			return err
		}
		c.Dict.setStr(Intern("__module__"), v)
		c.modified()
		return nil
	})
	defGetSet(tt, "__bases__", func(t *Thread, self Value) (Value, error) {
		c := self.o.(*Type)
		items := make([]Value, len(c.Bases))
		for i, b := range c.Bases {
			items[i] = Value{o: b}
		}
		return Value{o: NewTuple(items...)}, nil
	}, typeSetBases)
	defGetSet(tt, "__base__", func(t *Thread, self Value) (Value, error) {
		c := self.o.(*Type)
		if c.Base == nil {
			return None, nil
		}
		return Value{o: c.Base}, nil
	}, nil)
	defGetSet(tt, "__mro__", func(t *Thread, self Value) (Value, error) {
		c := self.o.(*Type)
		items := make([]Value, len(c.MRO))
		for i, m := range c.MRO {
			items[i] = Value{o: m}
		}
		return Value{o: NewTuple(items...)}, nil
	}, nil)
	defGetSet(tt, "__dict__", func(t *Thread, self Value) (Value, error) {
		return Value{o: NewMappingProxy(Value{o: self.o.(*Type).Dict})}, nil
	}, nil)
	defGetSet(tt, "__doc__", func(t *Thread, self Value) (Value, error) {
		c := self.o.(*Type)
		if !c.HasFlag(FlagHeapType) && c.Doc != "" {
			return NewStrValue(c.Doc), nil
		}
		if v, ok := c.Dict.getStr(Intern("__doc__")); ok {
			return bindDescriptor(t, v, Null, c)
		}
		if c.Doc == "" {
			return None, nil
		}
		return NewStrValue(c.Doc), nil
	}, func(t *Thread, self, v Value) error {
		c := self.o.(*Type)
		if err := checkSetSpecialTypeAttr(t, c, v, "__doc__"); err != nil {
			return err
		}
		c.Dict.setStr(Intern("__doc__"), v)
		c.modified()
		return nil
	})
	setupTypeLayoutAttrs(tt)
	defGetSet(tt, "__abstractmethods__", func(t *Thread, self Value) (Value, error) {
		c := self.o.(*Type)
		if v, ok := c.Dict.getStr(Intern("__abstractmethods__")); ok && c != TypeType {
			return v, nil
		}
		return Null, t.attributeError(self, Intern("__abstractmethods__"), "__abstractmethods__")
	}, func(t *Thread, self, v Value) error {
		c := self.o.(*Type)
		if v.IsNull() {
			ok, err := c.Dict.Delete(t, NewStrValue("__abstractmethods__"))
			if err != nil {
				return err
			}
			if !ok {
				return t.raise(AttributeErrorType, "__abstractmethods__")
			}
			c.Flags &^= FlagAbstract
			c.modified()
			return nil
		}
		c.Dict.setStr(Intern("__abstractmethods__"), v)
		abstract, err := Truth(t, v)
		if err != nil {
			return err
		}
		if abstract {
			c.Flags |= FlagAbstract
		} else {
			c.Flags &^= FlagAbstract
		}
		return nil
	})
}

// objectNew is object.__new__: it makes an instance of cls (object_new),
// refusing arguments when the class overrides neither __new__ nor
// __init__ (excess_args), and abstract classes.
func objectNew(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
	if len(args) > 0 {
		if cls.New != nil && !sameSlot(cls.New, NewSlot(objectNew)) {
			return Null, t.typeErrorf("object.__new__() takes exactly one argument (the type to instantiate)")
		}
		if cls.Init == nil || sameSlot(cls.Init, InitSlot(objectInit)) {
			return Null, t.typeErrorf("%s() takes no arguments", cls.Name)
		}
	}
	if cls.HasFlag(FlagAbstract) {
		return Null, abstractError(t, cls)
	}
	if cls.builtin != nil && cls.builtin != ObjectType {
		return Null, t.typeErrorf("object.__new__(%s) is not safe, use %s.__new__()", cls.Name, cls.builtin.Name)
	}
	inst := &Instance{ObjectBase: ObjectBase{cls: cls}}
	if cls.nslots > 0 {
		inst.slots = make([]Value, cls.nslots)
	}
	if typeHasDel(cls) {
		t.finTrackInstance(inst)
	}
	return Value{o: inst}, nil
}

func abstractError(t *Thread, cls *Type) error {
	v, _ := cls.Dict.getStr(Intern("__abstractmethods__"))
	var names []string
	if !v.IsNull() {
		items, err := t.collectIterable(v, nil)
		if err == nil {
			for _, it := range items {
				if s, ok := it.o.(*Str); ok {
					names = append(names, "'"+s.s+"'")
				}
			}
		}
	}
	sortStrings(names)
	s := ""
	if len(names) > 1 {
		s = "s"
	}
	return t.typeErrorf("Can't instantiate abstract class %s without an implementation for abstract method%s %s", cls.Name, s, strings.Join(names, ", "))
}

// objectInit is object.__init__ (object_init).
func objectInit(t *Thread, self Value, args []Value, kwnames []*Str) error {
	if len(args) > 0 {
		cls := self.Type()
		if cls.Init != nil && !sameSlot(cls.Init, InitSlot(objectInit)) {
			return t.typeErrorf("object.__init__() takes exactly one argument (the instance to initialize)")
		}
		if cls.New == nil || sameSlot(cls.New, NewSlot(objectNew)) {
			return t.typeErrorf("%s() takes no arguments", cls.Name)
		}
	}
	return nil
}

func objectRepr(t *Thread, v Value) (Value, error) {
	tp := v.Type()
	return NewStrValue(fmt.Sprintf("<%s object at %#x>", tp.fullName(), identityOf(v))), nil
}

func objectStr(t *Thread, v Value) (Value, error) {
	s, err := Repr(t, v)
	if err != nil {
		return Null, err
	}
	return Value{o: s}, nil
}

// objectCompare is object's rich comparison: == is identity, != the
// negation of ==, the others are not implemented.
func objectCompare(t *Thread, a, b Value, op CompareOp) (Value, error) {
	switch op {
	case EQ:
		if a.Is(b) {
			return True, nil
		}
		return NotImplemented, nil
	case NE:
		eq := a.Type().Compare
		if eq == nil {
			return NotImplemented, nil
		}
		r, err := eq(t, a, b, EQ)
		if err != nil || r.Is(NotImplemented) {
			return r, err
		}
		ok, err := Truth(t, r)
		if err != nil {
			return Null, err
		}
		return Bool(!ok), nil
	}
	return NotImplemented, nil
}

func objectFormat(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := exactArgs(t, "__format__", args, kw, 1); err != nil {
		return Null, err
	}
	spec, ok := args[0].o.(*Str)
	if !ok {
		return Null, t.typeErrorf("__format__() argument must be str, not %s", args[0].Type().Name)
	}
	if spec.n > 0 {
		return Null, t.typeErrorf("unsupported format string passed to %s.__format__", self.Type().Name)
	}
	s, err := StrOf(t, self)
	if err != nil {
		return Null, err
	}
	return Value{o: s}, nil
}

func setClass(t *Thread, self, v Value) error {
	nc, ok := v.o.(*Type)
	if !ok {
		return t.typeErrorf("__class__ must be set to a class, not '%s' object", v.Type().Name)
	}
	old := self.Type()
	b, isHeap := self.o.(hasBase)
	if !isHeap || !old.HasFlag(FlagHeapType) || !nc.HasFlag(FlagHeapType) {
		return t.typeErrorf("__class__ assignment only supported for mutable types or ModuleType subclasses")
	}
	if old.builtin != nc.builtin || !sameSlotsLayout(old, nc) {
		return t.typeErrorf("__class__ assignment: '%s' object layout differs from '%s'", nc.Name, old.Name)
	}
	b.base().cls = nc
	return nil
}

// typeCall is type.__call__: __new__, then __init__ if the result is an
// instance of the class (type_call). type(x) with one argument returns
// the type of x.
func typeCall(t *Thread, callable Value, args []Value, kwnames []*Str) (Value, error) {
	cls := callable.o.(*Type)
	if cls == TypeType && len(args) == 1 && len(kwnames) == 0 {
		return Value{o: args[0].Type()}, nil
	}
	if cls.New == nil {
		return Null, t.typeErrorf("cannot create '%s' instances", cls.fullName())
	}
	obj, err := cls.New(t, cls, args, kwnames)
	if err != nil {
		return Null, err
	}
	ot := obj.Type()
	if !ot.IsSubtype(cls) {
		return obj, nil
	}
	if ot.Init != nil {
		if err := ot.Init(t, obj, args, kwnames); err != nil {
			return Null, err
		}
	}
	return obj, nil
}

// typeGetAttr is type.__getattribute__ (type_getattro).
func typeGetAttr(t *Thread, v Value, name *Str) (Value, error) {
	c := v.o.(*Type)
	meta := v.Type()
	metaAttr := meta.Lookup(name)
	var metaGet DescrGetSlot
	if !metaAttr.IsNull() {
		mt := metaAttr.Type()
		metaGet = mt.DescrGet
		if metaGet != nil && mt.DescrSet != nil {
			return metaGet(t, metaAttr, v, meta)
		}
	}
	if attr := c.Lookup(name); !attr.IsNull() {
		if g := attr.Type().DescrGet; g != nil {
			return g(t, attr, Null, c)
		}
		return attr, nil
	}
	if metaGet != nil {
		return metaGet(t, metaAttr, v, meta)
	}
	if !metaAttr.IsNull() {
		return metaAttr, nil
	}
	return Null, t.attributeError(v, name, fmt.Sprintf("type object '%s' has no attribute '%s'", c.Name, name.s))
}

// typeSetAttr is type.__setattr__: builtin types are immutable; a class's
// slots follow its dunder methods.
func typeSetAttr(t *Thread, v Value, name *Str, value Value) error {
	c := v.o.(*Type)
	if c.HasFlag(FlagImmutable) {
		return t.typeErrorf("cannot set '%s' attribute of immutable type '%s'", name.s, c.Name)
	}
	meta := v.Type()
	if d := meta.Lookup(name); !d.IsNull() {
		if s := d.Type().DescrSet; s != nil {
			return s(t, d, v, value)
		}
	}
	if value.IsNull() {
		ok, err := c.Dict.Delete(t, Value{o: name})
		if err != nil {
			return err
		}
		if !ok {
			return t.attributeError(v, name, fmt.Sprintf("type object '%s' has no attribute '%s'", c.Name, name.s))
		}
	} else {
		c.Dict.setStr(name, value)
	}
	c.modified()
	if strings.HasPrefix(name.s, "__") && strings.HasSuffix(name.s, "__") {
		c.updateDunder(name.s)
	}
	return nil
}

// updateDunder recomputes the slots that name feeds, in the class and in
// its subclasses.
func (c *Type) updateDunder(name string) {
	for _, sd := range slotDefs {
		for _, n := range sd.names {
			if n == name {
				c.updateSlotTree(sd)
			}
		}
	}
}

func (c *Type) updateSlotTree(sd slotDef) {
	if c.HasFlag(FlagHeapType) {
		updateSlot(c, sd)
	}
	for _, s := range c.subclasses {
		s.updateSlotTree(sd)
	}
}

func typeRepr(t *Thread, v Value) (Value, error) {
	c := v.o.(*Type)
	mod := c.ModuleName()
	if mod == "builtins" {
		return NewStrValue(fmt.Sprintf("<class '%s'>", c.QualName)), nil
	}
	return NewStrValue(fmt.Sprintf("<class '%s.%s'>", mod, c.QualName)), nil
}

// typeOr is type.__or__: int | str makes a typing union.
func typeOr(t *Thread, a, b Value) (Value, error) {
	if !isUnionable(a) || !isUnionable(b) {
		return NotImplemented, nil
	}
	return Value{o: NewUnion(a, b)}, nil
}

func isUnionable(v Value) bool {
	if v.IsNone() {
		return true
	}
	switch v.o.(type) {
	case *Type, *GenericAlias, *UnionType:
		return true
	}
	return false
}

// typeNew is type.__new__(meta, name, bases, namespace, **kwds): it makes
// a class (type_new).
func typeNew(t *Thread, meta *Type, args []Value, kwnames []*Str) (Value, error) {
	npos := len(args) - len(kwnames)
	if meta == TypeType && npos == 1 && len(kwnames) == 0 {
		return Value{o: args[0].Type()}, nil
	}
	if npos != 3 {
		if meta == TypeType {
			return Null, t.typeErrorf("type() takes 1 or 3 arguments")
		}
		return Null, t.typeErrorf("type.__new__() takes exactly 3 arguments (%d given)", npos)
	}
	nameS, ok := args[0].o.(*Str)
	if !ok {
		return Null, t.typeErrorf("type.__new__() argument 1 must be str, not %s", args[0].Type().Name)
	}
	basesT, ok := args[1].o.(*Tuple)
	if !ok {
		return Null, t.typeErrorf("type.__new__() argument 2 must be tuple, not %s", args[1].Type().Name)
	}
	ns, ok := args[2].o.(*Dict)
	if !ok {
		return Null, t.typeErrorf("type.__new__() argument 3 must be dict, not %s", args[2].Type().Name)
	}
	// A more derived metaclass of the bases with its own __new__ makes
	// the class, from the same arguments.
	winner, err := t.calcMetaclass(meta, basesT.items)
	if err != nil {
		return Null, err
	}
	if winner != meta && winner.New != nil && !sameSlot(winner.New, NewSlot(typeNew)) {
		return winner.New(t, winner, args, kwnames)
	}
	kwargs := NewDict()
	for i, k := range kwnames {
		kwargs.setStr(k, args[npos+i])
	}
	cls, err := t.newClass(meta, nameS.s, basesT.items, ns, kwargs)
	if err != nil {
		return Null, err
	}
	return Value{o: cls}, nil
}

// newClass creates a class: bases and metaclass checked, MRO, layout,
// namespace copied and fixed up, slots, __set_name__ and
// __init_subclass__ called.
func (t *Thread) newClass(meta *Type, name string, baseVals []Value, ns *Dict, kwargs *Dict) (*Type, error) {
	winner, err := t.calcMetaclass(meta, baseVals)
	if err != nil {
		return nil, err
	}
	meta = winner
	var bases []*Type
	for _, b := range baseVals {
		bt, ok := b.o.(*Type)
		if !ok {
			return nil, t.typeErrorf("bases must be types")
		}
		bases = append(bases, bt)
	}
	if len(bases) == 0 {
		bases = []*Type{ObjectType}
	}
	for _, b := range bases {
		if !b.HasFlag(FlagBaseType) {
			return nil, t.typeErrorf("type '%s' is not an acceptable base type", b.Name)
		}
	}
	for i, b := range bases {
		for _, b2 := range bases[i+1:] {
			if b == b2 {
				return nil, t.typeErrorf("duplicate base class %s", b.Name)
			}
		}
	}
	// The builtin layout: the most derived builtin base among the bases'.
	var layout *Type
	for _, b := range bases {
		l := b.builtin
		if l == nil {
			l = ObjectType
		}
		switch {
		case layout == nil || layout.IsSubtype(l):
			if layout == nil {
				layout = l
			}
		case l.IsSubtype(layout):
			layout = l
		default:
			return nil, t.typeErrorf("multiple bases have instance lay-out conflict")
		}
	}
	c := &Type{
		ObjectBase: ObjectBase{cls: meta},
		Name:       name,
		QualName:   name,
		Base:       solidBase(bases, layout),
		Bases:      bases,
		Dict:       ns.Copy(),
		Flags:      FlagHeapType | FlagBaseType,
		builtin:    layout,
	}
	c.version = nextTypeVersion()
	mro, err := c3MRO(c, bases)
	if err != nil {
		names := make([]string, len(bases))
		for i, b := range bases {
			names[i] = b.Name
		}
		return nil, t.typeErrorf("Cannot create a consistent method resolution order (MRO) for bases %s", strings.Join(names, ", "))
	}
	c.MRO = mro
	for _, b := range bases {
		c.Flags |= b.Flags & (FlagIntSubclass | FlagTupleSubclass | FlagListSubclass | FlagBytesSubclass | FlagStrSubclass | FlagDictSubclass | FlagBaseExcSubclass | FlagTypeSubclass | FlagSequence | FlagMapping)
		if b.HasFlag(FlagHeapType) {
			b.subclasses = append(b.subclasses, c)
		}
	}
	if v, ok := c.Dict.getStr(Intern("__qualname__")); ok {
		s, ok := v.o.(*Str)
		if !ok {
			return nil, t.typeErrorf("type __qualname__ must be a str, not %s", v.Type().Name)
		}
		c.QualName = s.s
		c.Dict.Delete(t, NewStrValue("__qualname__"))
	}
	if _, ok := c.Dict.getStr(Intern("__module__")); !ok {
		if f := t.frame; f != nil {
			if m, ok := f.globals.getStr(Intern("__name__")); ok {
				c.Dict.setStr(Intern("__module__"), m)
			}
		}
	}
	// __new__ is a static method; __init_subclass__ and
	// __class_getitem__ are class methods.
	if v, ok := c.Dict.getStr(Intern("__new__")); ok {
		if _, isFn := v.o.(*Function); isFn {
			c.Dict.setStr(Intern("__new__"), Value{o: newStaticMethod(v)})
		}
	}
	for _, n := range []string{"__init_subclass__", "__class_getitem__"} {
		if v, ok := c.Dict.getStr(Intern(n)); ok {
			if _, isFn := v.o.(*Function); isFn {
				c.Dict.setStr(Intern(n), Value{o: newClassMethod(v)})
			}
		}
	}
	// A class that defines __eq__ without __hash__ is unhashable.
	if _, ok := c.Dict.getStr(Intern("__eq__")); ok {
		if _, ok := c.Dict.getStr(Intern("__hash__")); !ok {
			c.Dict.setStr(Intern("__hash__"), None)
		}
	}
	if err := t.setupSlots(c); err != nil {
		return nil, err
	}
	addInstanceDescriptors(c)
	// __classcell__ gets the class; it is removed from the namespace.
	if v, ok := c.Dict.getStr(Intern("__classcell__")); ok {
		cell, ok := v.o.(*Cell)
		if !ok {
			return nil, t.typeErrorf("__classcell__ must be a nonlocal cell, not %s", v.Type().Name)
		}
		cell.v = Value{o: c}
		c.Dict.Delete(t, NewStrValue("__classcell__"))
	}
	if v, ok := c.Dict.getStr(Intern("__classdictcell__")); ok {
		if cell, ok := v.o.(*Cell); ok {
			cell.v = Value{o: c.Dict}
		}
		c.Dict.Delete(t, NewStrValue("__classdictcell__"))
	}
	// After the slots, so that __slots__ = ('__doc__',) does not clash
	// with the default.
	if _, ok := c.Dict.getStr(Intern("__doc__")); !ok {
		c.Dict.setStr(Intern("__doc__"), None)
	}
	updateSlots(c)
	if err := t.setNames(c); err != nil {
		return nil, err
	}
	if err := t.initSubclass(c, kwargs); err != nil {
		return nil, err
	}
	return c, nil
}

// solidBase picks the base a class's tp_base is (the first base whose
// layout is the class's, else the first base).
func solidBase(bases []*Type, layout *Type) *Type {
	for _, b := range bases {
		if b.builtin == layout || b == layout {
			return b
		}
	}
	return bases[0]
}

// setupSlots handles __slots__ and decides whether instances get a
// __dict__.
func (t *Thread) setupSlots(c *Type) error {
	c.nslots = 0
	for _, b := range c.Bases {
		c.nslots = max(c.nslots, b.nslots)
	}
	v, ok := c.Dict.getStr(Intern("__slots__"))
	if !ok {
		c.Flags |= FlagHasDict
		return nil
	}
	var names []Value
	if s, ok := v.o.(*Str); ok {
		names = []Value{{o: s}}
	} else {
		items, err := t.collectIterable(v, nil)
		if err != nil {
			return err
		}
		names = items
	}
	for _, b := range c.Bases {
		if b.HasFlag(FlagHasDict) && b != ObjectType {
			c.Flags |= FlagHasDict
		}
	}
	if len(names) > 0 {
		switch c.builtin {
		case IntType, TupleType, BytesType, TypeType:
			// Variable-sized instances (tp_itemsize != 0) have no room.
			return t.typeErrorf("nonempty __slots__ not supported for subtype of '%s'", c.Base.Name)
		}
	}
	for _, n := range names {
		s, ok := n.o.(*Str)
		if !ok {
			return t.typeErrorf("__slots__ items must be strings, not '%s'", n.Type().Name)
		}
		if s.s == "__dict__" {
			c.Flags |= FlagHasDict
			continue
		}
		if s.s == "__weakref__" {
			continue
		}
		if !isIdentifier(s.s) {
			return t.typeErrorf("__slots__ must be identifiers")
		}

		mangled := Intern(mangleName(c.Name, s.s))
		if _, clash := c.Dict.getStr(mangled); clash {
			return t.valueErrorf("'%s' in __slots__ conflicts with class variable", s.s)
		}
		c.Dict.setStr(mangled, Value{o: &MemberDescr{ObjectBase: ObjectBase{cls: MemberDescrType}, name: mangled, owner: c, index: c.nslots}})
		c.slotNames = append(c.slotNames, mangled)
		c.nslots++
	}
	return nil
}

// mangleName is _Py_Mangle for a class name.
func mangleName(class, name string) string {
	if !strings.HasPrefix(name, "__") || strings.HasSuffix(name, "__") || strings.Contains(name, ".") {
		return name
	}
	p := strings.TrimLeft(class, "_")
	if p == "" {
		return name
	}
	return "_" + p + name
}

// setNames calls __set_name__ on the namespace's values (type_new_set_names).
func (t *Thread) setNames(c *Type) error {
	var keys, vals []Value
	c.Dict.Items(func(k, v Value) bool {
		keys = append(keys, k)
		vals = append(vals, v)
		return true
	})
	for i, v := range vals {
		m, err := lookupSpecial(t, v, Intern("__set_name__"))
		if err != nil {
			return err
		}
		if m.IsNull() {
			continue
		}
		if _, err := t.Call(m, []Value{Value{o: c}, keys[i]}, nil); err != nil {
			if e := asException(err); e != nil {
				// CPython 3.12+ adds a note instead of wrapping.
				kr, _ := Repr(t, keys[i])
				addNote(e, fmt.Sprintf("Error calling __set_name__ on '%s' instance %s in '%s'", v.Type().Name, kr.s, c.Name))
			}
			return err
		}
	}
	return nil
}

// initSubclass calls super(cls, cls).__init_subclass__(**kwargs).
func (t *Thread) initSubclass(c *Type, kwargs *Dict) error {
	var m Value
	for _, b := range c.MRO[1:] {
		if v, ok := b.Dict.getStr(Intern("__init_subclass__")); ok {
			m = v
			break
		}
	}
	if m.IsNull() {
		return nil
	}
	f, err := bindDescriptor(t, m, Value{o: c}, c)
	if err != nil {
		return err
	}
	var args []Value
	var kwnames []*Str
	kwargs.Items(func(k, v Value) bool {
		kwnames = append(kwnames, k.o.(*Str))
		args = append(args, v)
		return true
	})
	_, err = t.Call(f, args, kwnames)
	return err
}

// buildClass is __build_class__(func, name, *bases, metaclass=…, **kwds).
func buildClass(t *Thread, self Value, args []Value, kwnames []*Str) (Value, error) {
	npos := len(args) - len(kwnames)
	if npos < 2 {
		return Null, t.typeErrorf("__build_class__: not enough arguments")
	}
	fn, ok := args[0].o.(*Function)
	if !ok {
		return Null, t.typeErrorf("__build_class__: func must be a function")
	}
	nameS, ok := args[1].o.(*Str)
	if !ok {
		return Null, t.typeErrorf("__build_class__: name is not a string")
	}
	// Copied: args may live on the caller's value stack.
	origBases := append([]Value(nil), args[2:npos]...)
	bases, err := t.resolveBases(origBases)
	if err != nil {
		return Null, err
	}
	var meta Value
	kwargs := NewDict()
	for i, k := range kwnames {
		if k.s == "metaclass" {
			meta = args[npos+i]
			continue
		}
		kwargs.setStr(k, args[npos+i])
	}
	isClass := false
	if meta.IsNull() {
		if len(bases) == 0 {
			meta = Value{o: TypeType}
		} else {
			meta = Value{o: bases[0].Type()}
		}
		isClass = true
	} else if _, ok := meta.o.(*Type); ok {
		isClass = true
	}
	if isClass {
		// The most derived metaclass of the bases'.
		winner := meta.o.(*Type)
		for _, b := range bases {
			bm := b.Type()
			if winner.IsSubtype(bm) {
				continue
			}
			if bm.IsSubtype(winner) {
				winner = bm
				continue
			}
			return Null, t.typeErrorf("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
		}
		meta = Value{o: winner}
	}
	basesTuple := NewTuple(bases...)
	var ns Value
	prep, err := getAttrOpt(t, meta, Intern("__prepare__"))
	if err != nil {
		return Null, err
	}
	if prep.IsNull() {
		ns = Value{o: NewDict()}
	} else {
		kwv, kwn := dictToKwargs(kwargs)
		ns, err = t.Call(prep, append([]Value{Value{o: nameS}, Value{o: basesTuple}}, kwv...), kwn)
		if err != nil {
			return Null, err
		}
		if !isMapping(ns) {
			name := "<metaclass>"
			if mt, ok := meta.o.(*Type); ok {
				name = mt.Name
			}
			return Null, t.typeErrorf("%s.__prepare__() must return a mapping, not %s", name, ns.Type().Name)
		}
	}
	// Run the class body with the namespace as its locals.
	f := newFrame(fn.code, fn.globals, fn.builtins, ns)
	f.fn = fn
	if err := t.enter(); err != nil {
		return Null, err
	}
	cell, _, err := t.run(f)
	t.leave()
	if err != nil {
		return Null, err
	}
	if len(origBases) > 0 && !sameValues(origBases, bases) {
		if err := SetItem(t, ns, NewStrValue("__orig_bases__"), Value{o: NewTuple(origBases...)}); err != nil {
			return Null, err
		}
	}
	kwv, kwn := dictToKwargs(kwargs)
	cls, err := t.Call(meta, append([]Value{Value{o: nameS}, Value{o: basesTuple}, ns}, kwv...), kwn)
	if err != nil {
		return Null, err
	}
	if c, ok := cell.o.(*Cell); ok && !cls.IsNull() {
		if !c.v.Is(cls) {
			if c.v.IsNull() {
				return Null, t.raisef(RuntimeErrorType, "__class__ not set defining '%s' as %s. Was __classcell__ propagated to type.__new__?", nameS.s, reprOrType(t, cls))
			}
			return Null, t.typeErrorf("__class__ set to %s defining '%s' as %s", reprOrType(t, c.v), nameS.s, reprOrType(t, cls))
		}
	}
	return cls, nil
}

func reprOrType(t *Thread, v Value) string {
	r, err := Repr(t, v)
	if err != nil {
		return v.Type().Name
	}
	return r.s
}

func sameValues(a, b []Value) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Is(b[i]) {
			return false
		}
	}
	return true
}

// resolveBases applies __mro_entries__ to bases that are not classes
// (PEP 560).
func (t *Thread) resolveBases(bases []Value) ([]Value, error) {
	var out []Value
	changed := false
	orig := Value{o: NewTuple(bases...)}
	for _, b := range bases {
		if _, ok := b.o.(*Type); ok {
			out = append(out, b)
			continue
		}
		m, err := getAttrOpt(t, b, Intern("__mro_entries__"))
		if err != nil {
			return nil, err
		}
		if m.IsNull() {
			out = append(out, b)
			continue
		}
		r, err := t.Call(m, []Value{orig}, nil)
		if err != nil {
			return nil, err
		}
		tu, ok := r.o.(*Tuple)
		if !ok {
			return nil, t.typeErrorf("__mro_entries__ must return a tuple")
		}
		out = append(out, tu.items...)
		changed = true
	}
	if !changed {
		return bases, nil
	}
	return out, nil
}

func dictToKwargs(d *Dict) ([]Value, []*Str) {
	var vals []Value
	var names []*Str
	d.Items(func(k, v Value) bool {
		names = append(names, k.o.(*Str))
		vals = append(vals, v)
		return true
	})
	return vals, names
}

// isMapping reports whether v supports item access as a mapping.
func isMapping(v Value) bool {
	tp := v.Type()
	return tp.GetItem != nil
}

func typeDir(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	c := self.o.(*Type)
	seen := NewDict()
	for i := len(c.MRO) - 1; i >= 0; i-- {
		c.MRO[i].Dict.Items(func(k, v Value) bool {
			seen.Set(t, k, None)
			return true
		})
	}
	return Value{o: NewList(seen.Keys()...)}, nil
}

func objectDir(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	seen := NewDict()
	if o := self.Object(); o != nil {
		if d := InstanceDict(o); d != nil {
			d.Items(func(k, v Value) bool {
				seen.Set(t, k, None)
				return true
			})
		}
	}
	tp := self.Type()
	for _, c := range tp.MRO {
		c.Dict.Items(func(k, v Value) bool {
			seen.Set(t, k, None)
			return true
		})
	}
	return Value{o: NewList(seen.Keys()...)}, nil
}

// IsInstance is isinstance(v, cls) with __instancecheck__.
func IsInstance(t *Thread, v, cls Value) (bool, error) {
	if c, ok := cls.o.(*Type); ok && v.Type() == c {
		return true, nil
	}
	if c, ok := cls.o.(*Type); ok && c.Type() == TypeType {
		return recursiveIsInstance(t, v, cls)
	}
	if u, ok := cls.o.(*UnionType); ok {
		cls = Value{o: u.args}
	}
	if tu, ok := cls.o.(*Tuple); ok {
		if err := t.enterC(" in __instancecheck__"); err != nil {
			return false, err
		}
		defer t.leaveC()
		for _, c := range tu.items {
			r, err := IsInstance(t, v, c)
			if err != nil || r {
				return r, err
			}
		}
		return false, nil
	}
	check, err := lookupSpecial(t, cls, Intern("__instancecheck__"))
	if err != nil {
		return false, err
	}
	if !check.IsNull() {
		r, err := t.Call(check, []Value{v}, nil)
		if err != nil {
			return false, err
		}
		return Truth(t, r)
	}
	return recursiveIsInstance(t, v, cls)
}

func recursiveIsInstance(t *Thread, v, cls Value) (bool, error) {
	if c, ok := cls.o.(*Type); ok {
		if v.Type().IsSubtype(c) {
			return true, nil
		}
		// __class__ may differ from the type (proxies).
		ic, err := getAttrOpt(t, v, Intern("__class__"))
		if err != nil {
			return false, err
		}
		if ict, ok := ic.o.(*Type); ok && ict != v.Type() {
			return ict.IsSubtype(c), nil
		}
		return false, nil
	}
	if _, err := getAttrOpt(t, cls, Intern("__bases__")); err != nil {
		return false, err
	}
	return false, t.typeErrorf("isinstance() arg 2 must be a type, a tuple of types, or a union")
}

// IsSubclass is issubclass(sub, cls) with __subclasscheck__.
func IsSubclass(t *Thread, sub, cls Value) (bool, error) {
	if c, ok := cls.o.(*Type); ok && c.Type() == TypeType {
		return recursiveIsSubclass(t, sub, cls)
	}
	if u, ok := cls.o.(*UnionType); ok {
		cls = Value{o: u.args}
	}
	if tu, ok := cls.o.(*Tuple); ok {
		if err := t.enterC(" in __subclasscheck__"); err != nil {
			return false, err
		}
		defer t.leaveC()
		for _, c := range tu.items {
			r, err := IsSubclass(t, sub, c)
			if err != nil || r {
				return r, err
			}
		}
		return false, nil
	}
	check, err := lookupSpecial(t, cls, Intern("__subclasscheck__"))
	if err != nil {
		return false, err
	}
	if !check.IsNull() {
		r, err := t.Call(check, []Value{sub}, nil)
		if err != nil {
			return false, err
		}
		return Truth(t, r)
	}
	return recursiveIsSubclass(t, sub, cls)
}

func recursiveIsSubclass(t *Thread, sub, cls Value) (bool, error) {
	s, ok := sub.o.(*Type)
	if !ok {
		return false, t.typeErrorf("issubclass() arg 1 must be a class")
	}
	c, ok := cls.o.(*Type)
	if !ok {
		return false, t.typeErrorf("issubclass() arg 2 must be a class, a tuple of classes, or a union")
	}
	return s.IsSubtype(c), nil
}

// isIdentifier reports whether s is a valid Python identifier (ASCII check
// plus the Unicode rules for the rest).
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			continue
		}
		if i > 0 && r >= '0' && r <= '9' {
			continue
		}
		if r < 128 {
			return false
		}
	}
	return true
}

// addNote appends a note to an exception's __notes__.
func addNote(e *Exception, note string) {
	if e.dict == nil {
		e.dict = NewDict()
	}
	v, ok := e.dict.getStr(Intern("__notes__"))
	l, isList := v.o.(*List)
	if !ok || !isList {
		l = NewList()
		e.dict.setStr(Intern("__notes__"), Value{o: l})
	}
	l.Append(NewStrValue(note))
}

// objectGetState is object.__getstate__() (object_getstate_default): the
// instance's __dict__ (None when empty), paired with a dict of the set
// __slots__ values when the class has slots.
func objectGetState(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := noArgs(t, "__getstate__", args, kw); err != nil {
		return Null, err
	}
	state := None
	if o := self.Object(); o != nil {
		if d := InstanceDict(o); d != nil && d.Len() > 0 {
			state = Value{o: d}
		}
	}
	var slots *Dict
	for _, c := range self.Type().MRO {
		for _, name := range c.slotNames {
			if name.s == "__dict__" || name.s == "__weakref__" {
				continue
			}
			v, err := getAttrOpt(t, self, name)
			if err != nil {
				if e := asException(err); e != nil && e.cls.IsSubtype(AttributeErrorType) {
					continue
				}
				return Null, err
			}
			if v.IsNull() {
				continue
			}
			if slots == nil {
				slots = NewDict()
			}
			if err := slots.Set(t, Value{o: name}, v); err != nil {
				return Null, err
			}
		}
	}
	if slots != nil {
		return Value{o: NewTuple(state, Value{o: slots})}, nil
	}
	return state, nil
}

// setupTypeLayoutAttrs adds type's __annotations__ and the attributes that
// describe a type's C layout in CPython (__basicsize__, __itemsize__,
// __dictoffset__, __weakrefoffset__, __flags__), which peephole
// approximates: builtin types report CPython's values where they are
// known, classes the values of their builtin base plus their slots.
func setupTypeLayoutAttrs(tt *Type) {
	defGetSet(tt, "__annotations__", func(t *Thread, self Value) (Value, error) {
		c := self.o.(*Type)
		if !c.HasFlag(FlagHeapType) {
			return Null, t.attributeError(self, Intern("__annotations__"), fmt.Sprintf("type object '%s' has no attribute '__annotations__'", c.Name))
		}
		if v, ok := c.Dict.getStr(Intern("__annotations__")); ok {
			return bindDescriptor(t, v, Null, c)
		}
		d := Value{o: NewDict()}
		c.Dict.setStr(Intern("__annotations__"), d)
		c.modified()
		return d, nil
	}, func(t *Thread, self, v Value) error {
		c := self.o.(*Type)
		if c.HasFlag(FlagImmutable) {
			return t.typeErrorf("cannot set '__annotations__' attribute of immutable type '%s'", c.Name)
		}
		if v.IsNull() {
			ok, err := c.Dict.Delete(t, Value{o: Intern("__annotations__")})
			if err != nil {
				return err
			}
			if !ok {
				return t.attributeError(self, Intern("__annotations__"), "__annotations__")
			}
		} else {
			c.Dict.setStr(Intern("__annotations__"), v)
		}
		c.modified()
		return nil
	})
	intAttr := func(name string, get func(c *Type) int64) {
		defMember(tt, name, func(t *Thread, self Value) (Value, error) { return Int(get(self.o.(*Type))), nil })
	}
	intAttr("__basicsize__", typeBasicSize)
	intAttr("__itemsize__", func(c *Type) int64 {
		switch c.builtin {
		case IntType, BoolType:
			return 4
		case TupleType:
			return 8
		case BytesType:
			return 1
		case TypeType:
			return 40
		}
		return 0
	})
	intAttr("__dictoffset__", func(c *Type) int64 {
		if c == TypeType {
			return 264
		}
		if c.HasFlag(FlagHeapType) && instancesHaveDict(c) {
			return -1
		}
		return 0
	})
	intAttr("__weakrefoffset__", func(c *Type) int64 {
		if c == TypeType {
			return 368
		}
		if c.HasFlag(FlagHeapType) && instancesHaveDict(c) && (c.builtin == nil || c.builtin == ObjectType) {
			return -32
		}
		return 0
	})
	intAttr("__flags__", typeFlagsValue)
	defGetSet(tt, "__text_signature__", func(t *Thread, self Value) (Value, error) {
		return typeTextSig(self.o.(*Type)), nil
	}, nil)
}

// instancesHaveDict reports whether the instances of a class have a
// __dict__ (no __slots__ without "__dict__" all along the MRO).
func instancesHaveDict(c *Type) bool {
	if c.HasFlag(FlagHasDict) {
		return true
	}
	for _, m := range c.MRO {
		if m.HasFlag(FlagHeapType) {
			if _, ok := m.Dict.getStr(Intern("__slots__")); !ok {
				return true
			}
		}
	}
	return false
}

// typeBasicSize approximates tp_basicsize: CPython's value for the common
// builtin types, the builtin base's plus 8 bytes a slot for classes.
func typeBasicSize(c *Type) int64 {
	if c.HasFlag(FlagHeapType) {
		base := c.builtin
		if base == nil {
			base = ObjectType
		}
		return typeBasicSize(base) + 8*int64(c.nslots)
	}
	switch c {
	case ObjectType:
		return 16
	case BytesType:
		return 33
	case IntType, BoolType, TupleType, FloatType:
		return 24
	case ComplexType:
		return 32
	case StrType:
		return 64
	case ListType:
		return 40
	case DictType:
		return 48
	case SetType, FrozenSetType:
		return 200
	case TypeType:
		return 928
	}
	return 16
}

// typeFlagsValue approximates tp_flags with CPython's bit values.
func typeFlagsValue(c *Type) int64 {
	const (
		staticBuiltin  = 1 << 1
		inlineValues   = 1 << 2
		managedWeakref = 1 << 3
		managedDict    = 1 << 4
		sequence       = 1 << 5
		mapping        = 1 << 6
		immutable      = 1 << 8
		heap           = 1 << 9
		base           = 1 << 10
		ready          = 1 << 12
		gc             = 1 << 14
		abstract       = 1 << 20
		matchSelf      = 1 << 22
	)
	f := int64(ready)
	if c.HasFlag(FlagHeapType) {
		f |= heap | gc
		if instancesHaveDict(c) && (c.builtin == nil || c.builtin == ObjectType) {
			f |= inlineValues | managedWeakref | managedDict
		}
	} else {
		f |= staticBuiltin
	}
	if c.HasFlag(FlagImmutable) {
		f |= immutable
	}
	if c.HasFlag(FlagBaseType) {
		f |= base
	}
	if c.HasFlag(FlagSequence) {
		f |= sequence
	}
	if c.HasFlag(FlagMapping) {
		f |= mapping
	}
	if c.HasFlag(FlagAbstract) {
		f |= abstract
	}
	switch c.builtin {
	case IntType, BoolType, FloatType, StrType, BytesType, ByteArrayType, ListType, TupleType, DictType, SetType, FrozenSetType:
		f |= matchSelf
	}
	switch c.builtin {
	case ListType, TupleType, DictType, SetType, FrozenSetType, TypeType:
		f |= gc
	}
	for bit, fl := range map[int]TypeFlags{24: FlagIntSubclass, 25: FlagListSubclass, 26: FlagTupleSubclass, 27: FlagBytesSubclass, 28: FlagStrSubclass, 29: FlagDictSubclass, 30: FlagBaseExcSubclass, 31: FlagTypeSubclass} {
		if c.HasFlag(fl) {
			f |= 1 << bit
		}
	}
	return f
}

// calcMetaclass is _PyType_CalculateMetaclass: the most derived of meta
// and the bases' metaclasses, or the metaclass conflict error.
func (t *Thread) calcMetaclass(meta *Type, bases []Value) (*Type, error) {
	winner := meta
	for _, b := range bases {
		bm := b.Type()
		if winner.IsSubtype(bm) {
			continue
		}
		if bm.IsSubtype(winner) {
			winner = bm
			continue
		}
		return nil, t.typeErrorf("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
	}
	return winner, nil
}

// checkSetSpecialTypeAttr is check_set_special_type_attr: the special
// attributes of a builtin type cannot be set, and those of no type can be
// deleted (CPython's message calls every type immutable then).
func checkSetSpecialTypeAttr(t *Thread, c *Type, v Value, name string) error {
	if c.HasFlag(FlagImmutable) {
		return t.typeErrorf("cannot set '%s' attribute of immutable type '%s'", name, c.Name)
	}
	if v.IsNull() {
		return t.typeErrorf("cannot delete '%s' attribute of immutable type '%s'", name, c.Name)
	}
	return nil
}

// sameSlotsLayout reports whether instances of a and b keep the same
// __slots__ at the same places (compatible_for_assignment's
// same_slots_added): the same slot names, in order, all along.
func sameSlotsLayout(a, b *Type) bool {
	if a.nslots != b.nslots || instancesHaveDict(a) != instancesHaveDict(b) {
		return false
	}
	names := func(c *Type) []string {
		var out []string
		for i := len(c.MRO) - 1; i >= 0; i-- {
			for _, n := range c.MRO[i].slotNames {
				out = append(out, n.s)
			}
		}
		return out
	}
	x, y := names(a), names(b)
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}
