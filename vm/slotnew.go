package vm

// __new__: the tp_new slot and its wrapper (tp_new_wrapper). A builtin
// type's __new__ is a builtin function bound to the type; a class that
// defines __new__ gets slotNew, which calls it; other classes inherit the
// tp_new of their nearest builtin base.

func init() {
	// Registered at setup: slots.go's init sets slotDefs itself.
	onSetup(func() {
		slotDefs = append(slotDefs, newSlotDef)
	})
}

var newSlotDef = slotDef{
	names:   []string{"__new__"},
	get:     func(t *Type) any { return t.New },
	set:     func(t, from *Type) { t.New = from.New },
	generic: func(t *Type) { t.New = slotNew },
	clear:   func(t *Type) { t.New = nil },
	wrap:    func(owner *Type) []MethodDef { return nil },
}

// slotNew calls the __new__ a class defines.
func slotNew(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
	m := cls.Lookup(Intern("__new__"))
	if m.IsNull() {
		return Null, t.typeErrorf("cannot create '%s' instances", cls.fullName())
	}
	fn, err := bindDescriptor(t, m, Null, cls)
	if err != nil {
		return Null, err
	}
	full := make([]Value, 0, len(args)+1)
	full = append(full, Value{o: cls})
	full = append(full, args...)
	return t.Call(fn, full, kwnames)
}

// newWrapper makes the __new__ of a builtin type: __new__(cls, *args).
func newWrapper(owner *Type) *Builtin {
	b := NewBuiltinMethod(owner.Name+".__new__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(args)-len(kw) < 1 {
			return Null, t.typeErrorf("%s.__new__(): not enough arguments", owner.Name)
		}
		sub, ok := args[0].o.(*Type)
		if !ok {
			return Null, t.typeErrorf("%s.__new__(X): X is not a type object (%s)", owner.Name, typeName(args[0]))
		}
		if !sub.IsSubtype(owner) {
			return Null, t.typeErrorf("%s.__new__(%s): %s is not a subtype of %s", owner.Name, sub.Name, sub.Name, owner.Name)
		}
		// The most derived base that is not a heap type must be owner
		// (or use owner's layout): object.__new__(int) is refused.
		staticBase := sub
		for staticBase != nil && staticBase.HasFlag(FlagHeapType) {
			staticBase = staticBase.Base
		}
		if staticBase != nil && staticBase.New != nil && !sameSlot(staticBase.New, owner.New) && owner == ObjectType {
			return Null, t.typeErrorf("%s.__new__(%s) is not safe, use %s.__new__()", owner.Name, sub.Name, staticBase.Name)
		}
		return owner.New(t, sub, args[1:], kw)
	})
	b.self = Value{o: owner}
	b.newOwner = owner
	return b
}

// addNewWrapper gives a builtin type that defines its own tp_new a
// __new__ in its namespace.
func addNewWrapper(t *Type) {
	if t.New == nil {
		return
	}
	if t.Base != nil && t.Base.New != nil && sameSlot(t.New, t.Base.New) {
		return
	}
	if _, ok := t.Dict.getStr(Intern("__new__")); ok {
		return
	}
	t.Dict.setStr(Intern("__new__"), Value{o: newWrapper(t)})
}
