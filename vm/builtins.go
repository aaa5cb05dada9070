package vm

import (
	"strings"
)

// The builtins module: its types, constants and functions. Functions
// whose implementation is long live in their own files (builtins_*.go)
// and are registered here by name through builtinFuncs.

// builtinFuncs are the functions of the builtins module, registered by
// the files that define them (from init functions).
var builtinFuncs = map[string]BuiltinFunc{}

// defBuiltin registers a builtin function.
func defBuiltin(name string, fn BuiltinFunc) { builtinFuncs[name] = fn }

// setupBuiltins makes the builtins and sys modules of an interpreter.
func (in *Interp) setupBuiltins() {
	finishTypes()
	b := NewModule("builtins")
	in.Builtins = b
	d := b.dict
	for _, tp := range builtinTypes() {
		if tp.builtinName() != "" {
			d.SetStr(tp.builtinName(), Value{o: tp})
		}
	}
	for _, tp := range exceptionTypesInOrder {
		d.SetStr(tp.Name, Value{o: tp})
	}
	d.SetStr("None", None)
	d.SetStr("True", True)
	d.SetStr("False", False)
	d.SetStr("Ellipsis", Ellipsis)
	d.SetStr("NotImplemented", NotImplemented)
	d.SetStr("__debug__", True)
	d.SetStr("EnvironmentError", Value{o: OSErrorType})
	d.SetStr("IOError", Value{o: OSErrorType})
	for name, fn := range builtinFuncs {
		bf := NewBuiltin(name, fn)
		bf.module = "builtins"
		bf.self = Value{o: b}
		bf.doc = builtinFuncDocs[name]
		d.SetStr(name, Value{o: bf})
	}
	bc := NewBuiltin("__build_class__", buildClass)
	bc.module = "builtins"
	bc.self = Value{o: b}
	bc.doc = "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper function used by the class statement."
	d.SetStr("__build_class__", Value{o: bc})
	addSiteBuiltins(d)
	d.SetStr("__doc__", NewStrValue(builtinsModuleDoc))
	in.Modules.SetStr("builtins", Value{o: b})
	in.setupSys()
}

const builtinsModuleDoc = "Built-in functions, types, exceptions, and other objects.\n\nThis module provides direct access to all 'built-in'\nidentifiers of Python; for example, builtins.len is\nthe full name for the built-in function len().\n\nThis module is not normally accessed explicitly by most\napplications, but can be useful in modules that provide\nobjects with the same name as a built-in value, but in\nwhich the built-in of that name is also needed."

// publicBuiltinTypes are the builtin types that the builtins module names.
var publicBuiltinTypes = map[*Type]bool{}

func init() {
	for _, tp := range []*Type{ObjectType, TypeType, IntType, BoolType, FloatType, ComplexType, StrType,
		BytesType, ByteArrayType, TupleType, ListType, DictType, SetType, FrozenSetType, RangeType,
		SliceType, PropertyType, ClassMethodType, StaticMethodType, SuperType} {
		publicBuiltinTypes[tp] = true
	}
}

// builtinName is the name under which the builtins module holds the type,
// or "".
func (tp *Type) builtinName() string {
	if publicBuiltinTypes[tp] {
		return tp.Name
	}
	return ""
}

func init() {
	onSetup(func() {
		for _, tp := range builtinTypes() {
			if doc, ok := builtinTypeDocs[tp.Name]; ok && (tp.builtinName() != "" || tp == NoneTypeType ||
				tp == NotImplementedTType || tp == EllipsisTypeType || tp == ZipType || tp == MapType ||
				tp == FilterType || tp == EnumerateType || tp == ReversedType) {
				tp.Doc = doc
				if _, has := tp.Dict.GetStr("__doc__"); !has {
					tp.Dict.SetStr("__doc__", NewStrValue(doc))
				}
			}
		}
	})
}

func init() {
	defBuiltin("print", builtinPrint)
	defBuiltin("len", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "len", args, kw); err != nil {
			return Null, err
		}
		n, err := Len(t, args[0])
		if err != nil {
			return Null, err
		}
		return Int(int64(n)), nil
	})
	defBuiltin("repr", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "repr", args, kw); err != nil {
			return Null, err
		}
		s, err := Repr(t, args[0])
		if err != nil {
			return Null, err
		}
		return Value{o: s}, nil
	})
	defBuiltin("ascii", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "ascii", args, kw); err != nil {
			return Null, err
		}
		s, err := ASCII(t, args[0])
		if err != nil {
			return Null, err
		}
		return Value{o: s}, nil
	})
	defBuiltin("isinstance", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "isinstance", args, kw, 2, 2); err != nil {
			return Null, err
		}
		r, err := IsInstance(t, args[0], args[1])
		return Bool(r), err
	})
	defBuiltin("issubclass", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "issubclass", args, kw, 2, 2); err != nil {
			return Null, err
		}
		r, err := IsSubclass(t, args[0], args[1])
		return Bool(r), err
	})
	defBuiltin("iter", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "iter", args, kw, 1, 2); err != nil {
			return Null, err
		}
		if len(args) == 2 {
			if !isCallable(args[0]) {
				return Null, t.typeErrorf("iter(v, w): v must be callable")
			}
			return Value{o: &callableIter{ObjectBase: ObjectBase{cls: callableIterType}, fn: args[0], sentinel: args[1]}}, nil
		}
		return Iter(t, args[0])
	})
	defBuiltin("next", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "next", args, kw, 1, 2); err != nil {
			return Null, err
		}
		if args[0].Type().Next == nil {
			return Null, t.typeErrorf("'%s' object is not an iterator", typeName(args[0]))
		}
		var v Value
		var err error
		if g, ok := args[0].o.(*Generator); ok && g.kind == genGenerator {
			v, err = genNextOrStop(t, g)
		} else if sameSlot(args[0].Type().Next, NextSlot(slotTpNext)) {
			// A class's __next__: its StopIteration reaches the caller
			// as raised (the slot turns it into the end for FOR_ITER).
			v, err = callDunder(t, args[0], Intern("__next__"))
		} else {
			v, err = Next(t, args[0])
		}
		if err != nil {
			if len(args) == 2 {
				if e := asException(err); e != nil && e.cls.IsSubtype(StopIterationType) {
					return args[1], nil
				}
			}
			return Null, err
		}
		if v.IsNull() {
			if len(args) == 2 {
				return args[1], nil
			}
			return Null, NewException(StopIterationType)
		}
		return v, nil
	})
	defBuiltin("getattr", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "getattr", args, kw, 2, 3); err != nil {
			return Null, err
		}
		name, ok := args[1].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("attribute name must be string, not '%s'", typeName(args[1]))
		}
		if len(args) == 3 {
			v, err := getAttrOpt(t, args[0], name)
			if err != nil {
				return Null, err
			}
			if v.IsNull() {
				return args[2], nil
			}
			return v, nil
		}
		return GetAttr(t, args[0], name)
	})
	defBuiltin("setattr", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "setattr", args, kw, 3, 3); err != nil {
			return Null, err
		}
		name, ok := args[1].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("attribute name must be string, not '%s'", typeName(args[1]))
		}
		return None, SetAttr(t, args[0], Intern(name.s), args[2])
	})
	defBuiltin("delattr", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "delattr", args, kw, 2, 2); err != nil {
			return Null, err
		}
		name, ok := args[1].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("attribute name must be string, not '%s'", typeName(args[1]))
		}
		return None, SetAttr(t, args[0], name, Null)
	})
	defBuiltin("hasattr", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "hasattr", args, kw, 2, 2); err != nil {
			return Null, err
		}
		name, ok := args[1].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("attribute name must be string, not '%s'", typeName(args[1]))
		}
		v, err := getAttrOpt(t, args[0], name)
		if err != nil {
			return Null, err
		}
		return Bool(!v.IsNull()), nil
	})
	defBuiltin("hash", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "hash", args, kw); err != nil {
			return Null, err
		}
		h, err := Hash(t, args[0])
		return Int(h), err
	})
	defBuiltin("id", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "id", args, kw); err != nil {
			return Null, err
		}
		return Int(identityOf(args[0])), nil
	})
	defBuiltin("callable", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "callable", args, kw); err != nil {
			return Null, err
		}
		return Bool(isCallable(args[0])), nil
	})
	defBuiltin("abs", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "abs", args, kw); err != nil {
			return Null, err
		}
		return Absolute(t, args[0])
	})
	defBuiltin("format", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "format", args, kw, 1, 2); err != nil {
			return Null, err
		}
		spec := emptyStr
		if len(args) == 2 {
			s, ok := args[1].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("format() argument 2 must be str, not %s", typeName(args[1]))
			}
			spec = s
		}
		r, err := Format(t, args[0], spec)
		if err != nil {
			return Null, err
		}
		return Value{o: r}, nil
	})
	defBuiltin("globals", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "globals", args, kw); err != nil {
			return Null, err
		}
		if t.frame == nil {
			return None, nil
		}
		return Value{o: t.frame.globals}, nil
	})
}

// isCallable reports whether v can be called.
func isCallable(v Value) bool {
	return v.Type().Call != nil
}

var printSpec = ArgSpec{Name: "print", Params: []string{"sep", "end", "file", "flush"}, KwOnly: 4}

// builtinPrint is print(*objects, sep=' ', end='\n', file=None, flush=False).
func builtinPrint(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	npos := len(args) - len(kw)
	var opts [4]Value
	if err := printSpec.Parse(t, args[npos:], kw, opts[:]); err != nil {
		return Null, err
	}
	sep, end := " ", "\n"
	for i, def := range []*string{&sep, &end} {
		v := opts[i]
		if v.IsNull() || v.IsNone() {
			continue
		}
		s, ok := v.o.(*Str)
		if !ok {
			return Null, t.typeErrorf("%s must be None or a string, not %s", []string{"sep", "end"}[i], typeName(v))
		}
		*def = s.s
	}
	file := opts[2]
	if file.IsNull() || file.IsNone() {
		f, ok := t.interp.Sys.dict.GetStr("stdout")
		if !ok || f.IsNone() {
			return None, nil
		}
		file = f
	}
	// A fast path for our own stdout object.
	if w, ok := file.o.(*TextStream); ok {
		var b strings.Builder
		for i, a := range args[:npos] {
			if i > 0 {
				b.WriteString(sep)
			}
			s, err := StrOf(t, a)
			if err != nil {
				return Null, err
			}
			b.WriteString(s.s)
		}
		b.WriteString(end)
		if err := w.write(t, b.String()); err != nil {
			return Null, err
		}
	} else {
		write, err := GetAttrString(t, file, "write")
		if err != nil {
			return Null, err
		}
		for i, a := range args[:npos] {
			if i > 0 {
				if _, err := t.Call(write, []Value{NewStrValue(sep)}, nil); err != nil {
					return Null, err
				}
			}
			s, err := StrOf(t, a)
			if err != nil {
				return Null, err
			}
			if _, err := t.Call(write, []Value{{o: s}}, nil); err != nil {
				return Null, err
			}
		}
		if _, err := t.Call(write, []Value{NewStrValue(end)}, nil); err != nil {
			return Null, err
		}
	}
	if !opts[3].IsNull() {
		fl, err := Truth(t, opts[3])
		if err != nil {
			return Null, err
		}
		if fl {
			m, err := GetAttrString(t, file, "flush")
			if err != nil {
				return Null, err
			}
			if _, err := t.Call(m, nil, nil); err != nil {
				return Null, err
			}
		}
	}
	return None, nil
}
