package vm

import (
	"strings"
)

// GenericAlias is types.GenericAlias: list[int], dict[str, int]
// (Objects/genericaliasobject.c). UnionType is types.UnionType: int | str
// (Objects/unionobject.c).
type GenericAlias struct {
	ObjectBase
	origin  Value
	args    *Tuple
	params  *Tuple
	starred bool
}

// UnionType is the value of X | Y for types.
type UnionType struct {
	ObjectBase
	args *Tuple
}

var (
	UnionTypeType = builtinType("UnionType", nil, 0)
)

// NewGenericAlias returns origin[args].
func NewGenericAlias(origin, args Value) *GenericAlias {
	tu, ok := args.o.(*Tuple)
	if !ok {
		tu = NewTuple(args)
	}
	return &GenericAlias{ObjectBase: ObjectBase{cls: GenericAliasType}, origin: origin, args: tu}
}

// NewUnion returns a | b, flattening nested unions and dropping
// duplicates.
func NewUnion(a, b Value) *UnionType {
	var items []Value
	add := func(v Value) {
		if u, ok := v.o.(*UnionType); ok {
			for _, x := range u.args.items {
				addUnique(&items, x)
			}
			return
		}
		if v.IsNone() {
			v = Value{o: NoneTypeType}
		}
		addUnique(&items, v)
	}
	add(a)
	add(b)
	return &UnionType{ObjectBase: ObjectBase{cls: UnionTypeType}, args: NewTuple(items...)}
}

func addUnique(items *[]Value, v Value) {
	for _, x := range *items {
		if x.Is(v) {
			return
		}
		if ga, ok := x.o.(*GenericAlias); ok {
			if gb, ok := v.o.(*GenericAlias); ok && ga.origin.Is(gb.origin) && sameValues(ga.args.items, gb.args.items) {
				return
			}
		}
	}
	*items = append(*items, v)
}

func init() {
	onSetup(setupGenericAlias)
}

// typeReprForAlias is ga_repr_item: a type's qualified name with its
// module, ... for Ellipsis, repr otherwise.
func typeReprForAlias(t *Thread, v Value) (string, error) {
	if v.Is(Ellipsis) {
		return "...", nil
	}
	if c, ok := v.o.(*Type); ok {
		if c == NoneTypeType {
			return "None", nil
		}
		m := c.ModuleName()
		if m == "builtins" {
			return c.QualName, nil
		}
		return m + "." + c.QualName, nil
	}
	if l, ok := v.o.(*List); ok {
		parts := make([]string, len(l.items))
		for i, x := range l.items {
			s, err := typeReprForAlias(t, x)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	}
	if _, ok := v.o.(*GenericAlias); !ok {
		// Objects with __origin__ and __args__ (typing's aliases) use their
		// repr; so do the others.
		qn, err := getAttrOpt(t, v, Intern("__qualname__"))
		if err != nil {
			return "", err
		}
		mod, err := getAttrOpt(t, v, Intern("__module__"))
		if err != nil {
			return "", err
		}
		_, hasOrigin := v.o.(*UnionType)
		if !qn.IsNull() && !mod.IsNull() && !hasOrigin {
			if o, _ := getAttrOpt(t, v, Intern("__origin__")); o.IsNull() {
				if ms, ok := mod.o.(*Str); ok && ms.s == "builtins" {
					if qs, ok := qn.o.(*Str); ok {
						return qs.s, nil
					}
				}
				if ms, ok := mod.o.(*Str); ok {
					if qs, ok := qn.o.(*Str); ok {
						return ms.s + "." + qs.s, nil
					}
				}
			}
		}
	}
	r, err := Repr(t, v)
	if err != nil {
		return "", err
	}
	return r.s, nil
}

func setupGenericAlias() {
	ga := GenericAliasType
	ga.Name = "GenericAlias"
	ga.Dict.setStr(Intern("__module__"), NewStrValue("types"))
	ga.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		if err := checkPositional(t, "GenericAlias", args, kwnames, 2, 2); err != nil {
			return Null, err
		}
		g := NewGenericAlias(args[0], args[1])
		g.cls = cls
		return Value{o: g}, nil
	}
	ga.Repr = func(t *Thread, v Value) (Value, error) {
		g := v.o.(*GenericAlias)
		var b strings.Builder
		if g.starred {
			b.WriteByte('*')
		}
		s, err := typeReprForAlias(t, g.origin)
		if err != nil {
			return Null, err
		}
		b.WriteString(s)
		b.WriteByte('[')
		if len(g.args.items) == 0 {
			b.WriteString("()")
		}
		for i, a := range g.args.items {
			if i > 0 {
				b.WriteString(", ")
			}
			s, err := typeReprForAlias(t, a)
			if err != nil {
				return Null, err
			}
			b.WriteString(s)
		}
		b.WriteByte(']')
		return NewStrValue(b.String()), nil
	}
	ga.Call = func(t *Thread, callable Value, args []Value, kwnames []*Str) (Value, error) {
		g := callable.o.(*GenericAlias)
		r, err := t.Call(g.origin, args, kwnames)
		if err != nil {
			return Null, err
		}
		if err := SetAttr(t, r, Intern("__orig_class__"), callable); err != nil {
			if e := asException(err); e == nil || !(e.cls.IsSubtype(AttributeErrorType) || e.cls.IsSubtype(TypeErrorType)) {
				return Null, err
			}
		}
		return r, nil
	}
	ga.GetAttr = func(t *Thread, v Value, name *Str) (Value, error) {
		g := v.o.(*GenericAlias)
		switch name.s {
		case "__origin__", "__args__", "__parameters__", "__unpacked__", "__typing_unpacked_tuple_args__",
			"__class__", "__bases__", "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
			"__getitem__", "__repr__", "__eq__", "__ne__", "__hash__", "__or__", "__ror__", "__dir__",
			"__instancecheck__", "__subclasscheck__", "__call__", "__getattribute__", "__setattr__", "__init__", "__new__":
			return genericGetAttr(t, v, name)
		}
		return GetAttr(t, g.origin, name)
	}
	ga.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		x, ok1 := a.o.(*GenericAlias)
		y, ok2 := b.o.(*GenericAlias)
		if !ok1 || !ok2 || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		if x.starred != y.starred {
			return Bool(op == NE), nil
		}
		eq, err := RichCompareBool(t, x.origin, y.origin, EQ)
		if err != nil {
			return Null, err
		}
		if eq {
			eq, err = RichCompareBool(t, Value{o: x.args}, Value{o: y.args}, EQ)
			if err != nil {
				return Null, err
			}
		}
		return Bool(eq == (op == EQ)), nil
	}
	ga.Hash = func(t *Thread, v Value) (int64, error) {
		g := v.o.(*GenericAlias)
		h1, err := Hash(t, g.origin)
		if err != nil {
			return 0, err
		}
		h2, err := Hash(t, Value{o: g.args})
		if err != nil {
			return 0, err
		}
		h := h1 ^ h2
		if h == -1 {
			h = -2
		}
		return h, nil
	}
	ga.Number.Or = typeOr
	ga.GetItem = func(t *Thread, v, key Value) (Value, error) {
		g := v.o.(*GenericAlias)
		params, err := gaParameters(t, g)
		if err != nil {
			return Null, err
		}
		if len(params.items) == 0 {
			r, _ := Repr(t, v)
			return Null, t.typeErrorf("%s is not a generic class", r.s)
		}
		// The type parameters' substitution (typevars.go).
		items, err := t.SubstituteTypeParams(v, params.items, g.args.items, key)
		if err != nil {
			return Null, err
		}
		r := NewGenericAlias(g.origin, Value{o: NewTuple(items...)})
		r.starred = g.starred
		return Value{o: r}, nil
	}
	defGetSet(ga, "__origin__", func(t *Thread, self Value) (Value, error) { return self.o.(*GenericAlias).origin, nil }, nil)
	defGetSet(ga, "__args__", func(t *Thread, self Value) (Value, error) { return Value{o: self.o.(*GenericAlias).args}, nil }, nil)
	defGetSet(ga, "__unpacked__", func(t *Thread, self Value) (Value, error) { return Bool(self.o.(*GenericAlias).starred), nil }, nil)
	defGetSet(ga, "__parameters__", func(t *Thread, self Value) (Value, error) {
		p, err := gaParameters(t, self.o.(*GenericAlias))
		return Value{o: p}, err
	}, nil)
	defMethods(ga,
		MethodDef{Name: "__mro_entries__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Value{o: NewTuple(self.o.(*GenericAlias).origin)}, nil
		}},
		MethodDef{Name: "__instancecheck__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, t.typeErrorf("isinstance() argument 2 cannot be a parameterized generic")
		}},
		MethodDef{Name: "__subclasscheck__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Null, t.typeErrorf("issubclass() argument 2 cannot be a parameterized generic")
		}},
		MethodDef{Name: "__dir__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return objectDir(t, self.o.(*GenericAlias).origin, nil, nil)
		}},
	)

	ut := UnionTypeType
	ut.Dict.setStr(Intern("__module__"), NewStrValue("types"))
	ut.Repr = func(t *Thread, v Value) (Value, error) {
		u := v.o.(*UnionType)
		parts := make([]string, len(u.args.items))
		for i, a := range u.args.items {
			s, err := typeReprForAlias(t, a)
			if err != nil {
				return Null, err
			}
			parts[i] = s
		}
		return NewStrValue(strings.Join(parts, " | ")), nil
	}
	ut.Number.Or = typeOr
	ut.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		x, ok1 := a.o.(*UnionType)
		y, ok2 := b.o.(*UnionType)
		if !ok1 || !ok2 || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		sa, err := newFrozenSetFrom(t, x.args.items)
		if err != nil {
			return Null, err
		}
		sb, err := newFrozenSetFrom(t, y.args.items)
		if err != nil {
			return Null, err
		}
		return RichCompare(t, Value{o: sa}, Value{o: sb}, op)
	}
	ut.Hash = func(t *Thread, v Value) (int64, error) {
		s, err := newFrozenSetFrom(t, v.o.(*UnionType).args.items)
		if err != nil {
			return 0, err
		}
		return Hash(t, Value{o: s})
	}
	defGetSet(ut, "__args__", func(t *Thread, self Value) (Value, error) { return Value{o: self.o.(*UnionType).args}, nil }, nil)
	defGetSet(ut, "__parameters__", func(t *Thread, self Value) (Value, error) {
		return Value{o: emptyTuple}, nil
	}, nil)
}

// gaParameters collects the type variables among the alias's arguments
// (the objects with __typing_subst__).
func gaParameters(t *Thread, g *GenericAlias) (*Tuple, error) {
	if g.params != nil {
		return g.params, nil
	}
	var params []Value
	for _, a := range g.args.items {
		if _, ok := a.o.(*Type); ok {
			continue
		}
		sub, err := lookupSpecial(t, a, Intern("__typing_subst__"))
		if err != nil {
			return nil, err
		}
		if !sub.IsNull() {
			addUnique(&params, a)
			continue
		}
		ps, err := getAttrOpt(t, a, Intern("__parameters__"))
		if err != nil {
			return nil, err
		}
		if tu, ok := ps.o.(*Tuple); ok {
			for _, p := range tu.items {
				addUnique(&params, p)
			}
		}
	}
	g.params = NewTuple(params...)
	return g.params, nil
}
