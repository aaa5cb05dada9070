package vm

// Slots and dunder methods meet here, in both directions, as in CPython's
// typeobject.c (slotdefs):
//
//   - a builtin type's slots are exposed as methods on the type: the
//     wrapper descriptors int.__add__, list.__len__, object.__repr__ …
//     (addSlotWrappers);
//   - a class defined in Python gets slots that call its dunder methods
//     (updateSlots): each slot is the builtin base's own slot when the
//     method the class inherits is that base's wrapper, a generic function
//     that looks the dunder up when the class (or a Python base) defines
//     it, and nothing when no class of the MRO has it.

// slotDef links a slot to its dunder names.
type slotDef struct {
	names []string
	// get reads the slot of a type as a comparable function value (nil
	// if unset); set sets it to the generic dunder-calling function (or
	// to the given type's slot when inherit is non-nil).
	get     func(t *Type) any
	set     func(t *Type, from *Type)
	generic func(t *Type)
	clear   func(t *Type)
	// wrap makes the wrapper methods of a builtin slot.
	wrap func(owner *Type) []MethodDef
}

// slotWrapper returns the wrapper descriptor of a builtin slot.
func slotWrapper(owner *Type, name string, fn BuiltinFunc) MethodDef {
	return MethodDef{Name: name, Fn: fn}
}

// binarySlot makes the slotDef of a binary number slot and its reflected
// form.
func binarySlot(op, rop string, field func(*NumberSlots) *BinarySlot, generic BinarySlot) slotDef {
	return slotDef{
		names:   []string{op, rop},
		get:     func(t *Type) any { return *field(&t.Number) },
		set:     func(t, from *Type) { *field(&t.Number) = *field(&from.Number) },
		generic: func(t *Type) { *field(&t.Number) = generic },
		clear:   func(t *Type) { *field(&t.Number) = nil },
		wrap: func(owner *Type) []MethodDef {
			s := *field(&owner.Number)
			return []MethodDef{
				slotWrapper(owner, op, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := exactArgs(t, op, args, kw, 1); err != nil {
						return Null, err
					}
					return s(t, self, args[0])
				}),
				slotWrapper(owner, rop, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := exactArgs(t, rop, args, kw, 1); err != nil {
						return Null, err
					}
					return s(t, args[0], self)
				}),
			}
		},
	}
}

// inplaceSlot makes the slotDef of an in-place number slot.
func inplaceSlot(name string, field func(*NumberSlots) *BinarySlot) slotDef {
	return slotDef{
		names: []string{name},
		get:   func(t *Type) any { return *field(&t.Number) },
		set:   func(t, from *Type) { *field(&t.Number) = *field(&from.Number) },
		generic: func(t *Type) {
			*field(&t.Number) = func(th *Thread, a, b Value) (Value, error) {
				return callDunderOrNotImplemented(th, a, Intern(name), b)
			}
		},
		clear: func(t *Type) { *field(&t.Number) = nil },
		wrap: func(owner *Type) []MethodDef {
			s := *field(&owner.Number)
			return []MethodDef{slotWrapper(owner, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := exactArgs(t, name, args, kw, 1); err != nil {
					return Null, err
				}
				return s(t, self, args[0])
			})}
		},
	}
}

// unarySlot makes the slotDef of a unary slot.
func unarySlot(name string, field func(*Type) *UnarySlot) slotDef {
	return slotDef{
		names: []string{name},
		get:   func(t *Type) any { return *field(t) },
		set:   func(t, from *Type) { *field(t) = *field(from) },
		generic: func(t *Type) {
			if name == "__iter__" {
				// slot_tp_iter: __iter__ = None makes instances not
				// iterable.
				*field(t) = func(th *Thread, v Value) (Value, error) {
					if m := v.Type().Lookup(Intern(name)); m.IsNone() {
						return Null, th.typeErrorf("'%s' object is not iterable", v.Type().Name)
					}
					return callDunder(th, v, Intern(name))
				}
				return
			}
			*field(t) = func(th *Thread, v Value) (Value, error) {
				return callDunder(th, v, Intern(name))
			}
		},
		clear: func(t *Type) { *field(t) = nil },
		wrap: func(owner *Type) []MethodDef {
			s := *field(owner)
			return []MethodDef{slotWrapper(owner, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := exactArgs(t, name, args, kw, 0); err != nil {
					return Null, err
				}
				return s(t, self)
			})}
		},
	}
}

// exactArgs checks the arity of a wrapper call.
func exactArgs(t *Thread, name string, args []Value, kw []*Str, n int) error {
	if len(kw) > 0 {
		return t.typeErrorf("%s() takes no keyword arguments", name)
	}
	if len(args) != n {
		return t.typeErrorf("expected %d argument%s, got %d", n, plural(n), len(args))
	}
	return nil
}

// unpackArgs checks the arity of a wrapper that unpacks its arguments
// with PyArg_UnpackTuple(args, "", min, max): its messages start with the
// empty function name, so with a space.
func unpackArgs(t *Thread, name string, args []Value, kw []*Str, lo, hi int) error {
	if len(kw) > 0 {
		return t.typeErrorf("%s() takes no keyword arguments", name)
	}
	switch {
	case len(args) < lo:
		at := ""
		if lo != hi {
			at = "at least "
		}
		return t.typeErrorf(" expected %s%d argument%s, got %d", at, lo, plural(lo), len(args))
	case len(args) > hi:
		at := ""
		if lo != hi {
			at = "at most "
		}
		return t.typeErrorf(" expected %s%d argument%s, got %d", at, hi, plural(hi), len(args))
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

var slotDefs []slotDef

func init() {
	num := func(f func(*NumberSlots) *BinarySlot) func(*NumberSlots) *BinarySlot { return f }
	slotDefs = []slotDef{
		binarySlot("__add__", "__radd__", num(func(n *NumberSlots) *BinarySlot { return &n.Add }), slotNbAdd),
		binarySlot("__sub__", "__rsub__", num(func(n *NumberSlots) *BinarySlot { return &n.Sub }), slotNbSub),
		binarySlot("__mul__", "__rmul__", num(func(n *NumberSlots) *BinarySlot { return &n.Mul }), slotNbMul),
		binarySlot("__matmul__", "__rmatmul__", num(func(n *NumberSlots) *BinarySlot { return &n.MatMul }), slotNbMatMul),
		binarySlot("__truediv__", "__rtruediv__", num(func(n *NumberSlots) *BinarySlot { return &n.TrueDiv }), slotNbTrueDiv),
		binarySlot("__floordiv__", "__rfloordiv__", num(func(n *NumberSlots) *BinarySlot { return &n.FloorDiv }), slotNbFloorDiv),
		binarySlot("__mod__", "__rmod__", num(func(n *NumberSlots) *BinarySlot { return &n.Mod }), slotNbMod),
		binarySlot("__divmod__", "__rdivmod__", num(func(n *NumberSlots) *BinarySlot { return &n.DivMod }), slotNbDivMod),
		binarySlot("__lshift__", "__rlshift__", num(func(n *NumberSlots) *BinarySlot { return &n.LShift }), slotNbLShift),
		binarySlot("__rshift__", "__rrshift__", num(func(n *NumberSlots) *BinarySlot { return &n.RShift }), slotNbRShift),
		binarySlot("__and__", "__rand__", num(func(n *NumberSlots) *BinarySlot { return &n.And }), slotNbAnd),
		binarySlot("__or__", "__ror__", num(func(n *NumberSlots) *BinarySlot { return &n.Or }), slotNbOr),
		binarySlot("__xor__", "__rxor__", num(func(n *NumberSlots) *BinarySlot { return &n.Xor }), slotNbXor),
		{
			names:   []string{"__pow__", "__rpow__"},
			get:     func(t *Type) any { return t.Number.Pow },
			set:     func(t, from *Type) { t.Number.Pow = from.Number.Pow },
			generic: func(t *Type) { t.Number.Pow = slotNbPow },
			clear:   func(t *Type) { t.Number.Pow = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.Number.Pow
				return []MethodDef{
					{Name: "__pow__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
						z := None
						if err := unpackArgs(t, "__pow__", args, kw, 1, 2); err != nil {
							return Null, err
						}
						if len(args) == 2 {
							z = args[1]
						}
						return s(t, self, args[0], z)
					}},
					{Name: "__rpow__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
						z := None
						if err := unpackArgs(t, "__rpow__", args, kw, 1, 2); err != nil {
							return Null, err
						}
						if len(args) == 2 {
							z = args[1]
						}
						return s(t, args[0], self, z)
					}},
				}
			},
		},
		inplaceSlot("__iadd__", func(n *NumberSlots) *BinarySlot { return &n.InplaceAdd }),
		inplaceSlot("__isub__", func(n *NumberSlots) *BinarySlot { return &n.InplaceSub }),
		inplaceSlot("__imul__", func(n *NumberSlots) *BinarySlot { return &n.InplaceMul }),
		inplaceSlot("__imatmul__", func(n *NumberSlots) *BinarySlot { return &n.InplaceMatMul }),
		inplaceSlot("__itruediv__", func(n *NumberSlots) *BinarySlot { return &n.InplaceTrueDiv }),
		inplaceSlot("__ifloordiv__", func(n *NumberSlots) *BinarySlot { return &n.InplaceFloorDiv }),
		inplaceSlot("__imod__", func(n *NumberSlots) *BinarySlot { return &n.InplaceMod }),
		inplaceSlot("__ilshift__", func(n *NumberSlots) *BinarySlot { return &n.InplaceLShift }),
		inplaceSlot("__irshift__", func(n *NumberSlots) *BinarySlot { return &n.InplaceRShift }),
		inplaceSlot("__iand__", func(n *NumberSlots) *BinarySlot { return &n.InplaceAnd }),
		inplaceSlot("__ior__", func(n *NumberSlots) *BinarySlot { return &n.InplaceOr }),
		inplaceSlot("__ixor__", func(n *NumberSlots) *BinarySlot { return &n.InplaceXor }),
		unarySlot("__neg__", func(t *Type) *UnarySlot { return &t.Number.Neg }),
		unarySlot("__pos__", func(t *Type) *UnarySlot { return &t.Number.Pos }),
		unarySlot("__abs__", func(t *Type) *UnarySlot { return &t.Number.Abs }),
		unarySlot("__invert__", func(t *Type) *UnarySlot { return &t.Number.Invert }),
		unarySlot("__int__", func(t *Type) *UnarySlot { return &t.Number.Int }),
		unarySlot("__float__", func(t *Type) *UnarySlot { return &t.Number.Float }),
		unarySlot("__index__", func(t *Type) *UnarySlot { return &t.Number.Index }),
		unarySlot("__repr__", func(t *Type) *UnarySlot { return &t.Repr }),
		unarySlot("__str__", func(t *Type) *UnarySlot { return &t.Str }),
		unarySlot("__iter__", func(t *Type) *UnarySlot { return &t.Iter }),
		{
			names:   []string{"__bool__"},
			get:     func(t *Type) any { return t.Number.Bool },
			set:     func(t, from *Type) { t.Number.Bool = from.Number.Bool },
			generic: func(t *Type) { t.Number.Bool = slotNbBool },
			clear:   func(t *Type) { t.Number.Bool = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.Number.Bool
				return []MethodDef{{Name: "__bool__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := exactArgs(t, "__bool__", args, kw, 0); err != nil {
						return Null, err
					}
					b, err := s(t, self)
					return Bool(b), err
				}}}
			},
		},
		{
			names:   []string{"__next__"},
			get:     func(t *Type) any { return t.Next },
			set:     func(t, from *Type) { t.Next = from.Next },
			generic: func(t *Type) { t.Next = slotTpNext },
			clear:   func(t *Type) { t.Next = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.Next
				return []MethodDef{{Name: "__next__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := exactArgs(t, "__next__", args, kw, 0); err != nil {
						return Null, err
					}
					v, err := s(t, self)
					if err == nil && v.IsNull() {
						return Null, NewException(StopIterationType)
					}
					return v, err
				}}}
			},
		},
		{
			names:   []string{"__len__"},
			get:     func(t *Type) any { return t.Len },
			set:     func(t, from *Type) { t.Len = from.Len },
			generic: func(t *Type) { t.Len = slotLen },
			clear:   func(t *Type) { t.Len = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.Len
				return []MethodDef{{Name: "__len__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := exactArgs(t, "__len__", args, kw, 0); err != nil {
						return Null, err
					}
					n, err := s(t, self)
					return Int(int64(n)), err
				}}}
			},
		},
		{
			names:   []string{"__hash__"},
			get:     func(t *Type) any { return t.Hash },
			set:     func(t, from *Type) { t.Hash = from.Hash; t.hashNone = from.hashNone },
			generic: func(t *Type) { t.Hash = slotHash },
			clear:   func(t *Type) { t.Hash = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.Hash
				return []MethodDef{{Name: "__hash__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := exactArgs(t, "__hash__", args, kw, 0); err != nil {
						return Null, err
					}
					h, err := s(t, self)
					return Int(h), err
				}}}
			},
		},
		{
			names:   []string{"__call__"},
			get:     func(t *Type) any { return t.Call },
			set:     func(t, from *Type) { t.Call = from.Call },
			generic: func(t *Type) { t.Call = slotCall },
			clear:   func(t *Type) { t.Call = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.Call
				return []MethodDef{{Name: "__call__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					return s(t, self, args, kw)
				}}}
			},
		},
		{
			names:   []string{"__getitem__"},
			get:     func(t *Type) any { return t.GetItem },
			set:     func(t, from *Type) { t.GetItem = from.GetItem },
			generic: func(t *Type) { t.GetItem = slotGetItem },
			clear:   func(t *Type) { t.GetItem = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.GetItem
				return []MethodDef{{Name: "__getitem__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := exactArgs(t, "__getitem__", args, kw, 1); err != nil {
						return Null, err
					}
					return s(t, self, args[0])
				}}}
			},
		},
		{
			names:   []string{"__setitem__", "__delitem__"},
			get:     func(t *Type) any { return t.SetItem },
			set:     func(t, from *Type) { t.SetItem = from.SetItem },
			generic: func(t *Type) { t.SetItem = slotSetItem },
			clear:   func(t *Type) { t.SetItem = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.SetItem
				return []MethodDef{
					{Name: "__setitem__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
						if err := unpackArgs(t, "__setitem__", args, kw, 2, 2); err != nil {
							return Null, err
						}
						return None, s(t, self, args[0], args[1])
					}},
					{Name: "__delitem__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
						if err := exactArgs(t, "__delitem__", args, kw, 1); err != nil {
							return Null, err
						}
						return None, s(t, self, args[0], Null)
					}},
				}
			},
		},
		{
			names:   []string{"__contains__"},
			get:     func(t *Type) any { return t.Contains },
			set:     func(t, from *Type) { t.Contains = from.Contains },
			generic: func(t *Type) { t.Contains = slotContains },
			clear:   func(t *Type) { t.Contains = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.Contains
				return []MethodDef{{Name: "__contains__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := exactArgs(t, "__contains__", args, kw, 1); err != nil {
						return Null, err
					}
					b, err := s(t, self, args[0])
					return Bool(b), err
				}}}
			},
		},
		{
			names:   []string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"},
			get:     func(t *Type) any { return t.Compare },
			set:     func(t, from *Type) { t.Compare = from.Compare },
			generic: func(t *Type) { t.Compare = slotCompare },
			clear:   func(t *Type) { t.Compare = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.Compare
				var defs []MethodDef
				for op, name := range compareDunders {
					op := CompareOp(op)
					name := name
					defs = append(defs, MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
						if err := exactArgs(t, name, args, kw, 1); err != nil {
							return Null, err
						}
						return s(t, self, args[0], op)
					}})
				}
				return defs
			},
		},
		{
			names:   []string{"__get__"},
			get:     func(t *Type) any { return t.DescrGet },
			set:     func(t, from *Type) { t.DescrGet = from.DescrGet },
			generic: func(t *Type) { t.DescrGet = slotDescrGet },
			clear:   func(t *Type) { t.DescrGet = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.DescrGet
				return []MethodDef{{Name: "__get__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := unpackArgs(t, "__get__", args, kw, 1, 2); err != nil {
						return Null, err
					}
					obj := args[0]
					var cls *Type
					if len(args) == 2 && !args[1].IsNone() {
						var ok bool
						if cls, ok = args[1].o.(*Type); !ok {
							if md, isMD := self.o.(*MethodDescr); isMD && md.class {
								return Null, classMethodDescrCheck(t, md, args[1])
							}
						}
					}
					if obj.IsNone() {
						obj = Null
						if cls == nil {
							return Null, t.typeErrorf("__get__(None, None) is invalid")
						}
					}
					if cls == nil {
						cls = obj.Type()
					}
					return s(t, self, obj, cls)
				}}}
			},
		},
		{
			names:   []string{"__set__", "__delete__"},
			get:     func(t *Type) any { return t.DescrSet },
			set:     func(t, from *Type) { t.DescrSet = from.DescrSet },
			generic: func(t *Type) { t.DescrSet = slotDescrSet },
			clear:   func(t *Type) { t.DescrSet = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.DescrSet
				return []MethodDef{
					{Name: "__set__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
						if err := unpackArgs(t, "__set__", args, kw, 2, 2); err != nil {
							return Null, err
						}
						return None, s(t, self, args[0], args[1])
					}},
					{Name: "__delete__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
						if err := exactArgs(t, "__delete__", args, kw, 1); err != nil {
							return Null, err
						}
						return None, s(t, self, args[0], Null)
					}},
				}
			},
		},
		{
			names:   []string{"__getattribute__", "__getattr__"},
			get:     func(t *Type) any { return t.GetAttr },
			set:     func(t, from *Type) { t.GetAttr = from.GetAttr },
			generic: func(t *Type) { t.GetAttr = slotGetAttrHook },
			clear:   func(t *Type) { t.GetAttr = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.GetAttr
				if s == nil {
					s = genericGetAttr
				}
				return []MethodDef{{Name: "__getattribute__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					if err := exactArgs(t, "__getattribute__", args, kw, 1); err != nil {
						return Null, err
					}
					name, ok := args[0].o.(*Str)
					if !ok {
						return Null, t.typeErrorf("attribute name must be string, not '%s'", args[0].Type().Name)
					}
					return s(t, self, name)
				}}}
			},
		},
		{
			names:   []string{"__setattr__", "__delattr__"},
			get:     func(t *Type) any { return t.SetAttr },
			set:     func(t, from *Type) { t.SetAttr = from.SetAttr },
			generic: func(t *Type) { t.SetAttr = slotSetAttr },
			clear:   func(t *Type) { t.SetAttr = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.SetAttr
				if s == nil {
					s = genericSetAttr
				}
				return []MethodDef{
					{Name: "__setattr__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
						if err := unpackArgs(t, "__setattr__", args, kw, 2, 2); err != nil {
							return Null, err
						}
						name, ok := args[0].o.(*Str)
						if !ok {
							return Null, t.typeErrorf("attribute name must be string, not '%s'", args[0].Type().Name)
						}
						return None, s(t, self, name, args[1])
					}},
					{Name: "__delattr__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
						if err := exactArgs(t, "__delattr__", args, kw, 1); err != nil {
							return Null, err
						}
						name, ok := args[0].o.(*Str)
						if !ok {
							return Null, t.typeErrorf("attribute name must be string, not '%s'", args[0].Type().Name)
						}
						return None, s(t, self, name, Null)
					}},
				}
			},
		},
		{
			names:   []string{"__init__"},
			get:     func(t *Type) any { return t.Init },
			set:     func(t, from *Type) { t.Init = from.Init },
			generic: func(t *Type) { t.Init = slotInit },
			clear:   func(t *Type) { t.Init = nil },
			wrap: func(owner *Type) []MethodDef {
				s := owner.Init
				return []MethodDef{{Name: "__init__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					return None, s(t, self, args, kw)
				}}}
			},
		},
	}
}

var compareDunders = [...]string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"}

// addSlotWrappers exposes a builtin type's slots as methods (add_operators):
// a wrapper is added for each dunder of a slot the type itself defines
// (not inherited) that its namespace does not already have.
func addSlotWrappers(t *Type) {
	addNewWrapper(t)
	for _, sd := range slotDefs {
		own := sd.get(t)
		// object's attribute slots are nil (the generic fast path) but it
		// has __getattribute__, __setattr__ and __delattr__ all the same.
		if isNilFunc(own) && !(t == ObjectType && objectAttrSlot(sd)) {
			continue
		}
		if t.Base != nil {
			if inherited := sd.get(t.Base); !isNilFunc(inherited) && sameSlot(own, inherited) {
				continue
			}
		}
		for _, def := range sd.wrap(t) {
			name := Intern(def.Name)
			if _, ok := t.Dict.getStr(name); ok {
				continue
			}
			t.Dict.setStr(name, Value{o: &MethodDescr{ObjectBase: ObjectBase{cls: WrapperDescrType}, name: def.Name, owner: t, fn: def.Fn}})
		}
	}
	addSeqWrappers(t)
	if t.hashNone {
		if _, ok := t.Dict.getStr(Intern("__hash__")); !ok {
			t.Dict.setStr(Intern("__hash__"), None)
		}
	}
}

// addSeqWrappers adds the wrappers of the sequence slots a builtin type
// defines itself: __add__ (sq_concat), __mul__ and __rmul__ (sq_repeat),
// __iadd__ and __imul__.
func addSeqWrappers(t *Type) {
	own := func(f, base any) bool {
		return !isNilFunc(f) && (t.Base == nil || isNilFunc(base) || !sameSlot(f, base))
	}
	add := func(name string, n int, fn func(th *Thread, self Value, arg Value) (Value, error)) {
		if _, ok := t.Dict.getStr(Intern(name)); ok {
			return
		}
		// The repeat wrappers (wrap_indexargfunc) unpack their argument
		// with PyArg_UnpackTuple, the others check the count.
		repeat := name == "__mul__" || name == "__rmul__" || name == "__imul__"
		t.Dict.setStr(Intern(name), Value{o: &MethodDescr{ObjectBase: ObjectBase{cls: WrapperDescrType}, name: name, owner: t, fn: func(th *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			check := exactArgs(th, name, args, kw, n)
			if repeat {
				check = unpackArgs(th, name, args, kw, n, n)
			}
			if err := check; err != nil {
				return Null, err
			}
			return fn(th, self, args[0])
		}}})
	}
	var bc, br, bic, bir any
	if b := t.Base; b != nil {
		bc, br, bic, bir = b.SqConcat, b.SqRepeat, b.SqInplaceConcat, b.SqInplaceRepeat
	}
	if c := t.SqConcat; own(c, bc) {
		add("__add__", 1, func(th *Thread, self, arg Value) (Value, error) { return c(th, self, arg) })
	}
	if r := t.SqRepeat; own(r, br) {
		add("__mul__", 1, func(th *Thread, self, arg Value) (Value, error) { return sequenceRepeat(th, r, self, arg) })
		add("__rmul__", 1, func(th *Thread, self, arg Value) (Value, error) { return sequenceRepeat(th, r, self, arg) })
	}
	if c := t.SqInplaceConcat; own(c, bic) {
		add("__iadd__", 1, func(th *Thread, self, arg Value) (Value, error) { return c(th, self, arg) })
	}
	if r := t.SqInplaceRepeat; own(r, bir) {
		add("__imul__", 1, func(th *Thread, self, arg Value) (Value, error) { return sequenceRepeat(th, r, self, arg) })
	}
}

func isNilFunc(f any) bool {
	if f == nil {
		return true
	}
	return reflectIsNil(f)
}

// updateSlots recomputes the slots of a class defined in Python from the
// dunder methods its MRO provides (fixup_slot_dispatchers).
func updateSlots(t *Type) {
	for _, sd := range slotDefs {
		updateSlot(t, sd)
	}
	inheritSeqSlots(t)
}

func updateSlot(t *Type, sd slotDef) {
	// Which class of the MRO provides the first of the slot's dunders, and
	// is that a builtin type's own wrapper for this slot?
	var from *Type
	generic := false
	found := false
	for _, c := range t.MRO {
		for _, n := range sd.names {
			v, ok := c.Dict.getStr(Intern(n))
			if !ok {
				continue
			}
			found = true
			if md, ok := v.o.(*MethodDescr); ok && md.cls == WrapperDescrType && md.name == n && !md.owner.HasFlag(FlagHeapType) && (!isNilFunc(sd.get(md.owner)) || md.owner == ObjectType) {
				if from == nil {
					from = md.owner
				}
			} else if b, ok := v.o.(*Builtin); ok && b.newOwner != nil && !b.newOwner.HasFlag(FlagHeapType) {
				if from == nil {
					from = b.newOwner
				}
			} else if v.IsNone() && n == "__hash__" {
				// __hash__ = None: unhashable.
			} else {
				generic = true
			}
		}
		if found {
			break
		}
	}
	switch {
	case generic:
		sd.generic(t)
	case from != nil:
		sd.set(t, from)
	case found:
		sd.clear(t)
		if sd.names[0] == "__hash__" {
			t.hashNone = true
		}
	default:
		// No class defines it: inherit the nearest builtin base's slot.
		if t.builtin != nil {
			sd.set(t, t.builtin)
		} else {
			sd.clear(t)
		}
	}
}

// lookupSpecial finds a dunder on the type of v and binds it (special
// method lookup never looks at the instance dict).
func lookupSpecial(t *Thread, v Value, name *Str) (Value, error) {
	tp := v.Type()
	m := tp.Lookup(name)
	if m.IsNull() {
		return Null, nil
	}
	return bindDescriptor(t, m, v, tp)
}

// callDunder calls the special method name of v with args, raising
// AttributeError when it is missing.
func callDunder(t *Thread, v Value, name *Str, args ...Value) (Value, error) {
	m, err := lookupSpecial(t, v, name)
	if err != nil {
		return Null, err
	}
	if m.IsNull() {
		return Null, t.noAttribute(v, name)
	}
	return t.Call(m, args, nil)
}

// callDunderOrNotImplemented is callDunder returning NotImplemented when
// the method is missing (vectorcall_maybe).
func callDunderOrNotImplemented(t *Thread, v Value, name *Str, args ...Value) (Value, error) {
	m, err := lookupSpecial(t, v, name)
	if err != nil {
		return Null, err
	}
	if m.IsNull() {
		return NotImplemented, nil
	}
	return t.Call(m, args, nil)
}

// binarySlotFull is SLOT1BINFULL: the generic binary slot of classes
// defined in Python. generic is the slot function itself (to recognize a
// type whose slot is the same), op and rop the dunder names.
func binarySlotFull(t *Thread, a, b Value, field func(*NumberSlots) BinarySlot, generic BinarySlot, op, rop string) (Value, error) {
	ta, tb := a.Type(), b.Type()
	doOther := ta != tb && field(&tb.Number) != nil && sameSlot(field(&tb.Number), generic)
	if s := field(&ta.Number); s != nil && sameSlot(s, generic) {
		if doOther && tb.IsSubtype(ta) && methodIsOverloaded(ta, tb, Intern(rop)) {
			r, err := callDunderOrNotImplemented(t, b, Intern(rop), a)
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
			doOther = false
		}
		r, err := callDunderOrNotImplemented(t, a, Intern(op), b)
		if err != nil || !r.Is(NotImplemented) || tb == ta {
			return r, err
		}
	}
	if doOther {
		return callDunderOrNotImplemented(t, b, Intern(rop), a)
	}
	return NotImplemented, nil
}

// methodIsOverloaded reports whether sub overrides the method name of base.
func methodIsOverloaded(base, sub *Type, name *Str) bool {
	a := sub.Lookup(name)
	if a.IsNull() {
		return false
	}
	b := base.Lookup(name)
	return b.IsNull() || !a.Is(b)
}

func slotNbAdd(t *Thread, a, b Value) (Value, error) {
	return binarySlotFull(t, a, b, func(n *NumberSlots) BinarySlot { return n.Add }, slotNbAdd, "__add__", "__radd__")
}
func slotNbSub(t *Thread, a, b Value) (Value, error) {
	return binarySlotFull(t, a, b, func(n *NumberSlots) BinarySlot { return n.Sub }, slotNbSub, "__sub__", "__rsub__")
}
func slotNbMul(t *Thread, a, b Value) (Value, error) {
	return binarySlotFull(t, a, b, func(n *NumberSlots) BinarySlot { return n.Mul }, slotNbMul, "__mul__", "__rmul__")
}
func slotNbMatMul(t *Thread, a, b Value) (Value, error) {
	return binarySlotFull(t, a, b, func(n *NumberSlots) BinarySlot { return n.MatMul }, slotNbMatMul, "__matmul__", "__rmatmul__")
}
func slotNbTrueDiv(t *Thread, a, b Value) (Value, error) {
	return binarySlotFull(t, a, b, func(n *NumberSlots) BinarySlot { return n.TrueDiv }, slotNbTrueDiv, "__truediv__", "__rtruediv__")
}
func slotNbFloorDiv(t *Thread, a, b Value) (Value, error) {
	return binarySlotFull(t, a, b, func(n *NumberSlots) BinarySlot { return n.FloorDiv }, slotNbFloorDiv, "__floordiv__", "__rfloordiv__")
}
func slotNbMod(t *Thread, a, b Value) (Value, error) {
	return binarySlotFull(t, a, b, func(n *NumberSlots) BinarySlot { return n.Mod }, slotNbMod, "__mod__", "__rmod__")
}
func slotNbDivMod(t *Thread, a, b Value) (Value, error) {
	return binarySlotFull(t, a, b, func(n *NumberSlots) BinarySlot { return n.DivMod }, slotNbDivMod, "__divmod__", "__rdivmod__")
}
func slotNbLShift(t *Thread, a, b Value) (Value, error) {
	return binarySlotFull(t, a, b, func(n *NumberSlots) BinarySlot { return n.LShift }, slotNbLShift, "__lshift__", "__rlshift__")
}
func slotNbRShift(t *Thread, a, b Value) (Value, error) {
	return binarySlotFull(t, a, b, func(n *NumberSlots) BinarySlot { return n.RShift }, slotNbRShift, "__rshift__", "__rrshift__")
}
func slotNbAnd(t *Thread, a, b Value) (Value, error) {
	return binarySlotFull(t, a, b, func(n *NumberSlots) BinarySlot { return n.And }, slotNbAnd, "__and__", "__rand__")
}
func slotNbOr(t *Thread, a, b Value) (Value, error) {
	return binarySlotFull(t, a, b, func(n *NumberSlots) BinarySlot { return n.Or }, slotNbOr, "__or__", "__ror__")
}
func slotNbXor(t *Thread, a, b Value) (Value, error) {
	return binarySlotFull(t, a, b, func(n *NumberSlots) BinarySlot { return n.Xor }, slotNbXor, "__xor__", "__rxor__")
}

// slotNbPow is the generic ternary pow slot (SLOT1BINFULL for two
// arguments; three-argument pow calls __pow__ only).
func slotNbPow(t *Thread, a, b, z Value) (Value, error) {
	if z.IsNone() {
		ta, tb := a.Type(), b.Type()
		doOther := ta != tb && tb.Number.Pow != nil && sameSlot(tb.Number.Pow, slotNbPow)
		if ta.Number.Pow != nil && sameSlot(ta.Number.Pow, slotNbPow) {
			if doOther && tb.IsSubtype(ta) && methodIsOverloaded(ta, tb, Intern("__rpow__")) {
				r, err := callDunderOrNotImplemented(t, b, Intern("__rpow__"), a)
				if err != nil || !r.Is(NotImplemented) {
					return r, err
				}
				doOther = false
			}
			r, err := callDunderOrNotImplemented(t, a, Intern("__pow__"), b)
			if err != nil || !r.Is(NotImplemented) || tb == ta {
				return r, err
			}
		}
		if doOther {
			return callDunderOrNotImplemented(t, b, Intern("__rpow__"), a)
		}
		return NotImplemented, nil
	}
	if ta := a.Type(); ta.Number.Pow != nil && sameSlot(ta.Number.Pow, slotNbPow) {
		return callDunderOrNotImplemented(t, a, Intern("__pow__"), b, z)
	}
	return NotImplemented, nil
}

func slotNbBool(t *Thread, v Value) (bool, error) {
	m, err := lookupSpecial(t, v, Intern("__bool__"))
	if err != nil {
		return false, err
	}
	if m.IsNull() {
		if l := v.Type().Len; l != nil {
			n, err := l(t, v)
			return n != 0, err
		}
		return true, nil
	}
	r, err := t.Call(m, nil, nil)
	if err != nil {
		return false, err
	}
	if !r.IsBool() {
		return false, t.typeErrorf("__bool__ should return bool, returned %s", r.Type().Name)
	}
	return r.n != 0, nil
}

func slotTpNext(t *Thread, v Value) (Value, error) {
	r, err := callDunder(t, v, Intern("__next__"))
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(StopIterationType) {
			return Null, nil
		}
		return Null, err
	}
	return r, nil
}

func slotLen(t *Thread, v Value) (int, error) {
	r, err := callDunder(t, v, Intern("__len__"))
	if err != nil {
		return 0, err
	}
	if !hasIndex(r) {
		return 0, t.typeErrorf("'%s' object cannot be interpreted as an integer", r.Type().Name)
	}
	i, err := Index(t, r)
	if err != nil {
		return 0, err
	}
	if !i.IsSmallInt() {
		return 0, t.raise(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
	}
	n := i.SmallInt()
	if n < 0 {
		return 0, t.valueErrorf("__len__() should return >= 0")
	}
	return int(n), nil
}

func slotHash(t *Thread, v Value) (int64, error) {
	m, err := lookupSpecial(t, v, Intern("__hash__"))
	if err != nil {
		return 0, err
	}
	if m.IsNull() || m.IsNone() {
		return 0, t.typeErrorf("unhashable type: '%s'", v.Type().Name)
	}
	r, err := t.Call(m, nil, nil)
	if err != nil {
		return 0, err
	}
	if r.IsSmallInt() || r.IsBool() {
		h := r.SmallInt()
		if h == -1 {
			h = -2
		}
		return h, nil
	}
	if b, ok := r.o.(*BigInt); ok {
		return Hash(t, Value{o: b})
	}
	return 0, t.typeErrorf("__hash__ method should return an integer")
}

func slotCall(t *Thread, v Value, args []Value, kwnames []*Str) (Value, error) {
	m, err := lookupSpecial(t, v, Intern("__call__"))
	if err != nil {
		return Null, err
	}
	if m.IsNull() {
		return Null, t.typeErrorf("'%s' object is not callable", v.Type().Name)
	}
	return t.Call(m, args, kwnames)
}

func slotGetItem(t *Thread, v, key Value) (Value, error) {
	return callDunder(t, v, Intern("__getitem__"), key)
}

func slotSetItem(t *Thread, v, key, value Value) error {
	var err error
	if value.IsNull() {
		_, err = callDunder(t, v, Intern("__delitem__"), key)
	} else {
		_, err = callDunder(t, v, Intern("__setitem__"), key, value)
	}
	return err
}

func slotContains(t *Thread, v, item Value) (bool, error) {
	m, err := lookupSpecial(t, v, Intern("__contains__"))
	if err != nil {
		return false, err
	}
	if m.IsNull() || m.IsNone() {
		if m.IsNone() {
			return false, t.typeErrorf("'%s' object is not a container", v.Type().Name)
		}
		tp := v.Type()
		saved := tp.Contains
		tp.Contains = nil
		defer func() { tp.Contains = saved }()
		return Contains(t, v, item)
	}
	r, err := t.Call(m, []Value{item}, nil)
	if err != nil {
		return false, err
	}
	return Truth(t, r)
}

func slotCompare(t *Thread, a, b Value, op CompareOp) (Value, error) {
	return callDunderOrNotImplemented(t, a, Intern(compareDunders[op]), b)
}

func slotDescrGet(t *Thread, descr, obj Value, cls *Type) (Value, error) {
	m := descr.Type().LookupString("__get__")
	if m.IsNull() {
		return descr, nil
	}
	o := obj
	if o.IsNull() {
		o = None
	}
	var c Value = None
	if cls != nil {
		c = Value{o: cls}
	}
	return t.Call(m, []Value{descr, o, c}, nil)
}

func slotDescrSet(t *Thread, descr, obj, value Value) error {
	name, args := Intern("__set__"), []Value{obj, value}
	if value.IsNull() {
		name, args = Intern("__delete__"), []Value{obj}
	}
	m, err := lookupSpecial(t, descr, name)
	if err != nil {
		return err
	}
	if m.IsNull() {
		// The class defines only the other one: CPython's lookup_method
		// raises AttributeError(name).
		return t.raise(AttributeErrorType, name.s)
	}
	_, err = t.Call(m, args, nil)
	return err
}

// slotGetAttrHook is the attribute lookup of a class that defines
// __getattribute__ or __getattr__ (slot_tp_getattr_hook).
func slotGetAttrHook(t *Thread, v Value, name *Str) (Value, error) {
	tp := v.Type()
	getattr := tp.LookupString("__getattr__")
	getattribute := tp.LookupString("__getattribute__")
	var r Value
	var err error
	if md, ok := getattribute.o.(*MethodDescr); getattribute.IsNull() || (ok && md.owner == ObjectType) {
		r, err = genericGetAttr(t, v, name)
	} else {
		var f Value
		if f, err = bindDescriptor(t, getattribute, v, tp); err == nil {
			r, err = t.Call(f, []Value{Value{o: name}}, nil)
		}
	}
	if err == nil || getattr.IsNull() {
		return r, err
	}
	if e := asException(err); e == nil || !e.cls.IsSubtype(AttributeErrorType) {
		return Null, err
	}
	f, err := bindDescriptor(t, getattr, v, tp)
	if err != nil {
		return Null, err
	}
	return t.Call(f, []Value{Value{o: name}}, nil)
}

func slotSetAttr(t *Thread, v Value, name *Str, value Value) error {
	var err error
	if value.IsNull() {
		_, err = callDunder(t, v, Intern("__delattr__"), Value{o: name})
	} else {
		_, err = callDunder(t, v, Intern("__setattr__"), Value{o: name}, value)
	}
	return err
}

func slotInit(t *Thread, self Value, args []Value, kwnames []*Str) error {
	m, err := lookupSpecial(t, self, Intern("__init__"))
	if err != nil {
		return err
	}
	r, err := t.Call(m, args, kwnames)
	if err != nil {
		return err
	}
	if !r.IsNone() {
		return t.typeErrorf("__init__() should return None, not '%s'", r.Type().Name)
	}
	return nil
}
