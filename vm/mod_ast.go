package vm

import (
	"strings"
)

// The _ast module that ast.py re-exports: ast.AST and its node classes,
// with CPython 3.13's constructor (positional fields, keywords, the
// defaults of optional and list fields and of expression contexts, and
// its DeprecationWarnings), _fields, _attributes, _field_types,
// __match_args__ and __reduce__.
//
// As in CPython the node classes are made per interpreter (they are
// heap types, which a program may change), from astNodeTable.

// AstType is ast.AST.
var AstType = nativeType("ast", "AST", nil, FlagBaseType|FlagHasDict)

// astField is a field of a node class, read from its ASDL signature.
type astField struct {
	name     string
	typ      string // expr, identifier, int…
	optional bool   // "?"
	list     bool   // "*"
}

// astFields parses "Name(identifier id, expr_context ctx)".
func astFields(doc string) []astField {
	head := doc
	if i := strings.IndexByte(doc, '('); i >= 0 {
		head = doc[:i]
	}
	if strings.Contains(head, "=") || !strings.Contains(doc, "(") {
		return nil
	}
	inner := doc[strings.IndexByte(doc, '(')+1 : strings.LastIndexByte(doc, ')')]
	if inner == "" {
		return nil
	}
	var out []astField
	for _, p := range strings.Split(inner, ", ") {
		parts := strings.Fields(p)
		f := astField{name: parts[len(parts)-1], typ: parts[0]}
		if strings.HasSuffix(f.typ, "?") {
			f.optional, f.typ = true, strings.TrimSuffix(f.typ, "?")
		} else if strings.HasSuffix(f.typ, "*") {
			f.list, f.typ = true, strings.TrimSuffix(f.typ, "*")
		}
		out = append(out, f)
	}
	return out
}

// astState is the per-interpreter state of _ast.
type astState struct {
	classes map[string]*Type
	load    Value // the Load() that missing contexts default to
}

func init() {
	onSetup(setupAstType)
	RegisterModule("_ast", initAstModule)
}

func setupAstType() {
	at := AstType
	at.Dict.SetStr("_fields", Value{o: emptyTuple})
	at.Dict.SetStr("_attributes", Value{o: emptyTuple})
	at.Dict.SetStr("__match_args__", Value{o: emptyTuple})
	at.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		inst := &Instance{ObjectBase: ObjectBase{cls: cls}}
		if cls.nslots > 0 {
			inst.slots = make([]Value, cls.nslots)
		}
		return Value{o: inst}, nil
	}
	at.Init = astInit
	defGetSet(at, "__dict__", func(t *Thread, self Value) (Value, error) { return Value{o: instanceDictOf(self)}, nil }, nil)
	defMethods(at, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		d := InstanceDict(self.o)
		if d == nil {
			return Value{o: NewTuple(Value{o: self.Type()}, Value{o: emptyTuple})}, nil
		}
		fields, err := GetAttrString(t, Value{o: self.Type()}, "_fields")
		if err != nil {
			return Null, err
		}
		names, err := t.collectIterable(fields, nil)
		if err != nil {
			return Null, err
		}
		nones := make([]Value, len(names))
		for i := range nones {
			nones[i] = None
		}
		return Value{o: NewTuple(Value{o: self.Type()}, Value{o: NewTuple(nones...)}, Value{o: d})}, nil
	}})
}

// astInit is ast_type_init.
func astInit(t *Thread, self Value, args []Value, kw []*Str) error {
	tp := self.Type()
	pos, kv := kwArgs(args, kw)
	fieldsV, err := getAttrOpt(t, Value{o: tp}, Intern("_fields"))
	if err != nil {
		return err
	}
	var fields []Value
	if !fieldsV.IsNull() {
		if fields, err = t.collectIterable(fieldsV, nil); err != nil {
			return err
		}
	}
	if len(pos) > len(fields) {
		return t.typeErrorf("%s constructor takes at most %d positional argument%s", shortName(tp), len(fields), plural(len(fields)))
	}
	remaining := NewSet()
	for _, f := range fields {
		if err := remaining.Add(t, f); err != nil {
			return err
		}
	}
	for i, v := range pos {
		name, ok := fields[i].o.(*Str)
		if !ok {
			return t.typeErrorf("attribute name must be string, not '%s'", typeName(fields[i]))
		}
		if err := SetAttr(t, self, name, v); err != nil {
			return err
		}
		if _, err := remaining.discard(t, fields[i], name.hashValue()); err != nil {
			return err
		}
	}
	var attributes []Value
	for i, k := range kw {
		inFields := false
		for _, f := range fields {
			if s, ok := f.o.(*Str); ok && s.s == k.s {
				inFields = true
				break
			}
		}
		if inFields {
			found, err := remaining.discard(t, Value{o: k}, k.hashValue())
			if err != nil {
				return err
			}
			if !found {
				return t.typeErrorf("%s got multiple values for argument '%s'", tp.Name, k.s)
			}
		} else {
			if attributes == nil {
				av, err := GetAttrString(t, Value{o: tp}, "_attributes")
				if err != nil {
					return err
				}
				if attributes, err = t.collectIterable(av, nil); err != nil {
					return err
				}
			}
			known := false
			for _, a := range attributes {
				if s, ok := a.o.(*Str); ok && s.s == k.s {
					known = true
					break
				}
			}
			if !known {
				msg := tp.Name + ".__init__ got an unexpected keyword argument '" + k.s + "'. Support for arbitrary keyword arguments is deprecated and will be removed in Python 3.15."
				if err := t.stdWarn(DeprecationWarningType, msg, 1); err != nil {
					return err
				}
			}
		}
		if err := SetAttr(t, self, k, kv[i]); err != nil {
			return err
		}
	}
	rest := remaining.elems()
	if len(rest) == 0 {
		return nil
	}
	ftV, err := getAttrOpt(t, Value{o: tp}, Intern("_field_types"))
	if err != nil {
		return err
	}
	ft, _ := ftV.o.(*Dict)
	for _, nameV := range rest {
		name := nameV.o.(*Str)
		var typ Value
		if ft != nil {
			typ, _, err = ft.Get(t, nameV)
			if err != nil {
				return err
			}
		}
		if typ.IsNull() {
			msg := "Field '" + name.s + "' is missing from " + tp.Name + "._field_types. This will become an error in Python 3.15."
			if err := t.stdWarn(DeprecationWarningType, msg, 1); err != nil {
				return err
			}
			continue
		}
		switch typ.o.(type) {
		case *UnionType:
			// Optional: the class holds None.
		case *GenericAlias:
			if err := SetAttr(t, self, name, Value{o: NewList()}); err != nil {
				return err
			}
		default:
			st := t.astState()
			if ctx := st.classes["expr_context"]; ctx != nil && typ.o == Object(ctx) {
				if err := SetAttr(t, self, name, st.load); err != nil {
					return err
				}
				continue
			}
			r, _ := Repr(t, nameV)
			msg := tp.Name + ".__init__ missing 1 required positional argument: " + r.s + ". This will become an error in Python 3.15."
			if err := t.stdWarn(DeprecationWarningType, msg, 1); err != nil {
				return err
			}
		}
	}
	return nil
}

// stdWarn issues a warning through warnings.warn, stacklevel counted
// from the Python code that called the native function.
func (t *Thread) stdWarn(category *Type, msg string, stacklevel int) error {
	mod, err := t.importModule("warnings")
	if err != nil {
		return err
	}
	_, err = callMethodName(t, mod, "warn", NewStrValue(msg), Value{o: category}, Int(int64(stacklevel)))
	return err
}

func (t *Thread) astState() *astState {
	std := t.std()
	if std.ast == nil {
		std.ast = &astState{classes: map[string]*Type{}}
	}
	return std.ast
}

func initAstModule(t *Thread, m *Module) error {
	m.Set("PyCF_ONLY_AST", Int(0x400))
	m.Set("PyCF_TYPE_COMMENTS", Int(0x1000))
	m.Set("PyCF_ALLOW_TOP_LEVEL_AWAIT", Int(0x2000))
	m.Set("PyCF_OPTIMIZED_AST", Int(0x8400))
	m.addType(AstType)
	st := t.astState()
	st.classes = map[string]*Type{"AST": AstType}
	// Make the classes bases first.
	made := 0
	for made < len(astNodeTable) {
		progress := false
		for _, n := range astNodeTable {
			if st.classes[n.name] != nil {
				continue
			}
			base := st.classes[n.base]
			if base == nil {
				continue
			}
			fields := astFields(n.doc)
			names := make([]Value, len(fields))
			for i, f := range fields {
				names[i] = NewStrValue(f.name)
			}
			var attrs []Value
			if n.attributes != "" {
				attrs = strValues(strings.Fields(n.attributes))
			}
			ns := NewDict()
			ns.SetStr("__module__", NewStrValue("ast"))
			ns.SetStr("__doc__", NewStrValue(n.doc))
			ns.SetStr("_fields", Value{o: NewTuple(names...)})
			ns.SetStr("__match_args__", Value{o: NewTuple(names...)})
			ns.SetStr("_attributes", Value{o: NewTuple(attrs...)})
			for _, f := range fields {
				if f.optional {
					ns.SetStr(f.name, None)
				}
			}
			for _, a := range attrs {
				if s := a.o.(*Str).s; (s == "end_lineno" || s == "end_col_offset") && astOptionalEnd(n.name, n.base) {
					ns.SetStr(s, None)
				}
			}
			c, err := t.newClass(TypeType, n.name, []Value{{o: base}}, ns, NewDict())
			if err != nil {
				return err
			}
			st.classes[n.name] = c
			m.addTypeAs(n.name, c)
			made++
			progress = true
		}
		if !progress {
			return t.raise(SystemErrorType, "_ast: a node class has no base")
		}
	}
	// _field_types, now that every class exists.
	for _, n := range astNodeTable {
		c := st.classes[n.name]
		fields := astFields(n.doc)
		if fields == nil && strings.Contains(n.doc, "=") {
			continue
		}
		ft := NewDict()
		for _, f := range fields {
			var typ Value
			switch f.typ {
			case "identifier", "string":
				typ = Value{o: StrType}
			case "int":
				typ = Value{o: IntType}
			case "constant":
				typ = Value{o: ObjectType}
			default:
				typ = Value{o: st.classes[f.typ]}
			}
			if f.list {
				typ = Value{o: NewGenericAlias(Value{o: ListType}, typ)}
			} else if f.optional {
				typ = Value{o: NewUnion(typ, None)}
			}
			ft.SetStr(f.name, typ)
		}
		c.Dict.SetStr("_field_types", Value{o: ft})
	}
	load, err := t.Call(Value{o: st.classes["Load"]}, nil, nil)
	if err != nil {
		return err
	}
	st.load = load
	return nil
}

// astOptionalEnd reports whether a node class's end positions are
// optional (int? in the ASDL: they default to None on the class): all
// but those of patterns and type parameters.
func astOptionalEnd(name, base string) bool {
	return name != "pattern" && name != "type_param" && base != "pattern" && base != "type_param"
}
