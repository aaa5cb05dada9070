package vm

import (
	"os"
	"path/filepath"
	"strings"
)

// The parts of sys that the standard library's modules need at import
// (sys.implementation, sys.flags, sys.version_info as a struct sequence,
// the encodings, the import machinery's lists), and types.SimpleNamespace,
// the type of sys.implementation.

// Namespace is a types.SimpleNamespace: an object whose attributes are
// its __dict__.
type Namespace struct {
	ObjectBase
}

// SimpleNamespaceType is types.SimpleNamespace.
var SimpleNamespaceType = nativeType("types", "SimpleNamespace", nil, FlagBaseType|FlagHasDict)

// NewNamespace returns a SimpleNamespace with the given attributes.
func NewNamespace(attrs *Dict) *Namespace {
	if attrs == nil {
		attrs = NewDict()
	}
	return &Namespace{ObjectBase{cls: SimpleNamespaceType, dict: attrs}}
}

func init() {
	onSetup(setupSimpleNamespace)
	sysSetups = append(sysSetups, setupSysStdlib)
}

func setupSimpleNamespace() {
	tp := SimpleNamespaceType
	tp.hashNone = true
	tp.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		return Value{o: &Namespace{ObjectBase{cls: cls, dict: NewDict()}}}, nil
	}
	tp.Init = func(t *Thread, self Value, args []Value, kwnames []*Str) error {
		pos, kv := kwArgs(args, kwnames)
		if len(pos) > 1 {
			return t.typeErrorf("SimpleNamespace expected at most 1 argument, got %d", len(pos))
		}
		d := self.o.(*Namespace).dict
		if len(pos) == 1 {
			tmp := NewDict()
			if err := dictUpdate(t, tmp, pos[0], false); err != nil {
				return err
			}
			var bad bool
			tmp.Items(func(k, v Value) bool {
				if _, ok := k.o.(*Str); !ok {
					bad = true
					return false
				}
				return true
			})
			if bad {
				return t.typeErrorf("keywords must be strings")
			}
			var err error
			tmp.Items(func(k, v Value) bool {
				err = d.Set(t, k, v)
				return err == nil
			})
			if err != nil {
				return err
			}
		}
		for i, k := range kwnames {
			d.setStr(k, kv[i])
		}
		return nil
	}
	tp.Repr = func(t *Thread, v Value) (Value, error) {
		name := "namespace"
		if v.Type() != SimpleNamespaceType {
			name = v.Type().Name
		}
		if t.reprEnter(v) {
			return NewStrValue(name + "(...)"), nil
		}
		defer t.reprLeave(v)
		var b strings.Builder
		b.WriteString(name)
		b.WriteByte('(')
		first := true
		var err error
		d := InstanceDict(v.o)
		if d != nil {
			d.Items(func(k, val Value) bool {
				ks, ok := k.o.(*Str)
				if !ok {
					return true
				}
				if !first {
					b.WriteString(", ")
				}
				first = false
				var r *Str
				r, err = Repr(t, val)
				if err != nil {
					return false
				}
				b.WriteString(ks.s)
				b.WriteByte('=')
				b.WriteString(r.s)
				return true
			})
		}
		if err != nil {
			return Null, err
		}
		b.WriteByte(')')
		return NewStrValue(b.String()), nil
	}
	tp.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		if !b.Type().IsSubtype(SimpleNamespaceType) || (op != EQ && op != NE) {
			if op == EQ || op == NE {
				return NotImplemented, nil
			}
		}
		if !b.Type().IsSubtype(SimpleNamespaceType) {
			return NotImplemented, nil
		}
		da, db := nsDict(a), nsDict(b)
		return RichCompare(t, Value{o: da}, Value{o: db}, op)
	}
	defGetSet(tp, "__dict__", func(t *Thread, self Value) (Value, error) {
		return Value{o: nsDict(self)}, nil
	}, nil)
	defMethods(tp, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Value{o: NewTuple(Value{o: self.Type()}, Value{o: emptyTuple}, Value{o: nsDict(self)})}, nil
	}}, MethodDef{Name: "__replace__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(args) > len(kw) {
			return Null, t.typeErrorf("__replace__() takes no positional arguments")
		}
		r, err := t.Call(Value{o: self.Type()}, nil, nil)
		if err != nil {
			return Null, err
		}
		nd := nsDict(r)
		nsDict(self).Items(func(k, v Value) bool {
			nd.Set(t, k, v)
			return true
		})
		_, kv := kwArgs(args, kw)
		for i, k := range kw {
			nd.setStr(k, kv[i])
		}
		return r, nil
	}})
}

// nsDict returns the namespace dict of a SimpleNamespace.
func nsDict(v Value) *Dict {
	b := v.o.(hasBase).base()
	if b.dict == nil {
		b.dict = NewDict()
	}
	return b.dict
}

// The struct sequences of sys.
var (
	sysFlagsSeq = newStructSeq("sys", "flags", []string{"debug", "inspect", "interactive", "optimize",
		"dont_write_bytecode", "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
		"quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
		"safe_path", "int_max_str_digits", "gil"}, 18, true)
	sysVersionInfoSeq = newStructSeq("sys", "version_info", []string{"major", "minor", "micro", "releaselevel", "serial"}, 5, true)
	sysHashInfoSeq    = newStructSeq("sys", "hash_info", []string{"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"}, 9, true)
	sysIntInfoSeq     = newStructSeq("sys", "int_info", []string{"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"}, 4, true)
	sysThreadInfoSeq  = newStructSeq("sys", "thread_info", []string{"name", "lock", "version"}, 3, true)
)

// setupSysStdlib adds to sys what the standard library reads.
func setupSysStdlib(in *Interp, m *Module) {
	d := m.dict
	versionInfo := sysVersionInfoSeq.make(Int(3), Int(13), Int(0), NewStrValue("final"), Int(0))
	d.SetStr("version_info", versionInfo)
	d.SetStr("version", NewStrValue("3.13.0 (main, peephole) [Go]"))
	impl := NewDict()
	impl.SetStr("name", NewStrValue("cpython"))
	impl.SetStr("cache_tag", NewStrValue("cpython-313"))
	impl.SetStr("version", versionInfo)
	impl.SetStr("hexversion", Int(0x030d00f0))
	impl.SetStr("_multiarch", NewStrValue("x86_64-linux-gnu"))
	d.SetStr("implementation", Value{o: NewNamespace(impl)})
	hashSeed := 0
	if s := os.Getenv("PYTHONHASHSEED"); s != "" && s != "0" {
		hashSeed = 1
	} else if s == "" {
		hashSeed = 1
	}
	d.SetStr("flags", sysFlagsSeq.make(Int(0), Int(0), Int(0), Int(0), Int(1), Int(0), Int(0), Int(0),
		Int(0), Int(0), Int(0), Int(int64(hashSeed)), Int(0), False, Int(0), Int(0), False, Int(4300), Int(1)))
	d.SetStr("hash_info", sysHashInfoSeq.make(Int(64), Int(2305843009213693951), Int(314159), Int(0),
		Int(1000003), NewStrValue("siphash13"), Int(64), Int(128), Int(0)))
	d.SetStr("int_info", sysIntInfoSeq.make(Int(30), Int(4), Int(4300), Int(640)))
	d.SetStr("thread_info", sysThreadInfoSeq.make(NewStrValue("pthread"), NewStrValue("semaphore"), NewStrValue("NPTL 2.36")))
	d.SetStr("maxunicode", Int(0x10ffff))
	prefix := ""
	if in.PyLib != "" {
		prefix = filepath.Dir(filepath.Dir(in.PyLib))
	}
	for _, k := range []string{"prefix", "exec_prefix", "base_prefix", "base_exec_prefix"} {
		d.SetStr(k, NewStrValue(prefix))
	}
	d.SetStr("_stdlib_dir", NewStrValue(in.PyLib))
	d.SetStr("platlibdir", NewStrValue("lib"))
	d.SetStr("abiflags", NewStrValue(""))
	d.SetStr("api_version", Int(1013))
	d.SetStr("pycache_prefix", None)
	d.SetStr("float_repr_style", NewStrValue("short"))
	d.SetStr("copyright", NewStrValue("Copyright (c) 2001-2024 Python Software Foundation.\nAll Rights Reserved."))
	d.SetStr("warnoptions", Value{o: NewList()})
	d.SetStr("_xoptions", Value{o: NewDict()})
	d.SetStr("meta_path", Value{o: NewList()})
	d.SetStr("path_hooks", Value{o: NewList()})
	d.SetStr("path_importer_cache", Value{o: NewDict()})
	d.SetStr("orig_argv", Value{o: strList(append([]string{"python3.13"}, in.Argv...))})
	d.SetStr("_git", Value{o: NewTuple(NewStrValue("CPython"), NewStrValue(""), NewStrValue(""))})
	constStr := func(name, value string) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, name, args, kw); err != nil {
				return Null, err
			}
			return NewStrValue(value), nil
		})
	}
	constStr("getfilesystemencoding", "utf-8")
	constStr("getfilesystemencodeerrors", "surrogateescape")
	constStr("getdefaultencoding", "utf-8")
	noneFunc := func(name string, lo, hi int) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, name, args, kw, lo, hi); err != nil {
				return Null, err
			}
			return None, nil
		})
	}
	noneFunc("settrace", 1, 1)
	noneFunc("setprofile", 1, 1)
	noneFunc("gettrace", 0, 0)
	noneFunc("getprofile", 0, 0)
	noneFunc("addaudithook", 1, 1)
	m.AddFunc("audit", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(args)-len(kw) < 1 {
			return Null, t.typeErrorf("audit() missing 1 required positional argument: 'event'")
		}
		if _, ok := args[0].o.(*Str); !ok {
			return Null, t.typeErrorf("expected str for argument 'event', not %s", typeName(args[0]))
		}
		return None, nil
	})
	m.AddFunc("is_finalizing", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return False, noArgs(t, "is_finalizing", args, kw)
	})
	m.AddFunc("getrefcount", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "getrefcount", args, kw); err != nil {
			return Null, err
		}
		return Int(2), nil
	})
	m.AddFunc("getsizeof", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "getsizeof", args, kw, 1, 2); err != nil {
			return Null, err
		}
		if sz := lookupSpecialOpt(args[0], "__sizeof__"); !sz.IsNull() {
			r, err := t.Call(sz, nil, nil)
			if err != nil {
				return Null, err
			}
			n, err := AsSize(t, r, OverflowErrorType)
			if err != nil {
				return Null, err
			}
			return Int(int64(n) + 16), nil
		}
		return Int(56), nil
	})
	m.AddFunc("getswitchinterval", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Float(0.005), noArgs(t, "getswitchinterval", args, kw)
	})
	m.AddFunc("setswitchinterval", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return None, oneArg(t, "setswitchinterval", args, kw)
	})
	m.AddFunc("_is_gil_enabled", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return True, nil
	})
	m.AddFunc("_clear_type_cache", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
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
}

// lookupSpecialOpt returns the bound special method name of v, or NULL.
func lookupSpecialOpt(v Value, name string) Value {
	m := v.Type().LookupString(name)
	if m.IsNull() {
		return m
	}
	if f, ok := m.o.(*Function); ok {
		return Value{o: NewMethod(Value{o: f}, v)}
	}
	if md, ok := m.o.(*MethodDescr); ok {
		return Value{o: md.bind(v)}
	}
	return m
}
