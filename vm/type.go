package vm

// This file defines Type, the class object, and its slots: the Go
// functions that implement an operation for the instances of a type
// (CPython's PyTypeObject). Builtin types fill their slots with native
// code; a class defined in Python gets slots that call its dunder methods
// (slots.go), recomputed whenever a dunder attribute of the class or of
// one of its bases changes, as CPython's update_slot does.

// Slot signatures. Every slot takes the running thread first. A slot that
// returns a Value returns NotImplemented where CPython's would, and an
// error that is a Python exception (*Exception) or an abort of the run.
type (
	UnarySlot   func(t *Thread, v Value) (Value, error)
	BinarySlot  func(t *Thread, a, b Value) (Value, error)
	TernarySlot func(t *Thread, a, b, c Value) (Value, error)
	// CallSlot calls with the positional arguments first and then the
	// values of the keyword arguments whose names are kwnames
	// (vectorcall); kwnames is nil when there are none.
	CallSlot    func(t *Thread, callable Value, args []Value, kwnames []*Str) (Value, error)
	NewSlot     func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error)
	InitSlot    func(t *Thread, self Value, args []Value, kwnames []*Str) error
	GetAttrSlot func(t *Thread, v Value, name *Str) (Value, error)
	// SetAttrSlot deletes the attribute when value is NULL.
	SetAttrSlot func(t *Thread, v Value, name *Str, value Value) error
	HashSlot    func(t *Thread, v Value) (int64, error)
	CompareSlot func(t *Thread, a, b Value, op CompareOp) (Value, error)
	// NextSlot returns NULL (and no error) when the iterator is exhausted.
	NextSlot     func(t *Thread, v Value) (Value, error)
	BoolSlot     func(t *Thread, v Value) (bool, error)
	LenSlot      func(t *Thread, v Value) (int, error)
	ContainsSlot func(t *Thread, container, item Value) (bool, error)
	// SetItemSlot deletes the item when value is NULL.
	SetItemSlot func(t *Thread, v, key, value Value) error
	// DescrGetSlot binds a descriptor found on a class: obj is NULL when
	// it was looked up on the class itself.
	DescrGetSlot func(t *Thread, descr, obj Value, cls *Type) (Value, error)
	// DescrSetSlot deletes when value is NULL.
	DescrSetSlot func(t *Thread, descr, obj, value Value) error
)

// NumberSlots are a type's numeric operations (PyNumberMethods).
type NumberSlots struct {
	Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, DivMod BinarySlot
	LShift, RShift, And, Or, Xor                          BinarySlot
	Pow                                                   TernarySlot

	InplaceAdd, InplaceSub, InplaceMul, InplaceMatMul, InplaceTrueDiv BinarySlot
	InplaceFloorDiv, InplaceMod, InplaceLShift, InplaceRShift         BinarySlot
	InplaceAnd, InplaceOr, InplaceXor                                 BinarySlot
	InplacePow                                                        TernarySlot

	Neg, Pos, Abs, Invert UnarySlot
	Bool                  BoolSlot
	Int, Float, Index     UnarySlot
}

// TypeFlags are a type's properties (Py_TPFLAGS_*).
type TypeFlags uint32

const (
	// FlagHeapType marks a class created by a class statement or type().
	FlagHeapType TypeFlags = 1 << iota
	// FlagBaseType marks a type that can be subclassed.
	FlagBaseType
	// FlagImmutable marks a type whose attributes cannot be set.
	FlagImmutable
	// FlagAbstract marks a class with abstract methods left.
	FlagAbstract
	// FlagHasDict says instances have a __dict__.
	FlagHasDict
	// The fast subclass checks.
	FlagIntSubclass
	FlagTupleSubclass
	FlagListSubclass
	FlagBytesSubclass
	FlagStrSubclass
	FlagDictSubclass
	FlagBaseExcSubclass
	FlagTypeSubclass
	// FlagSequence and FlagMapping are the pattern-matching flags.
	FlagSequence
	FlagMapping
)

// Type is a Python class: a builtin type or a class defined in Python.
type Type struct {
	ObjectBase
	Name     string
	QualName string
	Doc      string
	Base     *Type
	Bases    []*Type
	MRO      []*Type
	// Dict is the class namespace (tp_dict).
	Dict  *Dict
	Flags TypeFlags
	// version changes when the type or one of its bases changes, so that
	// caches keyed by it stay valid (tp_version_tag).
	version uint64
	// finKnown, finVersion, finHasDel and finLazy cache whether instances
	// have a __del__ and whether it is asyncio's, not tracked (typeHasDel,
	// finalize.go).
	finKnown   bool
	finHasDel  bool
	finLazy    bool
	finVersion uint64
	// subclasses are the types whose Bases include this one.
	subclasses []*Type
	// slotNames are the names of __slots__ of a class, by index; the
	// member descriptors read them from the instance.
	slotNames []*Str
	// nslots counts the __slots__ of the type and its bases.
	nslots int
	// builtin is the Go struct's builtin type for instances: the nearest
	// builtin base whose layout instances share (object for plain classes).
	builtin *Type

	New      NewSlot
	Init     InitSlot
	Call     CallSlot
	GetAttr  GetAttrSlot
	SetAttr  SetAttrSlot
	Repr     UnarySlot
	Str      UnarySlot
	Hash     HashSlot
	Compare  CompareSlot
	Iter     UnarySlot
	Next     NextSlot
	Len      LenSlot
	GetItem  BinarySlot
	SetItem  SetItemSlot
	Contains ContainsSlot
	DescrGet DescrGetSlot
	DescrSet DescrSetSlot
	Number   NumberSlots
	// The sequence fallbacks of + and * (sq_concat, sq_repeat and their
	// in-place forms), tried after the number slots.
	SqConcat        BinarySlot
	SqRepeat        RepeatSlot
	SqInplaceConcat BinarySlot
	SqInplaceRepeat RepeatSlot

	// hashNone marks a type whose __hash__ is None (unhashable).
	hashNone bool
}

// IsSubtype reports whether t is s or a subclass of s (PyType_IsSubtype).
func (t *Type) IsSubtype(s *Type) bool {
	if t == s {
		return true
	}
	if t.MRO != nil {
		for _, m := range t.MRO {
			if m == s {
				return true
			}
		}
		return false
	}
	for b := t.Base; b != nil; b = b.Base {
		if b == s {
			return true
		}
	}
	return s == ObjectType
}

// HasFlag reports whether the type has all the flags f.
func (t *Type) HasFlag(f TypeFlags) bool { return t.Flags&f == f }

// Lookup finds name in the type's MRO (without descriptors being called):
// the attribute a class provides for its instances (_PyType_Lookup). It
// returns NULL when no class of the MRO has it.
func (t *Type) Lookup(name *Str) Value {
	for _, c := range t.MRO {
		if v, ok := c.Dict.getStr(name); ok {
			return v
		}
	}
	return Null
}

// LookupString is Lookup with a Go string.
func (t *Type) LookupString(name string) Value { return t.Lookup(Intern(name)) }

// modified bumps the version of the type and of its subclasses, so that
// the caches keyed by it are forgotten.
func (t *Type) modified() {
	t.version = nextTypeVersion()
	for _, s := range t.subclasses {
		s.modified()
	}
}

var typeVersionCounter uint64

func nextTypeVersion() uint64 {
	typeVersionCounter++
	return typeVersionCounter
}

// ModuleName returns the type's __module__: "builtins" for builtin types.
func (t *Type) ModuleName() string {
	if v, ok := t.Dict.getStr(Intern("__module__")); ok {
		if s, ok := v.Object().(*Str); ok {
			return s.String()
		}
	}
	return "builtins"
}

// fullName is the name CPython's messages use for a type: its qualified
// name, prefixed with its module unless that is builtins.
func (t *Type) fullName() string {
	m := t.ModuleName()
	if m == "builtins" || m == "" {
		return t.QualName
	}
	return m + "." + t.QualName
}
