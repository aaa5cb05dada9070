package vm

import (
	"fmt"
)

// The _weakref module: weakref.ref (ReferenceType), proxy (ProxyType,
// CallableProxyType), getweakrefcount, getweakrefs, _remove_dead_weakref.
//
// CPython frees an object the moment its last strong reference goes, and
// its weak references die then. Our objects are freed by Go's collector,
// at no predictable moment, so a weak reference here holds its referent
// strongly: it never dies and its callback is never called. Programs see
// CPython's behaviour wherever the referent is still alive, which is what
// the standard library's users of weak references (WeakSet in abc's
// caches, WeakValueDictionary, finalize) depend on to be correct, and the
// output stays deterministic. The references to an object are kept per
// interpreter (getweakrefcount, getweakrefs, and the reuse of the one
// plain reference that CPython's ref(obj) returns again).

// WeakRef is a weakref.ref (or an instance of a subclass).
type WeakRef struct {
	ObjectBase
	obj      Value
	callback Value // NULL when none
	hash     int64
	hashed   bool
	slots    []Value
}

func (r *WeakRef) slotValues() []Value { return r.slots }

// WeakProxy is a weakref.proxy: it forwards every operation to its
// referent.
type WeakProxy struct {
	ObjectBase
	obj      Value
	callback Value
}

var (
	WeakRefType           = nativeType("weakref", "ReferenceType", nil, FlagBaseType)
	WeakProxyType         = nativeType("weakref", "ProxyType", nil, 0)
	WeakCallableProxyType = nativeType("weakref", "CallableProxyType", nil, 0)
)

// stdState is the per-interpreter state of the native modules.
type stdState struct {
	// weakrefs lists the weak references and proxies made to each object,
	// the plain ref (no callback, exact type) first when there is one.
	weakrefs map[Object][]Value
	// atexit holds the functions registered with atexit.register.
	atexit []atexitEntry
	// fds are the files os.open opened (mod_posix.go).
	fds *fdTable
	// ast holds the node classes of _ast (mod_ast.go).
	ast *astState
	// sched runs the threads (mod_thread.go).
	sched *threadSched
	// contexts are the threads' current contextvars.Context.
	contexts map[*Thread]*PyContext
	// signals are the handlers of _signal (mod_signal.go).
	signals *signalState
	// abcCounter is _abc's invalidation counter (mod_abc.go).
	abcCounter uint64
	// csv is _csv's dialect registry and field limit (mod_csv.go).
	csv *csvState
}

func (t *Thread) std() *stdState {
	in := t.interp
	if in.std == nil {
		in.std = &stdState{weakrefs: map[Object][]Value{}}
	}
	return in.std
}

// weakrefable reports whether CPython's type of v supports weak
// references (tp_weaklistoffset).
func weakrefable(v Value) bool {
	tp := v.Type()
	if !tp.HasFlag(FlagHeapType) {
		switch tp {
		case FunctionType, GeneratorType, CoroutineType, AsyncGeneratorType, BuiltinFunctionType,
			SetType, FrozenSetType, TypeType, CodeType, ModuleType, MethodType, MethodDescrType:
			return true
		}
		return weakrefableNative[tp]
	}
	if tp.IsSubtype(TypeType) {
		return true
	}
	// A class defined in Python gets __weakref__ unless every class of
	// its MRO defined in Python declares __slots__ without it, or its
	// builtin base is variable-sized (int, tuple, bytes).
	for _, c := range tp.MRO {
		if !c.HasFlag(FlagHeapType) {
			if weakrefableNative[c] || c == SetType || c == FrozenSetType || c == FunctionType {
				return true
			}
			continue
		}
		s, ok := c.Dict.GetStr("__slots__")
		if !ok {
			b := tp.builtin
			return b == nil || !(b == IntType || b == TupleType || b == BytesType)
		}
		if slotsName(s, "__weakref__") {
			return true
		}
	}
	return false
}

// weakrefableNative are the builtin types of native modules whose
// instances support weak references.
var weakrefableNative = map[*Type]bool{}

// slotsName reports whether a __slots__ value names name.
func slotsName(s Value, name string) bool {
	switch x := s.o.(type) {
	case *Str:
		return x.s == name
	case *Tuple:
		for _, it := range x.items {
			if str, ok := it.o.(*Str); ok && str.s == name {
				return true
			}
		}
	case *List:
		for _, it := range x.items {
			if str, ok := it.o.(*Str); ok && str.s == name {
				return true
			}
		}
	}
	return false
}

// newWeakRef is ref.__new__(cls, obj, callback=None).
func newWeakRef(t *Thread, cls *Type, obj, callback Value) (Value, error) {
	if !weakrefable(obj) {
		return Null, t.typeErrorf("cannot create weak reference to '%s' object", obj.Type().Name)
	}
	if callback.IsNone() {
		callback = Null
	}
	std := t.std()
	key := obj.Object()
	if key == nil {
		return Null, t.typeErrorf("cannot create weak reference to '%s' object", obj.Type().Name)
	}
	refs := std.weakrefs[key]
	if cls == WeakRefType && callback.IsNull() && len(refs) > 0 {
		if r, ok := refs[0].o.(*WeakRef); ok && r.cls == WeakRefType && r.callback.IsNull() {
			return refs[0], nil
		}
	}
	r := &WeakRef{ObjectBase: ObjectBase{cls: cls}, obj: obj, callback: callback}
	if cls.nslots > 0 {
		r.slots = make([]Value, cls.nslots)
	}
	rv := Value{o: r}
	if cls == WeakRefType && callback.IsNull() {
		std.weakrefs[key] = append([]Value{rv}, refs...)
	} else {
		std.weakrefs[key] = append(refs, rv)
	}
	return rv, nil
}

func init() {
	onSetup(setupWeakref)
	RegisterModule("_weakref", initWeakrefModule)
}

func setupWeakref() {
	rt := WeakRefType
	rt.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		pos, _ := kwArgs(args, kwnames)
		if len(pos) < 1 {
			return Null, t.typeErrorf("__new__ expected at least 1 argument, got %d", len(pos))
		}
		if len(pos) > 2 {
			return Null, t.typeErrorf("__new__ expected at most 2 arguments, got %d", len(pos))
		}
		cb := Null
		if len(pos) == 2 {
			cb = pos[1]
		}
		return newWeakRef(t, cls, pos[0], cb)
	}
	rt.Init = func(t *Thread, self Value, args []Value, kwnames []*Str) error {
		if len(kwnames) > 0 && self.Type() == WeakRefType {
			return t.typeErrorf("ref() takes no keyword arguments")
		}
		pos, _ := kwArgs(args, kwnames)
		if len(pos) < 1 {
			return t.typeErrorf("__init__ expected at least 1 argument, got %d", len(pos))
		}
		if len(pos) > 2 {
			return t.typeErrorf("__init__ expected at most 2 arguments, got %d", len(pos))
		}
		return nil
	}
	rt.Call = func(t *Thread, callable Value, args []Value, kwnames []*Str) (Value, error) {
		if len(kwnames) > 0 {
			return Null, t.typeErrorf("weakref() takes no keyword arguments")
		}
		if len(args) > 0 {
			return Null, t.typeErrorf("weakref expected 0 arguments, got %d", len(args))
		}
		return callable.o.(*WeakRef).obj, nil
	}
	rt.Hash = func(t *Thread, v Value) (int64, error) {
		r := v.o.(*WeakRef)
		if !r.hashed {
			h, err := Hash(t, r.obj)
			if err != nil {
				return 0, err
			}
			r.hash, r.hashed = h, true
		}
		return r.hash, nil
	}
	rt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		rb, ok := b.o.(*WeakRef)
		if !ok || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		return RichCompare(t, a.o.(*WeakRef).obj, rb.obj, op)
	}
	rt.Repr = func(t *Thread, v Value) (Value, error) {
		r := v.o.(*WeakRef)
		return NewStrValue(weakrefRepr("weakref", v, r.obj, t)), nil
	}
	defMember(rt, "__callback__", func(t *Thread, self Value) (Value, error) {
		return noneIfNull(self.o.(*WeakRef).callback), nil
	})
	defMethods(rt, MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias})

	for _, pt := range []*Type{WeakProxyType, WeakCallableProxyType} {
		setupWeakProxy(pt)
	}
	WeakCallableProxyType.Call = func(t *Thread, callable Value, args []Value, kwnames []*Str) (Value, error) {
		return t.Call(callable.o.(*WeakProxy).obj, args, kwnames)
	}
}

// weakrefRepr is "<weakref at 0x…; to 'function' at 0x… (f)>".
func weakrefRepr(kind string, v, obj Value, t *Thread) string {
	s := fmt.Sprintf("<%s at %s; to '%s' at %s", kind, hexID(v), obj.Type().fullName(), hexID(obj))
	if kind == "weakref" {
		if n, err := getAttrOpt(t, obj, Intern("__name__")); err == nil && !n.IsNull() {
			if ns, ok := n.o.(*Str); ok {
				s += " (" + ns.s + ")"
			}
		}
	}
	return s + ">"
}

func setupWeakProxy(pt *Type) {
	pt.hashNone = true
	obj := func(v Value) Value { return v.o.(*WeakProxy).obj }
	pt.GetAttr = func(t *Thread, v Value, name *Str) (Value, error) { return GetAttr(t, obj(v), name) }
	pt.SetAttr = func(t *Thread, v Value, name *Str, value Value) error { return SetAttr(t, obj(v), name, value) }
	pt.Repr = func(t *Thread, v Value) (Value, error) {
		s := fmt.Sprintf("<weakproxy at %s; to '%s' at %s>", hexID(v), obj(v).Type().fullName(), hexID(obj(v)))
		return NewStrValue(s), nil
	}
	pt.Str = func(t *Thread, v Value) (Value, error) {
		s, err := StrOf(t, obj(v))
		if err != nil {
			return Null, err
		}
		return Value{o: s}, nil
	}
	pt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		if p, ok := b.o.(*WeakProxy); ok {
			b = p.obj
		}
		return RichCompare(t, obj(a), b, op)
	}
	pt.Number.Bool = func(t *Thread, v Value) (bool, error) { return Truth(t, obj(v)) }
	pt.Len = func(t *Thread, v Value) (int, error) { return Len(t, obj(v)) }
	pt.Iter = func(t *Thread, v Value) (Value, error) { return Iter(t, obj(v)) }
	pt.Next = func(t *Thread, v Value) (Value, error) {
		o := obj(v)
		if o.Type().Next == nil {
			return Null, t.typeErrorf("Weakref proxy referenced a non-iterator '%s' object", typeName(o))
		}
		return Next(t, o)
	}
	pt.GetItem = func(t *Thread, v, key Value) (Value, error) { return GetItem(t, obj(v), key) }
	pt.SetItem = func(t *Thread, v, key, value Value) error { return SetItem(t, obj(v), key, value) }
	pt.Contains = func(t *Thread, v, item Value) (bool, error) { return Contains(t, obj(v), item) }
	unwrap := func(v Value) Value {
		if p, ok := v.o.(*WeakProxy); ok {
			return p.obj
		}
		return v
	}
	bin := func(op int) BinarySlot {
		return func(t *Thread, a, b Value) (Value, error) { return binaryOp(t, unwrap(a), unwrap(b), op) }
	}
	n := &pt.Number
	// BINARY_OP's numbering: + & // << @ * % | ** >> - / ^.
	n.Add, n.And, n.FloorDiv, n.LShift, n.MatMul, n.Mul = bin(0), bin(1), bin(2), bin(3), bin(4), bin(5)
	n.Mod, n.Or, n.RShift, n.Sub, n.TrueDiv, n.Xor = bin(6), bin(7), bin(9), bin(10), bin(11), bin(12)
	n.Neg = func(t *Thread, v Value) (Value, error) { return Negative(t, obj(v)) }
	n.Pos = func(t *Thread, v Value) (Value, error) { return Positive(t, obj(v)) }
	n.Abs = func(t *Thread, v Value) (Value, error) { return Absolute(t, obj(v)) }
	n.Invert = func(t *Thread, v Value) (Value, error) { return Invert(t, obj(v)) }
	n.Index = func(t *Thread, v Value) (Value, error) { return Index(t, obj(v)) }
}

func initWeakrefModule(t *Thread, m *Module) error {
	m.addTypeAs("ref", WeakRefType)
	m.addType(WeakRefType)
	m.addType(WeakProxyType)
	m.addType(WeakCallableProxyType)
	m.AddFunc("getweakrefcount", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "getweakrefcount", args, kw); err != nil {
			return Null, err
		}
		o := args[0].Object()
		if o == nil {
			return Int(0), nil
		}
		return Int(int64(len(t.std().weakrefs[o]))), nil
	})
	m.AddFunc("getweakrefs", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "getweakrefs", args, kw); err != nil {
			return Null, err
		}
		o := args[0].Object()
		if o == nil {
			return Value{o: NewList()}, nil
		}
		return Value{o: NewList(append([]Value(nil), t.std().weakrefs[o]...)...)}, nil
	})
	m.AddFunc("proxy", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "proxy", args, kw, 1, 2); err != nil {
			return Null, err
		}
		o := args[0]
		if !weakrefable(o) {
			return Null, t.typeErrorf("cannot create weak reference to '%s' object", o.Type().Name)
		}
		cb := Null
		if len(args) == 2 && !args[1].IsNone() {
			cb = args[1]
		}
		tp := WeakProxyType
		if isCallable(o) {
			tp = WeakCallableProxyType
		}
		p := Value{o: &WeakProxy{ObjectBase: ObjectBase{cls: tp}, obj: o, callback: cb}}
		std := t.std()
		std.weakrefs[o.Object()] = append(std.weakrefs[o.Object()], p)
		return p, nil
	})
	m.AddFunc("_remove_dead_weakref", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "_remove_dead_weakref", args, kw, 2, 2); err != nil {
			return Null, err
		}
		if _, ok := args[0].o.(*Dict); !ok {
			return Null, t.typeErrorf("_remove_dead_weakref() argument 1 must be dict, not %s", typeName(args[0]))
		}
		// References never die here (see the file comment).
		return None, nil
	})
	return nil
}

// addTypeAs puts a type in a native module under another name.
func (m *Module) addTypeAs(name string, tp *Type) { m.dict.SetStr(name, Value{o: tp}) }

// atexitEntry is a function registered with atexit.register.
type atexitEntry struct {
	fn     Value
	args   []Value
	kwargs []*Str
}
