package vm

import "strings"

// This file holds what the native modules (mod_*.go) share: the types
// they define, named as CPython's static types of extension modules are.
// Such a type's tp_name is dotted ("collections.deque"): CPython's
// messages print the whole of it ("'collections.deque' object is not
// callable"), while __name__ and __qualname__ are the part after the last
// dot and __module__ the part before. Our Type keeps the dotted name in
// Name (the one messages use), the short one in QualName, and the module
// in its namespace's __module__.

// nativeTypeModules remembers the module of each type made by nativeType,
// for the setup that writes __module__ into the namespaces.
var nativeTypeModules = map[*Type]string{}

// nativeType declares, in a file's variable initializers, a builtin type
// that belongs to a native module: nativeType("collections", "deque",
// nil, FlagBaseType).
func nativeType(module, name string, base *Type, flags TypeFlags) *Type {
	full := name
	if module != "" && module != "builtins" {
		full = module + "." + name
	}
	t := builtinType(full, base, flags)
	t.QualName = name
	nativeTypeModules[t] = module
	return t
}

func init() {
	onSetup(func() {
		for t, mod := range nativeTypeModules {
			t.Dict.SetStr("__module__", NewStrValue(mod))
		}
	})
}

// shortName is a type's __name__: the part of a builtin type's dotted
// name after the last dot.
func shortName(t *Type) string {
	if t.HasFlag(FlagHeapType) {
		return t.Name
	}
	if i := strings.LastIndexByte(t.Name, '.'); i >= 0 {
		return t.Name[i+1:]
	}
	return t.Name
}

// addType puts a type in a native module under its __name__.
func (m *Module) addType(tp *Type) { m.dict.SetStr(shortName(tp), Value{o: tp}) }

// builtinMethod is a shorthand for the Go functions of native modules.
type builtinMethod = func(t *Thread, self Value, args []Value, kw []*Str) (Value, error)

// kwArgs splits the arguments of a call: the positional ones and the
// keyword values by name.
func kwArgs(args []Value, kwnames []*Str) ([]Value, []Value) {
	n := len(args) - len(kwnames)
	return args[:n], args[n:]
}

// newInstanceOf allocates an instance of a class whose layout is object's
// (for the types of native modules that keep their state in Go structs,
// subclasses made in Python share the Go struct).
func isExactly(v Value, tp *Type) bool { return v.Type() == tp }
