package vm

// The _abc module (Modules/_abc.c): the native half of abc.ABCMeta. abc.py
// uses it when it imports, and falls back to _py_abc otherwise; only the
// native one sets the pattern-matching flags (Py_TPFLAGS_SEQUENCE and
// Py_TPFLAGS_MAPPING) of the classes an ABC with __abc_tpflags__ (the
// collections.abc Sequence and Mapping) registers, so that MATCH_MAPPING
// and MATCH_SEQUENCE accept them.
//
// Each ABC holds an _abc_data object as _abc_impl: its registry of
// virtual subclasses, its cache of classes known to be subclasses, its
// negative cache, and the value of the interpreter's invalidation counter
// the negative cache was filled at. CPython keeps sets of weak references;
// here they are Go sets of the classes (only classes ever go in), with the
// registry in insertion order. The classes are kept alive: the VM does not
// collect classes anyway. _get_dump builds the sets of weak references
// CPython returns.

var abcDataType = nativeType("_abc", "_abc_data", nil, 0)

// abcData is an _abc_data object.
type abcData struct {
	ObjectBase
	registry []*Type
	inReg    map[*Type]bool
	cache    map[*Type]bool
	negative map[*Type]bool
	version  uint64 // _abc_negative_cache_version
}

func newABCData(t *Thread) *abcData {
	return &abcData{ObjectBase: ObjectBase{cls: abcDataType}, version: t.std().abcCounter}
}

const abcCollectionFlags = FlagSequence | FlagMapping

func init() {
	RegisterModule("_abc", initAbcModule)
	onSetup(func() {
		abcDataType.Doc = "Internal state held by ABC machinery."
		abcDataType.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
			return Value{o: newABCData(t)}, nil
		}
	})
}

// abcFunc describes a function of _abc: its arity (0 METH_NOARGS, 1
// METH_O, 2 two positional-only parameters), its doc and its body.
type abcFunc struct {
	name  string
	arity int
	doc   string
	fn    func(t *Thread, args []Value) (Value, error)
}

func initAbcModule(t *Thread, m *Module) error {
	m.Set("__doc__", NewStrValue("Module contains faster C implementation of abc.ABCMeta"))
	for _, f := range []abcFunc{
		{"get_cache_token", 0, "Returns the current ABC cache token.\n\nThe token is an opaque object (supporting equality testing) identifying the\ncurrent version of the ABC cache for virtual subclasses. The token changes\nwith every call to register() on any ABC.", abcGetCacheToken},
		{"_abc_init", 1, "Internal ABC helper for class set-up. Should be never used outside abc module.", abcInit},
		{"_reset_registry", 1, "Internal ABC helper to reset registry of a given class.\n\nShould be only used by refleak.py", abcResetRegistry},
		{"_reset_caches", 1, "Internal ABC helper to reset both caches of a given class.\n\nShould be only used by refleak.py", abcResetCaches},
		{"_get_dump", 1, "Internal ABC helper for cache and registry debugging.\n\nReturn shallow copies of registry, of both caches, and\nnegative cache version. Don't call this function directly,\ninstead use ABC._dump_registry() for a nice repr.", abcGetDump},
		{"_abc_register", 2, "Internal ABC helper for subclasss registration. Should be never used outside abc module.", abcRegister},
		{"_abc_instancecheck", 2, "Internal ABC helper for instance checks. Should be never used outside abc module.", abcInstanceCheck},
		{"_abc_subclasscheck", 2, "Internal ABC helper for subclasss checks. Should be never used outside abc module.", abcSubclassCheck},
	} {
		f := f
		m.AddFunc(f.name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var err error
			switch f.arity {
			case 0:
				err = noArgs(t, "_abc."+f.name, args, kw)
			case 1:
				err = oneArg(t, "_abc."+f.name, args, kw)
			default:
				if len(kw) > 0 {
					err = t.typeErrorf("_abc.%s() takes no keyword arguments", f.name)
				} else {
					err = checkPositional(t, f.name, args, kw, f.arity, f.arity)
				}
			}
			if err != nil {
				return Null, err
			}
			return f.fn(t, args)
		})
		if d, ok := m.dict.GetStr(f.name); ok {
			if b, ok := d.o.(*Builtin); ok {
				b.doc = f.doc
			}
		}
	}
	return nil
}

// abcImpl is _get_impl: the _abc_data of an ABC.
func abcImpl(t *Thread, self Value) (*abcData, error) {
	v, err := GetAttrString(t, self, "_abc_impl")
	if err != nil {
		return nil, err
	}
	d, ok := v.o.(*abcData)
	if !ok || v.Type() != abcDataType {
		return nil, t.typeErrorf("_abc_impl is set to a wrong type")
	}
	return d, nil
}

func abcGetCacheToken(t *Thread, _ []Value) (Value, error) {
	return intFromUint64(t.std().abcCounter), nil
}

// intFromUint64 returns the Python int n (a counter, far below 2**63).
func intFromUint64(n uint64) Value { return Int(int64(n)) }

// isAbstract is _PyObject_IsAbstract: a true __isabstractmethod__.
func isAbstract(t *Thread, v Value) (bool, error) {
	a, err := getAttrOpt(t, v, Intern("__isabstractmethod__"))
	if err != nil || a.IsNull() {
		return false, err
	}
	return Truth(t, a)
}

// abcComputeAbstracts is compute_abstract_methods: the names of the
// abstract methods of self, defined in it or inherited and not
// overridden, set as __abstractmethods__.
func abcComputeAbstracts(t *Thread, self Value) error {
	abstracts := newFrozenSet()
	add := func(key Value) error {
		h, err := Hash(t, key)
		if err != nil {
			return err
		}
		return abstracts.add(t, key, h)
	}
	ns, err := GetAttrString(t, self, "__dict__")
	if err != nil {
		return err
	}
	var items []Value
	if d, ok := ns.o.(*Dict); ok && d.Type() == DictType {
		for _, e := range d.entries {
			if !e.key.IsNull() {
				items = append(items, Value{o: NewTuple(e.key, e.value)})
			}
		}
	} else {
		r, err := callMethodName(t, ns, "items")
		if err != nil {
			return err
		}
		if items, err = t.collectIterable(r, nil); err != nil {
			return err
		}
	}
	for _, it := range items {
		pair, err := t.collectIterable(it, func() error { return t.typeErrorf("items() returned non-iterable") })
		if err != nil {
			return err
		}
		if len(pair) != 2 {
			return t.typeErrorf("items() returned item which size is not 2")
		}
		abs, err := isAbstract(t, pair[1])
		if err != nil {
			return err
		}
		if abs {
			if err := add(pair[0]); err != nil {
				return err
			}
		}
	}
	bv, err := GetAttrString(t, self, "__bases__")
	if err != nil {
		return err
	}
	bases, ok := bv.o.(*Tuple)
	if !ok {
		return t.typeErrorf("__bases__ is not tuple")
	}
	for _, b := range bases.items {
		ba, err := getAttrOpt(t, b, Intern("__abstractmethods__"))
		if err != nil {
			return err
		}
		if ba.IsNull() {
			continue
		}
		it, err := Iter(t, ba)
		if err != nil {
			return err
		}
		for {
			key, err := Next(t, it)
			if err != nil {
				return err
			}
			if key.IsNull() {
				break
			}
			name, ok := key.o.(*Str)
			if !ok {
				return t.typeErrorf("attribute name must be string, not '%s'", typeName(key))
			}
			v, err := getAttrOpt(t, self, name)
			if err != nil {
				return err
			}
			if v.IsNull() {
				continue
			}
			abs, err := isAbstract(t, v)
			if err != nil {
				return err
			}
			if abs {
				if err := add(key); err != nil {
					return err
				}
			}
		}
	}
	return SetAttr(t, self, Intern("__abstractmethods__"), Value{o: abstracts})
}

func abcInit(t *Thread, args []Value) (Value, error) {
	self := args[0]
	if err := abcComputeAbstracts(t, self); err != nil {
		return Null, err
	}
	if err := SetAttr(t, self, Intern("_abc_impl"), Value{o: newABCData(t)}); err != nil {
		return Null, err
	}
	cls, ok := self.o.(*Type)
	if !ok {
		return None, nil
	}
	// __abc_tpflags__ is popped from the class namespace itself.
	key := NewStrValue("__abc_tpflags__")
	flags, found, err := cls.Dict.Get(t, key)
	if err != nil {
		return Null, err
	}
	if !found {
		return None, nil
	}
	if _, err := cls.Dict.Delete(t, key); err != nil {
		return Null, err
	}
	cls.modified()
	if !flags.IsSmallInt() {
		if _, big := flags.o.(*BigInt); big {
			return Null, t.raise(OverflowErrorType, "Python int too large to convert to C long")
		}
		return None, nil
	}
	val := flags.SmallInt()
	var set TypeFlags
	if val&(1<<5) != 0 {
		set |= FlagSequence
	}
	if val&(1<<6) != 0 {
		set |= FlagMapping
	}
	if set == abcCollectionFlags {
		return Null, t.typeErrorf("__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING")
	}
	cls.Flags |= set
	return None, nil
}

// abcSetFlagsRecursive is _PyType_SetFlagsRecursive for the collection
// flags: a class that is immutable or already has exactly flag is left
// (with its subclasses); any other gets flag instead of its collection
// flags, and so do its subclasses.
func abcSetFlagsRecursive(c *Type, flag TypeFlags, depth int) {
	if c.HasFlag(FlagImmutable) || c.Flags&abcCollectionFlags == flag || depth > 10000 {
		return
	}
	c.Flags = c.Flags&^abcCollectionFlags | flag
	for _, s := range append([]*Type(nil), c.subclasses...) {
		abcSetFlagsRecursive(s, flag, depth+1)
	}
}

func abcRegister(t *Thread, args []Value) (Value, error) {
	self, subclass := args[0], args[1]
	sub, ok := subclass.o.(*Type)
	if !ok {
		return Null, t.typeErrorf("Can only register classes")
	}
	r, err := IsSubclass(t, subclass, self)
	if err != nil {
		return Null, err
	}
	if r {
		return subclass, nil // already a subclass
	}
	// Cycles are tested after "already a subclass": X.register(X) is a
	// no-op.
	if r, err = IsSubclass(t, self, subclass); err != nil {
		return Null, err
	}
	if r {
		return Null, t.raise(RuntimeErrorType, "Refusing to create an inheritance cycle")
	}
	impl, err := abcImpl(t, self)
	if err != nil {
		return Null, err
	}
	if impl.inReg == nil {
		impl.inReg = map[*Type]bool{}
	}
	if !impl.inReg[sub] {
		impl.inReg[sub] = true
		impl.registry = append(impl.registry, sub)
	}
	t.std().abcCounter++ // invalidates the negative caches
	if c, ok := self.o.(*Type); ok {
		if flag := c.Flags & abcCollectionFlags; flag != 0 {
			abcSetFlagsRecursive(sub, flag, 0)
		}
	}
	return subclass, nil
}

// inSet is _in_weak_set: whether v is a class in s.
func inSet(s map[*Type]bool, v Value) bool {
	c, ok := v.o.(*Type)
	return ok && s[c]
}

func addToSet(s *map[*Type]bool, v Value) {
	if c, ok := v.o.(*Type); ok {
		if *s == nil {
			*s = map[*Type]bool{}
		}
		(*s)[c] = true
	}
}

func abcInstanceCheck(t *Thread, args []Value) (Value, error) {
	self, instance := args[0], args[1]
	impl, err := abcImpl(t, self)
	if err != nil {
		return Null, err
	}
	subclass, err := GetAttrString(t, instance, "__class__")
	if err != nil {
		return Null, err
	}
	if inSet(impl.cache, subclass) {
		return True, nil
	}
	subtype := Value{o: instance.Type()}
	if subtype.Is(subclass) {
		if impl.version == t.std().abcCounter && inSet(impl.negative, subclass) {
			return False, nil
		}
		return callMethodName(t, self, "__subclasscheck__", subclass)
	}
	r, err := callMethodName(t, self, "__subclasscheck__", subclass)
	if err != nil {
		return Null, err
	}
	ok, err := Truth(t, r)
	if err != nil || ok {
		return r, err
	}
	return callMethodName(t, self, "__subclasscheck__", subtype)
}

func abcSubclassCheck(t *Thread, args []Value) (Value, error) {
	self, subclass := args[0], args[1]
	sub, ok := subclass.o.(*Type)
	if !ok {
		return Null, t.typeErrorf("issubclass() arg 1 must be a class")
	}
	impl, err := abcImpl(t, self)
	if err != nil {
		return Null, err
	}
	// 1. The cache.
	if impl.cache[sub] {
		return True, nil
	}
	// 2. The negative cache, forgotten when a class was registered since.
	if counter := t.std().abcCounter; impl.version < counter {
		impl.negative = nil
		impl.version = counter
	} else if impl.negative[sub] {
		return False, nil
	}
	yes := func() (Value, error) {
		addToSet(&impl.cache, subclass)
		return True, nil
	}
	// 3. The subclass hook.
	ok2, err := callMethodName(t, self, "__subclasshook__", subclass)
	if err != nil {
		return Null, err
	}
	switch {
	case ok2.Is(True):
		return yes()
	case ok2.Is(False):
		addToSet(&impl.negative, subclass)
		return False, nil
	case !ok2.Is(NotImplemented):
		return Null, t.raise(AssertionErrorType, "__subclasshook__ must return either False, True, or NotImplemented")
	}
	// 4. A direct subclass.
	if c, ok := self.o.(*Type); ok && sub.IsSubtype(c) {
		return yes()
	}
	// 5. A subclass of a registered class (recursively).
	if impl.inReg[sub] {
		return True, nil
	}
	for _, r := range append([]*Type(nil), impl.registry...) {
		is, err := IsSubclass(t, subclass, Value{o: r})
		if err != nil {
			return Null, err
		}
		if is {
			return yes()
		}
	}
	// 6. A subclass of a subclass (recursively).
	sv, err := callMethodName(t, self, "__subclasses__")
	if err != nil {
		return Null, err
	}
	subs, ok := sv.o.(*List)
	if !ok {
		return Null, t.typeErrorf("__subclasses__() must return a list")
	}
	for i := 0; i < len(subs.items); i++ {
		is, err := IsSubclass(t, subclass, subs.items[i])
		if err != nil {
			return Null, err
		}
		if is {
			return yes()
		}
	}
	// No dice: remember it in the negative cache.
	addToSet(&impl.negative, subclass)
	return False, nil
}

func abcResetRegistry(t *Thread, args []Value) (Value, error) {
	impl, err := abcImpl(t, args[0])
	if err != nil {
		return Null, err
	}
	impl.registry, impl.inReg = nil, nil
	return None, nil
}

func abcResetCaches(t *Thread, args []Value) (Value, error) {
	impl, err := abcImpl(t, args[0])
	if err != nil {
		return Null, err
	}
	impl.cache, impl.negative = nil, nil
	return None, nil
}

// abcGetDump is _get_dump: sets of weak references to the registry and
// the caches, and the negative cache's version.
func abcGetDump(t *Thread, args []Value) (Value, error) {
	impl, err := abcImpl(t, args[0])
	if err != nil {
		return Null, err
	}
	refs := func(classes []*Type) (Value, error) {
		s := NewSet()
		for _, c := range classes {
			r, err := newWeakRef(t, WeakRefType, Value{o: c}, None)
			if err != nil {
				return Null, err
			}
			if err := s.Add(t, r); err != nil {
				return Null, err
			}
		}
		return Value{o: s}, nil
	}
	keys := func(m map[*Type]bool) []*Type {
		var out []*Type
		for c := range m {
			out = append(out, c)
		}
		return out
	}
	reg, err := refs(impl.registry)
	if err != nil {
		return Null, err
	}
	cache, err := refs(keys(impl.cache))
	if err != nil {
		return Null, err
	}
	neg, err := refs(keys(impl.negative))
	if err != nil {
		return Null, err
	}
	return Value{o: NewTuple(reg, cache, neg, intFromUint64(impl.version))}, nil
}
