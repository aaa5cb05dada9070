package vm

import (
	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// The modules importlib's bootstrap needs when it sets itself up from
// Python (there is no frozen importlib here): _imp (builtin modules are
// the native ones, created through the VM's import system; nothing is
// frozen), _warnings (empty, so that warnings.py keeps its Python
// implementation), and marshal (over the compiler's reader and writer of
// the marshal format).

func init() {
	RegisterModule("_warnings", func(t *Thread, m *Module) error {
		m.Set("__doc__", NewStrValue("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up."))
		return nil
	})
	RegisterModule("_imp", initImpModule)
	RegisterModule("marshal", initMarshalModule)
}

func initImpModule(t *Thread, m *Module) error {
	m.Set("__doc__", NewStrValue("(Extremely) low-level import machinery bits as used by importlib."))
	m.Set("check_hash_based_pycs", NewStrValue("default"))
	m.Set("pyc_magic_number_token", Int(3571+(int64('\r')<<16)+(int64('\n')<<24)))
	noArgsNone := func(name string) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return None, noArgs(t, name, args, kw)
		})
	}
	noArgsNone("acquire_lock")
	noArgsNone("release_lock")
	m.AddFunc("lock_held", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return False, noArgs(t, "lock_held", args, kw)
	})
	nameArg := func(t *Thread, name string, args []Value, kw []*Str) (string, error) {
		if err := oneArg(t, name, args, kw); err != nil {
			return "", err
		}
		s, ok := args[0].o.(*Str)
		if !ok {
			return "", t.typeErrorf("%s() argument must be str, not %s", name, typeName(args[0]))
		}
		return s.s, nil
	}
	m.AddFunc("is_builtin", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		name, err := nameArg(t, "is_builtin", args, kw)
		if err != nil {
			return Null, err
		}
		if name == "sys" || name == "builtins" {
			return Int(-1), nil
		}
		if _, ok := nativeModule(name); ok {
			return Int(1), nil
		}
		return Int(0), nil
	})
	for _, name := range []string{"is_frozen", "is_frozen_package"} {
		name := name
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			_, err := nameArg(t, name, args, kw)
			return False, err
		})
	}
	m.AddFunc("find_frozen", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(args)-len(kw) < 1 {
			return Null, t.typeErrorf("find_frozen() missing required argument 'name' (pos 1)")
		}
		return None, nil
	})
	frozenErr := func(name string) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			n := ""
			if len(args) > 0 {
				if s, ok := args[0].o.(*Str); ok {
					n = s.s
				}
			}
			e := NewException(ImportErrorType, NewStrValue("No such frozen object named "+reprString(n)))
			e.Name = NewStrValue(n)
			return Null, e
		})
	}
	frozenErr("get_frozen_object")
	frozenErr("init_frozen")
	m.AddFunc("create_builtin", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "create_builtin", args, kw); err != nil {
			return Null, err
		}
		nv, err := GetAttrString(t, args[0], "name")
		if err != nil {
			return Null, err
		}
		name, ok := nv.o.(*Str)
		if !ok {
			return Null, t.typeErrorf("name must be string, not %s", typeName(nv))
		}
		if mod, ok := t.interp.Modules.GetStr(name.s); ok {
			return mod, nil
		}
		if name.s == "sys" {
			return Value{o: t.interp.Sys}, nil
		}
		if name.s == "builtins" {
			return Value{o: t.interp.Builtins}, nil
		}
		init, ok := nativeModule(name.s)
		if !ok {
			return None, nil
		}
		return t.loadNative(name.s, init)
	})
	m.AddFunc("exec_builtin", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Int(0), oneArg(t, "exec_builtin", args, kw)
	})
	m.AddFunc("exec_dynamic", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Int(0), oneArg(t, "exec_dynamic", args, kw)
	})
	m.AddFunc("create_dynamic", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Null, t.raise(ImportErrorType, "peephole cannot load C extension modules")
	})
	m.AddFunc("extension_suffixes", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "extension_suffixes", args, kw); err != nil {
			return Null, err
		}
		return Value{o: strList([]string{".cpython-313-x86_64-linux-gnu.so", ".abi3.so", ".so"})}, nil
	})
	m.AddFunc("_fix_co_filename", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return None, checkPositional(t, "_fix_co_filename", args, kw, 2, 2)
	})
	m.AddFunc("_override_frozen_modules_for_tests", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return None, nil
	})
	m.AddFunc("_override_multi_interp_extensions_check", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Int(-1), nil
	})
	m.AddFunc("_frozen_module_names", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Value{o: emptyTuple}, nil
	})
	m.AddFunc("source_hash", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		spec := ArgSpec{Name: "source_hash", Params: []string{"key", "source"}, Required: 2, KwOnly: 0}
		var a [2]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		key, err := AsSize(t, a[0], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		src, ok := bufferBytesOf(a[1])
		if !ok {
			return Null, t.typeErrorf("a bytes-like object is required, not '%s'", typeName(a[1]))
		}
		h := pyconst.SipHash13(uint64(key), 0, src)
		var out [8]byte
		for i := range out {
			out[i] = byte(h >> (8 * i))
		}
		return Value{o: NewBytes(out[:])}, nil
	})
	return nil
}

// valueToConst converts a value marshal can hold to the compiler's
// representation.
func (t *Thread) valueToConst(v Value, depth int) (compiler.Const, error) {
	if depth > 2000 {
		return nil, t.valueErrorf("object too deeply nested to marshal")
	}
	switch {
	case v.IsNone():
		return pyconst.None, nil
	case v.Is(Ellipsis):
		return pyconst.Ellipsis, nil
	case v.IsBool():
		return pyconst.Bool(v.n != 0), nil
	case v.IsSmallInt():
		return pyconst.IntFromInt64(v.SmallInt()), nil
	case v.IsFloat():
		return pyconst.Float(v.FloatVal()), nil
	}
	if v.o == Object(StopIterationType) {
		return compiler.StopIteration, nil
	}
	switch o := v.o.(type) {
	case *BigInt:
		return pyconst.IntFromBig(o.v), nil
	case *Complex:
		return pyconst.Complex{Real: o.Real, Imag: o.Imag}, nil
	case *Str:
		return pyconst.Str(o.s), nil
	case *Bytes:
		return pyconst.Bytes(o.b), nil
	case *ByteArray:
		return pyconst.Bytes(o.b), nil
	case *Code:
		return o.co, nil
	case *Tuple:
		items := make([]compiler.Const, len(o.items))
		allConst := true
		for i, x := range o.items {
			c, err := t.valueToConst(x, depth+1)
			if err != nil {
				return nil, err
			}
			items[i] = c
			if _, ok := c.(pyconst.Value); !ok {
				allConst = false
			}
		}
		if allConst {
			tu := make(pyconst.Tuple, len(items))
			for i, c := range items {
				tu[i] = c.(pyconst.Value)
			}
			return tu, nil
		}
		return compiler.AnyTuple(items), nil
	case *List:
		items := make(compiler.List, len(o.items))
		for i, x := range o.items {
			c, err := t.valueToConst(x, depth+1)
			if err != nil {
				return nil, err
			}
			items[i] = c
		}
		return items, nil
	case *Dict:
		var d compiler.Dict
		var err error
		o.Items(func(k, val Value) bool {
			var kc, vc compiler.Const
			if kc, err = t.valueToConst(k, depth+1); err != nil {
				return false
			}
			if vc, err = t.valueToConst(val, depth+1); err != nil {
				return false
			}
			d = append(d, compiler.DictItem{Key: kc, Value: vc})
			return true
		})
		return d, err
	case *Set, *FrozenSet:
		items, err := t.collectIterable(v, nil)
		if err != nil {
			return nil, err
		}
		var out []compiler.Const
		allConst := true
		for _, x := range items {
			c, err := t.valueToConst(x, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, c)
			if _, ok := c.(pyconst.Value); !ok {
				allConst = false
			}
		}
		if _, isSet := o.(*Set); isSet {
			return compiler.Set(out), nil
		}
		if allConst {
			vals := make([]pyconst.Value, len(out))
			for i, c := range out {
				vals[i] = c.(pyconst.Value)
			}
			return pyconst.NewFrozenSet(vals), nil
		}
		return compiler.AnyFrozenSet(out), nil
	}
	return nil, t.valueErrorf("unmarshallable object")
}

// constToValue converts what Unmarshal returns into a value.
func (t *Thread) constToValue(c compiler.Const) (Value, error) {
	switch x := c.(type) {
	case *compiler.Code:
		return Value{o: NewCode(x)}, nil
	case pyconst.Value:
		return FromConst(x), nil
	case compiler.StopIterationType:
		return Value{o: StopIterationType}, nil
	case compiler.List:
		items, err := t.constsToValues(x)
		if err != nil {
			return Null, err
		}
		return Value{o: NewList(items...)}, nil
	case compiler.AnyTuple:
		items, err := t.constsToValues(x)
		if err != nil {
			return Null, err
		}
		return Value{o: NewTuple(items...)}, nil
	case compiler.Set:
		items, err := t.constsToValues(x)
		if err != nil {
			return Null, err
		}
		s := NewSet()
		for _, it := range items {
			if err := s.Add(t, it); err != nil {
				return Null, err
			}
		}
		return Value{o: s}, nil
	case compiler.AnyFrozenSet:
		items, err := t.constsToValues(x)
		if err != nil {
			return Null, err
		}
		fs, err := newFrozenSetFrom(t, items)
		if err != nil {
			return Null, err
		}
		return Value{o: fs}, nil
	case compiler.Dict:
		d := NewDict()
		for _, it := range x {
			k, err := t.constToValue(it.Key)
			if err != nil {
				return Null, err
			}
			v, err := t.constToValue(it.Value)
			if err != nil {
				return Null, err
			}
			if err := d.Set(t, k, v); err != nil {
				return Null, err
			}
		}
		return Value{o: d}, nil
	}
	return Null, t.valueErrorf("bad marshal data (unknown type code)")
}

func (t *Thread) constsToValues(cs []compiler.Const) ([]Value, error) {
	out := make([]Value, len(cs))
	for i, c := range cs {
		v, err := t.constToValue(c)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func initMarshalModule(t *Thread, m *Module) error {
	m.Set("version", Int(compiler.MarshalVersion))
	dumps := func(t *Thread, v Value) (Value, error) {
		c, err := t.valueToConst(v, 0)
		if err != nil {
			return Null, err
		}
		b, err := compiler.Marshal(c)
		if err != nil {
			return Null, t.valueErrorf("%s", err.Error())
		}
		return Value{o: NewBytes(b)}, nil
	}
	loads := func(t *Thread, data []byte) (Value, error) {
		c, err := compiler.Unmarshal(data)
		if err != nil {
			if me, ok := err.(*compiler.MarshalError); ok {
				switch me.Kind {
				case "EOFError":
					return Null, t.raise(EOFErrorType, me.Msg)
				case "TypeError":
					return Null, t.typeErrorf("%s", me.Msg)
				}
				return Null, t.valueErrorf("%s", me.Msg)
			}
			return Null, t.valueErrorf("%s", err.Error())
		}
		return t.constToValue(c)
	}
	m.AddFunc("dumps", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		spec := ArgSpec{Name: "dumps", Params: []string{"value", "version", "allow_code"}, PosOnly: 2, Required: 1, KwOnly: 1}
		var a [3]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		return dumps(t, a[0])
	})
	m.AddFunc("loads", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		spec := ArgSpec{Name: "loads", Params: []string{"bytes", "allow_code"}, PosOnly: 1, Required: 1, KwOnly: 1}
		var a [2]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		data, ok := bufferBytesOf(a[0])
		if !ok {
			return Null, t.typeErrorf("a bytes-like object is required, not '%s'", typeName(a[0]))
		}
		return loads(t, data)
	})
	m.AddFunc("dump", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(args)-len(kw) < 2 {
			return Null, t.typeErrorf("dump expected at least 2 arguments, got %d", len(args)-len(kw))
		}
		b, err := dumps(t, args[0])
		if err != nil {
			return Null, err
		}
		_, err = callMethodName(t, args[1], "write", b)
		return None, err
	})
	m.AddFunc("load", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(args)-len(kw) < 1 {
			return Null, t.typeErrorf("load() missing required argument 'file' (pos 1)")
		}
		r, err := callMethodName(t, args[0], "read")
		if err != nil {
			return Null, err
		}
		data, ok := bufferBytesOf(r)
		if !ok {
			return Null, t.typeErrorf("file.read() returned not bytes but %s", typeName(r))
		}
		return loads(t, data)
	})
	return nil
}
