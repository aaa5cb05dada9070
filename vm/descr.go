package vm

import (
	"fmt"
	"runtime"
	"sync"
	"weak"
)

// This file holds the descriptors: the attributes a class provides that
// compute their value when read on an instance (CPython's
// Objects/descrobject.c and funcobject.c): getset descriptors of builtin
// types, member descriptors of __slots__, property, classmethod,
// staticmethod, and the binding of functions and builtin methods into
// bound methods. The mappingproxy of type.__dict__ is here too.

// GetSetDescr is an attribute of a builtin type computed by Go functions
// (getset_descriptor): int.real, function.__name__, type.__dict__ …
type GetSetDescr struct {
	ObjectBase
	name  string
	owner *Type
	get   func(t *Thread, self Value) (Value, error)
	// set is nil for a read-only attribute; it deletes when v is NULL.
	set func(t *Thread, self, v Value) error
	doc string
}

// defGetSet adds a computed attribute to a builtin type; set may be nil.
func defGetSet(tp *Type, name string, get func(t *Thread, self Value) (Value, error), set func(t *Thread, self, v Value) error) {
	tp.Dict.setStr(Intern(name), Value{o: &GetSetDescr{ObjectBase: ObjectBase{cls: GetSetDescrType}, name: name, owner: tp, get: get, set: set}})
}

// defMember adds a read-only attribute whose value is a Go function of
// the object (a member_descriptor in CPython).
func defMember(tp *Type, name string, get func(t *Thread, self Value) (Value, error)) {
	tp.Dict.setStr(Intern(name), Value{o: &MemberDescr{ObjectBase: ObjectBase{cls: MemberDescrType}, name: Intern(name), owner: tp, get: get, index: -1}})
}

// MemberDescr is a member descriptor: a slot of __slots__ (index >= 0),
// or a field of a builtin type (get set; set too when it is writable).
type MemberDescr struct {
	ObjectBase
	name  *Str
	owner *Type
	index int
	get   func(t *Thread, self Value) (Value, error)
	// set writes a writable field; it deletes when v is NULL.
	set func(t *Thread, self, v Value) error
}

// defMemberRW adds a writable field of a builtin type (a member_descriptor
// that is not READONLY).
func defMemberRW(tp *Type, name string, get func(t *Thread, self Value) (Value, error), set func(t *Thread, self, v Value) error) {
	tp.Dict.setStr(Intern(name), Value{o: &MemberDescr{ObjectBase: ObjectBase{cls: MemberDescrType}, name: Intern(name), owner: tp, get: get, set: set, index: -1}})
}

// slotStore returns the slot values of an instance with __slots__: an
// Instance holds them; an instance of a subclass of another builtin type
// (a list or an exception with __slots__) has them in extSlots, made on
// first use when alloc is set.
func slotStore(v Value, alloc bool) []Value {
	if in, ok := v.o.(*Instance); ok {
		return in.slots
	}
	if h, ok := v.o.(slotHolder); ok {
		if s := h.slotValues(); len(s) >= v.Type().nslots {
			return s
		}
	}
	b, ok := v.o.(hasBase)
	if !ok {
		return nil
	}
	return extSlots.get(b, v.Type().nslots, alloc)
}

// extSlots holds the __slots__ values of the instances whose Go struct
// is a builtin type's, keyed weakly by the object: an entry goes when its
// object is collected.
var extSlots = &slotTable{m: map[weak.Pointer[ObjectBase]][]Value{}}

type slotTable struct {
	sync.Mutex
	m map[weak.Pointer[ObjectBase]][]Value
}

func (x *slotTable) get(o hasBase, n int, alloc bool) []Value {
	key := weak.Make(o.base())
	x.Lock()
	defer x.Unlock()
	s, ok := x.m[key]
	if ok && len(s) >= n || !alloc {
		return s
	}
	grown := make([]Value, n)
	copy(grown, s)
	x.m[key] = grown
	if !ok {
		runtime.AddCleanup(o.base(), func(k weak.Pointer[ObjectBase]) {
			x.Lock()
			delete(x.m, k)
			x.Unlock()
		}, key)
	}
	return grown
}

// slotHolder is implemented by the Go structs of builtin types whose
// subclasses keep their __slots__ values in them (the types of native
// modules: a weakref.ref subclass with __slots__).
type slotHolder interface{ slotValues() []Value }

func init() {
	onSetup(setupDescriptors)
}

func setupDescriptors() {
	gs := GetSetDescrType
	gs.DescrGet = func(t *Thread, descr, obj Value, cls *Type) (Value, error) {
		d := descr.o.(*GetSetDescr)
		if obj.IsNull() {
			return descr, nil
		}
		if !obj.Type().IsSubtype(d.owner) {
			return Null, t.typeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d.name, d.owner.Name, typeName(obj))
		}
		return d.get(t, obj)
	}
	gs.DescrSet = func(t *Thread, descr, obj, value Value) error {
		d := descr.o.(*GetSetDescr)
		if !obj.Type().IsSubtype(d.owner) {
			return t.typeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d.name, d.owner.Name, typeName(obj))
		}
		if d.set == nil {
			return t.attributeError(obj, Intern(d.name), fmt.Sprintf("attribute '%s' of '%s' objects is not writable", d.name, d.owner.Name))
		}
		return d.set(t, obj, value)
	}
	gs.Repr = func(t *Thread, v Value) (Value, error) {
		d := v.o.(*GetSetDescr)
		return NewStrValue(fmt.Sprintf("<attribute '%s' of '%s' objects>", d.name, d.owner.Name)), nil
	}
	defGetSet(gs, "__name__", func(t *Thread, self Value) (Value, error) {
		return Value{o: Intern(self.o.(*GetSetDescr).name)}, nil
	}, nil)
	defGetSet(gs, "__qualname__", func(t *Thread, self Value) (Value, error) {
		d := self.o.(*GetSetDescr)
		return NewStrValue(d.owner.QualName + "." + d.name), nil
	}, nil)
	defGetSet(gs, "__objclass__", func(t *Thread, self Value) (Value, error) {
		return Value{o: self.o.(*GetSetDescr).owner}, nil
	}, nil)

	md := MemberDescrType
	md.DescrGet = func(t *Thread, descr, obj Value, cls *Type) (Value, error) {
		d := descr.o.(*MemberDescr)
		if obj.IsNull() {
			return descr, nil
		}
		if !obj.Type().IsSubtype(d.owner) {
			return Null, t.typeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d.name.s, d.owner.Name, typeName(obj))
		}
		if d.get != nil {
			return d.get(t, obj)
		}
		slots := slotStore(obj, false)
		if d.index >= len(slots) || slots[d.index].IsNull() {
			return Null, t.attributeError(obj, d.name, fmt.Sprintf("'%s' object has no attribute '%s'", typeName(obj), d.name.s))
		}
		return slots[d.index], nil
	}
	md.DescrSet = func(t *Thread, descr, obj, value Value) error {
		d := descr.o.(*MemberDescr)
		if !obj.Type().IsSubtype(d.owner) {
			return t.typeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d.name.s, d.owner.Name, typeName(obj))
		}
		if d.set != nil {
			return d.set(t, obj, value)
		}
		if d.get != nil {
			return t.raise(AttributeErrorType, "readonly attribute")
		}
		slots := slotStore(obj, !value.IsNull())
		if value.IsNull() && (d.index >= len(slots) || slots[d.index].IsNull()) {
			// Deleting an unset slot: PyMember_SetOne's bare name.
			return t.raise(AttributeErrorType, d.name.s)
		}
		if d.index >= len(slots) {
			return t.attributeError(obj, d.name, fmt.Sprintf("'%s' object has no attribute '%s'", typeName(obj), d.name.s))
		}
		slots[d.index] = value
		return nil
	}
	md.Repr = func(t *Thread, v Value) (Value, error) {
		d := v.o.(*MemberDescr)
		return NewStrValue(fmt.Sprintf("<member '%s' of '%s' objects>", d.name.s, d.owner.Name)), nil
	}
	defGetSet(md, "__name__", func(t *Thread, self Value) (Value, error) {
		return Value{o: self.o.(*MemberDescr).name}, nil
	}, nil)
	defGetSet(md, "__objclass__", func(t *Thread, self Value) (Value, error) {
		return Value{o: self.o.(*MemberDescr).owner}, nil
	}, nil)

	setupFunctionTypes()
	setupProperty()
	setupClassStaticMethod()
	setupMappingProxy()
}

// setupFunctionTypes gives functions, bound methods, builtins and method
// descriptors their attributes and binding.
func setupFunctionTypes() {
	ft := FunctionType
	ft.New = functionNew
	ft.DescrGet = func(t *Thread, descr, obj Value, cls *Type) (Value, error) {
		if obj.IsNull() {
			return descr, nil
		}
		return Value{o: NewMethod(descr, obj)}, nil
	}
	ft.Call = func(t *Thread, callable Value, args []Value, kwnames []*Str) (Value, error) {
		return t.callFunction(callable.o.(*Function), args, kwnames)
	}
	ft.Repr = func(t *Thread, v Value) (Value, error) {
		fn := v.o.(*Function)
		return NewStrValue(fmt.Sprintf("<function %s at %#x>", fn.qualname.s, identityOf(v))), nil
	}
	fnAttr := func(name string, get func(fn *Function) Value, set func(t *Thread, fn *Function, v Value) error) {
		var setter func(t *Thread, self, v Value) error
		if set != nil {
			setter = func(t *Thread, self, v Value) error { return set(t, self.o.(*Function), v) }
		}
		defGetSet(ft, name, func(t *Thread, self Value) (Value, error) { return get(self.o.(*Function)), nil }, setter)
	}
	strSetter := func(attr string, field func(fn *Function) **Str) func(t *Thread, fn *Function, v Value) error {
		return func(t *Thread, fn *Function, v Value) error {
			s, ok := v.Object().(*Str)
			if !ok {
				return t.typeErrorf("%s must be set to a string object", attr)
			}
			*field(fn) = s
			return nil
		}
	}
	fnAttr("__name__", func(fn *Function) Value { return Value{o: fn.name} }, strSetter("__name__", func(fn *Function) **Str { return &fn.name }))
	fnAttr("__qualname__", func(fn *Function) Value { return Value{o: fn.qualname} }, strSetter("__qualname__", func(fn *Function) **Str { return &fn.qualname }))
	fnAttr("__code__", func(fn *Function) Value { return Value{o: fn.code} }, func(t *Thread, fn *Function, v Value) error {
		c, ok := v.Object().(*Code)
		if !ok {
			return t.typeErrorf("__code__ must be set to a code object")
		}
		fn.code = c
		return nil
	})
	fnMember := func(name string, get func(fn *Function) Value) {
		defMember(ft, name, func(t *Thread, self Value) (Value, error) { return get(self.o.(*Function)), nil })
	}
	fnMember("__globals__", func(fn *Function) Value { return Value{o: fn.globals} })
	fnMember("__builtins__", func(fn *Function) Value { return Value{o: fn.builtins} })
	fnMember("__closure__", func(fn *Function) Value {
		if fn.closure == nil {
			return None
		}
		return Value{o: fn.closure}
	})
	fnAttr("__defaults__", func(fn *Function) Value {
		if fn.defaults == nil {
			return None
		}
		return Value{o: fn.defaults}
	}, func(t *Thread, fn *Function, v Value) error {
		if v.IsNull() || v.IsNone() {
			fn.defaults = nil
			return nil
		}
		tu, ok := v.o.(*Tuple)
		if !ok {
			return t.typeErrorf("__defaults__ must be set to a tuple object")
		}
		fn.defaults = tu
		return nil
	})
	fnAttr("__kwdefaults__", func(fn *Function) Value {
		if fn.kwdefaults == nil {
			return None
		}
		return Value{o: fn.kwdefaults}
	}, func(t *Thread, fn *Function, v Value) error {
		if v.IsNull() || v.IsNone() {
			fn.kwdefaults = nil
			return nil
		}
		d, ok := v.o.(*Dict)
		if !ok {
			return t.typeErrorf("__kwdefaults__ must be set to a dict object")
		}
		fn.kwdefaults = d
		return nil
	})
	// __doc__ and __module__ are writable members: deleting one leaves
	// None.
	defMemberRW(ft, "__doc__", func(t *Thread, self Value) (Value, error) { return self.o.(*Function).doc, nil }, func(t *Thread, self, v Value) error {
		if v.IsNull() {
			v = None
		}
		self.o.(*Function).doc = v
		return nil
	})
	defMemberRW(ft, "__module__", func(t *Thread, self Value) (Value, error) { return self.o.(*Function).module, nil }, func(t *Thread, self, v Value) error {
		if v.IsNull() {
			v = None
		}
		self.o.(*Function).module = v
		return nil
	})
	defGetSet(ft, "__annotations__", func(t *Thread, self Value) (Value, error) {
		return self.o.(*Function).annotationsDict(t)
	}, func(t *Thread, self, v Value) error {
		fn := self.o.(*Function)
		if v.IsNull() || v.IsNone() {
			fn.annotations = Value{o: NewDict()}
			if v.IsNull() {
				fn.annotations = Null
			}
			return nil
		}
		if _, ok := v.o.(*Dict); !ok {
			return t.typeErrorf("__annotations__ must be set to a dict object")
		}
		fn.annotations = v
		return nil
	})
	fnAttr("__type_params__", func(fn *Function) Value {
		if fn.typeParams.IsNull() {
			return Value{o: emptyTuple}
		}
		return fn.typeParams
	}, func(t *Thread, fn *Function, v Value) error {
		if _, ok := v.Object().(*Tuple); !ok {
			return t.typeErrorf("__type_params__ must be set to a tuple")
		}
		fn.typeParams = v
		return nil
	})
	defGetSet(ft, "__dict__", func(t *Thread, self Value) (Value, error) {
		fn := self.o.(*Function)
		if fn.dict == nil {
			fn.dict = NewDict()
		}
		return Value{o: fn.dict}, nil
	}, func(t *Thread, self, v Value) error {
		if v.IsNull() {
			return t.typeErrorf("cannot delete __dict__")
		}
		d, ok := v.o.(*Dict)
		if !ok {
			return t.typeErrorf("__dict__ must be set to a dictionary, not a '%s'", typeName(v))
		}
		self.o.(*Function).dict = d
		return nil
	})

	mt := MethodType
	mt.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		// method(function, instance, /) (method_new).
		if err := noKwargs(t, "method", kwnames); err != nil {
			return Null, err
		}
		if len(args) != 2 {
			return Null, t.typeErrorf("method expected 2 arguments, got %d", len(args))
		}
		if !isCallable(args[0]) {
			return Null, t.typeErrorf("first argument must be callable")
		}
		if args[1].IsNone() {
			return Null, t.typeErrorf("instance must not be None")
		}
		return Value{o: NewMethod(args[0], args[1])}, nil
	}
	mt.Call = func(t *Thread, callable Value, args []Value, kwnames []*Str) (Value, error) {
		m := callable.o.(*Method)
		all := make([]Value, 0, len(args)+1)
		all = append(all, m.self)
		all = append(all, args...)
		return t.Call(m.fn, all, kwnames)
	}
	mt.Repr = func(t *Thread, v Value) (Value, error) {
		m := v.o.(*Method)
		name := "?"
		q, err := getAttrOpt(t, m.fn, Intern("__qualname__"))
		if err == nil && q.IsNull() {
			q, err = getAttrOpt(t, m.fn, Intern("__name__"))
		}
		if err != nil {
			return Null, err
		}
		if s, ok := q.Object().(*Str); ok {
			name = s.s
		}
		r, err := Repr(t, m.self)
		if err != nil {
			return Null, err
		}
		return NewStrValue(fmt.Sprintf("<bound method %s of %s>", name, r.s)), nil
	}
	mt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		ma, ok1 := a.o.(*Method)
		mb, ok2 := b.o.(*Method)
		if !ok1 || !ok2 || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		eq := ma.self.Is(mb.self)
		if eq {
			var err error
			eq, err = RichCompareBool(t, ma.fn, mb.fn, EQ)
			if err != nil {
				return Null, err
			}
		}
		return Bool(eq == (op == EQ)), nil
	}
	mt.Hash = func(t *Thread, v Value) (int64, error) {
		m := v.o.(*Method)
		h1 := pointerHash(identityOf(m.self))
		h2, err := Hash(t, m.fn)
		if err != nil {
			return 0, err
		}
		h := h1 ^ h2
		if h == -1 {
			h = -2
		}
		return h, nil
	}
	mt.GetAttr = func(t *Thread, v Value, name *Str) (Value, error) {
		r, ok, err := genericGetAttrOpt(t, v, name)
		if err != nil || ok {
			return r, err
		}
		// Other attributes come from the function.
		return GetAttr(t, v.o.(*Method).fn, name)
	}
	defGetSet(mt, "__func__", func(t *Thread, self Value) (Value, error) { return self.o.(*Method).fn, nil }, nil)
	defGetSet(mt, "__self__", func(t *Thread, self Value) (Value, error) { return self.o.(*Method).self, nil }, nil)
	defGetSet(mt, "__doc__", func(t *Thread, self Value) (Value, error) {
		return GetAttrString(t, self.o.(*Method).fn, "__doc__")
	}, nil)

	bt := BuiltinFunctionType
	bt.Call = func(t *Thread, callable Value, args []Value, kwnames []*Str) (Value, error) {
		b := callable.o.(*Builtin)
		return b.fn(t, b.self, args, kwnames)
	}
	bt.Repr = func(t *Thread, v Value) (Value, error) {
		b := v.o.(*Builtin)
		if b.self.IsNull() || b.self.o == Object(nil) {
			return NewStrValue(fmt.Sprintf("<built-in function %s>", b.name)), nil
		}
		if m, ok := b.self.o.(*Module); ok {
			_ = m
			return NewStrValue(fmt.Sprintf("<built-in function %s>", b.name)), nil
		}
		return NewStrValue(fmt.Sprintf("<built-in method %s of %s object at %#x>", b.name, typeName(b.self), identityOf(b.self))), nil
	}
	defGetSet(bt, "__name__", func(t *Thread, self Value) (Value, error) { return NewStrValue(self.o.(*Builtin).name), nil }, nil)
	defGetSet(bt, "__qualname__", func(t *Thread, self Value) (Value, error) {
		b := self.o.(*Builtin)
		return NewStrValue(b.qual), nil
	}, nil)
	defGetSet(bt, "__self__", func(t *Thread, self Value) (Value, error) {
		b := self.o.(*Builtin)
		if b.self.IsNull() {
			if b.module != "" {
				if m, ok := t.interp.Modules.GetStr(b.module); ok {
					return m, nil
				}
			}
			return None, nil
		}
		return b.self, nil
	}, nil)
	defGetSet(bt, "__module__", func(t *Thread, self Value) (Value, error) {
		b := self.o.(*Builtin)
		if _, ofModule := b.self.o.(*Module); (b.self.IsNull() || ofModule) && b.module != "" {
			return builtinModuleName(t, b), nil
		}
		return None, nil
	}, nil)
	defGetSet(bt, "__doc__", func(t *Thread, self Value) (Value, error) {
		b := self.o.(*Builtin)
		if b.doc == "" {
			return None, nil
		}
		return NewStrValue(b.doc), nil
	}, nil)
	defGetSet(bt, "__text_signature__", builtinTextSig, nil)
	bt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		x, ok1 := a.o.(*Builtin)
		y, ok2 := b.o.(*Builtin)
		if !ok1 || !ok2 || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		eq := x == y || (x.self.Is(y.self) && x.qual == y.qual && !x.self.IsNull())
		return Bool(eq == (op == EQ)), nil
	}
	bt.Hash = func(t *Thread, v Value) (int64, error) {
		b := v.o.(*Builtin)
		if b.self.IsNull() {
			return pointerHash(identityOf(v)), nil
		}
		return pointerHash(identityOf(b.self)) ^ int64(len(b.qual)), nil
	}

	for _, dt := range []*Type{MethodDescrType, WrapperDescrType, ClassMethodDescrType} {
		kind := "method"
		if dt == WrapperDescrType {
			kind = "slot wrapper"
		}
		dt.DescrGet = func(t *Thread, descr, obj Value, cls *Type) (Value, error) {
			md := descr.o.(*MethodDescr)
			if md.class {
				owner := cls
				if owner == nil {
					if obj.IsNull() {
						return Null, t.typeErrorf("__get__(None, None) is invalid")
					}
					owner = obj.Type()
				}
				if err := classMethodDescrCheck(t, md, Value{o: owner}); err != nil {
					return Null, err
				}
				return Value{o: md.bind(Value{o: owner})}, nil
			}
			if obj.IsNull() {
				return descr, nil
			}
			if !obj.Type().IsSubtype(md.owner) {
				return Null, t.typeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", md.name, md.owner.Name, typeName(obj))
			}
			return Value{o: md.bind(obj)}, nil
		}
		dt.Call = func(t *Thread, callable Value, args []Value, kwnames []*Str) (Value, error) {
			return t.callMethodDescr(callable.o.(*MethodDescr), args, kwnames)
		}
		dt.Repr = func(t *Thread, v Value) (Value, error) {
			md := v.o.(*MethodDescr)
			return NewStrValue(fmt.Sprintf("<%s '%s' of '%s' objects>", kind, md.name, md.owner.Name)), nil
		}
		defGetSet(dt, "__name__", func(t *Thread, self Value) (Value, error) { return NewStrValue(self.o.(*MethodDescr).name), nil }, nil)
		defGetSet(dt, "__qualname__", func(t *Thread, self Value) (Value, error) {
			md := self.o.(*MethodDescr)
			return NewStrValue(md.owner.QualName + "." + md.name), nil
		}, nil)
		defGetSet(dt, "__objclass__", func(t *Thread, self Value) (Value, error) { return Value{o: self.o.(*MethodDescr).owner}, nil }, nil)
		defGetSet(dt, "__text_signature__", methodDescrTextSig, nil)
		defGetSet(dt, "__doc__", func(t *Thread, self Value) (Value, error) {
			md := self.o.(*MethodDescr)
			if md.doc == "" {
				return None, nil
			}
			return NewStrValue(md.doc), nil
		}, nil)
	}
	// A bound slot wrapper is a method-wrapper.
	methodWrapperType.Call = bt.Call
	methodWrapperType.Repr = func(t *Thread, v Value) (Value, error) {
		b := v.o.(*Builtin)
		return NewStrValue(fmt.Sprintf("<method-wrapper '%s' of %s object at %#x>", b.name, typeName(b.self), identityOf(b.self))), nil
	}
	methodWrapperType.Compare = bt.Compare
	methodWrapperType.Hash = bt.Hash
	defGetSet(methodWrapperType, "__name__", func(t *Thread, self Value) (Value, error) { return NewStrValue(self.o.(*Builtin).name), nil }, nil)
	defGetSet(methodWrapperType, "__self__", func(t *Thread, self Value) (Value, error) { return self.o.(*Builtin).self, nil }, nil)
	defGetSet(methodWrapperType, "__qualname__", func(t *Thread, self Value) (Value, error) { return NewStrValue(self.o.(*Builtin).qual), nil }, nil)
}

var methodWrapperType = builtinType("method-wrapper", nil, 0)

// bind returns the builtin method md bound to self.
func (md *MethodDescr) bind(self Value) *Builtin {
	b := &Builtin{ObjectBase: ObjectBase{cls: BuiltinFunctionType}, name: md.name, qual: md.owner.QualName + "." + md.name, doc: md.doc, fn: md.fn, self: self}
	if md.cls == WrapperDescrType {
		b.cls = methodWrapperType
	}
	return b
}

// annotationsDict returns __annotations__, building the dict from the
// compiler's flat tuple (name, value, name, value…) on first use.
func (fn *Function) annotationsDict(t *Thread) (Value, error) {
	switch a := fn.annotations.o.(type) {
	case nil:
		fn.annotations = Value{o: NewDict()}
	case *Tuple:
		d := NewDict()
		for i := 0; i+1 < len(a.items); i += 2 {
			if err := d.Set(t, a.items[i], a.items[i+1]); err != nil {
				return Null, err
			}
		}
		fn.annotations = Value{o: d}
	}
	return fn.annotations, nil
}

// Property is a property object.
type Property struct {
	ObjectBase
	fget, fset, fdel, doc Value
	name                  Value
	getterDoc             bool
}

func setupProperty() {
	pt := PropertyType
	pt.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		p := &Property{ObjectBase: ObjectBase{cls: cls}, fget: None, fset: None, fdel: None, doc: None, name: Null}
		return Value{o: p}, nil
	}
	spec := &ArgSpec{Name: "property", Params: []string{"fget", "fset", "fdel", "doc"}}
	pt.Init = func(t *Thread, self Value, args []Value, kwnames []*Str) error {
		var a [4]Value
		if err := spec.Parse(t, args, kwnames, a[:]); err != nil {
			return err
		}
		p := self.o.(*Property)
		for i := range a {
			if a[i].IsNull() {
				a[i] = None
			}
		}
		p.fget, p.fset, p.fdel, p.doc = a[0], a[1], a[2], a[3]
		p.getterDoc = false
		if a[3].IsNone() && !a[0].IsNone() {
			d, err := getAttrOpt(t, a[0], Intern("__doc__"))
			if err != nil {
				return err
			}
			if !d.IsNull() {
				if p.cls == PropertyType {
					p.doc = d
				} else if err := SetAttr(t, self, Intern("__doc__"), d); err != nil {
					return err
				}
				p.getterDoc = true
			}
		}
		return nil
	}
	pt.DescrGet = func(t *Thread, descr, obj Value, cls *Type) (Value, error) {
		p := descr.o.(*Property)
		if obj.IsNull() || obj.IsNone() {
			return descr, nil
		}
		if p.fget.IsNone() {
			return Null, t.attributeError(obj, p.nameStr(t), p.errorText(t, obj, "getter"))
		}
		return t.Call(p.fget, []Value{obj}, nil)
	}
	pt.DescrSet = func(t *Thread, descr, obj, value Value) error {
		p := descr.o.(*Property)
		if value.IsNull() {
			if p.fdel.IsNone() {
				return t.attributeError(obj, p.nameStr(t), p.errorText(t, obj, "deleter"))
			}
			_, err := t.Call(p.fdel, []Value{obj}, nil)
			return err
		}
		if p.fset.IsNone() {
			return t.attributeError(obj, p.nameStr(t), p.errorText(t, obj, "setter"))
		}
		_, err := t.Call(p.fset, []Value{obj, value}, nil)
		return err
	}
	prop := func(name string, get func(p *Property) Value) {
		defGetSet(pt, name, func(t *Thread, self Value) (Value, error) { return get(self.o.(*Property)), nil }, nil)
	}
	prop("fget", func(p *Property) Value { return p.fget })
	prop("fset", func(p *Property) Value { return p.fset })
	prop("fdel", func(p *Property) Value { return p.fdel })
	defGetSet(pt, "__doc__", func(t *Thread, self Value) (Value, error) { return self.o.(*Property).doc, nil },
		func(t *Thread, self, v Value) error {
			if v.IsNull() {
				v = None
			}
			self.o.(*Property).doc = v
			return nil
		})
	defGetSet(pt, "__name__", func(t *Thread, self Value) (Value, error) {
		p := self.o.(*Property)
		if !p.name.IsNull() {
			return p.name, nil
		}
		if !p.fget.IsNone() {
			n, err := getAttrOpt(t, p.fget, Intern("__name__"))
			if err != nil || !n.IsNull() {
				return n, err
			}
		}
		return Null, t.attributeError(self, Intern("__name__"), "'property' object has no attribute '__name__'")
	}, func(t *Thread, self, v Value) error {
		self.o.(*Property).name = v
		return nil
	})
	defGetSet(pt, "__isabstractmethod__", func(t *Thread, self Value) (Value, error) {
		p := self.o.(*Property)
		for _, f := range []Value{p.fget, p.fset, p.fdel} {
			if f.IsNone() {
				continue
			}
			v, err := getAttrOpt(t, f, Intern("__isabstractmethod__"))
			if err != nil {
				return Null, err
			}
			if !v.IsNull() {
				b, err := Truth(t, v)
				if err != nil {
					return Null, err
				}
				if b {
					return True, nil
				}
			}
		}
		return False, nil
	}, nil)
	copyWith := func(which int) BuiltinFunc {
		return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, []string{"getter", "setter", "deleter"}[which], args, kw); err != nil {
				return Null, err
			}
			p := self.o.(*Property)
			fget, fset, fdel := p.fget, p.fset, p.fdel
			switch which {
			case 0:
				fget = args[0]
			case 1:
				fset = args[0]
			case 2:
				fdel = args[0]
			}
			doc := p.doc
			if p.getterDoc && which == 0 {
				doc = None
			}
			nv, err := t.Call(Value{o: self.Type()}, []Value{fget, fset, fdel, doc}, nil)
			if err != nil {
				return Null, err
			}
			if np, ok := nv.o.(*Property); ok {
				np.name = p.name
				if p.getterDoc && which != 0 {
					np.getterDoc = true
				}
			}
			return nv, nil
		}
	}
	defMethods(pt,
		MethodDef{Name: "getter", Fn: copyWith(0)},
		MethodDef{Name: "setter", Fn: copyWith(1)},
		MethodDef{Name: "deleter", Fn: copyWith(2)},
		MethodDef{Name: "__set_name__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "__set_name__", args, kw, 2, 2); err != nil {
				return Null, err
			}
			p := self.o.(*Property)
			if p.name.IsNull() {
				p.name = args[1]
			}
			return None, nil
		}},
	)
}

// nameStr returns the property's name for messages.
func (p *Property) nameStr(t *Thread) *Str {
	if s, ok := p.name.o.(*Str); ok {
		return s
	}
	if !p.fget.IsNone() {
		if n, err := getAttrOpt(t, p.fget, Intern("__name__")); err == nil {
			if s, ok := n.o.(*Str); ok {
				return s
			}
		}
	}
	return nil
}

// errorText is the message of a missing getter, setter or deleter.
func (p *Property) errorText(t *Thread, obj Value, what string) string {
	name := p.nameStr(t)
	if name != nil {
		qn, err := GetAttrString(t, Value{o: obj.Type()}, "__qualname__")
		q := obj.Type().QualName
		if err == nil {
			if s, ok := qn.o.(*Str); ok {
				q = s.s
			}
		}
		return fmt.Sprintf("property %s of '%s' object has no %s", reprString(name.s), q, what)
	}
	return fmt.Sprintf("property of '%s' object has no %s", obj.Type().QualName, what)
}

// ClassMethod is a classmethod object; StaticMethod a staticmethod.
type ClassMethod struct {
	ObjectBase
	fn Value
}

type StaticMethod struct {
	ObjectBase
	fn Value
}

func newStaticMethod(fn Value) *StaticMethod {
	return &StaticMethod{ObjectBase: ObjectBase{cls: StaticMethodType}, fn: fn}
}

func newClassMethod(fn Value) *ClassMethod {
	return &ClassMethod{ObjectBase: ObjectBase{cls: ClassMethodType}, fn: fn}
}

func setupClassStaticMethod() {
	for _, tp := range []*Type{ClassMethodType, StaticMethodType} {
		tp := tp
		isClass := tp == ClassMethodType
		fnOf := func(v Value) *Value {
			if isClass {
				return &v.o.(*ClassMethod).fn
			}
			return &v.o.(*StaticMethod).fn
		}
		tp.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
			if isClass {
				return Value{o: &ClassMethod{ObjectBase: ObjectBase{cls: cls}, fn: None}}, nil
			}
			return Value{o: &StaticMethod{ObjectBase: ObjectBase{cls: cls}, fn: None}}, nil
		}
		tp.Init = func(t *Thread, self Value, args []Value, kwnames []*Str) error {
			if err := noKwargs(t, tp.Name, kwnames); err != nil {
				return err
			}
			if len(args) != 1 {
				return t.typeErrorf("%s expected 1 argument, got %d", tp.Name, len(args))
			}
			*fnOf(self) = args[0]
			// functools.wraps-like copy of the wrapped function's
			// attributes (functools.update_wrapper's list).
			for _, a := range []string{"__module__", "__name__", "__qualname__", "__doc__"} {
				v, err := getAttrOpt(t, args[0], Intern(a))
				if err != nil {
					return err
				}
				if !v.IsNull() {
					b := self.o.(hasBase).base()
					if b.dict == nil {
						b.dict = NewDict()
					}
					b.dict.setStr(Intern(a), v)
				}
			}
			return nil
		}
		if isClass {
			tp.DescrGet = func(t *Thread, descr, obj Value, cls *Type) (Value, error) {
				if cls == nil {
					cls = obj.Type()
				}
				return Value{o: NewMethod(descr.o.(*ClassMethod).fn, Value{o: cls})}, nil
			}
		} else {
			tp.DescrGet = func(t *Thread, descr, obj Value, cls *Type) (Value, error) {
				return descr.o.(*StaticMethod).fn, nil
			}
			tp.Call = func(t *Thread, callable Value, args []Value, kwnames []*Str) (Value, error) {
				return t.Call(callable.o.(*StaticMethod).fn, args, kwnames)
			}
		}
		tp.Repr = func(t *Thread, v Value) (Value, error) {
			r, err := Repr(t, *fnOf(v))
			if err != nil {
				return Null, err
			}
			return NewStrValue(fmt.Sprintf("<%s(%s)>", tp.Name, r.s)), nil
		}
		defGetSet(tp, "__func__", func(t *Thread, self Value) (Value, error) { return *fnOf(self), nil }, nil)
		defGetSet(tp, "__wrapped__", func(t *Thread, self Value) (Value, error) { return *fnOf(self), nil }, nil)
		defGetSet(tp, "__isabstractmethod__", func(t *Thread, self Value) (Value, error) {
			v, err := getAttrOpt(t, *fnOf(self), Intern("__isabstractmethod__"))
			if err != nil || v.IsNull() {
				return False, err
			}
			b, err := Truth(t, v)
			return Bool(b), err
		}, nil)
		defGetSet(tp, "__dict__", func(t *Thread, self Value) (Value, error) {
			b := self.o.(hasBase).base()
			if b.dict == nil {
				b.dict = NewDict()
			}
			return Value{o: b.dict}, nil
		}, nil)
	}
}

// MappingProxy is a read-only view of a mapping (type.__dict__).
type MappingProxy struct {
	ObjectBase
	m Value
}

// NewMappingProxy returns a read-only view of m.
func NewMappingProxy(m Value) *MappingProxy {
	return &MappingProxy{ObjectBase: ObjectBase{cls: MappingProxyType}, m: m}
}

func setupMappingProxy() {
	mp := MappingProxyType
	mp.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		spec := &ArgSpec{Name: "mappingproxy", Params: []string{"mapping"}, Required: 1}
		var a [1]Value
		if err := spec.Parse(t, args, kwnames, a[:]); err != nil {
			return Null, err
		}
		tp := a[0].Type()
		if !tp.HasFlag(FlagMapping) && tp.GetItem == nil || tp.IsSubtype(ListType) || tp.IsSubtype(TupleType) {
			return Null, t.typeErrorf("mappingproxy() argument must be a mapping, not %s", tp.Name)
		}
		return Value{o: NewMappingProxy(a[0])}, nil
	}
	inner := func(v Value) Value { return v.o.(*MappingProxy).m }
	mp.GetItem = func(t *Thread, v, key Value) (Value, error) { return GetItem(t, inner(v), key) }
	mp.Len = func(t *Thread, v Value) (int, error) { return Len(t, inner(v)) }
	mp.Iter = func(t *Thread, v Value) (Value, error) { return Iter(t, inner(v)) }
	mp.Contains = func(t *Thread, v, item Value) (bool, error) { return Contains(t, inner(v), item) }
	mp.Repr = func(t *Thread, v Value) (Value, error) {
		r, err := Repr(t, inner(v))
		if err != nil {
			return Null, err
		}
		return NewStrValue("mappingproxy(" + r.s + ")"), nil
	}
	mp.Str = func(t *Thread, v Value) (Value, error) {
		r, err := StrOf(t, inner(v))
		return Value{o: r}, err
	}
	mp.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		return RichCompare(t, inner(a), b, op)
	}
	mp.Number.Or = func(t *Thread, a, b Value) (Value, error) {
		if p, ok := a.o.(*MappingProxy); ok {
			a = p.m
		}
		if p, ok := b.o.(*MappingProxy); ok {
			b = p.m
		}
		return binaryOp(t, a, b, binOr)
	}
	forward := func(name string) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			m, err := GetAttrString(t, inner(self), name)
			if err != nil {
				return Null, err
			}
			return t.Call(m, args, kw)
		}}
	}
	defMethods(mp, forward("keys"), forward("values"), forward("items"), forward("get"), forward("copy"), forward("__reversed__"))
}

// attrErrorContext gives an AttributeError raised while getting v.name
// the name and object it lacks (set_attribute_error_context), so that the
// exception's name and obj, and the traceback's suggestions, know them.
func attrErrorContext(err error, v Value, name *Str) error {
	if e := asException(err); e != nil && e.cls.IsSubtype(AttributeErrorType) && e.Name.IsNull() && e.Obj.IsNull() {
		e.Name = Value{o: name}
		e.Obj = v
	}
	return err
}

// classMethodDescrCheck is classmethoddescr_call's check of the class a
// builtin class method is called with.
func classMethodDescrCheck(t *Thread, md *MethodDescr, cls Value) error {
	c, ok := cls.o.(*Type)
	if !ok {
		return t.typeErrorf("descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2", md.name, md.owner.Name, typeName(cls))
	}
	if !c.IsSubtype(md.owner) {
		return t.typeErrorf("descriptor '%s' requires a subtype of '%s' but received '%s'", md.name, md.owner.Name, c.Name)
	}
	return nil
}
