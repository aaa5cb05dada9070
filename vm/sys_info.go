package vm

import (
	"math"
	"os"
	"sync"
	"unicode/utf8"
)

// The informational parts of sys: flags, float_info, int_info, hash_info,
// thread_info, version_info and implementation (as CPython 3.13.0 on
// 64-bit Linux reports them, run as the tests and the parity harness run
// it: PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1), getsizeof (CPython's
// object sizes, approximated where they depend on allocation history),
// getrefcount, the encodings, and breakpointhook (a no-op: peephole has
// no debugger).
//
// sys.implementation.name is "cpython", not "peephole": the standard
// library's pure-Python modules, which peephole runs, branch on it (and
// on cache_tag), and programs that print it should see what CPython
// prints.

var (
	sysTypesOnce                                                           sync.Once
	sysFlagsType, floatInfoType, intInfoType, hashInfoType, threadInfoType *Type
	versionInfoType                                                        *Type
)

func sysTypes() {
	sysTypesOnce.Do(func() {
		sysFlagsType = newStructSeqType("sys", "flags", []string{"debug", "inspect", "interactive", "optimize",
			"dont_write_bytecode", "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
			"quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
			"safe_path", "int_max_str_digits"}, true)
		floatInfoType = newStructSeqType("sys", "float_info", []string{"max", "max_exp", "max_10_exp", "min",
			"min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"}, true)
		intInfoType = newStructSeqType("sys", "int_info", []string{"bits_per_digit", "sizeof_digit",
			"default_max_str_digits", "str_digits_check_threshold"}, true)
		hashInfoType = newStructSeqType("sys", "hash_info", []string{"width", "modulus", "inf", "nan", "imag",
			"algorithm", "hash_bits", "seed_bits", "cutoff"}, true)
		threadInfoType = newStructSeqType("sys", "thread_info", []string{"name", "lock", "version"}, true)
		versionInfoType = newStructSeqType("sys", "version_info", []string{"major", "minor", "micro",
			"releaselevel", "serial"}, true)
		// sys.flags.gil is a field outside the sequence (n_fields 19).
		defGetSet(sysFlagsType, "gil", func(t *Thread, self Value) (Value, error) { return Int(1), nil },
			func(t *Thread, self, v Value) error { return t.raise(AttributeErrorType, "readonly attribute") })
		sysFlagsType.Dict.SetStr("n_fields", Int(19))
	})
}

func init() {
	sysSetups = append(sysSetups, setupSysInfo)
}

func setupSysInfo(in *Interp, m *Module) {
	sysTypes()
	d := m.dict
	hashRandom := int64(1)
	if s, ok := os.LookupEnv("PYTHONHASHSEED"); !ok || s == "0" {
		// The hash secret is fixed unless the embedder set another seed.
		hashRandom = 0
	}
	d.SetStr("flags", newStructSeq(sysFlagsType, Int(0), Int(0), Int(0), Int(0), Int(1), Int(0), Int(0), Int(0),
		Int(0), Int(0), Int(0), Int(hashRandom), Int(0), False, Int(0), Int(0), False, Int(4300)))
	d.SetStr("float_info", newStructSeq(floatInfoType, Float(math.MaxFloat64), Int(1024), Int(308),
		Float(2.2250738585072014e-308), Int(-1021), Int(-307), Int(15), Int(53), Float(2.220446049250313e-16),
		Int(2), Int(1)))
	d.SetStr("int_info", newStructSeq(intInfoType, Int(30), Int(4), Int(4300), Int(640)))
	d.SetStr("hash_info", newStructSeq(hashInfoType, Int(64), Int(hashModulus), Int(314159), Int(0),
		Int(1000003), NewStrValue("siphash13"), Int(64), Int(128), Int(0)))
	d.SetStr("thread_info", newStructSeq(threadInfoType, NewStrValue("pthread"), NewStrValue("semaphore"),
		NewStrValue("NPTL 2.36")))
	vi := newStructSeq(versionInfoType, Int(3), Int(13), Int(0), NewStrValue("final"), Int(0))
	d.SetStr("version_info", vi)
	impl := NewDict()
	impl.SetStr("name", NewStrValue("cpython"))
	impl.SetStr("cache_tag", NewStrValue("cpython-313"))
	impl.SetStr("version", vi)
	impl.SetStr("hexversion", Int(0x030d00f0))
	impl.SetStr("_multiarch", NewStrValue("x86_64-linux-gnu"))
	d.SetStr("implementation", Value{o: NewNamespace(impl)})
	d.SetStr("maxunicode", Int(utf8.MaxRune))
	d.SetStr("api_version", Int(1013))
	d.SetStr("float_repr_style", NewStrValue("short"))
	d.SetStr("copyright", NewStrValue("Copyright (c) 2001-2024 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved."))
	d.SetStr("abiflags", NewStrValue(""))
	d.SetStr("platlibdir", NewStrValue("lib"))
	d.SetStr("pycache_prefix", None)
	if _, ok := d.GetStr("warnoptions"); !ok {
		d.SetStr("warnoptions", Value{o: NewList()})
	}
	if _, ok := d.GetStr("orig_argv"); !ok {
		d.SetStr("orig_argv", Value{o: strList(append([]string{"python3.13"}, in.Argv...))})
	}
	for _, name := range []string{"prefix", "exec_prefix", "base_prefix", "base_exec_prefix"} {
		if _, ok := d.GetStr(name); !ok {
			d.SetStr(name, NewStrValue(""))
		}
	}
	m.AddFunc("getdefaultencoding", sysConst("getdefaultencoding", NewStrValue("utf-8")))
	m.AddFunc("getfilesystemencoding", sysConst("getfilesystemencoding", NewStrValue("utf-8")))
	m.AddFunc("getfilesystemencodeerrors", sysConst("getfilesystemencodeerrors", NewStrValue("surrogateescape")))
	m.AddFunc("is_finalizing", sysConst("is_finalizing", False))
	m.AddFunc("getswitchinterval", sysConst("getswitchinterval", Float(0.005)))
	m.AddFunc("getrefcount", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "getrefcount", args, kw); err != nil {
			return Null, err
		}
		// Go has no reference counts; 2 is what CPython reports for an
		// object referenced once (the argument adds one).
		return Int(2), nil
	})
	m.AddFunc("getsizeof", sysGetSizeOf)
	setupSysHooks(in, m)
	hook := NewBuiltin("breakpointhook", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return None, nil
	})
	hook.module = "sys"
	hook.self = Value{o: m}
	d.SetStr("breakpointhook", Value{o: hook})
	d.SetStr("__breakpointhook__", Value{o: hook})
}

// sysConst makes a sys function of no arguments returning v.
func sysConst(name string, v Value) BuiltinFunc {
	return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, name, args, kw); err != nil {
			return Null, err
		}
		return v, nil
	}
}

var getsizeofSpec = ArgSpec{Name: "getsizeof", Params: []string{"object", "default"}, Required: 1}

// sysGetSizeOf is sys.getsizeof(object, default): __sizeof__() plus the
// garbage collector's header for the objects CPython tracks.
func sysGetSizeOf(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [2]Value
	if err := parseClinic(t, &getsizeofSpec, args, kw, a[:]); err != nil {
		return Null, err
	}
	v := a[0]
	m, err := lookupSpecial(t, v, Intern("__sizeof__"))
	if err != nil {
		return Null, err
	}
	var r Value
	if m.IsNull() {
		err = t.typeErrorf("Type %s doesn't define __sizeof__", typeName(v))
	} else if md, ok := m.o.(*Builtin); ok && md.name == "__sizeof__" && md.qual == "object.__sizeof__" {
		r = Int(int64(basicSize(v)))
	} else {
		r, err = t.Call(m, nil, nil)
	}
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(TypeErrorType) && !a[1].IsNull() {
			return a[1], nil
		}
		return Null, err
	}
	if !hasIndex(r) {
		return Null, t.typeErrorf("an integer is required")
	}
	n, err := AsSize(t, r, OverflowErrorType)
	if err != nil {
		return Null, err
	}
	if n < 0 {
		return Null, t.valueErrorf("__sizeof__() should return >= 0")
	}
	tp := v.Type()
	if gcTracked(tp) {
		n += 16
	}
	if tp.HasFlag(FlagHeapType) && tp.HasFlag(FlagHasDict) {
		n += 16
	}
	return Int(int64(n)), nil
}

// gcTracked reports whether CPython's collector tracks instances of tp
// (Py_TPFLAGS_HAVE_GC), which makes getsizeof add its header.
func gcTracked(tp *Type) bool {
	if tp.HasFlag(FlagHeapType) {
		return true
	}
	switch tp.builtin {
	case IntType, BoolType, FloatType, ComplexType, StrType, BytesType, NoneTypeType, NotImplementedTType,
		EllipsisTypeType, RangeType, ObjectType:
		return false
	}
	return true
}

// basicSize is CPython's __sizeof__ of the builtin objects whose type
// peephole gives only object's: their struct sizes on a 64-bit build.
func basicSize(v Value) int {
	switch v.Type().builtin {
	case IntType, BoolType:
		iv := intValue(v)
		digits := 1
		if !iv.IsSmallInt() {
			digits = (bigOf(iv).BitLen() + 29) / 30
		} else if x := iv.SmallInt(); x != 0 {
			if x < 0 {
				x = -x
			}
			digits = 0
			for ux := uint64(x); ux != 0; ux >>= 30 {
				digits++
			}
		}
		return 24 + 4*digits
	case FloatType:
		return 24
	case ComplexType:
		return 32
	case StrType:
		s, _ := v.o.(*Str)
		if s == nil {
			return 49
		}
		if s.ascii {
			return 40 + len(s.s) + 1
		}
		width := 1
		for _, r := range s.s {
			if r > 0xffff {
				width = 4
				break
			} else if r > 0xff && width < 2 {
				width = 2
			}
		}
		return 56 + width*(s.n+1)
	case BytesType:
		if b, ok := bufferBytes(v); ok {
			return 33 + len(b)
		}
	case RangeType:
		return 48
	case SliceType:
		return 40
	case FunctionType:
		return 144
	case NoneTypeType, NotImplementedTType, EllipsisTypeType:
		return 16
	}
	if tp := v.Type(); tp.HasFlag(FlagHeapType) {
		return 16 + 8*tp.nslots
	}
	switch v.Type() {
	case listIterType, tupleIterType, listRevIterType:
		return 32
	case GeneratorType, CoroutineType, AsyncGeneratorType:
		return 176
	}
	return 16
}

// sysHookState is the per-interpreter state of sys's hook functions.
type sysHookState struct {
	trace, profile       Value
	auditHooks           []Value
	firstiter, finalizer Value
	coroutineOriginDepth int
	switchInterval       float64
	dlopenFlags          int
}

var asyncgenHooksType *Type

// setupSysHooks adds sys's hook getters and setters: settrace/gettrace
// and setprofile/getprofile (which keep the function: peephole's tracing
// is its own trace hook), audit and addaudithook (working: sys.audit calls
// the hooks; the VM raises no audit events of its own), asyncgen hooks,
// coroutine origin tracking depth, the switch interval, dlopen flags,
// call_tracing and the stack trampoline switches.
func setupSysHooks(in *Interp, m *Module) {
	sysTypesOnce2.Do(func() {
		asyncgenHooksType = newStructSeqType("builtins", "asyncgen_hooks", []string{"firstiter", "finalizer"}, true)
	})
	st := &sysHookState{trace: None, profile: None, firstiter: None, finalizer: None, switchInterval: 0.005, dlopenFlags: 2}
	in.asyncgenHooks = st
	one := func(name string, fn func(t *Thread, v Value) (Value, error)) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "sys."+name, args, kw); err != nil {
				return Null, err
			}
			return fn(t, args[0])
		})
	}
	none := func(name string, fn func(t *Thread) (Value, error)) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "sys."+name, args, kw); err != nil {
				return Null, err
			}
			return fn(t)
		})
	}
	one("settrace", func(t *Thread, v Value) (Value, error) { st.trace = v; return None, nil })
	none("gettrace", func(t *Thread) (Value, error) { return st.trace, nil })
	one("setprofile", func(t *Thread, v Value) (Value, error) { st.profile = v; return None, nil })
	none("getprofile", func(t *Thread) (Value, error) { return st.profile, nil })
	m.AddFunc("audit", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, t.typeErrorf("audit() takes no keyword arguments")
		}
		if len(args) == 0 {
			return Null, t.typeErrorf("audit() missing 1 required positional argument: 'event'")
		}
		if len(st.auditHooks) == 0 {
			return None, nil
		}
		ev, ok := args[0].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("expected str for argument 'event', not %s", typeName(args[0]))
		}
		evArgs := Value{o: NewTuple(append([]Value(nil), args[1:]...)...)}
		for _, h := range st.auditHooks {
			if _, err := t.Call(h, []Value{{o: ev}, evArgs}, nil); err != nil {
				return Null, err
			}
		}
		return None, nil
	})
	m.AddFunc("addaudithook", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [1]Value
		spec := ArgSpec{Name: "addaudithook", Params: []string{"hook"}, Required: 1}
		if err := spec.Parse(t, args, kw, a[:]); err != nil {
			return Null, err
		}
		st.auditHooks = append(st.auditHooks, a[0])
		return None, nil
	})
	m.AddFunc("call_tracing", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "call_tracing", args, kw, 2, 2); err != nil {
			return Null, err
		}
		tu, ok := args[1].o.(*Tuple)
		if !ok {
			return Null, t.typeErrorf("call_tracing() argument 2 must be tuple, not %s", typeName(args[1]))
		}
		return t.Call(args[0], tu.items, nil)
	})
	none("get_asyncgen_hooks", func(t *Thread) (Value, error) {
		return newStructSeq(asyncgenHooksType, st.firstiter, st.finalizer), nil
	})
	m.AddFunc("set_asyncgen_hooks", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [2]Value
		spec := ArgSpec{Name: "set_asyncgen_hooks", Params: []string{"firstiter", "finalizer"}}
		if err := spec.Parse(t, args, kw, a[:]); err != nil {
			return Null, err
		}
		for i, name := range []string{"firstiter", "finalizer"} {
			if !a[i].IsNull() && !a[i].IsNone() && !isCallable(a[i]) {
				return Null, t.typeErrorf("callable %s expected, got %s", name, typeName(a[i]))
			}
		}
		if !a[0].IsNull() {
			st.firstiter = a[0]
		}
		if !a[1].IsNull() {
			st.finalizer = a[1]
		}
		return None, nil
	})
	none("get_coroutine_origin_tracking_depth", func(t *Thread) (Value, error) { return Int(int64(st.coroutineOriginDepth)), nil })
	m.AddFunc("set_coroutine_origin_tracking_depth", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [1]Value
		spec := ArgSpec{Name: "set_coroutine_origin_tracking_depth", Params: []string{"depth"}, Required: 1}
		if err := spec.Parse(t, args, kw, a[:]); err != nil {
			return Null, err
		}
		n, err := asCInt(t, a[0])
		if err != nil {
			return Null, err
		}
		if n < 0 {
			return Null, t.valueErrorf("depth must be >= 0")
		}
		st.coroutineOriginDepth = n
		return None, nil
	})
	none("getswitchinterval", func(t *Thread) (Value, error) { return Float(st.switchInterval), nil })
	one("setswitchinterval", func(t *Thread, v Value) (Value, error) {
		f, ok := floatOf(v)
		if !ok && v.IsIntLike() {
			if iv := intValue(v); iv.IsSmallInt() {
				f, ok = float64(iv.SmallInt()), true
			}
		}
		if !ok {
			return Null, t.typeErrorf("must be real number, not %s", typeName(v))
		}
		if f <= 0 {
			return Null, t.valueErrorf("switch interval must be strictly positive")
		}
		st.switchInterval = f
		return None, nil
	})
	none("getdlopenflags", func(t *Thread) (Value, error) { return Int(int64(st.dlopenFlags)), nil })
	one("setdlopenflags", func(t *Thread, v Value) (Value, error) {
		n, err := asCInt(t, v)
		if err != nil {
			return Null, err
		}
		st.dlopenFlags = n
		return None, nil
	})
	uh := NewBuiltin("unraisablehook", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "unraisablehook", args, kw); err != nil {
			return Null, err
		}
		return None, t.defaultUnraisableHook(args[0])
	})
	uh.module = "sys"
	uh.self = Value{o: m}
	m.dict.SetStr("unraisablehook", Value{o: uh})
	m.dict.SetStr("__unraisablehook__", Value{o: uh})
	none("getallocatedblocks", func(t *Thread) (Value, error) { return Int(0), nil })
	none("getunicodeinternedsize", func(t *Thread) (Value, error) { return Int(0), nil })
	none("is_stack_trampoline_active", func(t *Thread) (Value, error) { return False, nil })
	none("deactivate_stack_trampoline", func(t *Thread) (Value, error) { return None, nil })
	m.AddFunc("activate_stack_trampoline", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "sys.activate_stack_trampoline", args, kw); err != nil {
			return Null, err
		}
		return None, nil
	})
}

var sysTypesOnce2 sync.Once

// defaultUnraisableHook is sys.__unraisablehook__: "Exception ignored
// in: obj" (or the message) and the exception's traceback on stderr.
func (t *Thread) defaultUnraisableHook(u Value) error {
	get := func(name string) Value {
		v, err := getAttrOpt(t, u, Intern(name))
		if err != nil || v.IsNull() {
			return None
		}
		return v
	}
	text := ""
	if msg := get("err_msg"); !msg.IsNone() {
		s, err := StrOf(t, msg)
		if err != nil {
			return err
		}
		text = s.s
	} else {
		text = "Exception ignored in"
	}
	if obj := get("object"); !obj.IsNone() {
		r, err := Repr(t, obj)
		if err != nil {
			return err
		}
		text += ": " + r.s
	}
	text += "\n"
	if e, ok := get("exc_value").o.(*Exception); ok {
		text += t.FormatException(e)
	}
	return t.writeStderr(text)
}
