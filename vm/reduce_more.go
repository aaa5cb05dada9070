package vm

// __reduce__ of builtin types whose instances pickle and copy without a
// __dict__ of their own (the copyreg fallback refuses them):
//
//   - builtin_function_or_method (meth_reduce): a function of a module
//     reduces to its name, which pickle saves as a global of its
//     __module__; a method bound to an object reduces to
//     getattr(obj, name). pickle's protocols 0-2 save bytes through
//     codecs.encode, a builtin.
//   - types.SimpleNamespace (namespace_reduce): (type(self), (), __dict__).
//   - range and slice: (type, (start, stop, step)).

func init() { onSetup(setupReduceMore) }

func setupReduceMore() {
	defMethods(BuiltinFunctionType, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "builtin_function_or_method.__reduce__", args, kw); err != nil {
			return Null, err
		}
		b := self.o.(*Builtin)
		if _, ofModule := b.self.o.(*Module); b.self.IsNull() || ofModule {
			return NewStrValue(b.name), nil
		}
		getattr, err := t.builtinValue("getattr")
		if err != nil {
			return Null, err
		}
		return Value{o: NewTuple(getattr, Value{o: NewTuple(b.self, NewStrValue(b.name))})}, nil
	}})
	defMethods(SimpleNamespaceType, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "SimpleNamespace.__reduce__", args, kw); err != nil {
			return Null, err
		}
		ns := self.o.(*Namespace)
		return Value{o: NewTuple(Value{o: self.Type()}, Value{o: emptyTuple}, Value{o: ns.nsDict()})}, nil
	}})
	defMethods(RangeType, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "range.__reduce__", args, kw); err != nil {
			return Null, err
		}
		r := self.o.(*Range)
		return Value{o: NewTuple(Value{o: RangeType}, Value{o: NewTuple(r.start, r.stop, r.step)})}, nil
	}})
	defMethods(SliceType, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "slice.__reduce__", args, kw); err != nil {
			return Null, err
		}
		s := self.o.(*Slice)
		return Value{o: NewTuple(Value{o: SliceType}, Value{o: NewTuple(s.Start, s.Stop, s.Step)})}, nil
	}})
}

// builtinModuleName is a module function's __module__: the __name__
// of its module (the same str object, as CPython's m_module is), which
// pickle memoizes by identity.
func builtinModuleName(t *Thread, b *Builtin) Value {
	m, _ := b.self.o.(*Module)
	if m == nil {
		if v, ok := t.interp.Modules.GetStr(b.module); ok {
			m, _ = v.o.(*Module)
		}
	}
	if m != nil {
		if v, ok := m.dict.GetStr("__name__"); ok {
			if s, ok := v.o.(*Str); ok && s.s == b.module {
				return v
			}
		}
	}
	return NewStrValue(b.module)
}

// builtinValue is a name of the interpreter's builtins module.
func (t *Thread) builtinValue(name string) (Value, error) {
	if v, ok := t.interp.Builtins.dict.GetStr(name); ok {
		return v, nil
	}
	return Null, t.raisef(AttributeErrorType, "module 'builtins' has no attribute '%s'", name)
}
