package vm

import (
	"reflect"
	"sync"
)

// The builtin types. They are package variables so that any file can name
// them. Setting them up happens once, when the first interpreter is made
// (finishTypes): bootstrap gives each its class, namespace and MRO, then
// the setup functions that the files registered with onSetup (from their
// init functions) add the types' methods and slots, and last the wrappers
// of the slots are added (int.__add__ …). Registering instead of running
// keeps the order independent of the files' init order.
var (
	ObjectType          = &Type{Name: "object", Flags: FlagBaseType}
	TypeType            = &Type{Name: "type", Flags: FlagBaseType | FlagTypeSubclass | FlagHasDict}
	NoneTypeType        = &Type{Name: "NoneType"}
	NotImplementedTType = &Type{Name: "NotImplementedType"}
	EllipsisTypeType    = &Type{Name: "ellipsis"}
	IntType             = &Type{Name: "int", Flags: FlagBaseType | FlagIntSubclass}
	BoolType            = &Type{Name: "bool", Flags: FlagIntSubclass}
	FloatType           = &Type{Name: "float", Flags: FlagBaseType}
	ComplexType         = &Type{Name: "complex", Flags: FlagBaseType}
	StrType             = &Type{Name: "str", Flags: FlagBaseType | FlagStrSubclass}
	BytesType           = &Type{Name: "bytes", Flags: FlagBaseType | FlagBytesSubclass}
	ByteArrayType       = &Type{Name: "bytearray", Flags: FlagBaseType}
	TupleType           = &Type{Name: "tuple", Flags: FlagBaseType | FlagTupleSubclass | FlagSequence}
	ListType            = &Type{Name: "list", Flags: FlagBaseType | FlagListSubclass | FlagSequence}
	DictType            = &Type{Name: "dict", Flags: FlagBaseType | FlagDictSubclass | FlagMapping}
	SetType             = &Type{Name: "set", Flags: FlagBaseType}
	FrozenSetType       = &Type{Name: "frozenset", Flags: FlagBaseType}
	RangeType           = &Type{Name: "range", Flags: FlagSequence}
	SliceType           = &Type{Name: "slice"}
	CellType            = &Type{Name: "cell"}
	CodeType            = &Type{Name: "code"}
	FrameType           = &Type{Name: "frame"}
	TracebackType       = &Type{Name: "traceback"}
	FunctionType        = &Type{Name: "function", Flags: FlagHasDict}
	MethodType          = &Type{Name: "method"}
	BuiltinFunctionType = &Type{Name: "builtin_function_or_method"}
	MethodDescrType     = &Type{Name: "method_descriptor"}
	ModuleType          = &Type{Name: "module", Flags: FlagBaseType | FlagHasDict}
	GeneratorType       = &Type{Name: "generator"}
	CoroutineType       = &Type{Name: "coroutine"}
	AsyncGeneratorType  = &Type{Name: "async_generator"}
	PropertyType        = &Type{Name: "property", Flags: FlagBaseType}
	ClassMethodType     = &Type{Name: "classmethod", Flags: FlagBaseType | FlagHasDict}
	StaticMethodType    = &Type{Name: "staticmethod", Flags: FlagBaseType | FlagHasDict}
	SuperType           = &Type{Name: "super", Flags: FlagBaseType}
	GenericAliasType    = &Type{Name: "GenericAlias", Flags: FlagBaseType}
	GetSetDescrType     = &Type{Name: "getset_descriptor"}
	MemberDescrType     = &Type{Name: "member_descriptor"}
	WrapperDescrType    = &Type{Name: "wrapper_descriptor"}
	MappingProxyType    = &Type{Name: "mappingproxy", Flags: FlagMapping}
	SeqIterType         = &Type{Name: "iterator"}
)

// builtinTypes lists the types bootstrap sets up, bases before subclasses.
func builtinTypes() []*Type {
	ts := []*Type{ObjectType, TypeType, NoneTypeType, NotImplementedTType, EllipsisTypeType,
		IntType, BoolType, FloatType, ComplexType, StrType, BytesType, ByteArrayType, TupleType,
		ListType, DictType, SetType, FrozenSetType, RangeType, SliceType, CellType, CodeType,
		FrameType, TracebackType, FunctionType, MethodType, BuiltinFunctionType, MethodDescrType,
		ModuleType, GeneratorType, CoroutineType, AsyncGeneratorType, PropertyType, ClassMethodType,
		StaticMethodType, SuperType, GenericAliasType, GetSetDescrType, MemberDescrType,
		WrapperDescrType, MappingProxyType, SeqIterType}
	ts = append(ts, exceptionTypesInOrder...)
	return append(ts, extraBuiltinTypes...)
}

// extraBuiltinTypes are types declared elsewhere (iterators, views…),
// registered by their files' variable initializers with builtinType.
var extraBuiltinTypes []*Type

// builtinType declares a builtin type in a file's variable initializers:
// bootstrap sets it up with the others.
func builtinType(name string, base *Type, flags TypeFlags) *Type {
	t := &Type{Name: name, Base: base, Flags: flags}
	extraBuiltinTypes = append(extraBuiltinTypes, t)
	return t
}

// setups are the functions registered by onSetup.
var setups []func()

// onSetup registers f to run, once, when the builtin types are set up.
func onSetup(f func()) { setups = append(setups, f) }

// bootstrap gives every builtin type its class, base, MRO and namespace.
func bootstrap() bool {
	NoneObject.cls = NoneTypeType
	NotImplementedObject.cls = NotImplementedTType
	EllipsisObject.cls = EllipsisTypeType
	emptyTuple.cls = TupleType
	BoolType.Base = IntType
	for _, t := range builtinTypes() {
		t.cls = TypeType
		if t.QualName == "" {
			t.QualName = t.Name
		}
		if t != ObjectType && t.Base == nil {
			t.Base = ObjectType
		}
		if t.Bases == nil && t.Base != nil {
			t.Bases = []*Type{t.Base}
		}
		if t.Dict == nil {
			t.Dict = NewDict()
		}
		t.Flags |= FlagImmutable
		t.version = nextTypeVersion()
	}
	for _, t := range builtinTypes() {
		t.MRO = builtinMRO(t)
		t.builtin = t
		if t.Base != nil {
			t.Flags |= t.Base.Flags & (FlagIntSubclass | FlagTupleSubclass | FlagListSubclass | FlagBytesSubclass | FlagStrSubclass | FlagDictSubclass | FlagBaseExcSubclass | FlagTypeSubclass)
		}
	}
	return true
}

// builtinMRO computes the MRO of a builtin type (C3 for the two with
// several bases; a chain otherwise).
func builtinMRO(t *Type) []*Type {
	if len(t.Bases) > 1 {
		mro, err := c3MRO(t, t.Bases)
		if err == nil {
			return mro
		}
	}
	var mro []*Type
	for c := t; c != nil; c = c.Base {
		mro = append(mro, c)
	}
	return mro
}

// c3MRO computes the C3 linearization of a class with the given bases,
// or reports the conflict as CPython's message does.
func c3MRO(t *Type, bases []*Type) ([]*Type, error) {
	seqs := make([][]*Type, 0, len(bases)+1)
	for _, b := range bases {
		seqs = append(seqs, append([]*Type(nil), b.MRO...))
	}
	seqs = append(seqs, append([]*Type(nil), bases...))
	out := []*Type{t}
	for {
		nonEmpty := false
		for _, s := range seqs {
			if len(s) > 0 {
				nonEmpty = true
				break
			}
		}
		if !nonEmpty {
			return out, nil
		}
		var cand *Type
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			c := s[0]
			inTail := false
			for _, s2 := range seqs {
				for _, x := range s2[min(1, len(s2)):] {
					if x == c {
						inTail = true
						break
					}
				}
				if inTail {
					break
				}
			}
			if !inTail {
				cand = c
				break
			}
		}
		if cand == nil {
			return nil, &mroConflict{seqs: seqs}
		}
		out = append(out, cand)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == cand {
				seqs[i] = s[1:]
			}
		}
	}
}

type mroConflict struct{ seqs [][]*Type }

func (e *mroConflict) Error() string { return "MRO conflict" }

var finishOnce sync.Once

// finishTypes sets up the builtin types, once: bootstrap, the registered
// setups, then the wrappers of the slots each type defines (so that
// int.__add__, object.__repr__ … exist).
func finishTypes() {
	finishOnce.Do(func() {
		bootstrap()
		for _, f := range setups {
			f()
		}
		for _, t := range builtinTypes() {
			inheritSlots(t)
		}
		for _, t := range builtinTypes() {
			addSlotWrappers(t)
		}
	})
}

// defMethods adds methods implemented in Go to a builtin type.
func defMethods(t *Type, defs ...MethodDef) {
	for _, d := range defs {
		md := &MethodDescr{ObjectBase: ObjectBase{cls: MethodDescrType}, name: d.Name, owner: t, fn: d.Fn, doc: d.Doc, static: d.Static, class: d.Class}
		if d.Class {
			md.cls = ClassMethodDescrType
		}
		if d.Static {
			t.Dict.setStr(Intern(d.Name), Value{o: newStaticMethod(Value{o: NewBuiltinMethod(t.Name+"."+d.Name, d.Fn)})})
			continue
		}
		t.Dict.setStr(Intern(d.Name), Value{o: md})
	}
}

// MethodDef describes a method of a builtin type.
type MethodDef struct {
	Name string
	Fn   BuiltinFunc
	Doc  string
	// Static and Class make a staticmethod or a classmethod.
	Static, Class bool
}

// NewBuiltinMethod returns an unbound builtin function with a qualified
// name.
func NewBuiltinMethod(qual string, fn BuiltinFunc) *Builtin {
	name := qual
	for i := len(qual) - 1; i >= 0; i-- {
		if qual[i] == '.' {
			name = qual[i+1:]
			break
		}
	}
	return &Builtin{ObjectBase: ObjectBase{cls: BuiltinFunctionType}, name: name, qual: qual, fn: fn}
}

// ClassMethodDescrType is the type of a builtin type's classmethods.
var ClassMethodDescrType = builtinType("classmethod_descriptor", nil, 0)

// inheritSlots gives a builtin type the slots it does not define from its
// base (inherit_slots): every nil slot function, the number slots one by
// one. __hash__ and the comparison are inherited together, and not at all
// by a type that made itself unhashable.
func inheritSlots(t *Type) {
	b := t.Base
	if b == nil {
		return
	}
	tv := reflect.ValueOf(t).Elem()
	bv := reflect.ValueOf(b).Elem()
	copyFuncs := func(dst, src reflect.Value) {
		for i := 0; i < dst.NumField(); i++ {
			f := dst.Field(i)
			if f.Kind() == reflect.Func && f.CanSet() && f.IsNil() {
				f.Set(src.Field(i))
			}
		}
	}
	hashNil, cmpNil := t.Hash == nil, t.Compare == nil
	copyFuncs(tv, bv)
	copyFuncs(tv.FieldByName("Number"), bv.FieldByName("Number"))
	if !(hashNil && cmpNil) || t.hashNone {
		if hashNil {
			t.Hash = nil
		}
		if cmpNil {
			t.Compare = b.Compare
		}
	}
	if t.hashNone {
		t.Hash = nil
	}
	if b.hashNone && hashNil && cmpNil {
		t.hashNone = true
	}
}
