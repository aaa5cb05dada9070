package vm

import (
	"strings"

	c "github.com/peephole-lsp/peephole/compiler"
)

// PEP 695 type parameters: TypeVar, ParamSpec (with its .args and
// .kwargs), TypeVarTuple, TypeAliasType, typing.NoDefault and
// typing.Generic, as CPython 3.13's Objects/typevarobject.c defines them
// and the intrinsics of `def f[T]()`, `class C[T]:` and
// `type A[T] = ...` make them. Bounds, constraints, defaults and alias
// values are evaluated lazily, on first access, by calling the functions
// the compiler made for them. The types are exposed by the native
// `_typing` module, from which typing.py imports them.
//
// Parts of this machinery are Python code in CPython (typing.py's
// _GenericAlias, _generic_class_getitem, _generic_init_subclass,
// Unpack, the Union of `T | int`). When the typing module has been
// imported, those are called; otherwise a native equivalent
// (typingAlias) gives the same results for the common cases: C[int] is
// "__main__.C[int]", Generic[T] a base that brings Generic into the MRO,
// *Ts "typing.Unpack[Ts]", T | None "typing.Optional[T]".

// Kinds of type parameters.
const (
	tpTypeVar = iota
	tpParamSpec
	tpTypeVarTuple
)

// TypeParam is a TypeVar, a ParamSpec or a TypeVarTuple.
type TypeParam struct {
	ObjectBase
	kind int
	name *Str
	// bound, constraints and def are the values once known (def is
	// noDefault when there is none); the eval functions compute them.
	bound, evalBound             Value
	constraints, evalConstraints Value
	def, evalDefault             Value
	covariant, contravariant     bool
	inferVariance                bool
}

// paramSpecAttr is P.args or P.kwargs.
type paramSpecAttr struct {
	ObjectBase
	origin Value
}

// TypeAlias is typing.TypeAliasType: the value of a `type` statement.
type TypeAlias struct {
	ObjectBase
	name         *Str
	typeParams   Value // a tuple, or NULL for none
	computeValue Value // the function computing the value, or NULL
	value        Value // NULL until computed
	module       Value
}

// noDefaultObj is typing.NoDefault.
type noDefaultObj struct{ ObjectBase }

// Kinds of the native stand-ins for typing.py's aliases.
const (
	aliasGeneric = iota
	aliasUnion
	aliasUnpack
)

// typingAlias stands for typing._GenericAlias (C[int], Generic[T]),
// typing.Union[...] and typing.Unpack[Ts] when typing.py is not loaded.
type typingAlias struct {
	ObjectBase
	kind   int
	origin Value
	args   *Tuple
	params *Tuple
}

var (
	typeVarType         = builtinType("TypeVar", nil, FlagHasDict)
	paramSpecType       = builtinType("ParamSpec", nil, FlagHasDict)
	typeVarTupleType    = builtinType("TypeVarTuple", nil, FlagHasDict)
	paramSpecArgsType   = builtinType("ParamSpecArgs", nil, 0)
	paramSpecKwargsType = builtinType("ParamSpecKwargs", nil, 0)
	typeAliasType       = builtinType("TypeAliasType", nil, 0)
	noDefaultType       = builtinType("NoDefaultType", nil, 0)
	// GenericType is typing.Generic.
	GenericType        = builtinType("Generic", nil, FlagBaseType)
	genericAliasTType  = builtinType("_GenericAlias", nil, 0)
	unionAliasTType    = builtinType("_UnionGenericAlias", nil, 0)
	unpackAliasTType   = builtinType("_UnpackGenericAlias", nil, 0)
	noDefault          = &noDefaultObj{}
	noDefaultV         = Value{o: noDefault}
	typingModuleTypes  = []*Type{typeVarType, paramSpecType, typeVarTupleType, paramSpecArgsType, paramSpecKwargsType, typeAliasType, GenericType, genericAliasTType, unionAliasTType, unpackAliasTType}
	typeParamKindNames = [...]string{"typevar", "paramspec", "typevartuple"}
)

func init() {
	typingHook1 = typingIntrinsic1
	typingHook2 = typingIntrinsic2
	onSetup(setupTypeVars)
	RegisterModule("_typing", func(t *Thread, m *Module) error {
		for _, tp := range []*Type{typeVarType, paramSpecType, typeVarTupleType, paramSpecArgsType, paramSpecKwargsType, typeAliasType, GenericType} {
			m.Set(tp.Name, Value{o: tp})
		}
		m.Set("NoDefault", noDefaultV)
		m.AddFunc("_idfunc", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "_idfunc", args, kw); err != nil {
				return Null, err
			}
			return args[0], nil
		})
		return nil
	})
}

// newTypeParam makes a type parameter as the intrinsics do (variance
// inferred).
func newTypeParam(kind int, name *Str) *TypeParam {
	cls := [...]*Type{typeVarType, paramSpecType, typeVarTupleType}[kind]
	return &TypeParam{ObjectBase: ObjectBase{cls: cls, dict: NewDict()}, kind: kind, name: name, inferVariance: true}
}

// typingIntrinsic1 is CALL_INTRINSIC_1 for type parameters and aliases.
func typingIntrinsic1(t *Thread, which int, v Value) (Value, error) {
	switch which {
	case c.IntrinsicTypeVar:
		return Value{o: newTypeParam(tpTypeVar, v.o.(*Str))}, nil
	case c.IntrinsicParamSpec:
		return Value{o: newTypeParam(tpParamSpec, v.o.(*Str))}, nil
	case c.IntrinsicTypeVarTuple:
		return Value{o: newTypeParam(tpTypeVarTuple, v.o.(*Str))}, nil
	case c.IntrinsicSubscriptGeneric:
		params, err := t.unpackTypeVarTuples(v.o.(*Tuple))
		if err != nil {
			return Null, err
		}
		if f, ok := t.typingAttr("_GenericAlias"); ok {
			return t.Call(f, []Value{{o: GenericType}, {o: params}}, nil)
		}
		return Value{o: t.newTypingAlias(aliasGeneric, Value{o: GenericType}, params)}, nil
	case c.IntrinsicTypeAlias:
		tu := v.o.(*Tuple)
		ta := &TypeAlias{ObjectBase: ObjectBase{cls: typeAliasType}, name: tu.items[0].o.(*Str), computeValue: tu.items[2]}
		if p, ok := tu.items[1].o.(*Tuple); ok && p.Len() > 0 {
			ta.typeParams = tu.items[1]
		}
		return Value{o: ta}, nil
	}
	return Null, t.raisef(SystemErrorType, "unknown intrinsic %d", which)
}

// typingIntrinsic2 is CALL_INTRINSIC_2 for bounds, constraints and
// defaults.
func typingIntrinsic2(t *Thread, which int, v1, v2 Value) (Value, error) {
	switch which {
	case c.Intrinsic2TypeVarWithBound:
		tp := newTypeParam(tpTypeVar, v1.o.(*Str))
		tp.evalBound = v2
		return Value{o: tp}, nil
	case c.Intrinsic2TypeVarWithCons:
		tp := newTypeParam(tpTypeVar, v1.o.(*Str))
		tp.evalConstraints = v2
		return Value{o: tp}, nil
	case c.Intrinsic2SetTypeParamDflt:
		tp, ok := v1.o.(*TypeParam)
		if !ok {
			r, _ := Repr(t, v1)
			return Null, t.typeErrorf("Expected a type param, got %s", r)
		}
		tp.evalDefault = v2
		return v1, nil
	}
	return Null, t.raisef(SystemErrorType, "unknown intrinsic %d", which)
}

// typingAttr returns an attribute of the typing module when it has been
// imported (or is being imported: typing.py's own generic classes are
// made while it runs, as in CPython).
func (t *Thread) typingAttr(name string) (Value, bool) {
	m, ok := t.interp.Modules.GetStr("typing")
	if !ok {
		return Null, false
	}
	mod, ok := m.o.(*Module)
	if !ok {
		return Null, false
	}
	v, ok := mod.dict.GetStr(name)
	return v, ok && !v.IsNull()
}

// unpackTypeVarTuples replaces each TypeVarTuple of params by *Ts.
func (t *Thread) unpackTypeVarTuples(params *Tuple) (*Tuple, error) {
	out := params
	for i, p := range params.items {
		if tp, ok := p.o.(*TypeParam); ok && tp.kind == tpTypeVarTuple {
			if out == params {
				out = NewTuple(append([]Value(nil), params.items...)...)
			}
			u, err := t.unpackOf(p)
			if err != nil {
				return nil, err
			}
			out.items[i] = u
		}
	}
	return out, nil
}

// unpackOf is typing.Unpack[v].
func (t *Thread) unpackOf(v Value) (Value, error) {
	if u, ok := t.typingAttr("Unpack"); ok {
		return GetItem(t, u, v)
	}
	return Value{o: t.newTypingAlias(aliasUnpack, Null, NewTuple(v))}, nil
}

// typeParamDefault is __default__: the default, evaluated once, or
// typing.NoDefault.
func (t *Thread) typeParamDefault(tp *TypeParam) (Value, error) {
	if !tp.def.IsNull() {
		return tp.def, nil
	}
	if tp.evalDefault.IsNull() {
		return noDefaultV, nil
	}
	v, err := t.Call(tp.evalDefault, nil, nil)
	if err != nil {
		return Null, err
	}
	tp.def = v
	return v, nil
}

func (tp *TypeParam) hasDefault() bool {
	return !tp.evalDefault.IsNull() || (!tp.def.IsNull() && !tp.def.Is(noDefaultV))
}

func typeParamRepr(t *Thread, v Value) (Value, error) {
	tp := v.o.(*TypeParam)
	if tp.inferVariance {
		return Value{o: tp.name}, nil
	}
	prefix := "~"
	if tp.covariant {
		prefix = "+"
	} else if tp.contravariant {
		prefix = "-"
	}
	return NewStrValue(prefix + tp.name.s), nil
}

// callerModule is the __module__ of the function calling a constructor.
func (t *Thread) callerModule() Value {
	if f := t.frame; f != nil && f.globals != nil {
		if n, ok := f.globals.GetStr("__name__"); ok {
			return n
		}
	}
	return None
}

// typeCheck is typing._type_check(arg, msg) when typing is loaded;
// otherwise the argument is kept (None becomes NoneType).
func (t *Thread) typeCheck(arg Value, msg string) (Value, error) {
	if arg.IsNone() {
		return Value{o: NoneTypeType}, nil
	}
	if f, ok := t.typingAttr("_type_check"); ok {
		return t.Call(f, []Value{arg, NewStrValue(msg)}, nil)
	}
	return arg, nil
}

// typeParamNew is TypeVar(), ParamSpec() and TypeVarTuple().
func typeParamNew(kind int) NewSlot {
	var params []string
	switch kind {
	case tpTypeVar:
		params = []string{"name", "bound", "default", "covariant", "contravariant", "infer_variance"}
	case tpParamSpec:
		params = []string{"name", "bound", "default", "covariant", "contravariant", "infer_variance"}
	default:
		params = []string{"name", "default"}
	}
	fname := typeParamKindNames[kind]
	return func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		npos := len(args) - len(kw)
		var constraints []Value
		pos := args[:npos]
		if kind == tpTypeVar && npos > 1 {
			constraints = pos[1:]
			pos = pos[:1]
		} else if npos > 1 {
			return Null, t.typeErrorf("%s() takes exactly 1 positional argument (%d given)", fname, npos)
		}
		vals := make([]Value, len(params))
		if len(pos) == 1 {
			vals[0] = pos[0]
		}
		for i, k := range kw {
			found := -1
			for j, p := range params {
				if p == k.s {
					found = j
				}
			}
			if found < 0 {
				return Null, t.typeErrorf("%s() got an unexpected keyword argument '%s'", fname, k.s)
			}
			if found == 0 && !vals[0].IsNull() {
				return Null, t.typeErrorf("argument for %s() given by name ('name') and position (1)", fname)
			}
			vals[found] = args[npos+i]
		}
		if vals[0].IsNull() {
			return Null, t.typeErrorf("%s() missing required argument 'name' (pos 1)", fname)
		}
		name, ok := vals[0].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("%s() argument 'name' must be str, not %s", fname, typeName(vals[0]))
		}
		tp := &TypeParam{ObjectBase: ObjectBase{cls: cls, dict: NewDict()}, kind: kind, name: name, def: noDefaultV}
		if kind == tpTypeVarTuple {
			if !vals[1].IsNull() {
				tp.def = vals[1]
			}
		} else {
			if !vals[2].IsNull() {
				tp.def = vals[2]
			}
			flag := func(v Value) (bool, error) {
				if v.IsNull() {
					return false, nil
				}
				return Truth(t, v)
			}
			var err error
			if tp.covariant, err = flag(vals[3]); err != nil {
				return Null, err
			}
			if tp.contravariant, err = flag(vals[4]); err != nil {
				return Null, err
			}
			if tp.inferVariance, err = flag(vals[5]); err != nil {
				return Null, err
			}
			if tp.covariant && tp.contravariant {
				return Null, t.valueErrorf("Bivariant types are not supported.")
			}
			if tp.inferVariance && (tp.covariant || tp.contravariant) {
				return Null, t.valueErrorf("Variance cannot be specified with infer_variance.")
			}
			bound := vals[1]
			if bound.IsNone() {
				bound = Null
			}
			if !bound.IsNull() {
				b, err := t.typeCheck(bound, "Bound must be a type.")
				if err != nil {
					return Null, err
				}
				tp.bound = b
			}
			if kind == tpTypeVar {
				switch {
				case len(constraints) == 1:
					return Null, t.typeErrorf("A single constraint is not allowed")
				case len(constraints) > 1 && !tp.bound.IsNull():
					return Null, t.typeErrorf("Constraints cannot be combined with bound=...")
				case len(constraints) > 1:
					tp.constraints = Value{o: NewTuple(append([]Value(nil), constraints...)...)}
				}
			}
		}
		tp.dict.SetStr("__module__", t.callerModule())
		return Value{o: tp}, nil
	}
}

// typeParamOr is T | X: a typing Union.
func typeParamOr(t *Thread, a, b Value) (Value, error) {
	if f, ok := t.typingAttr("_make_union"); ok {
		return t.Call(f, []Value{a, b}, nil)
	}
	if f, ok := t.typingAttr("Union"); ok {
		return GetItem(t, f, Value{o: NewTuple(a, b)})
	}
	return t.makeUnion([]Value{a, b})
}

// makeUnion is typing.Union[args] natively: nested unions flattened,
// None as NoneType, duplicates dropped, a single member returned as is.
func (t *Thread) makeUnion(args []Value) (Value, error) {
	var items []Value
	var add func(v Value) error
	add = func(v Value) error {
		if v.IsNone() {
			v = Value{o: NoneTypeType}
		}
		if u, ok := v.o.(*typingAlias); ok && u.kind == aliasUnion {
			for _, x := range u.args.items {
				if err := add(x); err != nil {
					return err
				}
			}
			return nil
		}
		if u, ok := v.o.(*UnionType); ok {
			for _, x := range u.args.items {
				if err := add(x); err != nil {
					return err
				}
			}
			return nil
		}
		for _, x := range items {
			eq, err := RichCompareBool(t, x, v, EQ)
			if err != nil {
				return err
			}
			if eq {
				return nil
			}
		}
		items = append(items, v)
		return nil
	}
	for _, a := range args {
		if err := add(a); err != nil {
			return Null, err
		}
	}
	if len(items) == 1 {
		return items[0], nil
	}
	return Value{o: t.newTypingAlias(aliasUnion, Null, NewTuple(items...))}, nil
}

// newTypingAlias makes a native alias and computes its __parameters__.
func (t *Thread) newTypingAlias(kind int, origin Value, args *Tuple) *typingAlias {
	cls := [...]*Type{genericAliasTType, unionAliasTType, unpackAliasTType}[kind]
	a := &typingAlias{ObjectBase: ObjectBase{cls: cls}, kind: kind, origin: origin, args: args}
	a.params = NewTuple(collectTypeParams(args.items)...)
	return a
}

// collectTypeParams is typing._collect_type_parameters (without the
// default-ordering checks): the type parameters that args use, in order.
func collectTypeParams(args []Value) []Value {
	var out []Value
	addp := func(p Value) {
		for _, x := range out {
			if x.Is(p) {
				return
			}
		}
		out = append(out, p)
	}
	for _, a := range args {
		switch x := a.o.(type) {
		case *Type:
		case *Tuple:
			for _, p := range collectTypeParams(x.items) {
				addp(p)
			}
		case *TypeParam:
			addp(a)
		case *typingAlias:
			for _, p := range x.params.items {
				addp(p)
			}
		case *GenericAlias:
			for _, p := range collectTypeParams(x.args.items) {
				addp(p)
			}
		case *UnionType:
			for _, p := range collectTypeParams(x.args.items) {
				addp(p)
			}
		case *TypeAlias:
		}
	}
	return out
}

// typingTypeRepr is typing._type_repr.
func typingTypeRepr(t *Thread, v Value) (string, error) {
	switch x := v.o.(type) {
	case *Type:
		if m := x.ModuleName(); m != "builtins" {
			return m + "." + x.QualName, nil
		}
		return x.QualName, nil
	case *EllipsisType:
		return "...", nil
	case *Function:
		return x.name.s, nil
	case *Tuple:
		parts := make([]string, len(x.items))
		for i, it := range x.items {
			s, err := typingTypeRepr(t, it)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	}
	r, err := Repr(t, v)
	if err != nil {
		return "", err
	}
	return r.s, nil
}

func typingAliasRepr(t *Thread, v Value) (Value, error) {
	a := v.o.(*typingAlias)
	var name string
	switch a.kind {
	case aliasUnion:
		if a.args.Len() == 2 {
			for i, x := range a.args.items {
				if x.Is(Value{o: NoneTypeType}) {
					s, err := typingTypeRepr(t, a.args.items[1-i])
					if err != nil {
						return Null, err
					}
					return NewStrValue("typing.Optional[" + s + "]"), nil
				}
			}
		}
		name = "typing.Union"
	case aliasUnpack:
		name = "typing.Unpack"
	default:
		s, err := typingTypeRepr(t, a.origin)
		if err != nil {
			return Null, err
		}
		name = s
	}
	if a.args.Len() == 0 {
		return NewStrValue(name + "[()]"), nil
	}
	parts := make([]string, a.args.Len())
	for i, x := range a.args.items {
		s, err := typingTypeRepr(t, x)
		if err != nil {
			return Null, err
		}
		parts[i] = s
	}
	return NewStrValue(name + "[" + strings.Join(parts, ", ") + "]"), nil
}

// genericClassGetItem is typing._generic_class_getitem(cls, params).
func (t *Thread) genericClassGetItem(cls Value, params Value) (Value, error) {
	if f, ok := t.typingAttr("_generic_class_getitem"); ok {
		return t.Call(f, []Value{cls, params}, nil)
	}
	var ps []Value
	if tu, ok := params.o.(*Tuple); ok {
		ps = append([]Value(nil), tu.items...)
	} else {
		ps = []Value{params}
	}
	for i, p := range ps {
		if p.IsNone() {
			ps[i] = Value{o: NoneTypeType}
		}
	}
	if cls.Is(Value{o: GenericType}) {
		if len(ps) == 0 {
			return Null, t.typeErrorf("Parameter list to Generic[...] cannot be empty")
		}
		for i, p := range ps {
			if !isTypeVarLike(p) {
				return Null, t.typeErrorf("Parameters to Generic[...] must all be type variables or parameter specification variables.")
			}
			for _, q := range ps[:i] {
				if q.Is(p) {
					return Null, t.typeErrorf("Parameters to Generic[...] must all be unique")
				}
			}
		}
		return Value{o: t.newTypingAlias(aliasGeneric, cls, NewTuple(ps...))}, nil
	}
	pv, err := getAttrOpt(t, cls, Intern("__parameters__"))
	if err != nil {
		return Null, err
	}
	var clsParams []Value
	if tu, ok := pv.o.(*Tuple); ok {
		clsParams = tu.items
	}
	ps, err = t.prepareSubst(cls, clsParams, ps)
	if err != nil {
		return Null, err
	}
	return Value{o: t.newTypingAlias(aliasGeneric, cls, NewTuple(spreadTypeVarTuples(clsParams, ps)...))}, nil
}

// prepareSubst matches the arguments of alias[args] with the parameters
// as typing.py does: each parameter's __typing_prepare_subst__ in turn (a
// TypeVar takes its default when it is the first one missing, a
// TypeVarTuple packs what the others leave into a tuple, a ParamSpec's
// list becomes a tuple), then _check_generic_specialization. The result
// has one argument per parameter (spreadTypeVarTuples undoes the
// packing).
func (t *Thread) prepareSubst(alias Value, params, args []Value) ([]Value, error) {
	aliasStr := func() string {
		s, err := StrOf(t, alias)
		if err != nil {
			return "?"
		}
		return s.s
	}
	if len(params) == 0 {
		return nil, t.typeErrorf("%s is not a generic class", aliasStr())
	}
	args = append([]Value(nil), args...)
	for i, p := range params {
		tp, ok := p.o.(*TypeParam)
		if !ok {
			continue
		}
		switch tp.kind {
		case tpTypeVar:
			if i < len(args) {
				continue
			}
			if i == len(args) && tp.hasDefault() {
				d, err := t.typeParamDefault(tp)
				if err != nil {
					return nil, err
				}
				args = append(args, d)
				continue
			}
			return nil, t.typeErrorf("Too few arguments for %s; actual %d, expected at least %d", aliasStr(), len(args), i+1)
		case tpTypeVarTuple:
			for _, q := range params[i+1:] {
				if x, ok := q.o.(*TypeParam); ok && x.kind == tpTypeVarTuple {
					return nil, t.typeErrorf("More than one TypeVarTuple parameter in %s", aliasStr())
				}
			}
			left, right := i, len(params)-i-1
			if left+right > len(args) {
				return nil, t.typeErrorf("Too few arguments for %s; actual %d, expected at least %d", aliasStr(), len(args), len(params)-1)
			}
			var repl Value
			if left == len(args)-right && tp.hasDefault() {
				d, err := t.typeParamDefault(tp)
				if err != nil {
					return nil, err
				}
				items, err := t.collectIterable(d, nil)
				if err != nil {
					return nil, err
				}
				repl = Value{o: NewTuple(append([]Value(nil), items...)...)}
			} else {
				repl = Value{o: NewTuple(append([]Value(nil), args[left:len(args)-right]...)...)}
			}
			out := append([]Value(nil), args[:left]...)
			out = append(out, repl)
			args = append(out, args[len(args)-right:]...)
		case tpParamSpec:
			if i == len(args) && tp.hasDefault() {
				d, err := t.typeParamDefault(tp)
				if err != nil {
					return nil, err
				}
				args = append(args, d)
			}
			if i >= len(args) {
				return nil, t.typeErrorf("Too few arguments for %s", aliasStr())
			}
			if len(params) == 1 && !isParamSpecArg(args[0]) {
				args = []Value{{o: NewTuple(args...)}}
			} else if l, ok := args[i].o.(*List); ok {
				args[i] = Value{o: NewTuple(append([]Value(nil), l.items...)...)}
			}
		}
	}
	if len(args) != len(params) {
		want := itoa(len(params))
		much := "many"
		if len(args) < len(params) {
			much = "few"
			if tp, ok := params[len(args)].o.(*TypeParam); ok && tp.hasDefault() {
				return args, nil
			}
			n := 0
			for _, p := range params {
				if tp, ok := p.o.(*TypeParam); ok && tp.hasDefault() {
					n++
				}
			}
			want = "at least " + itoa(len(params)-n)
		}
		return nil, t.typeErrorf("Too %s arguments for %s; actual %d, expected %s", much, aliasStr(), len(args), want)
	}
	return args, nil
}

// spreadTypeVarTuples replaces the tuple that prepareSubst packed for a
// TypeVarTuple by its items.
func spreadTypeVarTuples(params, args []Value) []Value {
	var out []Value
	for i, a := range args {
		if i < len(params) {
			if tp, ok := params[i].o.(*TypeParam); ok && tp.kind == tpTypeVarTuple {
				if tu, ok := a.o.(*Tuple); ok {
					out = append(out, tu.items...)
					continue
				}
			}
		}
		out = append(out, a)
	}
	return out
}

// isParamSpecArg reports an argument that can stand for a ParamSpec by
// itself: a list or tuple of types, a ParamSpec, ... .
func isParamSpecArg(v Value) bool {
	switch x := v.o.(type) {
	case *List, *Tuple:
		return true
	case *TypeParam:
		return x.kind == tpParamSpec
	case *EllipsisType:
		return true
	}
	return false
}

func isTypeVarLike(v Value) bool {
	switch x := v.o.(type) {
	case *TypeParam:
		return x.kind != tpTypeVarTuple
	case *typingAlias:
		return x.kind == aliasUnpack
	}
	return false
}

// substituteAlias is alias[args] for a native alias with parameters.
func (t *Thread) substituteAlias(a *typingAlias, key Value) (Value, error) {
	items, err := t.substituteArgs(Value{o: a}, a.params.items, a.args.items, key)
	if err != nil {
		return Null, err
	}
	return Value{o: t.newTypingAlias(a.kind, a.origin, NewTuple(items...))}, nil
}

// SubstituteTypeParams is _Py_subs_parameters: the arguments of alias
// (whose type parameters are params and arguments args) once alias[key]
// replaces the parameters. types.GenericAlias uses it for list[T][int].
func (t *Thread) SubstituteTypeParams(alias Value, params, args []Value, key Value) ([]Value, error) {
	return t.substituteArgs(alias, params, args, key)
}

func (t *Thread) substituteArgs(alias Value, params, args []Value, key Value) ([]Value, error) {
	if len(params) == 0 {
		r, err := Repr(t, alias)
		if err != nil {
			return nil, err
		}
		return nil, t.typeErrorf("%s is not a generic class", r.s)
	}
	var ks []Value
	if tu, ok := key.o.(*Tuple); ok {
		ks = append([]Value(nil), tu.items...)
	} else {
		ks = []Value{key}
	}
	packed, err := t.prepareSubst(alias, params, ks)
	if err != nil {
		return nil, err
	}
	if len(packed) != len(params) {
		much := "many"
		if len(packed) < len(params) {
			much = "few"
		}
		r, _ := Repr(t, alias)
		return nil, t.typeErrorf("Too %s arguments for %s; actual %d, expected %d", much, r.s, len(packed), len(params))
	}
	index := func(p Value) int {
		for i, q := range params {
			if q.Is(p) {
				return i
			}
		}
		return -1
	}
	var out []Value
	for _, a := range args {
		switch x := a.o.(type) {
		case *Type:
			out = append(out, a)
			continue
		case *TypeParam:
			if i := index(a); i >= 0 {
				v := packed[i]
				if x.kind == tpTypeVar {
					if f, ok := t.typingAttr("_typevar_subst"); ok {
						if v, err = t.Call(f, []Value{a, v}, nil); err != nil {
							return nil, err
						}
					}
				}
				out = append(out, v)
				continue
			}
		case *typingAlias:
			if x.kind == aliasUnpack && x.args.Len() == 1 {
				if i := index(x.args.items[0]); i >= 0 {
					if tu, ok := packed[i].o.(*Tuple); ok {
						out = append(out, tu.items...)
						continue
					}
				}
			}
		case *Tuple:
			sub, err := t.substituteArgs(alias, params, x.items, Value{o: NewTuple(spreadTypeVarTuples(params, packed)...)})
			if err != nil {
				return nil, err
			}
			out = append(out, Value{o: NewTuple(sub...)})
			continue
		}
		ps, err := getAttrOpt(t, a, Intern("__parameters__"))
		if err != nil {
			return nil, err
		}
		sub, ok := ps.o.(*Tuple)
		if !ok || sub.Len() == 0 {
			out = append(out, a)
			continue
		}
		var subargs []Value
		for _, p := range sub.items {
			i := index(p)
			if i < 0 {
				subargs = append(subargs, p)
				continue
			}
			if tp, ok := p.o.(*TypeParam); ok && tp.kind == tpTypeVarTuple {
				if tu, ok := packed[i].o.(*Tuple); ok {
					subargs = append(subargs, tu.items...)
					continue
				}
			}
			subargs = append(subargs, packed[i])
		}
		v, err := GetItem(t, a, Value{o: NewTuple(subargs...)})
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// genericInitSubclass is typing._generic_init_subclass: it sets the
// class's __parameters__ from its generic bases.
func (t *Thread) genericInitSubclass(cls Value, args []Value, kw []*Str) error {
	if f, ok := t.typingAttr("_generic_init_subclass"); ok {
		_, err := t.Call(f, append([]Value{cls}, args...), kw)
		return err
	}
	if len(args) > len(kw) {
		return t.typeErrorf("Generic.__init_subclass__() takes no positional arguments")
	}
	c := cls.o.(*Type)
	if err := t.superInitSubclass(c, args, kw); err != nil {
		return err
	}
	orig, hasOrig := c.Dict.GetStr("__orig_bases__")
	var origItems []Value
	if tu, ok := orig.o.(*Tuple); ok && hasOrig {
		origItems = tu.items
	}
	isGeneric := func(v Value) bool { return v.Is(Value{o: GenericType}) }
	plain := false
	if hasOrig {
		for _, b := range origItems {
			plain = plain || isGeneric(b)
		}
	} else {
		for _, b := range c.Bases {
			plain = plain || b == GenericType
		}
		plain = plain && c.Name != "Protocol"
	}
	if plain {
		return t.typeErrorf("Cannot inherit from plain Generic")
	}
	var tvars []Value
	if hasOrig {
		tvars = collectTypeParams(origItems)
		var gvars []Value
		seen := false
		for _, b := range origItems {
			if a, ok := b.o.(*typingAlias); ok && a.kind == aliasGeneric && isGeneric(a.origin) {
				if seen {
					return t.typeErrorf("Cannot inherit from Generic[...] multiple times.")
				}
				seen = true
				gvars = a.params.items
			}
		}
		if seen {
			var missing []string
			for _, v := range tvars {
				found := false
				for _, g := range gvars {
					found = found || g.Is(v)
				}
				if !found {
					missing = append(missing, safeStr(t, v, "tvar"))
				}
			}
			if len(missing) > 0 {
				var gs []string
				for _, g := range gvars {
					gs = append(gs, safeStr(t, g, "tvar"))
				}
				return t.typeErrorf("Some type variables (%s) are not listed in Generic[%s]", strings.Join(missing, ", "), strings.Join(gs, ", "))
			}
			tvars = gvars
		}
	}
	return SetAttr(t, cls, Intern("__parameters__"), Value{o: NewTuple(tvars...)})
}

// superInitSubclass is super(Generic, cls).__init_subclass__(**kw): the
// next __init_subclass__ after Generic in cls's MRO.
func (t *Thread) superInitSubclass(c *Type, args []Value, kw []*Str) error {
	after := false
	for _, b := range c.MRO {
		if b == GenericType {
			after = true
			continue
		}
		if !after {
			continue
		}
		m, ok := b.Dict.GetStr("__init_subclass__")
		if !ok {
			continue
		}
		bound, err := bindDescriptor(t, m, Null, c)
		if err != nil {
			return err
		}
		_, err = t.Call(bound, args, kw)
		return err
	}
	return nil
}

func setupTypeVars() {
	for _, tp := range typingModuleTypes {
		tp.Dict.SetStr("__module__", NewStrValue("typing"))
	}
	GenericType.builtin = ObjectType
	noDefault.cls = noDefaultType

	// TypeVar, ParamSpec, TypeVarTuple.
	for kind, tt := range []*Type{typeVarType, paramSpecType, typeVarTupleType} {
		kind := kind
		tt.New = typeParamNew(kind)
		tt.Repr = typeParamRepr
		tt.Number.Or = typeParamOr
		tt.Hash = func(t *Thread, v Value) (int64, error) { return identityOf(v) >> 4, nil }
		tp := func(v Value) *TypeParam { return v.o.(*TypeParam) }
		defMember(tt, "__name__", func(t *Thread, self Value) (Value, error) { return Value{o: tp(self).name}, nil })
		if kind != tpTypeVarTuple {
			defMember(tt, "__covariant__", func(t *Thread, self Value) (Value, error) { return Bool(tp(self).covariant), nil })
			defMember(tt, "__contravariant__", func(t *Thread, self Value) (Value, error) { return Bool(tp(self).contravariant), nil })
			defMember(tt, "__infer_variance__", func(t *Thread, self Value) (Value, error) { return Bool(tp(self).inferVariance), nil })
			defGetSet(tt, "__bound__", func(t *Thread, self Value) (Value, error) {
				x := tp(self)
				if x.bound.IsNull() && !x.evalBound.IsNull() {
					v, err := t.Call(x.evalBound, nil, nil)
					if err != nil {
						return Null, err
					}
					x.bound = v
				}
				return noneIfNull(x.bound), nil
			}, nil)
		}
		if kind == tpTypeVar {
			defGetSet(tt, "__constraints__", func(t *Thread, self Value) (Value, error) {
				x := tp(self)
				if x.constraints.IsNull() && !x.evalConstraints.IsNull() {
					v, err := t.Call(x.evalConstraints, nil, nil)
					if err != nil {
						return Null, err
					}
					x.constraints = v
				}
				if x.constraints.IsNull() {
					return Value{o: emptyTuple}, nil
				}
				return x.constraints, nil
			}, nil)
			defGetSet(tt, "evaluate_bound", func(t *Thread, self Value) (Value, error) { return noneIfNull(tp(self).evalBound), nil }, nil)
			defGetSet(tt, "evaluate_constraints", func(t *Thread, self Value) (Value, error) { return noneIfNull(tp(self).evalConstraints), nil }, nil)
		}
		if kind == tpParamSpec {
			defGetSet(tt, "args", func(t *Thread, self Value) (Value, error) {
				return Value{o: &paramSpecAttr{ObjectBase: ObjectBase{cls: paramSpecArgsType}, origin: self}}, nil
			}, nil)
			defGetSet(tt, "kwargs", func(t *Thread, self Value) (Value, error) {
				return Value{o: &paramSpecAttr{ObjectBase: ObjectBase{cls: paramSpecKwargsType}, origin: self}}, nil
			}, nil)
		}
		if kind == tpTypeVarTuple {
			tt.Iter = func(t *Thread, v Value) (Value, error) {
				u, err := t.unpackOf(v)
				if err != nil {
					return Null, err
				}
				return Iter(t, Value{o: NewTuple(u)})
			}
		}
		defGetSet(tt, "__default__", func(t *Thread, self Value) (Value, error) { return t.typeParamDefault(tp(self)) }, nil)
		defGetSet(tt, "evaluate_default", func(t *Thread, self Value) (Value, error) { return noneIfNull(tp(self).evalDefault), nil }, nil)
		name := tt.Name
		substName := map[int]string{tpTypeVar: "_typevar_subst", tpParamSpec: "_paramspec_subst", tpTypeVarTuple: "_typevartuple_subst"}[kind]
		defMethods(tt,
			MethodDef{Name: "has_default", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := noArgs(t, "has_default", args, kw); err != nil {
					return Null, err
				}
				return Bool(tp(self).hasDefault()), nil
			}},
			MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				return Value{o: tp(self).name}, nil
			}},
			MethodDef{Name: "__mro_entries__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				return Null, t.typeErrorf("Cannot subclass an instance of %s", name)
			}},
			MethodDef{Name: "__typing_subst__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := oneArg(t, "__typing_subst__", args, kw); err != nil {
					return Null, err
				}
				if f, ok := t.typingAttr(substName); ok {
					return t.Call(f, []Value{self, args[0]}, nil)
				}
				return args[0], nil
			}},
		)
	}

	// P.args and P.kwargs.
	for i, pt := range []*Type{paramSpecArgsType, paramSpecKwargsType} {
		suffix := [...]string{".args", ".kwargs"}[i]
		name := pt.Name
		pt.Repr = func(t *Thread, v Value) (Value, error) {
			a := v.o.(*paramSpecAttr)
			if p, ok := a.origin.o.(*TypeParam); ok && p.kind == tpParamSpec {
				return NewStrValue(p.name.s + suffix), nil
			}
			r, err := Repr(t, a.origin)
			if err != nil {
				return Null, err
			}
			return NewStrValue(r.s + suffix), nil
		}
		pt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
			x, ok1 := a.o.(*paramSpecAttr)
			y, ok2 := b.o.(*paramSpecAttr)
			if !ok1 || !ok2 || a.Type() != b.Type() || (op != EQ && op != NE) {
				return NotImplemented, nil
			}
			return RichCompare(t, x.origin, y.origin, op)
		}
		defMember(pt, "__origin__", func(t *Thread, self Value) (Value, error) { return self.o.(*paramSpecAttr).origin, nil })
		defMethods(pt, MethodDef{Name: "__mro_entries__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, t.typeErrorf("Cannot subclass an instance of %s", name)
		}})
	}

	// TypeAliasType.
	at := typeAliasType
	alias := func(v Value) *TypeAlias { return v.o.(*TypeAlias) }
	at.Repr = func(t *Thread, v Value) (Value, error) { return Value{o: alias(v).name}, nil }
	at.New = typeAliasNew
	at.Number.Or = func(t *Thread, a, b Value) (Value, error) {
		ok := func(v Value) bool {
			_, isAlias := v.o.(*TypeAlias)
			return isAlias || isUnionable(v)
		}
		if !ok(a) || !ok(b) {
			return NotImplemented, nil
		}
		return Value{o: NewUnion(a, b)}, nil
	}
	at.GetItem = func(t *Thread, v, key Value) (Value, error) {
		if alias(v).typeParams.IsNull() {
			return Null, t.typeErrorf("Only generic type aliases are subscriptable")
		}
		return Value{o: NewGenericAlias(v, key)}, nil
	}
	at.Iter = func(t *Thread, v Value) (Value, error) {
		u, err := t.unpackOf(v)
		if err != nil {
			return Null, err
		}
		return Iter(t, Value{o: NewTuple(u)})
	}
	defMember(at, "__name__", func(t *Thread, self Value) (Value, error) { return Value{o: alias(self).name}, nil })
	defGetSet(at, "__value__", func(t *Thread, self Value) (Value, error) {
		a := alias(self)
		if a.value.IsNull() {
			v, err := t.Call(a.computeValue, nil, nil)
			if err != nil {
				return Null, err
			}
			a.value = v
		}
		return a.value, nil
	}, nil)
	defGetSet(at, "__type_params__", func(t *Thread, self Value) (Value, error) {
		if p := alias(self).typeParams; !p.IsNull() {
			return p, nil
		}
		return Value{o: emptyTuple}, nil
	}, nil)
	defGetSet(at, "__parameters__", func(t *Thread, self Value) (Value, error) {
		p, ok := alias(self).typeParams.o.(*Tuple)
		if !ok {
			return Value{o: emptyTuple}, nil
		}
		u, err := t.unpackTypeVarTuples(p)
		if err != nil {
			return Null, err
		}
		return Value{o: u}, nil
	}, nil)
	// __module__ is per alias; the type's own __module__ stays "typing".
	moduleName := Intern("__module__")
	at.GetAttr = func(t *Thread, v Value, name *Str) (Value, error) {
		if name.s == "__module__" {
			a := alias(v)
			if !a.module.IsNull() {
				return a.module, nil
			}
			if fn, ok := a.computeValue.o.(*Function); ok {
				if m, ok := fn.globals.GetStr("__name__"); ok {
					return m, nil
				}
			}
			return None, nil
		}
		return genericGetAttr(t, v, name)
	}
	at.SetAttr = func(t *Thread, v Value, name *Str, value Value) error {
		if name.s == moduleName.s {
			alias(v).module = value
			return nil
		}
		return genericSetAttr(t, v, name, value)
	}
	defGetSet(at, "evaluate_value", func(t *Thread, self Value) (Value, error) { return noneIfNull(alias(self).computeValue), nil }, nil)
	defMethods(at, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Value{o: alias(self).name}, nil
	}})

	// typing.NoDefault.
	noDefaultType.Repr = func(t *Thread, v Value) (Value, error) { return NewStrValue("typing.NoDefault"), nil }
	noDefaultType.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if len(args) > 0 {
			return Null, t.typeErrorf("NoDefaultType takes no arguments")
		}
		return noDefaultV, nil
	}
	defMethods(noDefaultType, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return NewStrValue("NoDefault"), nil
	}})

	// type.__type_params__: the class's own, or ().
	defGetSet(TypeType, "__type_params__", func(t *Thread, self Value) (Value, error) {
		if v, ok := self.o.(*Type).Dict.GetStr("__type_params__"); ok {
			return v, nil
		}
		return Value{o: emptyTuple}, nil
	}, func(t *Thread, self, v Value) error {
		c := self.o.(*Type)
		if !c.HasFlag(FlagHeapType) {
			return t.typeErrorf("cannot set '__type_params__' attribute of immutable type '%s'", c.Name)
		}
		if v.IsNull() {
			return t.typeErrorf("cannot delete '__type_params__' attribute of immutable type '%s'", c.Name)
		}
		c.Dict.SetStr("__type_params__", v)
		c.modified()
		return nil
	})

	// typing.Generic.
	gt := GenericType
	gt.Doc = "Abstract base class for generic types."
	defMethods(gt,
		MethodDef{Name: "__class_getitem__", Class: true, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "__class_getitem__", args, kw); err != nil {
				return Null, err
			}
			return t.genericClassGetItem(self, args[0])
		}},
		MethodDef{Name: "__init_subclass__", Class: true, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return None, t.genericInitSubclass(self, args, kw)
		}},
	)

	// The native aliases.
	for _, tt := range []*Type{genericAliasTType, unionAliasTType, unpackAliasTType} {
		setupTypingAliasType(tt)
	}
}

// typeAliasNew is TypeAliasType(name, value, *, type_params=()).
func typeAliasNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	spec := &ArgSpec{Name: "typealias", Params: []string{"name", "value", "type_params"}, Required: 2, KwOnly: 1}
	var a [3]Value
	if err := spec.Parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	name, ok := a[0].o.(*Str)
	if !ok {
		return Null, t.typeErrorf("typealias() argument 'name' must be str, not %s", typeName(a[0]))
	}
	ta := &TypeAlias{ObjectBase: ObjectBase{cls: typeAliasType}, name: name, value: a[1], module: t.callerModule()}
	if !a[2].IsNull() {
		p, ok := a[2].o.(*Tuple)
		if !ok {
			return Null, t.typeErrorf("type_params must be a tuple")
		}
		seenDefault := false
		for _, x := range p.items {
			tp, ok := x.o.(*TypeParam)
			if !ok {
				r, _ := Repr(t, x)
				return Null, t.typeErrorf("Expected a type param, got %s", r)
			}
			if tp.hasDefault() {
				seenDefault = true
			} else if seenDefault {
				r, _ := Repr(t, x)
				return Null, t.typeErrorf("non-default type parameter '%s' follows default type parameter", r)
			}
		}
		if p.Len() > 0 {
			ta.typeParams = a[2]
		}
	}
	return Value{o: ta}, nil
}

func setupTypingAliasType(tt *Type) {
	al := func(v Value) *typingAlias { return v.o.(*typingAlias) }
	tt.Repr = typingAliasRepr
	tt.Number.Or = typeParamOr
	tt.Hash = func(t *Thread, v Value) (int64, error) {
		a := al(v)
		return Hash(t, Value{o: NewTuple(noneIfNull(a.origin), Value{o: a.args})})
	}
	tt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		x, ok1 := a.o.(*typingAlias)
		y, ok2 := b.o.(*typingAlias)
		if !ok1 || !ok2 || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		eq := x.kind == y.kind && noneIfNull(x.origin).Is(noneIfNull(y.origin))
		if eq {
			r, err := RichCompareBool(t, Value{o: x.args}, Value{o: y.args}, EQ)
			if err != nil {
				return Null, err
			}
			eq = r
		}
		return Bool(eq == (op == EQ)), nil
	}
	tt.Call = func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
		a := al(v)
		if a.kind != aliasGeneric {
			r, _ := Repr(t, v)
			return Null, t.typeErrorf("Cannot instantiate %s", r.s)
		}
		r, err := t.Call(a.origin, args, kw)
		if err != nil {
			return Null, err
		}
		// Objects that refuse the attribute are left alone, as typing
		// does.
		if err := SetAttr(t, r, Intern("__orig_class__"), v); err != nil && asException(err) == nil {
			return Null, err
		}
		return r, nil
	}
	tt.GetItem = func(t *Thread, v, key Value) (Value, error) {
		return t.substituteAlias(al(v), key)
	}
	tt.GetAttr = func(t *Thread, v Value, name *Str) (Value, error) {
		r, found, err := genericGetAttrOpt(t, v, name)
		if err != nil || found {
			return r, err
		}
		a := al(v)
		if !strings.HasPrefix(name.s, "__") && !a.origin.IsNull() {
			return GetAttr(t, a.origin, name)
		}
		return Null, t.noAttribute(v, name)
	}
	defMember(tt, "__origin__", func(t *Thread, self Value) (Value, error) {
		a := al(self)
		switch a.kind {
		case aliasUnion:
			if u, ok := t.typingAttr("Union"); ok {
				return u, nil
			}
		case aliasUnpack:
			if u, ok := t.typingAttr("Unpack"); ok {
				return u, nil
			}
		}
		return noneIfNull(a.origin), nil
	})
	defMember(tt, "__args__", func(t *Thread, self Value) (Value, error) { return Value{o: al(self).args}, nil })
	defMember(tt, "__parameters__", func(t *Thread, self Value) (Value, error) { return Value{o: al(self).params}, nil })
	if tt == unpackAliasTType {
		defMember(tt, "__typing_is_unpacked_typevartuple__", func(t *Thread, self Value) (Value, error) {
			a := al(self)
			tp, ok := a.args.items[0].o.(*TypeParam)
			return Bool(ok && tp.kind == tpTypeVarTuple), nil
		})
	}
	defMethods(tt, MethodDef{Name: "__mro_entries__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "__mro_entries__", args, kw); err != nil {
			return Null, err
		}
		a := al(self)
		if a.kind != aliasGeneric {
			r, _ := Repr(t, self)
			return Null, t.typeErrorf("Cannot subclass %s", r.s)
		}
		bases, _ := args[0].o.(*Tuple)
		if a.origin.Is(Value{o: GenericType}) && bases != nil {
			after := false
			for _, b := range bases.items {
				if b.Is(self) {
					after = true
					continue
				}
				if _, ok := b.o.(*typingAlias); ok && after {
					return Value{o: emptyTuple}, nil
				}
			}
		}
		return Value{o: NewTuple(a.origin)}, nil
	}})
}
