package vm

// The gc module (Modules/gcmodule.c). Memory is Go's to manage, so there
// is no cycle collector to run: collect() finds nothing, the thresholds and
// debug flags are only remembered, get_objects() and get_referrers() are
// empty. is_tracked and get_referents answer as CPython would for the
// common containers.

type gcState struct {
	enabled   bool
	threshold [3]int
	debug     int
	frozen    int
	garbage   Value
	callbacks Value
}

func init() {
	RegisterModule("gc", initGCModule)
}

const gcCollectDoc = "Run the garbage collector.\n\nWith no arguments, run a full collection.  The optional argument\nmay be an integer specifying which generation to collect.  A ValueError\nis raised if the generation number is invalid.\n\nThe number of unreachable objects is returned."

var (
	gcCollectSpec    = ArgSpec{Name: "collect", Params: []string{"generation"}}
	gcGetObjectsSpec = ArgSpec{Name: "get_objects", Params: []string{"generation"}}
)

func initGCModule(t *Thread, m *Module) error {
	st := &gcState{enabled: true, threshold: [3]int{2000, 10, 10}, garbage: Value{o: NewList()}, callbacks: Value{o: NewList()}}
	m.Set("__doc__", NewStrValue("This module provides access to the garbage collector for reference cycles.\n\nenable() -- Enable automatic garbage collection.\ndisable() -- Disable automatic garbage collection.\nisenabled() -- Returns true if automatic collection is enabled.\ncollect() -- Do a full collection right now.\nget_count() -- Return the current collection counts.\nget_stats() -- Return list of dictionaries containing per-generation stats.\nset_debug() -- Set debugging flags.\nget_debug() -- Get debugging flags.\nset_threshold() -- Set the collection thresholds.\nget_threshold() -- Return the current collection thresholds.\nget_objects() -- Return a list of all objects tracked by the collector.\nis_tracked() -- Returns true if a given object is tracked.\nis_finalized() -- Returns true if a given object has been already finalized.\nget_referrers() -- Return the list of objects that refer to an object.\nget_referents() -- Return the list of objects that an object refers to.\nfreeze() -- Freeze all tracked objects and ignore them for future collections.\nunfreeze() -- Unfreeze all objects in the permanent generation.\nget_freeze_count() -- Return the number of objects in the permanent generation.\n"))
	for name, v := range map[string]int64{"DEBUG_STATS": 1, "DEBUG_COLLECTABLE": 2, "DEBUG_UNCOLLECTABLE": 4, "DEBUG_SAVEALL": 32, "DEBUG_LEAK": 38} {
		m.Set(name, Int(v))
	}
	m.Set("garbage", st.garbage)
	m.Set("callbacks", st.callbacks)
	noarg := func(name string, fn func() Value) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "gc."+name, args, kw); err != nil {
				return Null, err
			}
			return fn(), nil
		})
	}
	onearg := func(name string, fn func(t *Thread, v Value) (Value, error)) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "gc."+name, args, kw); err != nil {
				return Null, err
			}
			return fn(t, args[0])
		})
	}
	noarg("enable", func() Value { st.enabled = true; return None })
	noarg("disable", func() Value { st.enabled = false; return None })
	noarg("isenabled", func() Value { return Bool(st.enabled) })
	noarg("get_debug", func() Value { return Int(int64(st.debug)) })
	noarg("get_threshold", func() Value {
		return Value{o: NewTuple(Int(int64(st.threshold[0])), Int(int64(st.threshold[1])), Int(int64(st.threshold[2])))}
	})
	noarg("get_count", func() Value { return Value{o: NewTuple(Int(0), Int(0), Int(0))} })
	noarg("freeze", func() Value { return None })
	noarg("unfreeze", func() Value { return None })
	noarg("get_freeze_count", func() Value { return Int(int64(st.frozen)) })
	noarg("get_stats", func() Value {
		items := make([]Value, 3)
		for i := range items {
			d := NewDict()
			d.SetStr("collections", Int(0))
			d.SetStr("collected", Int(0))
			d.SetStr("uncollectable", Int(0))
			items[i] = Value{o: d}
		}
		return Value{o: NewList(items...)}
	})
	onearg("set_debug", func(t *Thread, v Value) (Value, error) {
		n, err := intArg32(t, v)
		if err != nil {
			return Null, err
		}
		st.debug = n
		return None, nil
	})
	onearg("is_tracked", func(t *Thread, v Value) (Value, error) { return Bool(gcIsTracked(v)), nil })
	onearg("is_finalized", func(t *Thread, v Value) (Value, error) { return False, nil })
	m.AddFunc("set_threshold", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, t.typeErrorf("set_threshold() takes no keyword arguments")
		}
		if len(args) < 1 || len(args) > 3 {
			return Null, t.typeErrorf("gc.set_threshold requires 1 to 3 arguments")
		}
		for i, a := range args {
			n, err := intArg32(t, a)
			if err != nil {
				return Null, err
			}
			st.threshold[i] = n
		}
		return None, nil
	})
	m.AddFunc("collect", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [1]Value
		if err := clinicArgs(t, &gcCollectSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		if !a[0].IsNull() {
			n, err := intArg32(t, a[0])
			if err != nil {
				return Null, err
			}
			if n < 0 || n > 2 {
				return Null, t.valueErrorf("invalid generation")
			}
		}
		return Int(0), nil
	})
	m.AddFunc("get_objects", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [1]Value
		if err := clinicArgs(t, &gcGetObjectsSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		if !a[0].IsNull() && !a[0].IsNone() {
			n, err := AsSize(t, a[0], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			if n >= 3 {
				return Null, t.valueErrorf("generation parameter must be less than the number of available generations (3)")
			}
			if n < 0 {
				return Null, t.valueErrorf("generation parameter cannot be negative")
			}
		}
		return Value{o: NewList()}, nil
	})
	m.AddFunc("get_referrers", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, t.typeErrorf("get_referrers() takes no keyword arguments")
		}
		return Value{o: NewList()}, nil
	})
	m.AddFunc("get_referents", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, t.typeErrorf("get_referents() takes no keyword arguments")
		}
		var out []Value
		for _, a := range args {
			if !gcIsTracked(a) && !isContainerType(a) {
				continue
			}
			out = append(out, gcReferents(a)...)
		}
		return Value{o: NewList(out...)}, nil
	})
	if d, ok := m.dict.GetStr("collect"); ok {
		if b, ok := d.o.(*Builtin); ok {
			b.doc = gcCollectDoc
		}
	}
	return nil
}

// isContainerType tells whether CPython's type of v supports the garbage
// collector (Py_TPFLAGS_HAVE_GC), whether or not v is tracked.
func isContainerType(v Value) bool {
	switch v.o.(type) {
	case *List, *Tuple, *Dict, *Set, *FrozenSet:
		return true
	}
	return false
}

// gcIsTracked answers gc.is_tracked as CPython does for a fresh object.
func gcIsTracked(v Value) bool {
	if v.IsNull() || v.IsNone() || v.IsIntLike() {
		return false
	}
	switch o := v.o.(type) {
	case *Str, *Bytes, *ByteArray:
		return false
	case *Dict:
		tracked := false
		o.Items(func(k, x Value) bool {
			if gcIsTracked(k) || gcIsTracked(x) {
				tracked = true
				return false
			}
			return true
		})
		return tracked
	case *Type:
		return o.HasFlag(FlagHeapType)
	}
	if _, ok := floatOf(v); ok {
		return false
	}
	tp := v.Type()
	if tp == ObjectType {
		return false
	}
	if tp.HasFlag(FlagHeapType) {
		return true
	}
	switch tp {
	case ComplexType, RangeType, BoolType:
		return false
	}
	return true
}

// gcReferents lists what tp_traverse visits, in its order.
func gcReferents(v Value) []Value {
	var out []Value
	switch o := v.o.(type) {
	case *List:
		for i := len(o.items) - 1; i >= 0; i-- {
			out = append(out, o.items[i])
		}
	case *Tuple:
		for i := len(o.items) - 1; i >= 0; i-- {
			out = append(out, o.items[i])
		}
	case *Dict:
		allStr := true
		o.Items(func(k, x Value) bool {
			if _, ok := k.o.(*Str); !ok {
				allStr = false
				return false
			}
			return true
		})
		o.Items(func(k, x Value) bool {
			out = append(out, x)
			if !allStr {
				out = append(out, k)
			}
			return true
		})
	case *Set:
		out = append(out, o.Elements()...)
	case *FrozenSet:
		out = append(out, o.elems()...)
	}
	return out
}
