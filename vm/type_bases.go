package vm

// Assignment to a class's __bases__ (type_set_bases): typing.NamedTuple
// sets it on the class collections.namedtuple made.

// typeSetBases is the setter of type.__bases__.
func typeSetBases(t *Thread, self, v Value) error {
	c := self.o.(*Type)
	if !c.HasFlag(FlagHeapType) || c.HasFlag(FlagImmutable) {
		return t.typeErrorf("cannot set '__bases__' attribute of immutable type '%s'", c.Name)
	}
	if v.IsNull() {
		return t.typeErrorf("cannot delete '__bases__' attribute of immutable type '%s'", c.Name)
	}
	tup, ok := v.o.(*Tuple)
	if !ok {
		return t.typeErrorf("can only assign tuple to %s.__bases__, not %s", c.Name, typeName(v))
	}
	if len(tup.items) == 0 {
		return t.typeErrorf("can only assign non-empty tuple to %s.__bases__, not ()", c.Name)
	}
	bases := make([]*Type, len(tup.items))
	for i, it := range tup.items {
		b, ok := it.o.(*Type)
		if !ok {
			return t.typeErrorf("%s.__bases__ must be tuple of classes, not '%s'", c.Name, typeName(it))
		}
		if b.IsSubtype(c) {
			return t.typeErrorf("a __bases__ item causes an inheritance cycle")
		}
		bases[i] = b
	}
	// The best base: the one whose instance layout the others extend.
	var layout *Type
	for _, b := range bases {
		if !b.HasFlag(FlagBaseType) {
			return t.typeErrorf("type '%s' is not an acceptable base type", b.Name)
		}
		l := b.builtin
		if l == nil {
			l = b
		}
		switch {
		case layout == nil:
			layout = l
		case layout.IsSubtype(l):
		case l.IsSubtype(layout):
			layout = l
		default:
			return t.typeErrorf("multiple bases have instance lay-out conflict")
		}
	}
	best := solidBase(bases, layout)
	if err := basesCompatible(t, c.Base, best); err != nil {
		return err
	}
	for i, b := range bases {
		for _, b2 := range bases[i+1:] {
			if b == b2 {
				return t.typeErrorf("duplicate base class %s", b.Name)
			}
		}
	}
	// New MROs for the class and its subclasses, undone on failure.
	oldBases, oldBase := c.Bases, c.Base
	saved := map[*Type][]*Type{}
	var remro func(k *Type) error
	remro = func(k *Type) error {
		mro, err := c3MRO(k, k.Bases)
		if err != nil {
			return err
		}
		if _, done := saved[k]; !done {
			saved[k] = k.MRO
		}
		k.MRO = mro
		for _, s := range k.subclasses {
			if err := remro(s); err != nil {
				return err
			}
		}
		return nil
	}
	c.Bases, c.Base = bases, best
	if err := remro(c); err != nil {
		c.Bases, c.Base = oldBases, oldBase
		for k, m := range saved {
			k.MRO = m
		}
		names := make([]string, len(bases))
		for i, b := range bases {
			names[i] = b.Name
		}
		return t.typeErrorf("Cannot create a consistent method resolution order (MRO) for bases %s", joinNames(names))
	}
	for _, b := range oldBases {
		for i, s := range b.subclasses {
			if s == c {
				b.subclasses = append(b.subclasses[:i:i], b.subclasses[i+1:]...)
				break
			}
		}
	}
	for _, b := range bases {
		if b.HasFlag(FlagHeapType) {
			b.subclasses = append(b.subclasses, c)
		}
	}
	c.modified()
	var reslot func(k *Type)
	reslot = func(k *Type) {
		updateSlots(k)
		for _, s := range k.subclasses {
			reslot(s)
		}
	}
	reslot(c)
	return nil
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}

// typeIsGC tells whether instances of a type are tracked by CPython's
// garbage collector (which decides its tp_free).
func typeIsGC(c *Type) bool {
	if c.HasFlag(FlagHeapType) {
		return true
	}
	switch c {
	case ObjectType, IntType, BoolType, FloatType, ComplexType, StrType, BytesType, ByteArrayType, RangeType:
		return false
	}
	return true
}

// compatibleWithBase is compatible_with_tp_base: the type adds nothing to
// the layout of its base.
func compatibleWithBase(c *Type) bool {
	b := c.Base
	return b != nil && typeBasicSize(c) == typeBasicSize(b) && instancesHaveDict(c) == instancesHaveDict(b) && typeIsGC(c) == typeIsGC(b)
}

// basesCompatible is compatible_for_assignment(oldto, newto, "__bases__").
func basesCompatible(t *Thread, oldto, newto *Type) error {
	if typeIsGC(newto) != typeIsGC(oldto) {
		return t.typeErrorf("__bases__ assignment: '%s' deallocator differs from '%s'", newto.Name, oldto.Name)
	}
	nb, ob := newto, oldto
	for compatibleWithBase(nb) {
		nb = nb.Base
	}
	for compatibleWithBase(ob) {
		ob = ob.Base
	}
	if nb != ob && (nb.Base != ob.Base || !sameSlotsAdded(nb, ob)) {
		return t.typeErrorf("__bases__ assignment: '%s' object layout differs from '%s'", newto.Name, oldto.Name)
	}
	return nil
}

// sameSlotsAdded is same_slots_added: two classes over the same base add
// the same __slots__ and the same __dict__.
func sameSlotsAdded(a, b *Type) bool {
	if instancesHaveDict(a) != instancesHaveDict(b) || len(a.slotNames) != len(b.slotNames) || a.nslots != b.nslots {
		return false
	}
	names := map[string]bool{}
	for _, n := range a.slotNames {
		names[n.s] = true
	}
	for _, n := range b.slotNames {
		if !names[n.s] {
			return false
		}
	}
	return true
}
