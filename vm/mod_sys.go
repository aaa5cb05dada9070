package vm

import (
	"path/filepath"
)

// The parts of sys that the standard library's modules read and the
// informational parts of sys (sys_info.go) leave out: the prefixes from
// the Lib/ folder in use, the import machinery's lists.

func init() {
	sysSetups = append(sysSetups, setupSysStdlib)
}

// instanceDictOf returns the instance dict of a heap object, made on
// first use.
func instanceDictOf(v Value) *Dict {
	b := v.o.(hasBase).base()
	if b.dict == nil {
		b.dict = NewDict()
	}
	return b.dict
}

// setupSysStdlib adds to sys what the standard library reads.
func setupSysStdlib(in *Interp, m *Module) {
	d := m.dict
	prefix := ""
	if in.PyLib != "" {
		prefix = filepath.Dir(filepath.Dir(in.PyLib))
	}
	for _, k := range []string{"prefix", "exec_prefix", "base_prefix", "base_exec_prefix"} {
		d.SetStr(k, NewStrValue(prefix))
	}
	d.SetStr("_stdlib_dir", NewStrValue(in.PyLib))
	d.SetStr("_xoptions", Value{o: NewDict()})
	d.SetStr("meta_path", Value{o: NewList()})
	d.SetStr("path_hooks", Value{o: NewList()})
	d.SetStr("path_importer_cache", Value{o: NewDict()})
	d.SetStr("_git", Value{o: NewTuple(NewStrValue("CPython"), NewStrValue(""), NewStrValue(""))})
	m.AddFunc("_is_gil_enabled", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return True, noArgs(t, "_is_gil_enabled", args, kw)
	})
	m.AddFunc("_clear_type_cache", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return None, noArgs(t, "_clear_type_cache", args, kw)
	})
}

// newSimpleNamespace makes a types.SimpleNamespace with the given
// attributes; the type is taken from sys.implementation, as types.py
// takes it.
func (t *Thread) newSimpleNamespace(attrs *Dict) (Value, error) {
	impl, ok := t.interp.Sys.dict.GetStr("implementation")
	if !ok {
		return Null, t.raise(RuntimeErrorType, "lost sys.implementation")
	}
	vals, names := dictToKwargs(attrs)
	return t.Call(Value{o: impl.Type()}, vals, names)
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
