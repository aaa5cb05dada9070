package vm

import (
	"crypto/subtle"
	"strings"
)

// The _operator module: the functions operator.py imports over its
// pure-Python definitions (each a thin call into the VM's operations) and
// the itemgetter, attrgetter and methodcaller types, with CPython's
// messages and reprs.

var (
	itemGetterType   = nativeType("operator", "itemgetter", nil, 0)
	attrGetterType   = nativeType("operator", "attrgetter", nil, 0)
	methodCallerType = nativeType("operator", "methodcaller", nil, 0)
)

type itemGetter struct {
	ObjectBase
	items []Value
}

type attrGetter struct {
	ObjectBase
	attrs [][]*Str // each a dotted path
}

type methodCaller struct {
	ObjectBase
	name    *Str
	args    []Value
	kwnames []*Str
	kwargs  []Value
}

func init() {
	onSetup(setupOperatorTypes)
	RegisterModule("_operator", initOperatorModule)
}

// opArgs checks the positional arguments of an _operator function:
// _PyArg_NoKeywords with the module's name, then _PyArg_CheckPositional.
func opArgs(t *Thread, name string, args []Value, kw []*Str, lo, hi int) error {
	if len(kw) > 0 {
		return t.typeErrorf("_operator.%s() takes no keyword arguments", name)
	}
	return checkPositional(t, name, args, nil, lo, hi)
}

// isSequenceLike is PySequence_Check.
func isSequenceLike(v Value) bool {
	if _, ok := v.o.(*Dict); ok {
		return false
	}
	return v.Type().GetItem != nil
}

// seqConcat is PySequence_Concat (and its in-place form).
func seqConcat(t *Thread, a, b Value, inplace bool) (Value, error) {
	tp := a.Type()
	if inplace && tp.SqInplaceConcat != nil {
		return tp.SqInplaceConcat(t, a, b)
	}
	if tp.SqConcat != nil {
		return tp.SqConcat(t, a, b)
	}
	if isSequenceLike(a) && isSequenceLike(b) {
		arg := 0
		if inplace {
			arg = 13
		}
		return BinaryOpArg(t, a, b, arg)
	}
	return Null, t.typeErrorf("'%s' object can't be concatenated", typeName(a))
}

// iterSearch is the iteration of _PySequence_IterSearch, with its
// message for what cannot be iterated.
func iterSearch(t *Thread, v Value) (Value, error) {
	it, err := Iter(t, v)
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(TypeErrorType) {
			return Null, t.typeErrorf("argument of type '%s' is not iterable", typeName(v))
		}
	}
	return it, err
}

// lengthHint is PyObject_LengthHint.
func lengthHint(t *Thread, v Value, def int) (int, error) {
	if v.Type().Len != nil {
		n, err := Len(t, v)
		if err == nil {
			return n, nil
		}
		if e := asException(err); e == nil || !e.cls.IsSubtype(TypeErrorType) {
			return 0, err
		}
	}
	m := lookupSpecialOpt(v, "__length_hint__")
	if m.IsNull() {
		return def, nil
	}
	r, err := t.Call(m, nil, nil)
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(TypeErrorType) {
			return def, nil
		}
		return 0, err
	}
	if r.Is(NotImplemented) {
		return def, nil
	}
	if !r.IsIntLike() {
		return 0, t.typeErrorf("__length_hint__ must be an integer, not %s", typeName(r))
	}
	n, err := AsSize(t, r, OverflowErrorType)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, t.valueErrorf("__length_hint__() should return >= 0")
	}
	return n, nil
}

func initOperatorModule(t *Thread, m *Module) error {
	m.Set("__doc__", NewStrValue("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience."))
	m.addType(itemGetterType)
	m.addType(attrGetterType)
	m.addType(methodCallerType)
	binary := func(name string, f func(t *Thread, a, b Value) (Value, error)) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := opArgs(t, name, args, kw, 2, 2); err != nil {
				return Null, err
			}
			return f(t, args[0], args[1])
		})
	}
	unary := func(name string, f func(t *Thread, v Value) (Value, error)) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if len(kw) > 0 {
				return Null, t.typeErrorf("_operator.%s() takes no keyword arguments", name)
			}
			if len(args) != 1 {
				return Null, t.typeErrorf("_operator.%s() takes exactly one argument (%d given)", name, len(args))
			}
			return f(t, args[0])
		})
	}
	// BINARY_OP's numbering: + & // << @ * % | ** >> - / ^.
	for name, arg := range map[string]int{"add": 0, "and_": 1, "floordiv": 2, "lshift": 3, "matmul": 4, "mul": 5,
		"mod": 6, "or_": 7, "pow": 8, "rshift": 9, "sub": 10, "truediv": 11, "xor": 12} {
		arg := arg
		binary(name, func(t *Thread, a, b Value) (Value, error) { return BinaryOpArg(t, a, b, arg) })
	}
	for name, arg := range map[string]int{"iadd": 0, "iand": 1, "ifloordiv": 2, "ilshift": 3, "imatmul": 4, "imul": 5,
		"imod": 6, "ior": 7, "ipow": 8, "irshift": 9, "isub": 10, "itruediv": 11, "ixor": 12} {
		arg := arg + 13
		binary(name, func(t *Thread, a, b Value) (Value, error) { return BinaryOpArg(t, a, b, arg) })
	}
	for name, op := range map[string]CompareOp{"lt": LT, "le": LE, "eq": EQ, "ne": NE, "gt": GT, "ge": GE} {
		op := op
		binary(name, func(t *Thread, a, b Value) (Value, error) { return RichCompare(t, a, b, op) })
	}
	binary("is_", func(t *Thread, a, b Value) (Value, error) { return Bool(a.Is(b)), nil })
	binary("is_not", func(t *Thread, a, b Value) (Value, error) { return Bool(!a.Is(b)), nil })
	binary("concat", func(t *Thread, a, b Value) (Value, error) { return seqConcat(t, a, b, false) })
	binary("iconcat", func(t *Thread, a, b Value) (Value, error) { return seqConcat(t, a, b, true) })
	binary("contains", func(t *Thread, a, b Value) (Value, error) {
		r, err := Contains(t, a, b)
		return Bool(r), err
	})
	binary("getitem", func(t *Thread, a, b Value) (Value, error) { return GetItem(t, a, b) })
	binary("delitem", func(t *Thread, a, b Value) (Value, error) { return None, SetItem(t, a, b, Null) })
	binary("countOf", func(t *Thread, a, b Value) (Value, error) {
		it, err := iterSearch(t, a)
		if err != nil {
			return Null, err
		}
		n := 0
		for {
			x, err := Next(t, it)
			if err != nil {
				return Null, err
			}
			if x.IsNull() {
				return Int(int64(n)), nil
			}
			eq := x.Is(b)
			if !eq {
				if eq, err = RichCompareBool(t, x, b, EQ); err != nil {
					return Null, err
				}
			}
			if eq {
				n++
			}
		}
	})
	binary("indexOf", func(t *Thread, a, b Value) (Value, error) {
		it, err := iterSearch(t, a)
		if err != nil {
			return Null, err
		}
		for i := 0; ; i++ {
			x, err := Next(t, it)
			if err != nil {
				return Null, err
			}
			if x.IsNull() {
				return Null, t.valueErrorf("sequence.index(x): x not in sequence")
			}
			eq := x.Is(b)
			if !eq {
				if eq, err = RichCompareBool(t, x, b, EQ); err != nil {
					return Null, err
				}
			}
			if eq {
				return Int(int64(i)), nil
			}
		}
	})
	binary("_compare_digest", func(t *Thread, a, b Value) (Value, error) {
		sa, aStr := a.o.(*Str)
		sb, bStr := b.o.(*Str)
		if aStr && bStr {
			if !sa.IsASCII() || !sb.IsASCII() {
				return Null, t.typeErrorf("comparing strings with non-ASCII characters is not supported")
			}
			return Bool(subtle.ConstantTimeCompare([]byte(sa.s), []byte(sb.s)) == 1), nil
		}
		ba, aok := bufferBytesOf(a)
		bb, bok := bufferBytesOf(b)
		if aStr || bStr || !aok || !bok {
			return Null, t.typeErrorf("unsupported operand types(s) or combination of types: '%s' and '%s'", typeName(a), typeName(b))
		}
		return Bool(subtle.ConstantTimeCompare(ba, bb) == 1), nil
	})
	unary("neg", func(t *Thread, v Value) (Value, error) { return Negative(t, v) })
	unary("pos", func(t *Thread, v Value) (Value, error) { return Positive(t, v) })
	unary("abs", func(t *Thread, v Value) (Value, error) { return Absolute(t, v) })
	unary("inv", func(t *Thread, v Value) (Value, error) { return Invert(t, v) })
	unary("invert", func(t *Thread, v Value) (Value, error) { return Invert(t, v) })
	unary("index", func(t *Thread, v Value) (Value, error) { return Index(t, v) })
	unary("not_", func(t *Thread, v Value) (Value, error) {
		b, err := Truth(t, v)
		return Bool(!b), err
	})
	unary("truth", func(t *Thread, v Value) (Value, error) {
		b, err := Truth(t, v)
		return Bool(b), err
	})
	m.AddFunc("setitem", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := opArgs(t, "setitem", args, kw, 3, 3); err != nil {
			return Null, err
		}
		return None, SetItem(t, args[0], args[1], args[2])
	})
	m.AddFunc("length_hint", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := opArgs(t, "length_hint", args, kw, 1, 2); err != nil {
			return Null, err
		}
		def := 0
		if len(args) == 2 {
			n, err := AsSize(t, args[1], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			def = n
		}
		n, err := lengthHint(t, args[0], def)
		return Int(int64(n)), err
	})
	m.AddFunc("call", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(args)-len(kw) < 1 {
			return Null, t.typeErrorf("call expected at least 1 argument, got 0")
		}
		return t.Call(args[0], args[1:], kw)
	})
	return nil
}

func setupOperatorTypes() {
	ig := itemGetterType
	ig.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if err := noKwargs(t, "itemgetter", kw); err != nil {
			return Null, err
		}
		if len(args) < 1 {
			return Null, t.typeErrorf("itemgetter expected 1 argument, got 0")
		}
		return Value{o: &itemGetter{ObjectBase: ObjectBase{cls: cls}, items: append([]Value(nil), args...)}}, nil
	}
	ig.Call = func(t *Thread, callable Value, args []Value, kw []*Str) (Value, error) {
		if err := noKwargs(t, "itemgetter", kw); err != nil {
			return Null, err
		}
		if err := checkPositional(t, "itemgetter", args, nil, 1, 1); err != nil {
			return Null, err
		}
		g := callable.o.(*itemGetter)
		if len(g.items) == 1 {
			return GetItem(t, args[0], g.items[0])
		}
		out := make([]Value, len(g.items))
		for i, k := range g.items {
			v, err := GetItem(t, args[0], k)
			if err != nil {
				return Null, err
			}
			out[i] = v
		}
		return Value{o: NewTuple(out...)}, nil
	}
	ig.Repr = func(t *Thread, v Value) (Value, error) {
		g := v.o.(*itemGetter)
		return operatorRepr(t, v, g.items, nil, nil)
	}
	defMethods(ig, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		g := self.o.(*itemGetter)
		return Value{o: NewTuple(Value{o: self.Type()}, Value{o: NewTuple(append([]Value(nil), g.items...)...)})}, nil
	}})

	ag := attrGetterType
	ag.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if err := noKwargs(t, "attrgetter", kw); err != nil {
			return Null, err
		}
		if len(args) < 1 {
			return Null, t.typeErrorf("attrgetter expected 1 argument, got 0")
		}
		g := &attrGetter{ObjectBase: ObjectBase{cls: cls}}
		for _, a := range args {
			s, ok := a.o.(*Str)
			if !ok {
				return Null, t.typeErrorf("attribute name must be a string")
			}
			var path []*Str
			for _, part := range strings.Split(s.s, ".") {
				path = append(path, Intern(part))
			}
			g.attrs = append(g.attrs, path)
		}
		return Value{o: g}, nil
	}
	ag.Call = func(t *Thread, callable Value, args []Value, kw []*Str) (Value, error) {
		if err := noKwargs(t, "attrgetter", kw); err != nil {
			return Null, err
		}
		if err := checkPositional(t, "attrgetter", args, nil, 1, 1); err != nil {
			return Null, err
		}
		g := callable.o.(*attrGetter)
		get := func(path []*Str) (Value, error) {
			v := args[0]
			for _, name := range path {
				r, err := GetAttr(t, v, name)
				if err != nil {
					return Null, err
				}
				v = r
			}
			return v, nil
		}
		if len(g.attrs) == 1 {
			return get(g.attrs[0])
		}
		out := make([]Value, len(g.attrs))
		for i, p := range g.attrs {
			v, err := get(p)
			if err != nil {
				return Null, err
			}
			out[i] = v
		}
		return Value{o: NewTuple(out...)}, nil
	}
	dotted := func(g *attrGetter) []Value {
		out := make([]Value, len(g.attrs))
		for i, p := range g.attrs {
			parts := make([]string, len(p))
			for j, s := range p {
				parts[j] = s.s
			}
			out[i] = NewStrValue(strings.Join(parts, "."))
		}
		return out
	}
	ag.Repr = func(t *Thread, v Value) (Value, error) {
		return operatorRepr(t, v, dotted(v.o.(*attrGetter)), nil, nil)
	}
	defMethods(ag, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Value{o: NewTuple(Value{o: self.Type()}, Value{o: NewTuple(dotted(self.o.(*attrGetter))...)})}, nil
	}})

	mc := methodCallerType
	mc.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		pos, kv := kwArgs(args, kw)
		if len(pos) < 1 {
			return Null, t.typeErrorf("methodcaller needs at least one argument, the method name")
		}
		name, ok := pos[0].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("method name must be a string")
		}
		return Value{o: &methodCaller{ObjectBase: ObjectBase{cls: cls}, name: Intern(name.s), args: append([]Value(nil), pos[1:]...),
			kwnames: append([]*Str(nil), kw...), kwargs: append([]Value(nil), kv...)}}, nil
	}
	mc.Call = func(t *Thread, callable Value, args []Value, kw []*Str) (Value, error) {
		if err := noKwargs(t, "methodcaller", kw); err != nil {
			return Null, err
		}
		if err := checkPositional(t, "methodcaller", args, nil, 1, 1); err != nil {
			return Null, err
		}
		c := callable.o.(*methodCaller)
		meth, err := GetAttr(t, args[0], c.name)
		if err != nil {
			return Null, err
		}
		return t.Call(meth, append(append([]Value(nil), c.args...), c.kwargs...), c.kwnames)
	}
	mc.Repr = func(t *Thread, v Value) (Value, error) {
		c := v.o.(*methodCaller)
		return operatorRepr(t, v, append([]Value{{o: c.name}}, c.args...), c.kwnames, c.kwargs)
	}
	defMethods(mc, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		c := self.o.(*methodCaller)
		if len(c.kwnames) == 0 {
			return Value{o: NewTuple(Value{o: self.Type()}, Value{o: NewTuple(append([]Value{{o: c.name}}, c.args...)...)})}, nil
		}
		ft, err := t.importModule("functools")
		if err != nil {
			return Null, err
		}
		partial, err := GetAttrString(t, ft, "partial")
		if err != nil {
			return Null, err
		}
		p, err := t.Call(partial, append([]Value{{o: self.Type()}, {o: c.name}}, c.kwargs...), c.kwnames)
		if err != nil {
			return Null, err
		}
		return Value{o: NewTuple(p, Value{o: NewTuple(append([]Value(nil), c.args...)...)})}, nil
	}})
}

// operatorRepr is "operator.itemgetter(1, 2)", with keyword arguments for
// methodcaller and "..." for a recursive repr.
func operatorRepr(t *Thread, v Value, args []Value, kwnames []*Str, kwargs []Value) (Value, error) {
	prefix := v.Type().ModuleName() + "." + v.Type().QualName
	if t.reprEnter(v) {
		return NewStrValue(prefix + "(...)"), nil
	}
	defer t.reprLeave(v)
	parts := make([]string, 0, len(args)+len(kwnames))
	for _, a := range args {
		r, err := Repr(t, a)
		if err != nil {
			return Null, err
		}
		parts = append(parts, r.s)
	}
	for i, k := range kwnames {
		r, err := Repr(t, kwargs[i])
		if err != nil {
			return Null, err
		}
		parts = append(parts, k.s+"="+r.s)
	}
	return NewStrValue(prefix + "(" + strings.Join(parts, ", ") + ")"), nil
}
