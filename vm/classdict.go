package vm

// The __dict__ and __weakref__ attributes a class defined in Python adds
// for its instances (type_new_descriptors): __dict__ when the class gives
// its instances a dict that no base provides, __weakref__ when its
// instances can be weakly referenced and no base provides that already.
// Both are getset descriptors in the class's namespace, before __doc__.

// addInstanceDescriptors adds a new class's __dict__ and __weakref__
// descriptors.
func addInstanceDescriptors(c *Type) {
	hasSlots := false
	slotDict, slotWeak := false, false
	if v, ok := c.Dict.getStr(Intern("__slots__")); ok {
		hasSlots = true
		var names []Value
		if s, ok := v.o.(*Str); ok {
			names = []Value{{o: s}}
		} else if tu, ok := v.o.(*Tuple); ok {
			names = tu.items
		} else if l, ok := v.o.(*List); ok {
			names = l.items
		}
		for _, n := range names {
			if s, ok := n.o.(*Str); ok {
				slotDict = slotDict || s.s == "__dict__"
				slotWeak = slotWeak || s.s == "__weakref__"
			}
		}
	}
	baseHas := func(name string) bool {
		for _, b := range c.MRO[1:] {
			if _, ok := b.Dict.getStr(Intern(name)); ok {
				return true
			}
		}
		return false
	}
	builtin := c.builtin
	addDict := c.HasFlag(FlagHasDict) && (!hasSlots || slotDict) && !baseHas("__dict__") &&
		(builtin == nil || !builtin.HasFlag(FlagHasDict))
	addWeak := (!hasSlots || slotWeak) && !baseHas("__weakref__") && !weakrefNative(builtin)
	docValue, docNone := c.Dict.getStr(Intern("__doc__"))
	if docNone {
		docNone = docValue.IsNone()
	}
	if addDict {
		defGetSet(c, "__dict__", func(t *Thread, self Value) (Value, error) {
			b, ok := self.o.(hasBase)
			if !ok {
				return Null, t.noAttribute(self, Intern("__dict__"))
			}
			bb := b.base()
			if bb.dict == nil {
				bb.dict = NewDict()
			}
			return Value{o: bb.dict}, nil
		}, func(t *Thread, self, v Value) error {
			b, ok := self.o.(hasBase)
			if !ok {
				return t.noAttribute(self, Intern("__dict__"))
			}
			if v.IsNull() {
				b.base().dict = nil
				return nil
			}
			d, ok := v.o.(*Dict)
			if !ok {
				return t.typeErrorf("__dict__ must be set to a dictionary, not a '%s'", typeName(v))
			}
			b.base().dict = d
			return nil
		})
	}
	if addWeak {
		defGetSet(c, "__weakref__", func(t *Thread, self Value) (Value, error) { return None, nil }, nil)
	}
	if docNone {
		c.Dict.Delete(nil, NewStrValue("__doc__"))
		c.Dict.setStr(Intern("__doc__"), None)
	}
}

// weakrefNative reports whether instances of a builtin base either
// support weak references already or can never (variable-size objects):
// no __weakref__ is added for them.
func weakrefNative(b *Type) bool {
	switch b {
	case nil, ObjectType:
		return false
	case IntType, BoolType, TupleType, BytesType, ComplexType:
		return true
	case SetType, FrozenSetType, TypeType, FunctionType, GeneratorType, CoroutineType, AsyncGeneratorType,
		PropertyType, ModuleType, CodeType, MethodType:
		return true
	}
	return false
}
